import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import { newToken } from '../../../src/platform/http/tokens';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/** Records the leadership record's matrix rows need: the teacher (world.report) has shared their record by a link that works, and has uploaded a record file to bring in (`recordImportId`). */
export async function makeRecordWorld(db: Db, world: World, _programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const shareId = newId();
  const shareToken = newToken();
  await db
    .insertInto('record_statements')
    .values({ person_id: world.report.id, statement: 'I lead reading across Key Stage 3.', updated_at: '2026-11-20T09:00:00.000Z' })
    .execute();
  await db
    .insertInto('record_shares')
    .values({
      id: shareId,
      person_id: world.report.id,
      label: 'Head of English application',
      token: shareToken,
      items: '[]',
      include_statement: 1,
      expires_on: '2099-12-31',
      revoked_at: null,
      created_at: '2026-11-20T09:00:00.000Z',
    })
    .execute();
  const recordImportId = newId();
  await db
    .insertInto('record_imports')
    .values({
      id: recordImportId,
      person_id: world.report.id,
      bundle_id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      brought_from: 'Elsewhere Trust',
      bundle: '{}',
      status: 'previewed',
      created_at: '2026-11-20T09:00:00.000Z',
    })
    .execute();
  return { shareId, shareToken, recordImportId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeRecordWorld;
