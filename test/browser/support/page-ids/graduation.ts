import type { Harness } from '../harness';

/**
 * For the every-page browser test: `:graduationEventId` is the demo's Graduation ceremony 2027,
 * which celebrates Cohort 6 of Towards Middle Leadership (its graduates listed and invited); one of
 * those graduates opens it as its owner.
 */
export async function graduationPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const event = await h.db
    .selectFrom('sessions_events')
    .select('id')
    .where('kind', '=', 'graduation')
    .where('title', '=', 'Graduation ceremony 2027')
    .executeTakeFirstOrThrow();
  // A graduate of Cohort 6 opens the programme of their own ceremony.
  const graduate = await h.db
    .selectFrom('enrolments')
    .innerJoin('cohorts', 'cohorts.id', 'enrolments.cohort_id')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programme_id')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .select('people.email')
    .where('programmes.title', '=', 'Towards Middle Leadership')
    .where('cohorts.name', '=', 'Cohort 6')
    .where('enrolments.status', '=', 'completed')
    .orderBy('people.family_name')
    .executeTakeFirstOrThrow();
  return { ids: { ':graduationEventId': event.id }, owners: { '/graduations/:eventId': graduate.email } };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = graduationPageIds;
