import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';

const document = JSON.stringify({
  title: 'Middle Leadership framework',
  description: 'For heads of department.',
  track: 'teaching',
  levels: [{ key: 'middle', title: 'Towards middle leadership' }],
  domains: [
    { title: 'Leading people', description: '', skills: [{ code: 'LP1', title: 'Giving feedback', description: 'Gives useful feedback.', descriptors: {} }] },
  ],
});

/**
 * Records the library matrix rows need: a framework the test organisation shares (`:sharedItemId`)
 * and one it withdrew (`:withdrawnItemId`), both shared by the organisation admin.
 */
export async function matrixRecords(db: Db, world: World): Promise<Record<string, string>> {
  const item = (withdrawn: boolean) => ({
    id: newId(),
    organisation_id: world.organisation.id,
    kind: 'framework' as const,
    source_id: newId(),
    source_label: 'version 1',
    name: withdrawn ? 'An old framework' : 'Middle Leadership framework',
    description: 'How our middle leaders grow.',
    licence: 'cc-by-4.0' as const,
    content: document,
    published_by: world.orgAdmin.id,
    published_at: '2026-11-10T09:00:00.000Z',
    withdrawn_by: withdrawn ? world.orgAdmin.id : null,
    withdrawn_at: withdrawn ? '2026-11-11T09:00:00.000Z' : null,
  });
  const shared = item(false);
  const withdrawn = item(true);
  await db.insertInto('library_items').values([shared, withdrawn]).execute();
  return { sharedItemId: shared.id, withdrawnItemId: withdrawn.id };
}
