/**
 * Builders that build their parents. `buildApplication(db)` on its own makes the organisation, the
 * school, the applicant (with a line manager), the programme and the cohort it needs; pass any of
 * them to share it between records. A trait (`'accepted'`, `'waitlisted'`, …) puts the record in that
 * state the way Waymark would have left it: an accepted application has its endorsements answered
 * and an active enrolment.
 *
 * They write rows directly, like the rest of test/support, so a test starts from the state it is
 * about instead of walking the app there. They build on factories.ts and programme-world.ts rather
 * than repeating them.
 */
import type { Db } from '../../src/platform/db/database';
import { newId } from '../../src/platform/db/ids';
import type { ApplicationStatus } from '../../src/features/cohorts/cohorts.tables';
import { makeOrganisation, makePerson, makeSchool, type PersonOptions, type TestPerson } from './factories';
import { makeCohort, makeProgramme, type CohortOptions, type ProgrammeOptions } from './programme-world';

const at = '2026-11-01T09:00:00.000Z';

export interface BuiltOrganisation {
  id: string;
  name: string;
}
export interface BuiltSchool {
  id: string;
  name: string;
  organisation: BuiltOrganisation;
}
export interface BuiltPerson extends TestPerson {
  organisation: BuiltOrganisation;
  school: BuiltSchool;
  lineManager: TestPerson | null;
}
export interface BuiltProgramme {
  id: string;
  title: string;
  moduleIds: string[];
  organisation: BuiltOrganisation;
}
export interface BuiltCohort {
  id: string;
  name: string;
  programme: BuiltProgramme;
  organisation: BuiltOrganisation;
  lead: TestPerson;
}
export interface BuiltApplication {
  id: string;
  status: ApplicationStatus;
  cohort: BuiltCohort;
  applicant: BuiltPerson;
  /** The active enrolment an accepted application made; null otherwise. */
  enrolmentId: string | null;
}

export function buildOrganisation(db: Db, name?: string): Promise<BuiltOrganisation> {
  return makeOrganisation(db, name);
}

export async function buildSchool(db: Db, options: { organisation?: BuiltOrganisation; name?: string } = {}): Promise<BuiltSchool> {
  const organisation = options.organisation ?? (await buildOrganisation(db));
  const school = await makeSchool(db, organisation.id, options.name ? { name: options.name } : {});
  return { ...school, organisation };
}

export type BuildPersonOptions = Omit<PersonOptions, 'organisationId' | 'schoolId' | 'lineManagerId'> & {
  school?: BuiltSchool;
  organisation?: BuiltOrganisation;
  /** A line manager at the same school: `true` builds one, or pass the person. */
  lineManager?: TestPerson | true;
};

export async function buildPerson(db: Db, options: BuildPersonOptions = {}): Promise<BuiltPerson> {
  const { school: given, organisation: givenOrganisation, lineManager: wanted, ...rest } = options;
  const school = given ?? (await buildSchool(db, givenOrganisation ? { organisation: givenOrganisation } : {}));
  const organisation = school.organisation;
  const lineManager =
    wanted === true
      ? await makePerson(db, { organisationId: organisation.id, schoolId: school.id, givenName: 'Lena', leadershipLevel: 'middle' })
      : (wanted ?? null);
  const person = await makePerson(db, { ...rest, organisationId: organisation.id, schoolId: school.id, lineManagerId: lineManager?.id ?? null });
  return { ...person, organisation, school, lineManager };
}

export async function buildProgramme(
  db: Db,
  options: Omit<ProgrammeOptions, 'organisationId'> & { organisation?: BuiltOrganisation } = {},
): Promise<BuiltProgramme> {
  const { organisation: given, ...rest } = options;
  const organisation = given ?? (await buildOrganisation(db));
  const programme = await makeProgramme(db, { ...rest, organisationId: organisation.id });
  return { ...programme, organisation };
}

export async function buildCohort(
  db: Db,
  options: Omit<CohortOptions, 'organisationId' | 'programmeId' | 'leadIds'> & {
    programme?: BuiltProgramme;
    organisation?: BuiltOrganisation;
    lead?: TestPerson;
  } = {},
): Promise<BuiltCohort> {
  const { programme: given, organisation: givenOrganisation, lead: givenLead, ...rest } = options;
  const programme = given ?? (await buildProgramme(db, givenOrganisation ? { organisation: givenOrganisation } : {}));
  const organisation = programme.organisation;
  const lead =
    givenLead ??
    (await makePerson(db, {
      organisationId: organisation.id,
      givenName: 'Priya',
      jobTitle: 'Director of leadership development',
      roles: [{ role: 'programme_lead' }],
    }));
  const cohort = await makeCohort(db, { ...rest, organisationId: organisation.id, programmeId: programme.id, leadIds: [lead.id] });
  return { ...cohort, programme, organisation, lead };
}

/** The states an application can be built in: the traits of buildApplication. */
export type ApplicationTrait = ApplicationStatus;

const ANSWERED: readonly ApplicationStatus[] = ['endorsed', 'accepted', 'waitlisted', 'declined'];
const SUBMITTED: readonly ApplicationStatus[] = ['submitted', 'awaiting_endorsement', ...ANSWERED];
const DECIDED: readonly ApplicationStatus[] = ['accepted', 'waitlisted', 'declined'];

export async function buildApplication(
  db: Db,
  trait: ApplicationTrait = 'submitted',
  options: { cohort?: BuiltCohort; applicant?: BuiltPerson } = {},
): Promise<BuiltApplication> {
  const cohort = options.cohort ?? (await buildCohort(db));
  const applicant = options.applicant ?? (await buildPerson(db, { organisation: cohort.organisation, lineManager: true }));
  if (applicant.organisation.id !== cohort.organisation.id) throw new Error('buildApplication: the applicant and the cohort belong to different organisations');
  const id = newId();
  const terminal = trait === 'declined' || trait === 'withdrawn';
  await db
    .insertInto('applications')
    .values({
      id,
      organisation_id: cohort.organisation.id,
      cohort_id: cohort.id,
      person_id: applicant.id,
      school_id: applicant.school.id,
      status: trait,
      live_slot: terminal ? null : 'live',
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
      submitted_at: trait === 'draft' ? null : at,
      decided_at: DECIDED.includes(trait) ? at : null,
      waitlisted_at: trait === 'waitlisted' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  if (SUBMITTED.includes(trait) || trait === 'withdrawn')
    await db
      .insertInto('application_events')
      .values({ id: newId(), application_id: id, status: 'submitted', actor_id: applicant.id, reason: null, created_at: at })
      .execute();
  if (trait !== 'draft' && trait !== 'submitted')
    await db
      .insertInto('application_events')
      .values({ id: newId(), application_id: id, status: trait, actor_id: null, reason: null, created_at: at })
      .execute();

  // Endorsements: asked for once submitted; answered in favour once endorsed or decided.
  if (SUBMITTED.includes(trait) && trait !== 'submitted') {
    const answered = ANSWERED.includes(trait);
    for (const kind of ['line_manager', 'headteacher'] as const) {
      const endorser = kind === 'line_manager' ? (applicant.lineManager?.id ?? null) : null;
      await db
        .insertInto('endorsements')
        .values({
          id: newId(),
          application_id: id,
          kind,
          endorser_id: endorser,
          school_id: applicant.school.id,
          status: answered ? 'supported' : kind === 'line_manager' ? 'requested' : 'waiting',
          comment: null,
          answered_by: answered ? endorser : null,
          requested_at: answered || kind === 'line_manager' ? at : null,
          due_on: '2026-12-15',
          reminded_at: null,
          answered_at: answered ? at : null,
          created_at: at,
        })
        .execute();
    }
  }

  let enrolmentId: string | null = null;
  if (trait === 'accepted') {
    enrolmentId = newId();
    await db
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: cohort.organisation.id,
        application_id: id,
        cohort_id: cohort.id,
        programme_id: cohort.programme.id,
        person_id: applicant.id,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('enrolment_events')
      .values({ id: newId(), enrolment_id: enrolmentId, status: 'active', actor_id: null, reason: null, created_at: at })
      .execute();
  }
  return { id, status: trait, cohort, applicant, enrolmentId };
}
