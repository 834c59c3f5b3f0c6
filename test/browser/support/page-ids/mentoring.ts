import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the mentoring routes' `:params` stand for, and
 * whom to open the participant-only pages as. `:pairingId` is Hannah Jones's in-school coaching by
 * Imran Hussain (an agreement both signed, four meetings); `:meetingId` is the newest meeting, which
 * Hannah recorded and Imran has not confirmed yet, so its confirm button shows. Imran opens the
 * agreement, the progress review form and the meeting (only the pair open them; the review is the
 * coach's); an organisation admin opens the pairing's summary.
 */
export async function mentoringPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const pairing = await h.db
    .selectFrom('mentoring_pairings')
    .innerJoin('people as coach', 'coach.id', 'mentoring_pairings.mentor_id')
    .innerJoin('people as mentee', 'mentee.id', 'mentoring_pairings.mentee_id')
    .select(['mentoring_pairings.id', 'coach.email'])
    .where('mentoring_pairings.kind', '=', 'in_school_coach')
    .where('mentee.given_name', '=', 'Hannah')
    .where('mentoring_pairings.status', '=', 'active')
    .executeTakeFirstOrThrow();
  const meeting = await h.db
    .selectFrom('mentoring_meetings')
    .select('id')
    .where('pairing_id', '=', pairing.id)
    .where('status', '=', 'recorded')
    .orderBy('held_on', 'desc')
    .executeTakeFirstOrThrow();
  return {
    ids: { ':pairingId': pairing.id, ':meetingId': meeting.id },
    owners: { '/mentoring/pairings/:pairingId': pairing.email, '/mentoring/meetings/:meetingId': pairing.email },
  };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = mentoringPageIds;
