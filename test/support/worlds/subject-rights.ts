import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';

/**
 * Records the subject rights matrix rows need: `:exportId`, a ready export about the teacher
 * (`:personId`), `:erasureId`, an erasure the organisation admin carried out, and `:jobId`, the
 * finished job that carried it out.
 */
export async function makeSubjectRightsWorld(db: Db, world: World): Promise<Record<string, string>> {
  const exportId = newId();
  const at = new Date().toISOString();
  await db
    .insertInto('subject_access_exports')
    .values({
      id: exportId,
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      requested_by: world.orgAdmin.id,
      status: 'ready',
      zip: Buffer.from('PK\u0005\u0006'.padEnd(22, '\u0000')).toString('base64'),
      size_bytes: 22,
      requested_at: at,
      ready_at: at,
      expires_at: '2999-01-01T00:00:00.000Z',
      downloaded_at: null,
    })
    .execute();
  const erasureId = newId();
  await db
    .insertInto('erasures')
    .values({
      id: erasureId,
      organisation_id: world.organisation.id,
      former_person_id: world.staff.id,
      requested_by: world.orgAdmin.id,
      credentials: 'keep',
      summary: '[]',
      erased_at: at,
    })
    .execute();
  const jobId = newId();
  await db
    .insertInto('erasure_jobs')
    .values({
      id: jobId,
      organisation_id: world.organisation.id,
      requested_by: world.orgAdmin.id,
      credentials: 'keep',
      former_person_id: world.staff.id,
      subject: null,
      steps_done: '[]',
      summary: '[]',
      started_at: at,
      finished_at: at,
      erasure_id: erasureId,
      last_error: null,
    })
    .execute();
  return { exportId, erasureId, jobId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeSubjectRightsWorld;
