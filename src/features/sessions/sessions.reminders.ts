import type { Db } from '../../platform/db/database';
import type { Clock } from '../../platform/db/clock';
import { addDays, formatTimeRange, londonDate, londonDateTimeToUtc } from '../../platform/dates';
import { notify } from '../notifications';
import * as q from './sessions.queries';

function startOfLondonDay(date: string): string {
  // Midnight always exists in London (the clocks change at 1am).
  const result = londonDateTimeToUtc(date, '00:00');
  if ('error' in result) throw new Error(`no midnight on ${date}`);
  return result.instant;
}

/**
 * The "session-reminders" sweep: everyone with a session or event tomorrow (Europe/London date) —
 * the cohort's active participants, people booked on an event, facilitators — gets one reminder.
 * The dedupe key holds the session, the person and the start instant, so running again (or on two
 * workers) sends nothing twice, and a session moved to another day reminds again. Returns how many
 * reminders it asked for; the outbox drops the ones already sent.
 */
export async function sendSessionReminders(db: Db, clock: Clock): Promise<number> {
  const tomorrow = addDays(londonDate(clock.now()), 1);
  const sessions = await q.listSessionsStartingBetween(db, startOfLondonDay(tomorrow), startOfLondonDay(addDays(tomorrow, 1)));
  let queued = 0;
  for (const session of sessions) {
    await db.transaction().execute(async (trx) => {
      const where = session.mode === 'online' ? `Online: ${session.online_url ?? ''}` : `Where: ${session.venue ?? ''}`;
      for (const personId of await q.listAffectedPeople(trx, session, { includeWaiting: false })) {
        const queuedNow = await notify(trx, clock, {
          personId,
          kind: 'session_reminder',
          subject: `Tomorrow: ${session.title}`,
          paragraphs: [`A reminder that “${session.title}” is tomorrow, ${formatTimeRange(session.starts_at, session.ends_at)} (UK time).`, where],
          link: `/sessions/${session.id}`,
          linkText: session.cohort_id ? 'See the session and its materials:' : 'See the event:',
          dedupeKey: `session-reminder:${session.id}:${personId}:${session.starts_at}`,
        });
        // Already reminded (same session, person and start): the outbox kept the first one.
        if (queuedNow) queued += 1;
      }
    });
  }
  return queued;
}
