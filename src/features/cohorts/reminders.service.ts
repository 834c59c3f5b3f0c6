import type { Db } from '../../platform/db/database';
import type { Clock } from '../../platform/db/clock';
import { addDays, londonDate } from '../../platform/dates';
import { remindRoundClosing } from './cohorts.emails';
import * as q from './cohorts.queries';

/** How many days before an application round closes people are reminded. */
export const ROUND_CLOSING_DAYS = 3;

/**
 * Reminds people that an application round closes within 3 days (London dates): those with a
 * draft application to the cohort, and those recommended for its programme who have not applied.
 * Once per cohort and person (a dedupe key), so running it again, or on two workers, sends nothing
 * more; a round that opens with less than 3 days to go is reminded about at once. Returns how many
 * reminders were queued.
 */
export async function sendRoundClosingReminders(db: Db, clock: Clock): Promise<number> {
  const today = londonDate(clock.now());
  const until = addDays(today, ROUND_CLOSING_DAYS);
  const [drafts, recommended] = await Promise.all([q.listDraftsClosingSoon(db, today, until), q.listRecommendedNotAppliedClosingSoon(db, today, until)]);
  let queued = 0;
  for (const draft of drafts) {
    if (await remindRoundClosing(db, clock, draft.person_id, draft, { draftApplicationId: draft.application_id })) queued += 1;
  }
  // One reminder per person and cohort, naming everyone who recommended them.
  const byPersonAndCohort = new Map<string, { row: (typeof recommended)[number]; recommenders: string[] }>();
  for (const row of recommended) {
    const key = `${row.cohort_id}:${row.person_id}`;
    const name = `${row.recommender_given_name} ${row.recommender_family_name}`;
    const entry = byPersonAndCohort.get(key);
    if (entry) {
      if (!entry.recommenders.includes(name)) entry.recommenders.push(name);
    } else byPersonAndCohort.set(key, { row, recommenders: [name] });
  }
  for (const { row, recommenders } of byPersonAndCohort.values()) {
    if (await remindRoundClosing(db, clock, row.person_id, row, { programmeId: row.programme_id, recommenders })) queued += 1;
  }
  return queued;
}
