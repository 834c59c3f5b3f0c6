import type { Db } from '../../database';
import type { Clock } from '../../platform/db/clock';
import { addDays, formatDate, londonDate } from '../../platform/dates';
import { notify } from '../notifications';
import { where } from './cohorts.emails';
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
    const closes = formatDate(draft.applications_close_on);
    const fresh = await notify(db, clock, {
      personId: draft.person_id,
      kind: 'round_closing',
      subject: `Applications for ${where(draft)} close at the end of ${closes}`,
      paragraphs: [`You have started an application to ${where(draft)} but have not submitted it yet.`, `Applications close at the end of ${closes}. Submit yours before then, or it cannot be considered.`],
      link: `/applications/${draft.application_id}`,
      linkText: 'Finish your application:',
      dedupeKey: `round-closing:${draft.cohort_id}:${draft.person_id}`,
    });
    if (fresh) queued += 1;
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
  for (const [key, { row, recommenders }] of byPersonAndCohort) {
    const closes = formatDate(row.applications_close_on);
    const fresh = await notify(db, clock, {
      personId: row.person_id,
      kind: 'round_closing',
      subject: `Applications for ${where(row)} close at the end of ${closes}`,
      paragraphs: [
        `${recommenders.join(' and ')} recommended you for ${row.programme_title}. Applications for ${row.cohort_name} close at the end of ${closes}, and you have not applied yet.`,
        'If you would like to take part, start your application on the programme’s page before then.',
      ],
      link: `/programmes/${row.programme_id}`,
      linkText: 'Read about the programme and apply:',
      dedupeKey: `round-closing:${key}`,
    });
    if (fresh) queued += 1;
  }
  return queued;
}
