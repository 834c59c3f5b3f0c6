import type { Executor } from '../../platform/db/database';
import { type ApplicationStatus, windowState } from '../cohorts';
import { enrolmentsOf, type EnrolmentStatus } from '../enrolments';
import { personEligibility, recommendationsReceived } from '../programmes';
import { findPersonSummary } from '../staff';

/** Applications the home page lists: the ones still in progress. */
const IN_PROGRESS: readonly ApplicationStatus[] = ['draft', 'submitted', 'awaiting_endorsement', 'endorsed', 'waitlisted'];

export interface HomeSummary {
  enrolments: { id: string; programmeTitle: string; cohortName: string; status: EnrolmentStatus }[];
  /**
   * `eligible` is false for a draft the person's staff record stops them submitting; `roundClosed`
   * is true for a draft whose cohort stopped taking applications before it was sent.
   */
  applications: { id: string; programmeTitle: string; cohortName: string; status: ApplicationStatus; eligible: boolean; roundClosed: boolean }[];
  endorsementsAwaiting: number;
  recommendations: { programmeId: string; programmeTitle: string; recommenderName: string }[];
}

/** What the home page shows a person about their own development: five small indexed queries. */
export async function homeSummary(db: Executor, personId: string, adminSchoolIds: string[], today: string): Promise<HomeSummary> {
  const [person, enrolments, applications, lineManagerAsks, headteacherAsks, recommendations] = await Promise.all([
    findPersonSummary(db, personId),
    enrolmentsOf(db, personId),
    // Every application, whatever its status: the ones in progress are listed, and any application to a programme answers a recommendation for it.
    db
      .selectFrom('applications')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select([
        'applications.id',
        'programmes.title as programmeTitle',
        'programmes.eligibility',
        'cohorts.name as cohortName',
        'cohorts.applications_open_on',
        'cohorts.applications_close_on',
        'applications.status',
        'cohorts.programme_id',
      ])
      .where('applications.person_id', '=', personId)
      .orderBy('applications.updated_at', 'desc')
      .execute(),
    db
      .selectFrom('endorsements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('endorser_id', '=', personId)
      .where('kind', '=', 'line_manager')
      .where('status', '=', 'requested')
      .executeTakeFirst(),
    adminSchoolIds.length === 0
      ? Promise.resolve({ n: 0 })
      : db
          .selectFrom('endorsements')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('school_id', 'in', adminSchoolIds)
          .where('kind', '=', 'headteacher')
          .where('status', '=', 'requested')
          .executeTakeFirst(),
    recommendationsReceived(db, personId),
  ]);
  // Only recommendations not yet acted on (no application to any cohort of that programme), one per programme.
  const seen = new Set(applications.map((a) => a.programme_id));
  return {
    enrolments: enrolments
      .filter((e) => e.status === 'active' || e.status === 'deferred')
      .map((e) => ({ id: e.id, programmeTitle: e.programme_title, cohortName: e.cohort_name, status: e.status })),
    applications: applications
      .filter((a) => IN_PROGRESS.includes(a.status))
      .map((a) => ({
        id: a.id,
        programmeTitle: a.programmeTitle,
        cohortName: a.cohortName,
        status: a.status,
        eligible: !person || personEligibility(a, person, today).eligible,
        roundClosed: windowState(a, today) === 'after',
      })),
    endorsementsAwaiting: Number(lineManagerAsks?.n ?? 0) + Number(headteacherAsks?.n ?? 0),
    recommendations: recommendations
      .filter((r) => r.programme_status === 'open' && !seen.has(r.programme_id) && seen.add(r.programme_id))
      .map((r) => ({ programmeId: r.programme_id, programmeTitle: r.programme_title, recommenderName: `${r.given_name} ${r.family_name}` })),
  };
}
