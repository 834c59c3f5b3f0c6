import type { Executor } from '../../platform/db/database';
import { londonDate } from '../../platform/dates';
import type { CalendarEntry } from '../../platform/module';
import * as q from './mentoring.queries';
import type { PairingKind } from './mentoring.tables';

const MEETING_WORD: Record<PairingKind, string> = { mentor: 'Mentoring', in_school_coach: 'Coaching', external_coach: 'Coaching' };
const ROLE_WORD: Record<PairingKind, string> = { mentor: 'mentor', in_school_coach: 'in-school coach', external_coach: 'external coach' };

/**
 * The next meeting of each of a person's active pairings, for their calendar feed (mentor and
 * mentee alike): the date the pair set at their last meeting, today or later, as a whole day. One
 * event per pairing (its UID never changes); its SEQUENCE is how many meetings have set a date, so
 * a new date updates the event. Nothing of what was said: no notes, no actions.
 */
export async function mentoringCalendarEntries(db: Executor, personId: string, now: Date): Promise<CalendarEntry[]> {
  const pairings = await q.listActivePairingsOf(db, personId);
  if (pairings.length === 0) return [];
  const meetings = await q.listMeetings(
    db,
    pairings.map((p) => p.id),
  );
  const today = londonDate(now);
  const entries: CalendarEntry[] = [];
  for (const pairing of pairings) {
    const own = meetings.filter((m) => m.pairing_id === pairing.id && m.next_meeting_on);
    // The same next meeting as "People I support" shows: the soonest date set that hasn't passed.
    const next = own
      .map((m) => m.next_meeting_on)
      .filter((d): d is string => !!d && d >= today)
      .sort()[0];
    if (!next) continue;
    const setting = own.filter((m) => m.next_meeting_on === next).sort((a, b) => a.added_at.localeCompare(b.added_at));
    const latest =
      own
        .map((m) => m.added_at)
        .sort()
        .at(-1) ?? pairing.started_at;
    const asMentor = pairing.mentor_id === personId;
    const other = asMentor ? `${pairing.mentee_given_name} ${pairing.mentee_family_name}` : `${pairing.mentor_given_name} ${pairing.mentor_family_name}`;
    const role = ROLE_WORD[pairing.kind];
    entries.push({
      uid: `mentoring-next-${pairing.id}`,
      title: `${MEETING_WORD[pairing.kind]} meeting with ${other}`,
      description: asMentor
        ? `Your next meeting with ${other}, whom you support as their ${role}. Agree the time between you.`
        : `Your next meeting with ${other}, your ${role}. Agree the time between you.`,
      when: { date: next },
      location: null,
      path: `/mentoring/pairings/${pairing.id}`,
      sequence: own.length,
      createdAt: setting[0]?.added_at ?? pairing.started_at,
      updatedAt: latest,
    });
  }
  return entries;
}
