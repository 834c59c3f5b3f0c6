import type { Executor } from '../../platform/db/database';
import type { ApplicationStatus } from '../cohorts';
import { enrolmentsOf, type EnrolmentStatus } from '../enrolments';

export interface HomeSummary {
  enrolments: { id: string; programmeTitle: string; cohortName: string; status: EnrolmentStatus }[];
  applications: { id: string; programmeTitle: string; cohortName: string; status: ApplicationStatus }[];
  endorsementsAwaiting: number;
  recommendations: { programmeId: string; programmeTitle: string; recommenderName: string }[];
}

/** What the home page shows a person about their own development: five small indexed queries. */
export async function homeSummary(db: Executor, personId: string, adminSchoolIds: string[]): Promise<HomeSummary> {
  const [enrolments, applications, lineManagerAsks, headteacherAsks, recommendations] = await Promise.all([
    enrolmentsOf(db, personId),
    db
      .selectFrom('applications')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select(['applications.id', 'programmes.title as programmeTitle', 'cohorts.name as cohortName', 'applications.status'])
      .where('applications.person_id', '=', personId)
      .where('applications.status', 'in', ['draft', 'submitted', 'awaiting_endorsement', 'endorsed', 'waitlisted'])
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
    db
      .selectFrom('recommendations')
      .innerJoin('programmes', 'programmes.id', 'recommendations.programme_id')
      .innerJoin('people', 'people.id', 'recommendations.recommended_by')
      .select(['programmes.id as programmeId', 'programmes.title as programmeTitle', 'people.given_name', 'people.family_name'])
      .where('recommendations.person_id', '=', personId)
      .where('programmes.status', '=', 'open')
      // Only recommendations not yet acted on: no application to any cohort of that programme.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('applications')
              .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
              .select('applications.id')
              .whereRef('cohorts.programme_id', '=', 'recommendations.programme_id')
              .where('applications.person_id', '=', personId),
          ),
        ),
      )
      .orderBy('recommendations.created_at', 'desc')
      .execute(),
  ]);
  const seen = new Set<string>();
  return {
    enrolments: enrolments
      .filter((e) => e.status === 'active' || e.status === 'deferred')
      .map((e) => ({ id: e.id, programmeTitle: e.programme_title, cohortName: e.cohort_name, status: e.status })),
    applications,
    endorsementsAwaiting: Number(lineManagerAsks?.n ?? 0) + Number(headteacherAsks?.n ?? 0),
    recommendations: recommendations
      .filter((r) => !seen.has(r.programmeId) && seen.add(r.programmeId))
      .map((r) => ({ programmeId: r.programmeId, programmeTitle: r.programmeTitle, recommenderName: `${r.given_name} ${r.family_name}` })),
  };
}
