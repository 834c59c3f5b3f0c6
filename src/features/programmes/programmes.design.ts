import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { Invalid } from '../../platform/http/errors';
import * as q from './programmes.queries';

// A programme's design as the shared library keeps it (see the library feature): what it is for,
// eligibility, delivery, what the application asks for, its modules and requirements. The
// framework it points at belongs to the publishing organisation, so a copy carries its name only
// (to show) and the copying organisation chooses one of its own.

const stringList = z.array(z.string().max(2000)).max(100);

export const programmeDesignSchema = z.object({
  title: z.string().min(1).max(200),
  summary: z.string().max(5000),
  audience: z.string().max(5000),
  duration: z.string().max(200),
  delivery: z.enum(['cohort', 'modular']),
  modulesRequired: z.number().int().min(1).nullable(),
  /** JSON text of the eligibility rules, as the programme keeps them. */
  eligibility: z.string().max(10_000),
  declarations: stringList,
  experiences: stringList,
  asksForCoach: z.boolean(),
  asksForProject: z.boolean(),
  motivationWordLimit: z.number().int().min(0),
  modules: z.array(z.object({ title: z.string().min(1).max(200), description: z.string().max(5000) })).max(200),
  requirements: z.array(z.object({ kind: z.string().min(1).max(100), settings: z.string().max(10_000) })).max(50),
  /** The framework and focus skills it used where it was written: shown, never linked. */
  framework: z.object({ title: z.string(), number: z.number().int(), level: z.string().nullable() }).nullable(),
  focusSkills: z.array(z.object({ code: z.string(), title: z.string() })).max(500),
});

export type ProgrammeDesign = z.infer<typeof programmeDesignSchema>;

/** The design of one of the organisation's programmes (any status), or undefined. */
export async function programmeDesign(db: Executor, organisationId: string, programmeId: string): Promise<ProgrammeDesign | undefined> {
  const programme = await q.findProgrammeRow(db, organisationId, programmeId);
  if (!programme) return undefined;
  const [modules, requirements, focusSkills, version] = await Promise.all([
    q.listModules(db, programme.id),
    q.listRequirements(db, programme.id),
    q.listFocusSkills(db, programme.id),
    programme.framework_version_id ? q.findVersion(db, organisationId, programme.framework_version_id) : Promise.resolve(undefined),
  ]);
  return programmeDesignSchema.parse({
    title: programme.title,
    summary: programme.summary,
    audience: programme.audience,
    duration: programme.duration,
    delivery: programme.delivery,
    modulesRequired: programme.modules_required,
    eligibility: programme.eligibility,
    declarations: JSON.parse(programme.declarations),
    experiences: JSON.parse(programme.experiences),
    asksForCoach: programme.asks_for_coach === 1,
    asksForProject: programme.asks_for_project === 1,
    motivationWordLimit: programme.motivation_word_limit,
    modules: modules.map((m) => ({ title: m.title, description: m.description })),
    requirements: requirements.map((r) => ({ kind: r.kind, settings: r.settings })),
    framework: version ? { title: version.framework_title, number: version.number, level: programme.framework_level } : null,
    focusSkills: focusSkills.map((s) => ({ code: s.code, title: s.title })),
  });
}

/**
 * Copies a design into an organisation as a new draft programme standing alone, with its modules
 * and requirements, remembering where it came from (`copiedFrom`). No framework or focus skills:
 * those belong to the organisation it came from. Call inside the copying transaction; a title the
 * organisation already uses is refused (Invalid on `title`).
 */
export async function copyProgrammeDesignInto(
  trx: Executor,
  clock: Clock,
  values: { organisationId: string; title: string; design: ProgrammeDesign; copiedFrom: string; copiedBy: string; requestId: string | null },
): Promise<string> {
  const { design } = values;
  const id = newId();
  const now = clock.now().toISOString();
  try {
    await q.insertProgramme(trx, {
      id,
      organisation_id: values.organisationId,
      pathway_id: null,
      stage_position: null,
      title: values.title,
      title_normalised: values.title.toLowerCase(),
      summary: design.summary,
      audience: design.audience,
      duration: design.duration,
      delivery: design.delivery,
      modules_required: design.delivery === 'modular' ? design.modulesRequired : null,
      framework_version_id: null,
      framework_level: null,
      eligibility: design.eligibility,
      declarations: JSON.stringify(design.declarations),
      experiences: JSON.stringify(design.experiences),
      asks_for_coach: design.asksForCoach ? 1 : 0,
      asks_for_project: design.asksForProject ? 1 : 0,
      motivation_word_limit: design.motivationWordLimit,
      status: 'draft',
      copied_from: values.copiedFrom,
      created_at: now,
      updated_at: now,
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ title: `Your organisation already has a programme called ${values.title}. Give the copy another title` });
    throw error;
  }
  for (const [i, m] of design.modules.entries())
    await q.insertModule(trx, { id: newId(), programme_id: id, position: i + 1, title: m.title, description: m.description });
  await q.replaceRequirements(
    trx,
    id,
    design.requirements.map((r, i) => ({ id: newId(), programme_id: id, kind: r.kind, position: i + 1, settings: r.settings })),
  );
  await recordAudit(trx, clock, {
    action: 'programme_created',
    organisationId: values.organisationId,
    actorId: values.copiedBy,
    subjectType: 'programme',
    subjectId: id,
    detail: { copiedFrom: values.copiedFrom },
    requestId: values.requestId,
  });
  return id;
}

/** True when the organisation already has a programme with this title (case aside). */
export async function programmeTitleTaken(db: Executor, organisationId: string, title: string): Promise<boolean> {
  return (await q.findProgrammeByTitle(db, organisationId, title)) !== undefined;
}

/** The organisation's programmes (any status) a lead may share, by title. */
export function programmesToShare(db: Executor, organisationId: string): Promise<{ id: string; title: string; status: string }[]> {
  return q.listProgrammeTitles(db, organisationId);
}
