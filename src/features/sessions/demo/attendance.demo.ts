import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import type { Clock } from '../../../platform/db/clock';
import { inTurn } from '../../../platform/demo';

/**
 * Demo attendance: the registers of Cohort 7's (Towards Middle Leadership) sessions that have
 * already happened — mostly present, someone late now and then, an occasional absence with a reason.
 * Called at the end of seedSessions, once the sessions exist, with that cohort.
 */
export async function seedAttendance(trx: Transaction<Database>, clock: Clock, cohort: { id: string }): Promise<void> {
  const now = clock.now().toISOString();
  const sessions = await trx
    .selectFrom('sessions_events')
    .select(['id', 'starts_at', 'ends_at', 'created_by'])
    .where('cohort_id', '=', cohort.id)
    .where('status', '=', 'scheduled')
    .where('ends_at', '<=', now)
    .orderBy('starts_at')
    .execute();
  const participants = await trx
    .selectFrom('enrolments')
    .innerJoin('people', 'people.id', 'enrolments.person_id')
    .select(['people.id'])
    .where('enrolments.cohort_id', '=', cohort.id)
    .where('enrolments.status', 'in', ['active', 'completed'])
    .orderBy('people.family_name')
    .orderBy('people.given_name')
    .execute();
  const lead = await trx.selectFrom('cohort_leads').select('person_id').where('cohort_id', '=', cohort.id).executeTakeFirst();
  // A fixed pattern, so the demo reads the same every time: most present, someone late now and then,
  // one absence with a reason and one without. P present, L late, R absent with reason, A absent.
  const pattern = ['PPLPP', 'PRPPA', 'LPPPP', 'PPPLP', 'PPRPP', 'PLPPP'] as const;
  const reasons = ['Covering a colleague’s Year 11 parents’ evening', 'Unwell', 'School trip to the Science Museum'] as const;
  const codes = { P: 'present', L: 'late', R: 'absent_with_reason', A: 'absent' } as const;
  for (const [s, session] of sessions.entries()) {
    const facilitator = await trx.selectFrom('session_facilitators').select('person_id').where('session_id', '=', session.id).executeTakeFirst();
    const markedBy = facilitator?.person_id ?? lead?.person_id ?? session.created_by;
    for (const [p, person] of participants.entries()) {
      const code = (inTurn(pattern, s)[p % 5] ?? 'P') as keyof typeof codes;
      const status = codes[code];
      // About half of those who came checked themselves in with the code.
      const selfCheckIn = (status === 'present' || status === 'late') && (p + s) % 2 === 0;
      const startsAt = new Date(session.starts_at).getTime();
      await trx
        .insertInto('session_attendance')
        .values({
          session_id: session.id,
          person_id: person.id,
          status,
          reason: status === 'absent_with_reason' ? inTurn(reasons, s) : null,
          method: selfCheckIn ? 'check_in' : 'register',
          marked_by: selfCheckIn ? person.id : markedBy,
          marked_at: new Date(selfCheckIn ? startsAt + (status === 'late' ? 14 : -5) * 60_000 : new Date(session.ends_at).getTime()).toISOString(),
        })
        .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
        .execute();
    }
  }
}
