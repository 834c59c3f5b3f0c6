import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

const at = '2026-11-01T09:00:00.000Z';

/**
 * Records the graduation matrix rows need: `:graduationEventId`, a graduation ceremony of the
 * organisation (an open event of kind `graduation`) celebrating the teacher's earlier cohort, in
 * which nobody has completed yet, so only those who manage it see its programme.
 */
export async function makeGraduationWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const eventId = newId();
  await db
    .insertInto('sessions_events')
    .values({
      id: eventId,
      organisation_id: world.organisation.id,
      cohort_id: null,
      kind: 'graduation',
      title: 'Graduation ceremony',
      description: 'Celebrating this year’s graduates.',
      skill_ids: '[]',
      starts_at: '2027-07-01T17:00:00.000Z',
      ends_at: '2027-07-01T18:30:00.000Z',
      mode: 'in_person',
      venue: 'Aspen Academy, Main Hall',
      online_url: null,
      capacity: null,
      status: 'scheduled',
      cancel_reason: null,
      cancelled_at: null,
      sequence: 0,
      check_in_secret: 'g'.repeat(64),
      created_by: world.programmeLead.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('graduations')
    .values({
      event_id: eventId,
      organisation_id: world.organisation.id,
      proceedings: 'Welcome\nCertificates',
      invite_line_managers: 0,
      updated_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.insertInto('graduation_cohorts').values({ event_id: eventId, cohort_id: programmes.earlierCohortId }).execute();
  return { graduationEventId: eventId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeGraduationWorld;
