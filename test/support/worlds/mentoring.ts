import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the mentoring matrix rows need: the member of staff (world.staff, school A) offers two
 * places and mentors the teacher (world.report) for their enrolment; one meeting the teacher
 * recorded, with an action. `:pairingId`, `:meetingId`, `:actionId`.
 */
export async function makeMentoringWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const at = '2026-11-10T09:00:00.000Z';
  await db
    .insertInto('mentoring_profiles')
    .values({ person_id: world.staff.id, organisation_id: world.organisation.id, places: 2, strengths: '[]', updated_at: at })
    .execute();
  const pairingId = newId();
  await db
    .insertInto('mentoring_pairings')
    .values({
      id: pairingId,
      organisation_id: world.organisation.id,
      kind: 'mentor',
      mentor_id: world.staff.id,
      mentee_id: world.report.id,
      enrolment_id: programmes.enrolmentId,
      status: 'active',
      assigned_by: world.programmeLead.id,
      started_at: at,
      ended_at: null,
      ended_by: null,
      end_reason: null,
      replaced_by_id: null,
      signed_off_at: null,
      signed_off_comment: null,
    })
    .execute();
  const meetingId = newId();
  await db
    .insertInto('mentoring_meetings')
    .values({
      id: meetingId,
      pairing_id: pairingId,
      held_on: '2026-11-12',
      duration_minutes: 45,
      focus_skills: '[]',
      shared_notes: 'Talked about the reading group.',
      next_meeting_on: '2026-12-03',
      status: 'recorded',
      added_by: world.report.id,
      added_at: at,
      confirmed_by: null,
      confirmed_at: null,
    })
    .execute();
  const actionId = newId();
  await db
    .insertInto('mentoring_actions')
    .values({
      id: actionId,
      pairing_id: pairingId,
      meeting_id: meetingId,
      description: 'Observe a colleague’s lesson',
      owner_id: world.report.id,
      due_on: '2026-11-30',
      done_at: null,
      created_at: at,
    })
    .execute();
  return { pairingId, meetingId, actionId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeMentoringWorld;
