import type { Executor } from '../../platform/db/database';

// Applications across organisations: a member of staff of a partner organisation applies to the
// provider's programme with their one account. The application belongs to the provider
// (`applications.organisation_id`); the applicant stays a person of their own organisation.

/** The organisation a person belongs to. */
export async function organisationOfPerson(db: Executor, personId: string): Promise<string | undefined> {
  return (await db.selectFrom('people').select('organisation_id').where('id', '=', personId).executeTakeFirst())?.organisation_id;
}

/**
 * Applications by the organisation's own staff to other organisations' programmes, newest first:
 * for the home organisation's view. `schoolIds` narrows it to staff of those schools (a school admin).
 */
export function listStaffApplicationsElsewhere(db: Executor, organisationId: string, schoolIds: readonly string[] | null) {
  let query = db
    .selectFrom('applications')
    .innerJoin('people as applicant', 'applicant.id', 'applications.person_id')
    .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .leftJoin('schools', 'schools.id', 'applicant.school_id')
    .select([
      'applications.id',
      'applications.status',
      'applications.submitted_at',
      'applications.decided_at',
      'applications.organisation_id as provider_id',
      'applications.cohort_id',
      'applications.person_id',
      'applicant.given_name',
      'applicant.family_name',
      'applicant.job_title',
      'schools.name as school_name',
      'cohorts.name as cohort_name',
      'cohorts.starts_on',
      'cohorts.ends_on',
      'programmes.title as programme_title',
    ])
    .where('applicant.organisation_id', '=', organisationId)
    .where('applications.organisation_id', '!=', organisationId)
    .where('applications.status', '!=', 'draft');
  if (schoolIds !== null) query = schoolIds.length ? query.where('applicant.school_id', 'in', schoolIds) : query.where('applicant.id', '=', '');
  return query.orderBy('applications.created_at', 'desc').orderBy('applications.id').execute();
}
