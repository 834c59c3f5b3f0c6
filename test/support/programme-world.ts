import type { Db } from '../../src/platform/db/database';
import { newId } from '../../src/platform/db/ids';
import type { World } from './factories';
import { item } from './present';

const at = '2026-11-01T09:00:00.000Z';

/** A published framework version with one domain and the given skills; returns ids. */
export async function makeFramework(
  db: Db,
  organisationId: string,
  options: { title?: string; status?: 'draft' | 'published'; frameworkId?: string; number?: number; skills?: string[] } = {},
) {
  const frameworkId = options.frameworkId ?? newId();
  if (!options.frameworkId) {
    const title = options.title ?? `Framework ${frameworkId.slice(-6)}`;
    await db
      .insertInto('frameworks')
      .values({
        id: frameworkId,
        organisation_id: organisationId,
        title,
        title_normalised: title.toLowerCase(),
        description: 'Skills for leaders.',
        track: 'both',
        builtin_key: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  }
  const status = options.status ?? 'published';
  const versionId = newId();
  await db
    .insertInto('framework_versions')
    .values({
      id: versionId,
      framework_id: frameworkId,
      number: options.number ?? 1,
      status,
      draft_slot: status === 'draft' ? 'draft' : null,
      levels: JSON.stringify([{ key: 'middle', title: 'Towards middle leadership' }]),
      based_on_version_id: null,
      created_by: null,
      created_at: at,
      updated_at: at,
      published_by: null,
      published_at: status === 'published' ? at : null,
    })
    .execute();
  const domainId = newId();
  await db.insertInto('framework_domains').values({ id: domainId, version_id: versionId, position: 1, title: 'Leading people', description: '' }).execute();
  const skillIds: string[] = [];
  for (const [i, code] of (options.skills ?? ['LP1', 'LP2']).entries()) {
    const id = newId();
    skillIds.push(id);
    await db
      .insertInto('framework_skills')
      .values({
        id,
        version_id: versionId,
        domain_id: domainId,
        position: i + 1,
        code,
        title: `Skill ${code}`,
        description: `What ${code} looks like.`,
        descriptors: JSON.stringify({ middle: `At middle leadership, ${code}.` }),
      })
      .execute();
  }
  return { frameworkId, versionId, domainId, skillIds };
}

export interface ProgrammeOptions {
  organisationId: string;
  title?: string;
  pathwayId?: string | null;
  stagePosition?: number | null;
  frameworkVersionId?: string | null;
  delivery?: 'cohort' | 'modular';
  modulesRequired?: number | null;
  modules?: string[];
  eligibility?: Record<string, unknown>;
  declarations?: string[];
  requirements?: { kind: string; settings?: Record<string, number> }[];
  status?: 'draft' | 'open' | 'archived';
  asksForCoach?: boolean;
  asksForProject?: boolean;
}

export async function makeProgramme(db: Db, options: ProgrammeOptions) {
  const id = newId();
  const title = options.title ?? `Programme ${id.slice(-6)}`;
  await db
    .insertInto('programmes')
    .values({
      id,
      organisation_id: options.organisationId,
      pathway_id: options.pathwayId ?? null,
      stage_position: options.stagePosition ?? null,
      title,
      title_normalised: title.toLowerCase(),
      summary: 'A programme for aspiring leaders.',
      audience: 'Teachers and associate staff who lead, or want to lead, a team.',
      duration: '6 months',
      delivery: options.delivery ?? 'cohort',
      modules_required: options.modulesRequired ?? null,
      framework_version_id: options.frameworkVersionId ?? null,
      framework_level: options.frameworkVersionId ? 'middle' : null,
      eligibility: JSON.stringify(options.eligibility ?? {}),
      declarations: JSON.stringify(options.declarations ?? ['I have discussed this application with my line manager.']),
      experiences: JSON.stringify(['Lead a team meeting']),
      asks_for_coach: options.asksForCoach ? 1 : 0,
      asks_for_project: options.asksForProject ? 1 : 0,
      motivation_word_limit: 300,
      status: options.status ?? 'open',
      created_at: at,
      updated_at: at,
    })
    .execute();
  const moduleIds: string[] = [];
  for (const [i, module] of (options.modules ?? []).entries()) {
    const moduleId = newId();
    moduleIds.push(moduleId);
    await db
      .insertInto('programme_modules')
      .values({ id: moduleId, programme_id: id, position: i + 1, title: module, description: `About ${module}.` })
      .execute();
  }
  for (const [i, requirement] of (options.requirements ?? []).entries()) {
    await db
      .insertInto('programme_requirements')
      .values({ id: newId(), programme_id: id, kind: requirement.kind, position: i + 1, settings: JSON.stringify(requirement.settings ?? {}) })
      .execute();
  }
  return { id, title, moduleIds };
}

export interface CohortOptions {
  organisationId: string;
  programmeId: string;
  name?: string;
  opensOn?: string;
  closesOn?: string;
  startsOn?: string;
  endsOn?: string;
  capacity?: number;
  needsLineManager?: boolean;
  needsHeadteacher?: boolean;
  leadIds?: string[];
}

export async function makeCohort(db: Db, options: CohortOptions) {
  const id = newId();
  const name = options.name ?? `Cohort ${id.slice(-4)}`;
  await db
    .insertInto('cohorts')
    .values({
      id,
      organisation_id: options.organisationId,
      programme_id: options.programmeId,
      name,
      name_normalised: name.toLowerCase(),
      applications_open_on: options.opensOn ?? '2026-11-01',
      applications_close_on: options.closesOn ?? '2026-12-31',
      endorsement_deadline: null,
      starts_on: options.startsOn ?? '2027-01-11',
      ends_on: options.endsOn ?? '2027-07-16',
      capacity: options.capacity ?? 12,
      needs_line_manager: options.needsLineManager === false ? 0 : 1,
      needs_headteacher: options.needsHeadteacher === false ? 0 : 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const personId of options.leadIds ?? []) await db.insertInto('cohort_leads').values({ cohort_id: id, person_id: personId }).execute();
  return { id, name };
}

/**
 * Everything the authorisation matrix needs about programmes, around a world from makeWorld:
 * the teacher (`world.report`) has applied to an open cohort and waits for their line manager,
 * and is enrolled in an earlier cohort of the same programme.
 */
/** An active enrolment, as an accepted application (or a lead adding someone) leaves one. */
export async function makeEnrolment(db: Db, options: { organisationId: string; cohortId: string; programmeId: string; personId: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('enrolments')
    .values({
      id,
      organisation_id: options.organisationId,
      application_id: null,
      cohort_id: options.cohortId,
      programme_id: options.programmeId,
      person_id: options.personId,
      status: 'active',
      return_cohort_id: null,
      status_reason: null,
      completed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function makeProgrammeWorld(db: Db, world: World) {
  const organisationId = world.organisation.id;
  const published = await makeFramework(db, organisationId, { title: `Leadership skills ${newId().slice(-6)}` });
  const draft = await makeFramework(db, organisationId, { frameworkId: published.frameworkId, status: 'draft', number: 2 });
  const pathwayId = newId();
  await db
    .insertInto('pathways')
    .values({
      id: pathwayId,
      organisation_id: organisationId,
      title: `Leadership ladder ${pathwayId.slice(-6)}`,
      title_normalised: `leadership ladder ${pathwayId.slice(-6)}`,
      summary: 'From first leadership role to headship.',
      created_at: at,
      updated_at: at,
    })
    .execute();
  const programme = await makeProgramme(db, {
    organisationId,
    title: `Towards Middle Leadership ${pathwayId.slice(-6)}`,
    pathwayId,
    stagePosition: 1,
    frameworkVersionId: published.versionId,
    delivery: 'modular',
    modulesRequired: 2,
    modules: ['Leading a team', 'Managing change', 'Coaching colleagues'],
    requirements: [{ kind: 'modules' }, { kind: 'sign_off' }],
  });
  for (const skillId of published.skillIds) await db.insertInto('programme_focus_skills').values({ programme_id: programme.id, skill_id: skillId }).execute();
  const earlier = await makeCohort(db, {
    organisationId,
    programmeId: programme.id,
    name: 'Cohort 1',
    opensOn: '2026-01-05',
    closesOn: '2026-02-27',
    startsOn: '2026-04-13',
    endsOn: '2026-12-18',
    leadIds: [world.programmeLead.id],
  });
  const cohort = await makeCohort(db, { organisationId, programmeId: programme.id, name: 'Cohort 2', leadIds: [world.programmeLead.id] });

  const applicationId = newId();
  await db
    .insertInto('applications')
    .values({
      id: applicationId,
      organisation_id: organisationId,
      cohort_id: cohort.id,
      person_id: world.report.id,
      school_id: world.schoolA.id,
      status: 'awaiting_endorsement',
      live_slot: 'live',
      current_role: 'Teacher of English',
      experience: 'Three years teaching; I lead the reading intervention group.',
      motivation: 'I want to lead a team well.',
      declarations: JSON.stringify(['I have discussed this application with my line manager.']),
      coach_person_id: null,
      coach_name: null,
      coach_email: null,
      project_idea: null,
      eligible: 1,
      eligibility_notes: '[]',
      recommendation_id: null,
      decision_reason: null,
      submitted_at: at,
      decided_at: null,
      waitlisted_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('application_events')
    .values({ id: newId(), application_id: applicationId, status: 'submitted', actor_id: world.report.id, reason: null, created_at: at })
    .execute();
  const endorsementId = newId();
  await db
    .insertInto('endorsements')
    .values({
      id: endorsementId,
      application_id: applicationId,
      kind: 'line_manager',
      endorser_id: world.lineManager.id,
      school_id: world.schoolA.id,
      status: 'requested',
      comment: null,
      answered_by: null,
      requested_at: at,
      due_on: '2026-12-15',
      reminded_at: null,
      answered_at: null,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('endorsements')
    .values({
      id: newId(),
      application_id: applicationId,
      kind: 'headteacher',
      endorser_id: null,
      school_id: world.schoolA.id,
      status: 'waiting',
      comment: null,
      answered_by: null,
      requested_at: null,
      due_on: '2026-12-15',
      reminded_at: null,
      answered_at: null,
      created_at: at,
    })
    .execute();

  const enrolmentId = await makeEnrolment(db, { organisationId, cohortId: earlier.id, programmeId: programme.id, personId: world.report.id });

  return {
    frameworkId: published.frameworkId,
    publishedVersionId: published.versionId,
    versionId: draft.versionId,
    domainId: draft.domainId,
    skillId: item(draft.skillIds, 0, 'a skill of the draft version'),
    pathwayId,
    programmeId: programme.id,
    moduleId: item(programme.moduleIds, 0, 'a module of the programme'),
    moduleIds: programme.moduleIds,
    earlierCohortId: earlier.id,
    cohortId: cohort.id,
    applicationId,
    endorsementId,
    enrolmentId,
  };
}
export type ProgrammeWorld = Awaited<ReturnType<typeof makeProgrammeWorld>>;
