// The mentoring benchmark's world: the organisation admin mentors MENTEES people, for
// bench/mentoring.bench.ts and bench/mentoring.profile.ts.
import type { Db } from '../src/platform/db/database';
import { newId } from '../src/platform/db/ids';
import { makeCohort, makeProgramme } from '../test/support/programme-world';
import { BENCH_ADMIN } from './generate';

export const MENTEES = 12;
export const MEETINGS = 3;
export const ACTIONS = 2;

/**
 * The organisation admin the benchmark signs in as mentors MENTEES people, each enrolled on one
 * programme (confirmed meetings, sign-off and the lead's sign-off as requirements), with MEETINGS
 * meetings (the last two weeks ago, the next one ahead) and ACTIONS open actions each.
 */
export async function seedMentoring(db: Db, organisationId: string): Promise<void> {
  const mentor = await db.selectFrom('people').select('id').where('email_normalised', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const mentees = await db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .where('id', '!=', mentor.id)
    .orderBy('id')
    .limit(MENTEES)
    .execute();
  if (mentees.length !== MENTEES) throw new Error(`only ${mentees.length} people to mentor`);
  const programme = await makeProgramme(db, {
    organisationId,
    title: 'Towards Middle Leadership',
    requirements: [{ kind: 'mentoring_meetings', settings: { meetings: 6 } }, { kind: 'mentoring_signoff' }, { kind: 'sign_off' }],
  });
  const cohort = await makeCohort(db, { organisationId, programmeId: programme.id, name: 'Cohort 7', startsOn: '2026-09-07', endsOn: '2027-07-16' });
  const at = new Date().toISOString();
  const day = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
  await db
    .insertInto('mentoring_profiles')
    .values({ person_id: mentor.id, organisation_id: organisationId, places: MENTEES, strengths: '[]', updated_at: at })
    .execute();
  for (const mentee of mentees) {
    const enrolmentId = newId();
    await db
      .insertInto('enrolments')
      .values({
        id: enrolmentId,
        organisation_id: organisationId,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programme.id,
        person_id: mentee.id,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const pairingId = newId();
    await db
      .insertInto('mentoring_pairings')
      .values({
        id: pairingId,
        organisation_id: organisationId,
        kind: 'mentor',
        mentor_id: mentor.id,
        mentee_id: mentee.id,
        enrolment_id: enrolmentId,
        status: 'active',
        assigned_by: mentor.id,
        started_at: at,
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by_id: null,
        signed_off_at: null,
        signed_off_comment: null,
      })
      .execute();
    for (let m = 0; m < MEETINGS; m++) {
      const meetingId = newId();
      await db
        .insertInto('mentoring_meetings')
        .values({
          id: meetingId,
          pairing_id: pairingId,
          held_on: day(-14 * (MEETINGS - m)),
          duration_minutes: 45,
          focus_skills: '[]',
          shared_notes: 'What we talked about, and what to try before next time. '.repeat(3),
          next_meeting_on: day(14 - 14 * (MEETINGS - m - 1)),
          status: m < MEETINGS - 1 ? 'confirmed' : 'recorded',
          added_by: mentor.id,
          added_at: at,
          confirmed_by: m < MEETINGS - 1 ? mentee.id : null,
          confirmed_at: m < MEETINGS - 1 ? at : null,
        })
        .execute();
      if (m === MEETINGS - 1)
        await db
          .insertInto('mentoring_actions')
          .values(
            Array.from({ length: ACTIONS }, (_, i) => ({
              id: newId(),
              pairing_id: pairingId,
              meeting_id: meetingId,
              description: `Action ${i + 1}: something to try before the next meeting`,
              owner_id: mentee.id,
              due_on: day(i === 0 ? -2 : 10),
              done_at: null,
              created_at: at,
            })),
          )
          .execute();
    }
  }
}
