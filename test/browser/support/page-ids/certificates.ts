import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the certificates routes' `:params` stand for.
 * `:completionCohortId` is Cohort 3 of Leadership Pathways, under way (so the completion page lists
 * who has not met every requirement, and the exception page opens for Hannah Jones's enrolment,
 * `:enrolmentId`); `:code` is the certificate of a Cohort 6 graduate of Towards Middle Leadership.
 */
export async function certificatePageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const cohort = await h.db
    .selectFrom('cohorts')
    .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
    .select('cohorts.id')
    .where('programmes.title', '=', 'Leadership Pathways')
    .where('cohorts.name', '=', 'Cohort 3')
    .executeTakeFirstOrThrow();
  const certificate = await h.db
    .selectFrom('certificates')
    .select('code')
    .where('cohort_name', '=', 'Cohort 6')
    .orderBy('recipient_name')
    .executeTakeFirstOrThrow();
  return { ids: { ':completionCohortId': cohort.id, ':code': certificate.code }, owners: {} };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = certificatePageIds;
