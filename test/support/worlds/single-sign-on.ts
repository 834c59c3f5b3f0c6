import type { Db } from '../../../src/platform/db/database';
import { encryptSecret } from '../../../src/platform/credentials/keys';
import { DEVELOPMENT_SIGNING_KEYS_SECRET } from '../../../src/config';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';

/**
 * The organisation has set up Microsoft sign-in (the other organisation nothing), so removing it is an
 * action its admin can take; the teacher (`:personId`) has a linked account (`:accountId`).
 */
export async function matrixRecords(db: Db, world: World): Promise<Record<string, string>> {
  const at = '2026-11-10T09:00:00.000Z';
  const id = newId();
  await db
    .insertInto('sso_connections')
    .values({
      id,
      organisation_id: world.organisation.id,
      provider: 'microsoft',
      tenant_ids: JSON.stringify(['72f988bf-86f1-41af-91ab-2d7cd011db47']),
      domains: '[]',
      client_id: 'matrix-client',
      client_secret_sealed: encryptSecret('matrix-secret', DEVELOPMENT_SIGNING_KEYS_SECRET),
      updated_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  // The teacher the matrix asks about (`:personId`) has linked a Microsoft account.
  const accountId = newId();
  await db
    .insertInto('sso_identities')
    .values({
      id: accountId,
      person_id: world.report.id,
      provider: 'microsoft',
      subject: `72f988bf-86f1-41af-91ab-2d7cd011db47:${accountId}`,
      email_at_binding: world.report.email,
      created_at: at,
      last_used_at: at,
    })
    .execute();
  return { connectionId: id, accountId };
}
