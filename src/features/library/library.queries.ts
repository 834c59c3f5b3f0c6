import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { LibraryCopiesTable, LibraryItemsTable } from './library.tables';

/** Items listed in the library: every organisation's current ones, and the viewer's organisation's withdrawn ones too; with how often each was copied. */
export function listItems(db: Executor, viewerOrganisationId: string) {
  return db
    .selectFrom('library_items')
    .select([
      'library_items.id',
      'library_items.organisation_id',
      'library_items.kind',
      'library_items.name',
      'library_items.source_label',
      'library_items.licence',
      'library_items.published_at',
      'library_items.withdrawn_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('library_copies')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('library_copies.item_id', '=', 'library_items.id')
        .as('copies'),
    )
    .where((eb) => eb.or([eb('library_items.withdrawn_at', 'is', null), eb('library_items.organisation_id', '=', viewerOrganisationId)]))
    .orderBy('library_items.published_at', 'desc')
    .execute();
}

export function findItem(db: Executor, id: string) {
  return db.selectFrom('library_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertItem(db: Executor, row: Insertable<LibraryItemsTable>) {
  await db.insertInto('library_items').values(row).execute();
}

export async function withdrawItem(db: Executor, id: string, by: string, at: string) {
  await db.updateTable('library_items').set({ withdrawn_by: by, withdrawn_at: at }).where('id', '=', id).where('withdrawn_at', 'is', null).execute();
}

export async function insertCopy(db: Executor, row: Insertable<LibraryCopiesTable>) {
  await db.insertInto('library_copies').values(row).execute();
}

/** Copies of an item, newest first. */
export function listCopies(db: Executor, itemId: string) {
  return db.selectFrom('library_copies').select(['organisation_id', 'copied_at']).where('item_id', '=', itemId).orderBy('copied_at', 'desc').execute();
}
