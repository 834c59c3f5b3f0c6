import type { Executor } from '../../platform/db/database';
import type { RetentionRecordType } from '../../platform/module';

/**
 * Deletes the organisation's applications in `status` whose last change came before `cutoff`, with
 * their history and endorsements, unless they were ever accepted (an enrolment may rest on those).
 */
async function deleteClosedApplications(trx: Executor, organisationId: string, status: 'declined' | 'withdrawn', cutoff: string): Promise<number> {
  const rows = await trx
    .selectFrom('applications')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', status)
    .where((eb) => eb(eb.fn.coalesce('decided_at', 'updated_at'), '<', cutoff))
    .where('updated_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('application_events as accepted')
            .select('accepted.id')
            .whereRef('accepted.application_id', '=', 'applications.id')
            .where('accepted.status', '=', 'accepted'),
        ),
      ),
    )
    .execute();
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    await trx.deleteFrom('endorsements').where('application_id', 'in', batch).execute();
    await trx.deleteFrom('application_events').where('application_id', 'in', batch).execute();
    await trx.deleteFrom('applications').where('id', 'in', batch).execute();
  }
  return ids.length;
}

export const cohortsRetention: RetentionRecordType[] = [
  {
    key: 'cohorts.unsuccessful-applications',
    name: 'Unsuccessful applications',
    description: 'Applications to a cohort that were declined, with their endorsements and history, from the decision',
    action: 'deleted',
    defaultMonths: 6,
    minimumMonths: 6,
    basis:
      'The IRMS toolkit for schools keeps unsuccessful applications six months after the decision, the time in which a discrimination claim could be brought (Equality Act 2010, with early conciliation)',
    apply: (trx, organisationId, cutoff) => deleteClosedApplications(trx, organisationId, 'declined', cutoff),
  },
  {
    key: 'cohorts.withdrawn-applications',
    name: 'Withdrawn applications',
    description: 'Applications the applicant withdrew before a place was accepted, with their endorsements and history, from the withdrawal',
    action: 'deleted',
    defaultMonths: 6,
    minimumMonths: 3,
    basis: 'Treated like unsuccessful applications (IRMS toolkit: six months); never under three months, the time limit for an employment tribunal claim',
    apply: (trx, organisationId, cutoff) => deleteClosedApplications(trx, organisationId, 'withdrawn', cutoff),
  },
];
