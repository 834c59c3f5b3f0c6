import type { Executor } from '../../platform/db/database';

/**
 * Enrolments of the organisation's own staff on other organisations' programmes (a partner's),
 * active ones first, for the home organisation's view. `schoolIds` narrows it to staff of those
 * schools (a school admin); null: all the organisation's staff.
 */
export function listStaffEnrolmentsElsewhere(db: Executor, organisationId: string, schoolIds: readonly string[] | null) {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select([
      'enrolments.id',
      'enrolments.status',
      'enrolments.completed_at',
      'enrolments.organisation_id as provider_id',
      'enrolments.person_id',
      'people.given_name',
      'people.family_name',
      'schools.name as school_name',
      'programmes.title as programme_title',
      'cohorts.name as cohort_name',
      'cohorts.starts_on',
      'cohorts.ends_on',
    ])
    .where('people.organisation_id', '=', organisationId)
    .where('enrolments.organisation_id', '!=', organisationId);
  if (schoolIds !== null) query = schoolIds.length ? query.where('people.school_id', 'in', schoolIds) : query.where('people.id', '=', '');
  return query.orderBy('cohorts.starts_on', 'desc').orderBy('people.family_name').orderBy('people.given_name').orderBy('enrolments.id').execute();
}
