import { z } from 'zod';
import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { londonDate } from '../../platform/dates';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { notify } from '../notifications';
import { findPersonSummary } from '../staff';
import type { RequirementSpec } from '../../platform/completion';
import { checkEligibility, describeRules, factsFromPerson, parseEligibilityRules, type EligibilityFacts, type EligibilityResult } from './eligibility';
import * as q from './programmes.queries';
import { canDesignProgrammes, canRecommend, canSeeProgramme, recommendScope } from './programmes.policy';
import type { JourneyAnswers, PathwayForm, ProgrammeForm, RecommendForm, ModuleForm } from './programmes.schemas';
import type { Programme } from './programmes.tables';

const stringList = z.array(z.string()).catch([]);
const levelList = z.array(z.object({ key: z.string(), title: z.string() })).catch([]);

/** A JSON list of strings as stored (declarations, experiences); anything else reads as empty. */
export function parseStringList(json: string): string[] {
  try {
    return stringList.parse(JSON.parse(json || '[]'));
  } catch {
    return [];
  }
}

/** The levels a framework version's descriptors are written for. */
export function parseLevels(json: string): { key: string; title: string }[] {
  try {
    return levelList.parse(JSON.parse(json || '[]'));
  } catch {
    return [];
  }
}

function requireDesigner(viewer: Viewer) {
  if (!canDesignProgrammes(viewer)) throw new Forbidden();
}

const nowOf = (deps: AppDeps) => deps.clock.now().toISOString();

// ----- Pathways -----

export async function listPathwaysFor(deps: AppDeps, viewer: Viewer) {
  requireDesigner(viewer);
  const rows = await q.listPathways(deps.db, viewer.organisationId);
  return rows.map((r) => ({ ...r, stage_count: Number(r.stage_count ?? 0) }));
}

/** A pathway of the viewer's organisation, or NotFound. */
export async function getPathway(deps: AppDeps, viewer: Viewer, id: string) {
  requireDesigner(viewer);
  const pathway = await q.findPathway(deps.db, viewer.organisationId, id);
  if (!pathway) throw new NotFound();
  return pathway;
}

/** The pathway page: its stages in order, and the programmes that could be added. */
export async function getPathwayPage(deps: AppDeps, viewer: Viewer, id: string) {
  const pathway = await getPathway(deps, viewer, id);
  const [stages, candidates] = await Promise.all([q.listStages(deps.db, id), q.listStandaloneProgrammes(deps.db, viewer.organisationId)]);
  return { pathway, stages, candidates };
}

function duplicateTitle(error: unknown, what: 'pathway' | 'programme'): never {
  if (isUniqueViolation(error)) throw new Invalid({ title: `Another ${what} in your organisation already has this title` });
  throw error;
}

/** Creates a pathway with no stages yet. */
export async function createPathway(deps: AppDeps, viewer: Viewer, form: PathwayForm, requestId: string | null): Promise<string> {
  requireDesigner(viewer);
  const id = newId();
  const now = nowOf(deps);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertPathway(trx, {
        id,
        organisation_id: viewer.organisationId,
        title: form.title,
        title_normalised: form.title.toLowerCase(),
        summary: form.summary,
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, deps.clock, {
        action: 'pathway_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'pathway',
        subjectId: id,
        requestId,
      });
    });
  } catch (error) {
    duplicateTitle(error, 'pathway');
  }
  return id;
}

export async function editPathway(deps: AppDeps, viewer: Viewer, id: string, form: PathwayForm, requestId: string | null): Promise<void> {
  await getPathway(deps, viewer, id);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.updatePathwayRow(trx, id, { title: form.title, title_normalised: form.title.toLowerCase(), summary: form.summary, updated_at: nowOf(deps) });
      await recordAudit(trx, deps.clock, {
        action: 'pathway_updated',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'pathway',
        subjectId: id,
        detail: { changed: ['title', 'summary'] },
        requestId,
      });
    });
  } catch (error) {
    duplicateTitle(error, 'pathway');
  }
}

/**
 * Rewrites a pathway's stages as 1..n in the given order, touching only rows whose place changed.
 * Every stage change goes through here, so positions stay contiguous.
 */
async function renumberStages(trx: Executor, pathwayId: string, orderedIds: string[], current: { id: string; stage_position: number | null }[], now: string) {
  for (const [i, id] of orderedIds.entries()) {
    if (current.find((s) => s.id === id)?.stage_position !== i + 1) await q.placeProgramme(trx, id, pathwayId, i + 1, now);
  }
}

/** Adds a programme that stands alone as the pathway's last stage. */
export async function addStage(deps: AppDeps, viewer: Viewer, pathwayId: string, programmeId: string, requestId: string | null): Promise<void> {
  await getPathway(deps, viewer, pathwayId);
  await deps.db.transaction().execute(async (trx) => {
    await q.lockPathway(trx, pathwayId);
    await q.lockProgramme(trx, programmeId);
    const programme = await q.findProgrammeRow(trx, viewer.organisationId, programmeId);
    if (!programme) throw new Invalid({ programmeId: 'Select a programme from the list' });
    if (programme.pathway_id !== null) throw new Invalid({ programmeId: 'That programme is already a stage of a pathway. Remove it from that pathway first.' });
    const stages = await q.listStages(trx, pathwayId);
    const now = nowOf(deps);
    await q.placeProgramme(trx, programmeId, pathwayId, stages.length + 1, now);
    await renumberStages(
      trx,
      pathwayId,
      stages.map((s) => s.id),
      stages,
      now,
    );
    await recordAudit(trx, deps.clock, {
      action: 'pathway_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'pathway',
      subjectId: pathwayId,
      detail: { stageAdded: programmeId },
      requestId,
    });
  });
}

/** Moves a stage one place up or down; at either end it stays where it is. */
export async function moveStage(
  deps: AppDeps,
  viewer: Viewer,
  pathwayId: string,
  programmeId: string,
  direction: 'up' | 'down',
  requestId: string | null,
): Promise<void> {
  await getPathway(deps, viewer, pathwayId);
  await deps.db.transaction().execute(async (trx) => {
    await q.lockPathway(trx, pathwayId);
    const stages = await q.listStages(trx, pathwayId);
    const from = stages.findIndex((s) => s.id === programmeId);
    if (from === -1) throw new NotFound();
    const to = direction === 'up' ? from - 1 : from + 1;
    const order = stages.map((s) => s.id);
    // The stage it swaps with; none past either end.
    const neighbour = order[to];
    if (neighbour !== undefined) [order[from], order[to]] = [neighbour, programmeId];
    await renumberStages(trx, pathwayId, order, stages, nowOf(deps));
    await recordAudit(trx, deps.clock, {
      action: 'pathway_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'pathway',
      subjectId: pathwayId,
      detail: { stageMoved: programmeId, direction },
      requestId,
    });
  });
}

/** Takes a programme off the pathway: it then stands alone, and later stages move up. */
export async function removeStage(deps: AppDeps, viewer: Viewer, pathwayId: string, programmeId: string, requestId: string | null): Promise<void> {
  await getPathway(deps, viewer, pathwayId);
  await deps.db.transaction().execute(async (trx) => {
    await q.lockPathway(trx, pathwayId);
    if (!(await q.findProgrammeRow(trx, viewer.organisationId, programmeId))) throw new NotFound();
    const stages = await q.listStages(trx, pathwayId);
    // Already off the pathway (a second click, or another lead got there first): nothing to do.
    if (!stages.some((s) => s.id === programmeId)) return;
    const now = nowOf(deps);
    await q.placeProgramme(trx, programmeId, null, null, now);
    const rest = stages.filter((s) => s.id !== programmeId);
    await renumberStages(
      trx,
      pathwayId,
      rest.map((s) => s.id),
      rest,
      now,
    );
    await recordAudit(trx, deps.clock, {
      action: 'pathway_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'pathway',
      subjectId: pathwayId,
      detail: { stageRemoved: programmeId },
      requestId,
    });
  });
}

// ----- Programmes -----

/** A programme of the viewer's organisation for its designers, or NotFound. */
export async function getProgrammeForDesign(deps: AppDeps, viewer: Viewer, id: string): Promise<Programme> {
  requireDesigner(viewer);
  const programme = await q.findProgrammeRow(deps.db, viewer.organisationId, id);
  if (!programme) throw new NotFound();
  return programme;
}

/** Published framework versions to choose from, with their levels. */
export async function frameworkChoices(deps: AppDeps, viewer: Viewer) {
  const versions = await q.listPublishedVersions(deps.db, viewer.organisationId);
  return versions.map((v) => ({ id: v.id, label: `${v.framework_title}, version ${v.number}`, levels: parseLevels(v.levels) }));
}
export type FrameworkChoice = Awaited<ReturnType<typeof frameworkChoices>>[number];

/** Checks the framework version and level against the organisation's published versions. */
async function checkFramework(db: Executor, viewer: Viewer, form: ProgrammeForm, current: Programme | undefined) {
  if (form.frameworkVersionId === null) return;
  const version = await q.findVersion(db, viewer.organisationId, form.frameworkVersionId);
  // A version chosen earlier stays valid; a new choice must be published.
  if (!version || (version.status !== 'published' && version.id !== current?.framework_version_id))
    throw new Invalid({ frameworkVersionId: 'Select a published framework version from the list' });
  if (form.frameworkLevel !== null && !parseLevels(version.levels).some((l) => l.key === form.frameworkLevel)) {
    throw new Invalid({ frameworkLevel: `Select a level of ${version.framework_title}, version ${version.number}` });
  }
}

function programmeColumns(form: ProgrammeForm) {
  return {
    title: form.title,
    title_normalised: form.title.toLowerCase(),
    summary: form.summary,
    audience: form.audience,
    duration: form.duration,
    delivery: form.delivery,
    modules_required: form.delivery === 'modular' ? form.modulesRequired : null,
    framework_version_id: form.frameworkVersionId,
    framework_level: form.frameworkVersionId ? form.frameworkLevel : null,
    eligibility: JSON.stringify({ staffTypes: form.staffTypes, leadershipLevels: form.leadershipLevels, minYears: form.minYears, maxYears: form.maxYears }),
    declarations: JSON.stringify(form.declarations),
    experiences: JSON.stringify(form.experiences),
    asks_for_coach: form.asksForCoach ? 1 : 0,
    asks_for_project: form.asksForProject ? 1 : 0,
    motivation_word_limit: form.motivationWordLimit,
    status: form.status,
  };
}

/** Creates a programme standing alone (add it to a pathway from the pathway's page). */
export async function createProgramme(deps: AppDeps, viewer: Viewer, form: ProgrammeForm, requestId: string | null): Promise<string> {
  requireDesigner(viewer);
  const id = newId();
  const now = nowOf(deps);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await checkFramework(trx, viewer, form, undefined);
      await q.insertProgramme(trx, {
        id,
        organisation_id: viewer.organisationId,
        pathway_id: null,
        stage_position: null,
        ...programmeColumns(form),
        created_at: now,
        updated_at: now,
      });
      await recordAudit(trx, deps.clock, {
        action: 'programme_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'programme',
        subjectId: id,
        requestId,
      });
    });
  } catch (error) {
    duplicateTitle(error, 'programme');
  }
  return id;
}

/**
 * Changes a programme. A new framework version clears the focus skills (they belong to the old
 * version); cohort delivery is refused while "chosen modules completed" is a requirement.
 */
export async function editProgramme(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  form: ProgrammeForm,
  requestId: string | null,
): Promise<{ skillsCleared: boolean }> {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  let skillsCleared = false;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await checkFramework(trx, viewer, form, programme);
      const requirements = await q.listRequirements(trx, id);
      if (requirements.some((r) => r.kind === 'modules')) {
        if (form.delivery !== 'modular')
          throw new Invalid({
            delivery: 'This programme requires chosen modules to be completed. Remove that requirement before changing to cohort-based delivery.',
          });
        const modules = await q.countModules(trx, id);
        if (form.modulesRequired !== null && form.modulesRequired > modules) {
          throw new Invalid({
            modulesRequired: `The programme has ${modules} ${modules === 1 ? 'module' : 'modules'} and requires chosen modules to be completed, so participants cannot choose more than ${modules}. Add modules first.`,
          });
        }
      }
      const columns = programmeColumns(form);
      if (columns.framework_version_id !== programme.framework_version_id) {
        const skills = await q.listFocusSkills(trx, id);
        skillsCleared = skills.length > 0;
        await q.replaceFocusSkills(trx, id, []);
      }
      await q.updateProgrammeRow(trx, id, { ...columns, updated_at: nowOf(deps) });
      const changed = Object.entries(columns)
        .filter(([k, v]) => k !== 'title_normalised' && (programme as unknown as Record<string, unknown>)[k] !== v)
        .map(([k]) => k);
      await recordAudit(trx, deps.clock, {
        action: 'programme_updated',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'programme',
        subjectId: id,
        detail: { changed },
        requestId,
      });
    });
  } catch (error) {
    duplicateTitle(error, 'programme');
  }
  return { skillsCleared };
}

// ----- Requirements -----

/** The requirements form: every kind that may be chosen, and what is chosen now with its settings. */
export async function getRequirementsPage(deps: AppDeps, viewer: Viewer, id: string) {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  const [chosen, modules] = await Promise.all([q.listRequirements(deps.db, id), q.countModules(deps.db, id)]);
  return { programme, chosen, modules, available: deps.completion.available() };
}

/**
 * Replaces the programme's requirements in one go. `values` holds the form's text (settings are
 * named `<kind>-<setting>`). Unknown kinds, settings out of range, and modules on a programme
 * that can't use them are refused with a message per field; nothing is stored then.
 */
export async function saveRequirements(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  kinds: string[],
  values: Record<string, string>,
  requestId: string | null,
): Promise<void> {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  const errors: FieldErrors = {};
  const unknown = kinds.filter((k) => !deps.completion.evaluator(k));
  if (unknown.length > 0) errors.kinds = 'Select requirements from the list: Waymark cannot check the others yet';
  const chosen = deps.completion.available().filter((e) => kinds.includes(e.kind));
  const settingsByKind = new Map<string, Record<string, number>>();
  for (const evaluator of chosen) {
    const settings: Record<string, number> = {};
    for (const field of evaluator.settings) {
      const name = `${evaluator.kind}-${field.name}`;
      const text = (values[name] ?? '').trim();
      if (text === '') settings[field.name] = field.default;
      else if (!/^\d+$/.test(text) || Number(text) < field.min || Number(text) > field.max)
        errors[name] = `${field.label} must be a whole number from ${field.min} to ${field.max}`;
      else settings[field.name] = Number(text);
    }
    settingsByKind.set(evaluator.kind, settings);
  }
  await deps.db.transaction().execute(async (trx) => {
    if (kinds.includes('modules')) {
      if (programme.delivery !== 'modular')
        errors.kinds ??= '“Chosen modules completed” is only for self-directed, modular programmes. Change the programme’s delivery first.';
      else {
        const modules = await q.countModules(trx, id);
        const needed = programme.modules_required ?? 1;
        if (modules < needed)
          errors.kinds ??= `Participants choose ${needed} ${needed === 1 ? 'module' : 'modules'}, but the programme has ${modules}. Add modules before requiring them.`;
      }
    }
    if (Object.keys(errors).length > 0) throw new Invalid(errors);
    await q.replaceRequirements(
      trx,
      id,
      chosen.map((evaluator, i) => ({
        id: newId(),
        programme_id: id,
        kind: evaluator.kind,
        position: i + 1,
        settings: JSON.stringify(settingsByKind.get(evaluator.kind) ?? {}),
      })),
    );
    await q.updateProgrammeRow(trx, id, { updated_at: nowOf(deps) });
    await recordAudit(trx, deps.clock, {
      action: 'programme_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: id,
      detail: { requirements: chosen.map((e) => e.kind) },
      requestId,
    });
  });
}

// ----- Focus skills -----

export async function getSkillsPage(deps: AppDeps, viewer: Viewer, id: string) {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  if (!programme.framework_version_id) return { programme, version: null, skills: [], chosen: [] as string[] };
  const [version, skills, focus] = await Promise.all([
    q.findVersion(deps.db, viewer.organisationId, programme.framework_version_id),
    q.listVersionSkills(deps.db, programme.framework_version_id),
    q.listFocusSkills(deps.db, id),
  ]);
  return { programme, version: version ? { label: `${version.framework_title}, version ${version.number}` } : null, skills, chosen: focus.map((s) => s.id) };
}

/** Replaces the focus skills; every one must belong to the programme's framework version. */
export async function saveFocusSkills(deps: AppDeps, viewer: Viewer, id: string, skillIds: string[], requestId: string | null): Promise<void> {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  if (!programme.framework_version_id) throw new Conflict('Choose a framework version for the programme before its focus skills.');
  const versionId = programme.framework_version_id;
  const unique = [...new Set(skillIds)];
  await deps.db.transaction().execute(async (trx) => {
    const skills = new Set((await q.listVersionSkills(trx, versionId)).map((s) => s.id));
    if (unique.some((s) => !skills.has(s))) throw new Invalid({ skills: 'Select skills from the programme’s framework version' });
    await q.replaceFocusSkills(trx, id, unique);
    await q.updateProgrammeRow(trx, id, { updated_at: nowOf(deps) });
    await recordAudit(trx, deps.clock, {
      action: 'programme_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: id,
      detail: { focusSkills: unique.length },
      requestId,
    });
  });
}

// ----- Modules -----

export async function getModulesPage(deps: AppDeps, viewer: Viewer, id: string) {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  const modules = (await q.listModules(deps.db, id)).map((m) => ({ ...m, chosen_by: Number(m.chosen_by ?? 0) }));
  return { programme, modules };
}

export async function addModule(deps: AppDeps, viewer: Viewer, id: string, form: ModuleForm, requestId: string | null): Promise<void> {
  await getProgrammeForDesign(deps, viewer, id);
  await deps.db.transaction().execute(async (trx) => {
    const moduleId = newId();
    await q.insertModule(trx, {
      id: moduleId,
      programme_id: id,
      position: await q.nextModulePosition(trx, id),
      title: form.title,
      description: form.description,
    });
    await q.updateProgrammeRow(trx, id, { updated_at: nowOf(deps) });
    await recordAudit(trx, deps.clock, {
      action: 'programme_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: id,
      detail: { moduleAdded: moduleId },
      requestId,
    });
  });
}

/** Removes a module nobody has chosen. Refused while it would leave too few for the modules requirement. */
export async function removeModule(deps: AppDeps, viewer: Viewer, id: string, moduleId: string, requestId: string | null): Promise<void> {
  const programme = await getProgrammeForDesign(deps, viewer, id);
  await deps.db.transaction().execute(async (trx) => {
    const module = await q.findModule(trx, id, moduleId);
    // Already removed (a second click, or another lead got there first): nothing to do.
    if (!module) return;
    const chosen = await q.countModuleChoices(trx, moduleId);
    if (chosen > 0)
      throw new Invalid({ module: `“${module.title}” cannot be removed: ${chosen === 1 ? '1 participant has' : `${chosen} participants have`} chosen it.` });
    const requirements = await q.listRequirements(trx, id);
    const needed = programme.modules_required ?? 1;
    if (requirements.some((r) => r.kind === 'modules') && (await q.countModules(trx, id)) - 1 < needed) {
      throw new Invalid({
        module: `“${module.title}” cannot be removed: participants choose ${needed} ${needed === 1 ? 'module' : 'modules'}, so the programme needs at least ${needed}.`,
      });
    }
    await q.deleteModule(trx, moduleId);
    await q.updateProgrammeRow(trx, id, { updated_at: nowOf(deps) });
    await recordAudit(trx, deps.clock, {
      action: 'programme_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: id,
      detail: { moduleRemoved: moduleId, title: module.title },
      requestId,
    });
  });
}

// ----- What staff see -----

/** A programme the viewer may see (open, or any status for leads), or NotFound. */
export async function getVisibleProgramme(deps: AppDeps, viewer: Viewer, id: string): Promise<Programme> {
  const programme = await q.findProgrammeRow(deps.db, viewer.organisationId, id);
  if (!programme || !canSeeProgramme(viewer, programme)) throw new NotFound();
  return programme;
}

export interface CohortSummary {
  id: string;
  name: string;
  applications_open_on: string;
  applications_close_on: string;
  starts_on: string;
  ends_on: string;
}

/** Splits cohorts into those taking applications today, those opening later, and the rest. */
export function cohortsByWindow<C extends CohortSummary>(cohorts: C[], today: string) {
  return {
    open: cohorts.filter((c) => c.applications_open_on <= today && today <= c.applications_close_on),
    upcoming: cohorts.filter((c) => c.applications_open_on > today),
    closed: cohorts.filter((c) => c.applications_close_on < today),
  };
}

/** Requirements as the participant reads them: "Choose and complete 3 modules". */
export function describeRequirements(deps: AppDeps, programme: Pick<Programme, 'id' | 'modules_required'>, requirements: RequirementSpec[]) {
  const context = { id: programme.id, modulesRequired: programme.modules_required };
  return requirements.flatMap((r) => {
    const evaluator = deps.completion.evaluator(r.kind);
    return evaluator
      ? [{ kind: evaluator.kind, title: evaluator.title, text: evaluator.describe(deps.completion.settingsFor(r.kind, r.settings), context, 'participant') }]
      : [];
  });
}

/** Eligibility of one person for a programme, from their staff record today. */
export function personEligibility(programme: Pick<Programme, 'eligibility'>, person: Parameters<typeof factsFromPerson>[0], today: string): EligibilityResult {
  return checkEligibility(parseEligibilityRules(programme.eligibility), factsFromPerson(person, today));
}

/** Everything the programme page shows. */
export async function getProgrammePage(deps: AppDeps, viewer: Viewer, id: string) {
  const programme = await getVisibleProgramme(deps, viewer, id);
  const today = londonDate(deps.clock.now());
  const lead = canDesignProgrammes(viewer);
  const [person, pathway, stages, modules, focusSkills, requirements, cohorts, version] = await Promise.all([
    findPersonSummary(deps.db, viewer.id, viewer.organisationId),
    programme.pathway_id ? q.findPathway(deps.db, viewer.organisationId, programme.pathway_id) : undefined,
    programme.pathway_id ? q.listStages(deps.db, programme.pathway_id) : [],
    q.listModules(deps.db, id),
    q.listFocusSkills(deps.db, id),
    q.listRequirements(deps.db, id),
    q.listCohortsOf(deps.db, [id]),
    programme.framework_version_id ? q.findVersion(deps.db, viewer.organisationId, programme.framework_version_id) : undefined,
  ]);
  const rules = parseEligibilityRules(programme.eligibility);
  // Stage numbers count what this viewer can open: staff don't see draft stages.
  const visibleStages = stages.filter((s) => lead || s.status === 'open');
  const at = visibleStages.findIndex((s) => s.id === id);
  const level = version && programme.framework_level ? parseLevels(version.levels).find((l) => l.key === programme.framework_level) : undefined;
  return {
    programme,
    rules: describeRules(rules),
    hasRules: describeRules(rules).length > 0,
    declarations: parseStringList(programme.declarations),
    experiences: parseStringList(programme.experiences),
    eligibility: person ? checkEligibility(rules, factsFromPerson(person, today)) : null,
    pathway:
      pathway && at !== -1
        ? {
            id: pathway.id,
            title: pathway.title,
            stage: at + 1,
            of: visibleStages.length,
            previous: visibleStages[at - 1] ?? null,
            next: visibleStages[at + 1] ?? null,
          }
        : null,
    modules,
    focusSkills,
    requirements: describeRequirements(deps, programme, requirements),
    cohorts: cohortsByWindow(cohorts, today),
    allCohorts: cohorts,
    viewerId: viewer.id,
    framework: version ? { label: `${version.framework_title}, version ${version.number}`, level: level?.title ?? null } : null,
    isLead: lead,
    canRecommend: canRecommend(viewer) && programme.status === 'open',
  };
}
export type ProgrammePageData = Awaited<ReturnType<typeof getProgrammePage>>;

/** The catalogue: pathways in stage order, then programmes that stand alone, each with open rounds. */
export async function getCatalogue(deps: AppDeps, viewer: Viewer) {
  const lead = canDesignProgrammes(viewer);
  const rows = await q.listCatalogue(deps.db, viewer.organisationId, lead);
  const cohorts = await q.listCohortsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const today = londonDate(deps.clock.now());
  const withRounds = rows.map((r) => {
    const windows = cohortsByWindow(
      cohorts.filter((c) => c.programme_id === r.id),
      today,
    );
    return { ...r, open: windows.open, upcoming: windows.upcoming };
  });
  const pathways: { id: string; title: string; summary: string; programmes: typeof withRounds }[] = [];
  for (const programme of withRounds) {
    if (!programme.pathway_id) continue;
    let pathway = pathways.find((p) => p.id === programme.pathway_id);
    if (!pathway) {
      pathway = { id: programme.pathway_id, title: programme.pathway_title ?? '', summary: programme.pathway_summary ?? '', programmes: [] };
      pathways.push(pathway);
    }
    pathway.programmes.push(programme);
  }
  return { pathways, standalone: withRounds.filter((p) => !p.pathway_id), isLead: lead };
}
export type Catalogue = Awaited<ReturnType<typeof getCatalogue>>;

/** The viewer's staff record, to prefill "Is this for me?". */
export async function journeyDefaults(
  deps: AppDeps,
  viewer: Viewer,
): Promise<Partial<Record<'role' | 'level' | 'years', string>> & { startedOn: string | null }> {
  const person = await findPersonSummary(deps.db, viewer.id, viewer.organisationId);
  if (!person) return { startedOn: null };
  const facts = factsFromPerson(person, londonDate(deps.clock.now()));
  return {
    role: facts.staffType,
    level: facts.leadershipLevel,
    years: facts.yearsInSchools === null ? undefined : String(facts.yearsInSchools),
    startedOn: person.started_in_schools_on,
  };
}

/** "Is this for me?" results: each open programme, whether the answers meet its rules, and why not. */
export async function journeyResults(deps: AppDeps, viewer: Viewer, answers: JourneyAnswers) {
  const facts: EligibilityFacts = { staffType: answers.role, leadershipLevel: answers.level, yearsInSchools: answers.years };
  const programmes = await q.listOpenProgrammes(deps.db, viewer.organisationId);
  const results = programmes.map((p) => ({ id: p.id, title: p.title, summary: p.summary, ...checkEligibility(parseEligibilityRules(p.eligibility), facts) }));
  return { eligible: results.filter((r) => r.eligible), notEligible: results.filter((r) => !r.eligible) };
}

// ----- Recommendations -----

/** An open programme a people manager may recommend colleagues for. */
async function getRecommendableProgramme(deps: AppDeps, viewer: Viewer, id: string) {
  if (!canRecommend(viewer)) throw new Forbidden();
  const programme = await getVisibleProgramme(deps, viewer, id);
  if (programme.status !== 'open') throw new Conflict('You can recommend colleagues for a programme once it is open.');
  return programme;
}

export async function getRecommendPage(deps: AppDeps, viewer: Viewer, id: string) {
  const programme = await getRecommendableProgramme(deps, viewer, id);
  const colleagues = await q.listRecommendable(deps.db, recommendScope(viewer));
  return { programme, colleagues };
}

/**
 * Recommends a colleague within the viewer's reach and emails them, in one transaction.
 * Someone outside it is refused as if they weren't on the list.
 */
export async function recommendColleague(deps: AppDeps, viewer: Viewer, id: string, form: RecommendForm, requestId: string | null): Promise<{ name: string }> {
  const programme = await getRecommendableProgramme(deps, viewer, id);
  return deps.db.transaction().execute(async (trx) => {
    const colleague = await q.findRecommendable(trx, recommendScope(viewer), form.personId);
    if (!colleague) throw new Invalid({ personId: 'Select a colleague from the list' });
    const recommendationId = newId();
    await q.insertRecommendation(trx, {
      id: recommendationId,
      organisation_id: viewer.organisationId,
      programme_id: id,
      person_id: colleague.id,
      recommended_by: viewer.id,
      note: form.note,
      created_at: nowOf(deps),
    });
    const recommender = `${viewer.givenName} ${viewer.familyName}`;
    await notify(trx, deps.clock, {
      personId: colleague.id,
      kind: 'recommendation',
      subject: `${recommender} has recommended you for ${programme.title}`,
      paragraphs: [
        `${recommender} has recommended you for ${programme.title}.`,
        ...(form.note ? [`They wrote:`, form.note] : []),
        'To apply, choose “Start your application” on the programme’s page while an application round is open. Waymark uses your staff record when you apply.',
      ],
      link: `/programmes/${id}`,
      linkText: 'Read about the programme and who it is for here:',
    });
    await recordAudit(trx, deps.clock, {
      action: 'recommendation_made',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'recommendation',
      subjectId: recommendationId,
      detail: { programmeId: id, personId: colleague.id },
      requestId,
    });
    return { name: `${colleague.given_name} ${colleague.family_name}` };
  });
}
