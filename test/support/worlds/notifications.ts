import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the notifications matrix rows need, added to the shared world (teacher = world.report, enrolled in
 * programmes.cohortId). Returns the route parameters (`:name` → id) those rows use: `:notificationId` is an
 * unread notification in the teacher's inbox about their enrolment.
 */
export async function makeNotificationWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const notificationId = newId();
  await db
    .insertInto('notifications')
    .values({
      id: notificationId,
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      kind: 'enrolment_update',
      subject: 'Your place on the programme is active again',
      body: 'Your place is active again.',
      link: `/enrolments/${programmes.enrolmentId}`,
      emailed: 1,
      created_at: new Date().toISOString(),
      read_at: null,
    })
    .execute();
  return { notificationId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeNotificationWorld;
