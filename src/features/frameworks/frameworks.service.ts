import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { isUniqueViolation } from '../../platform/db/errors';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { installBuiltInFrameworks, missingBuiltIns } from './frameworks.builtin';
import { readFrameworkFile, type FileFormat, type FrameworkDocument, type VersionContent } from './frameworks.interchange';
import { canManageFrameworks, isEditable, isOwnFramework } from './frameworks.policy';
import * as q from './frameworks.queries';
import {
  DEFAULT_LEVELS,
  LEVEL_KEY_PATTERN,
  LEVEL_ROWS,
  LIMITS,
  parseDescriptors,
  parseLevels,
  type DomainForm,
  type FrameworkForm,
  type ImportForm,
  type SkillForm,
} from './frameworks.schemas';
import type { Framework, FrameworkLevel, FrameworkVersion } from './frameworks.tables';

export const PUBLISHED_MESSAGE = 'This version is published and cannot change. Create a new draft to change it.';

/** An import file with problems: nothing was written; `problems` are the row-level messages. */
export class ImportRejected extends Invalid {
  constructor(readonly problems: string[]) {
    super({ file: fileProblemMessage(problems) });
  }
}

/** The one problem itself, or how many there are (they are listed above the form). */
function fileProblemMessage(problems: string[]): string {
  const [only, ...others] = problems;
  return only !== undefined && others.length === 0 ? only : `The file has ${problems.length} problems, listed above. Nothing was imported.`;
}

function guard(viewer: Viewer) {
  if (!canManageFrameworks(viewer)) throw new Forbidden();
}

async function ownFramework(db: Executor, viewer: Viewer, frameworkId: string): Promise<Framework> {
  guard(viewer);
  const framework = await q.findFramework(db, viewer.organisationId, frameworkId);
  if (!framework || !isOwnFramework(viewer, framework)) throw new NotFound();
  return framework;
}

async function ownVersion(db: Executor, viewer: Viewer, frameworkId: string, versionId: string) {
  const framework = await ownFramework(db, viewer, frameworkId);
  const version = await q.findVersion(db, framework.id, versionId);
  if (!version) throw new NotFound();
  return { framework, version };
}

/** The draft, for a change; a published version answers 409 and changes nothing. */
async function ownDraft(db: Executor, viewer: Viewer, frameworkId: string, versionId: string) {
  const found = await ownVersion(db, viewer, frameworkId, versionId);
  if (!isEditable(found.version)) throw new Conflict(PUBLISHED_MESSAGE);
  return found;
}

/** Reads a version's levels, domains and skills in order. */
export async function versionContent(db: Executor, version: FrameworkVersion) {
  const [domains, skills] = await Promise.all([q.listDomains(db, version.id), q.listSkills(db, version.id)]);
  return {
    levels: parseLevels(version.levels),
    domains: domains.map((domain) => ({
      ...domain,
      skills: skills.filter((s) => s.domain_id === domain.id).map((s) => ({ ...s, descriptors: parseDescriptors(s.descriptors) })),
    })),
  };
}

function asContent(content: Awaited<ReturnType<typeof versionContent>>): VersionContent {
  return {
    levels: content.levels,
    domains: content.domains.map((d) => ({
      title: d.title,
      description: d.description,
      skills: d.skills.map((s) => ({ code: s.code, title: s.title, description: s.description, descriptors: s.descriptors })),
    })),
  };
}

// ----- Frameworks -----

export interface FrameworkListRow {
  id: string;
  title: string;
  track: Framework['track'];
  builtIn: boolean;
  latestPublished: { id: string; number: number; publishedAt: string | null } | null;
  draft: { id: string; number: number } | null;
}

/** The organisation's frameworks with their latest published version and any draft. */
export async function listFrameworks(deps: AppDeps, viewer: Viewer): Promise<{ rows: FrameworkListRow[]; builtInsMissing: boolean }> {
  guard(viewer);
  const [frameworks, versions, missing] = await Promise.all([
    q.listFrameworkRows(deps.db, viewer.organisationId),
    q.listVersionSummaries(deps.db, viewer.organisationId),
    missingBuiltIns(deps.db, viewer.organisationId),
  ]);
  const rows = frameworks.map((f) => {
    const own = versions.filter((v) => v.framework_id === f.id);
    const published = own.filter((v) => v.status === 'published').at(-1);
    const draft = own.find((v) => v.status === 'draft');
    return {
      id: f.id,
      title: f.title,
      track: f.track,
      builtIn: f.builtin_key !== null,
      latestPublished: published ? { id: published.id, number: published.number, publishedAt: published.published_at } : null,
      draft: draft ? { id: draft.id, number: draft.number } : null,
    };
  });
  return { rows, builtInsMissing: missing.length > 0 };
}

/** Frameworks the viewer may make a new draft of (for the import form). */
export async function frameworkChoices(deps: AppDeps, viewer: Viewer) {
  guard(viewer);
  return (await q.listFrameworkRows(deps.db, viewer.organisationId)).map((f) => ({ id: f.id, title: f.title }));
}

function duplicateTitle(title: string): Invalid {
  return new Invalid({
    title: `Your organisation already has a framework called “${title}”. Choose another title, or import the file as a new draft of that framework.`,
  });
}

/** Creates a framework with an empty draft version 1. */
export async function createFramework(deps: AppDeps, viewer: Viewer, form: FrameworkForm, requestId: string | null) {
  guard(viewer);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await q.titleTaken(trx, viewer.organisationId, form.title)) throw duplicateTitle(form.title);
      const created = await q.insertFrameworkWithVersion(trx, deps.clock, {
        organisationId: viewer.organisationId,
        title: form.title,
        description: form.description,
        track: form.track,
        builtinKey: null,
        status: 'draft',
        createdBy: viewer.id,
        content: { levels: DEFAULT_LEVELS, domains: [] },
      });
      await recordAudit(trx, deps.clock, {
        action: 'framework_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'framework',
        subjectId: created.frameworkId,
        detail: { versionId: created.versionId },
        requestId,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateTitle(form.title);
    throw error;
  }
}

/** The framework page: the framework and every version with its status and who published it. */
export async function getFramework(deps: AppDeps, viewer: Viewer, frameworkId: string) {
  const framework = await ownFramework(deps.db, viewer, frameworkId);
  const versions = await q.listVersions(deps.db, framework.id);
  return { framework, versions, draft: versions.find((v) => v.status === 'draft') ?? null };
}

/** Installs the built-in frameworks the organisation is missing (for organisations made before they existed). */
export async function addBuiltInFrameworks(deps: AppDeps, viewer: Viewer): Promise<number> {
  guard(viewer);
  return deps.db.transaction().execute(async (trx) => {
    const missing = await missingBuiltIns(trx, viewer.organisationId);
    await installBuiltInFrameworks(trx, deps.clock, viewer.organisationId);
    return missing.length;
  });
}

// ----- Versions -----

/** A version with its content, for its page. */
export async function getVersion(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string) {
  const { framework, version } = await ownVersion(deps.db, viewer, frameworkId, versionId);
  const [content, draft, versions] = await Promise.all([
    versionContent(deps.db, version),
    q.findDraft(deps.db, framework.id),
    q.listVersions(deps.db, framework.id),
  ]);
  const publisher = versions.find((v) => v.id === version.id);
  return {
    framework,
    version,
    publishedBy: publisher?.publisher_given_name ? `${publisher.publisher_given_name} ${publisher.publisher_family_name}` : null,
    content,
    otherDraft: draft && draft.id !== version.id ? draft : null,
    editable: isEditable(version),
  };
}

/** The draft's levels, for the levels form; 409 on a published version. */
export async function getDraftLevels(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string) {
  const { framework, version } = await ownDraft(deps.db, viewer, frameworkId, versionId);
  return { framework, version, levels: parseLevels(version.levels) };
}

/**
 * Opens a draft: the existing one if there is one (a framework has at most one), otherwise a
 * copy of the latest published version (or an empty draft when none is published).
 */
export async function startDraft(deps: AppDeps, viewer: Viewer, frameworkId: string, requestId: string | null): Promise<string> {
  const framework = await ownFramework(deps.db, viewer, frameworkId);
  const existing = await q.findDraft(deps.db, framework.id);
  if (existing) return existing.id;
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const published = await q.latestPublished(trx, framework.id);
      const content = published ? asContent(await versionContent(trx, published)) : { levels: DEFAULT_LEVELS, domains: [] };
      const number = (await q.highestNumber(trx, framework.id)) + 1;
      const versionId = await q.insertVersion(trx, deps.clock, {
        frameworkId: framework.id,
        number,
        status: 'draft',
        levels: content.levels,
        basedOn: published?.id ?? null,
        createdBy: viewer.id,
      });
      await q.insertVersionContent(trx, versionId, content);
      await q.touchFramework(trx, framework.id, deps.clock.now().toISOString());
      await recordAudit(trx, deps.clock, {
        action: 'framework_version_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'framework_version',
        subjectId: versionId,
        detail: { frameworkId: framework.id, number, basedOn: published?.id ?? null },
        requestId,
      });
      return versionId;
    });
  } catch (error) {
    // Someone else opened the draft at the same moment: go to theirs.
    if (isUniqueViolation(error)) {
      const draft = await q.findDraft(deps.db, framework.id);
      if (draft) return draft.id;
    }
    throw error;
  }
}

/** Reads the levels form: rows of key and title; blank rows are left out. */
export function readLevelsForm(values: Record<string, string>): { ok: true; levels: FrameworkLevel[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const levels: FrameworkLevel[] = [];
  for (let i = 1; i <= LEVEL_ROWS; i++) {
    const key = (values[`level-${i}-key`] ?? '').trim().toLowerCase();
    const title = (values[`level-${i}-title`] ?? '').trim();
    if (!key && !title) continue;
    if (!key) errors[`level-${i}-key`] = `Enter a key for level ${i}`;
    else if (key.length > LIMITS.levelKey) errors[`level-${i}-key`] = `Key for level ${i} must be ${LIMITS.levelKey} characters or fewer`;
    else if (!LEVEL_KEY_PATTERN.test(key))
      errors[`level-${i}-key`] = `Key for level ${i} must use only lower-case letters, numbers, hyphens and underscores, like middle`;
    else if (levels.some((l) => l.key === key)) errors[`level-${i}-key`] = `Key for level ${i} is already used by another level`;
    if (!title) errors[`level-${i}-title`] = `Enter a title for level ${i}`;
    else if (title.length > LIMITS.levelTitle) errors[`level-${i}-title`] = `Title for level ${i} must be ${LIMITS.levelTitle} characters or fewer`;
    if (key && title) levels.push({ key, title });
  }
  if (levels.length === 0 && Object.keys(errors).length === 0) errors['level-1-key'] = 'Enter at least one level';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, levels };
}

/** Changes a draft's levels; descriptors written for a level that is removed go with it. */
export async function changeLevels(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, levels: FrameworkLevel[]): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
    const keys = new Set(levels.map((l) => l.key));
    for (const skill of await q.listSkills(trx, version.id)) {
      const descriptors = parseDescriptors(skill.descriptors);
      const kept = Object.fromEntries(Object.entries(descriptors).filter(([key]) => keys.has(key)));
      if (Object.keys(kept).length !== Object.keys(descriptors).length) await q.setSkillDescriptors(trx, skill.id, JSON.stringify(kept));
    }
    await q.updateVersionLevels(trx, version.id, JSON.stringify(levels), deps.clock.now().toISOString());
  });
}

/** Publishes a draft as the next version number. It needs at least one skill. */
export async function publishDraft(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, requestId: string | null): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const { framework, version } = await ownDraft(trx, viewer, frameworkId, versionId);
    if ((await q.listSkills(trx, version.id)).length === 0) throw new Invalid({ publish: 'Add at least one skill before publishing this version' });
    const number = (await q.highestNumber(trx, framework.id, 'published')) + 1;
    const at = deps.clock.now().toISOString();
    const result = await q.publishVersion(trx, version.id, { number, by: viewer.id, at });
    if (Number(result.numUpdatedRows) !== 1) throw new Conflict(PUBLISHED_MESSAGE);
    await q.touchFramework(trx, framework.id, at);
    await recordAudit(trx, deps.clock, {
      action: 'framework_version_published',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'framework_version',
      subjectId: version.id,
      detail: { frameworkId: framework.id, number },
      requestId,
    });
    return number;
  });
}

/**
 * Deletes a draft (never a published version). A draft that is already gone counts as
 * discarded, so a second press of the button lands on the framework page, not an error.
 */
export async function discardDraft(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, requestId: string | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const framework = await ownFramework(trx, viewer, frameworkId);
    const version = await q.findVersion(trx, framework.id, versionId);
    if (!version) return;
    if (!isEditable(version)) throw new Conflict(PUBLISHED_MESSAGE);
    if (await q.versionInUse(trx, version.id)) throw new Conflict('A programme uses this draft, so it cannot be discarded. Change the programme first.');
    await q.deleteDraft(trx, version.id);
    await recordAudit(trx, deps.clock, {
      action: 'framework_version_discarded',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'framework_version',
      subjectId: version.id,
      detail: { frameworkId: framework.id, number: version.number },
      requestId,
    });
  });
}

// ----- Domains -----

export async function getDomain(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, domainId: string) {
  const { framework, version } = await ownDraft(deps.db, viewer, frameworkId, versionId);
  const domain = await q.findDomain(deps.db, version.id, domainId);
  if (!domain) throw new NotFound();
  return { framework, version, domain };
}

export async function addDomain(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, form: DomainForm): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
    if (await q.domainTitleTaken(trx, version.id, form.title)) throw new Invalid({ title: `This version already has a domain called “${form.title}”` });
    const id = await q.insertDomain(trx, version.id, form);
    await q.touchVersion(trx, version.id, deps.clock.now().toISOString());
    return id;
  });
}

export async function changeDomain(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, domainId: string, form: DomainForm): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
    if (!(await q.findDomain(trx, version.id, domainId))) throw new NotFound();
    if (await q.domainTitleTaken(trx, version.id, form.title, domainId))
      throw new Invalid({ title: `This version already has a domain called “${form.title}”` });
    await q.updateDomain(trx, domainId, form);
    await q.touchVersion(trx, version.id, deps.clock.now().toISOString());
  });
}

/** Removes an empty domain; one that still has skills is refused (Invalid, shown on the version page). */
export async function removeDomain(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, domainId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
    const domain = await q.findDomain(trx, version.id, domainId);
    if (!domain) return;
    const skills = await q.countSkillsInDomain(trx, domain.id);
    if (skills > 0) {
      throw new Invalid({
        [`domain-${domain.id}`]: `“${domain.title}” still has ${skills === 1 ? 'a skill' : `${skills} skills`}. Remove ${skills === 1 ? 'it' : 'them'}, or move ${skills === 1 ? 'it' : 'them'} to another domain, before removing the domain.`,
      });
    }
    await q.deleteDomain(trx, domain.id);
    await q.touchVersion(trx, version.id, deps.clock.now().toISOString());
  });
}

// ----- Skills -----

export async function getSkill(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, skillId: string) {
  const { framework, version } = await ownDraft(deps.db, viewer, frameworkId, versionId);
  const skill = await q.findSkill(deps.db, version.id, skillId);
  if (!skill) throw new NotFound();
  return { framework, version, skill: { ...skill, descriptors: parseDescriptors(skill.descriptors) } };
}

/** What the skill form needs: the draft's domains and levels. */
export async function skillFormChoices(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string) {
  const { framework, version } = await ownDraft(deps.db, viewer, frameworkId, versionId);
  return { framework, version, domains: await q.listDomains(deps.db, version.id), levels: parseLevels(version.levels) };
}

/** Reads the descriptor fields of the skill form (`descriptor-<levelKey>`). */
export function readDescriptors(values: Record<string, string>, levels: FrameworkLevel[]): { descriptors: Record<string, string>; errors: FieldErrors } {
  const descriptors: Record<string, string> = {};
  const errors: FieldErrors = {};
  for (const level of levels) {
    const text = (values[`descriptor-${level.key}`] ?? '').trim();
    if (text.length > LIMITS.descriptor)
      errors[`descriptor-${level.key}`] = `Descriptor for ${level.title.toLowerCase()} must be ${LIMITS.descriptor} characters or fewer`;
    else if (text) descriptors[level.key] = text;
  }
  return { descriptors, errors };
}

async function checkSkill(trx: Executor, versionId: string, form: SkillForm, exceptId?: string) {
  const errors: FieldErrors = {};
  if (!(await q.findDomain(trx, versionId, form.domainId))) errors.domainId = 'Select a domain';
  if (await q.codeTaken(trx, versionId, form.code, exceptId)) errors.code = `Another skill in this version already has the code ${form.code}`;
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
}

export async function addSkill(
  deps: AppDeps,
  viewer: Viewer,
  frameworkId: string,
  versionId: string,
  form: SkillForm,
  descriptors: Record<string, string>,
): Promise<string> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
      await checkSkill(trx, version.id, form);
      const id = await q.insertSkill(trx, version.id, {
        domainId: form.domainId,
        code: form.code,
        title: form.title,
        description: form.description,
        descriptors: JSON.stringify(descriptors),
      });
      await q.touchVersion(trx, version.id, deps.clock.now().toISOString());
      return id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ code: `Another skill in this version already has the code ${form.code}` });
    throw error;
  }
}

export async function changeSkill(
  deps: AppDeps,
  viewer: Viewer,
  frameworkId: string,
  versionId: string,
  skillId: string,
  form: SkillForm,
  descriptors: Record<string, string>,
): Promise<void> {
  try {
    await deps.db.transaction().execute(async (trx) => {
      const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
      const skill = await q.findSkill(trx, version.id, skillId);
      if (!skill) throw new NotFound();
      await checkSkill(trx, version.id, form, skill.id);
      await q.updateSkill(
        trx,
        skill.id,
        { domainId: form.domainId, code: form.code, title: form.title, description: form.description, descriptors: JSON.stringify(descriptors) },
        skill.domain_id !== form.domainId,
      );
      await q.touchVersion(trx, version.id, deps.clock.now().toISOString());
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ code: `Another skill in this version already has the code ${form.code}` });
    throw error;
  }
}

/** Removes a skill from a draft; one already removed counts as removed. */
export async function removeSkill(deps: AppDeps, viewer: Viewer, frameworkId: string, versionId: string, skillId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const { version } = await ownDraft(trx, viewer, frameworkId, versionId);
    const skill = await q.findSkill(trx, version.id, skillId);
    if (!skill) return;
    if (await q.skillInUse(trx, skill.id)) throw new Conflict(`A programme focuses on ${skill.code}, so it cannot be removed from this draft.`);
    await q.deleteSkill(trx, skill.id);
    await q.touchVersion(trx, version.id, deps.clock.now().toISOString());
  });
}

// ----- Export and import -----

/** The version as a framework file document, and a file name stem like "school-leadership-framework-v2". */
export async function exportVersion(
  deps: AppDeps,
  viewer: Viewer,
  frameworkId: string,
  versionId: string,
): Promise<{ document: FrameworkDocument; fileStem: string }> {
  const { framework, version } = await ownVersion(deps.db, viewer, frameworkId, versionId);
  const content = asContent(await versionContent(deps.db, version));
  const slug =
    framework.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'framework';
  return {
    document: { title: framework.title, description: framework.description, track: framework.track, ...content },
    fileStem: `${slug}-v${version.number}${version.status === 'draft' ? '-draft' : ''}`,
  };
}

export interface ImportUpload {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Imports a framework file as a new framework (with draft version 1) or as a new draft of an
 * existing framework. The whole file is checked first; any problem rejects it (ImportRejected,
 * with every problem) and nothing is written.
 */
export async function importFramework(
  deps: AppDeps,
  viewer: Viewer,
  form: ImportForm,
  upload: ImportUpload,
  requestId: string | null,
): Promise<{ frameworkId: string; versionId: string }> {
  guard(viewer);
  const existing = form.target === 'draft' ? await q.findFramework(deps.db, viewer.organisationId, form.frameworkId ?? '') : undefined;
  if (form.target === 'draft' && !existing) throw new Invalid({ frameworkId: 'Select the framework to make a new draft of' });
  const latest = existing ? await q.latestPublished(deps.db, existing.id) : undefined;
  const frameworkLevels = latest ? parseLevels(latest.levels) : DEFAULT_LEVELS;
  const knownLevels = [...frameworkLevels, ...DEFAULT_LEVELS.filter((d) => !frameworkLevels.some((l) => l.key === d.key))];
  const read = readFrameworkFile(upload.fileName, upload.bytes, { knownLevels, fallbackLevels: frameworkLevels });
  if (!read.ok) throw new ImportRejected(read.problems);
  const file = read.file;

  if (existing) {
    return deps.db.transaction().execute(async (trx) => {
      const draft = await q.findDraft(trx, existing.id);
      if (draft)
        throw new ImportRejected([`“${existing.title}” already has a draft (version ${draft.number}). Publish or discard it before importing a new one.`]);
      const number = (await q.highestNumber(trx, existing.id)) + 1;
      const versionId = await q.insertVersion(trx, deps.clock, {
        frameworkId: existing.id,
        number,
        status: 'draft',
        levels: file.content.levels,
        basedOn: latest?.id ?? null,
        createdBy: viewer.id,
      });
      await q.insertVersionContent(trx, versionId, file.content);
      await q.touchFramework(trx, existing.id, deps.clock.now().toISOString());
      await recordAudit(trx, deps.clock, {
        action: 'framework_imported',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'framework',
        subjectId: existing.id,
        detail: { versionId, number, format: file.format, fileName: upload.fileName },
        requestId,
      });
      return { frameworkId: existing.id, versionId };
    });
  }

  const title = form.title || file.title || '';
  const track = form.track || file.track;
  const fieldErrors: FieldErrors = {};
  if (!title)
    fieldErrors.title = file.format === 'csv' ? 'Enter a title for the new framework' : 'Enter a title for the new framework: the file does not give one';
  if (!track) fieldErrors.track = file.format === 'csv' ? 'Select who the new framework is for' : 'Select who the new framework is for: the file does not say';
  if (Object.keys(fieldErrors).length > 0) throw new Invalid(fieldErrors);
  return createImported(
    deps,
    viewer,
    { title, description: file.description ?? '', track: track as Framework['track'], content: file.content, format: file.format, fileName: upload.fileName },
    requestId,
  );
}

async function createImported(
  deps: AppDeps,
  viewer: Viewer,
  values: { title: string; description: string; track: Framework['track']; content: VersionContent; format: FileFormat; fileName: string },
  requestId: string | null,
) {
  const taken = () =>
    new ImportRejected([
      `Your organisation already has a framework called “${values.title}”. Give the new framework another title, or import the file as a new draft of that framework.`,
    ]);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await q.titleTaken(trx, viewer.organisationId, values.title)) throw taken();
      const created = await q.insertFrameworkWithVersion(trx, deps.clock, {
        organisationId: viewer.organisationId,
        title: values.title,
        description: values.description,
        track: values.track,
        builtinKey: null,
        status: 'draft',
        createdBy: viewer.id,
        content: values.content,
      });
      await recordAudit(trx, deps.clock, {
        action: 'framework_imported',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'framework',
        subjectId: created.frameworkId,
        detail: { versionId: created.versionId, number: 1, format: values.format, fileName: values.fileName },
        requestId,
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken();
    throw error;
  }
}
