import type { Insertable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import type { RecordImportedItemsTable, RecordImportsTable, RecordItemKind, RecordSharesTable } from './record.tables';

export function listItemsOf(db: Executor, personId: string) {
  return db.selectFrom('record_items').select(['kind', 'item_id', 'kept']).where('person_id', '=', personId).execute();
}

/** Replaces what the person includes in their record; `kept` is a role's copy (JSON), null for other kinds. */
export async function replaceItems(
  trx: Executor,
  personId: string,
  items: { kind: RecordItemKind; id: string; kept: string | null }[],
  at: string,
): Promise<void> {
  await trx.deleteFrom('record_items').where('person_id', '=', personId).execute();
  if (items.length > 0)
    await trx
      .insertInto('record_items')
      .values(items.map((i) => ({ person_id: personId, kind: i.kind, item_id: i.id, added_at: at, kept: i.kept })))
      .execute();
}

export async function findStatement(db: Executor, personId: string): Promise<string> {
  const row = await db.selectFrom('record_statements').select('statement').where('person_id', '=', personId).executeTakeFirst();
  return row?.statement ?? '';
}

export async function saveStatement(trx: Executor, personId: string, statement: string, at: string): Promise<void> {
  await trx.deleteFrom('record_statements').where('person_id', '=', personId).execute();
  if (statement !== '') await trx.insertInto('record_statements').values({ person_id: personId, statement, updated_at: at }).execute();
}

export function listSharesOf(db: Executor, personId: string) {
  return db.selectFrom('record_shares').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').orderBy('id').execute();
}

export function findShare(db: Executor, id: string) {
  return db.selectFrom('record_shares').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findShareByToken(db: Executor, token: string) {
  return db.selectFrom('record_shares').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function insertShare(trx: Executor, row: Insertable<RecordSharesTable>): Promise<void> {
  await trx.insertInto('record_shares').values(row).execute();
}

/** Revokes a link that is not revoked yet. */
export async function revokeShare(trx: Executor, id: string, at: string): Promise<void> {
  await trx.updateTable('record_shares').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function insertView(trx: Executor, row: { id: string; share_id: string; viewed_at: string; client: string }): Promise<void> {
  await trx.insertInto('record_share_views').values(row).execute();
}

export function listViews(db: Executor, shareId: string) {
  return db
    .selectFrom('record_share_views')
    .select(['viewed_at', 'client'])
    .where('share_id', '=', shareId)
    .orderBy('viewed_at', 'desc')
    .orderBy('id')
    .execute();
}

export async function countViews(db: Executor, shareIds: string[]): Promise<Map<string, number>> {
  if (shareIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('record_share_views')
    .select(['share_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('share_id', 'in', shareIds)
    .groupBy('share_id')
    .execute();
  return new Map(rows.map((r) => [r.share_id, Number(r.n)]));
}

// ----- Record files brought in -----

export async function insertImport(trx: Executor, row: Insertable<RecordImportsTable>): Promise<void> {
  await trx.insertInto('record_imports').values(row).execute();
}

export function findImport(db: Executor, id: string) {
  return db.selectFrom('record_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Whether the person has already brought in the file with this id. */
export async function hasImported(db: Executor, personId: string, bundleId: string): Promise<boolean> {
  const row = await db
    .selectFrom('record_imports')
    .select('id')
    .where('person_id', '=', personId)
    .where('bundle_id', '=', bundleId)
    .where('status', '=', 'imported')
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks a previewed import brought in; false when it was not previewed any more (confirmed twice at once). */
export async function markImported(trx: Executor, id: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('record_imports')
    .set({ status: 'imported', imported_at: at })
    .where('id', '=', id)
    .where('status', '=', 'previewed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertImportedItems(trx: Executor, rows: Insertable<RecordImportedItemsTable>[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('record_imported_items').values(rows).execute();
}

/** Adds items to what the person's record shows (beside what it shows already). */
export async function addItems(trx: Executor, personId: string, items: { kind: RecordItemKind; id: string }[], at: string): Promise<void> {
  if (items.length > 0)
    await trx
      .insertInto('record_items')
      .values(items.map((i) => ({ person_id: personId, kind: i.kind, item_id: i.id, added_at: at })))
      .execute();
}

export function listImportedItemsOf(db: Executor, personId: string) {
  return db.selectFrom('record_imported_items').selectAll().where('person_id', '=', personId).orderBy('imported_at', 'desc').orderBy('id').execute();
}

/** Everything held about the person, for a subject access request. */
export async function exportOf(db: Executor, personId: string) {
  const shares = await listSharesOf(db, personId);
  return {
    items: await listItemsOf(db, personId),
    imported: (await listImportedItemsOf(db, personId)).map((i) => ({
      kind: i.kind,
      title: i.title,
      detail: JSON.parse(i.detail) as unknown,
      broughtFrom: i.brought_from,
      outcome: i.outcome,
      reason: i.reason,
      importedAt: i.imported_at,
    })),
    statement: await findStatement(db, personId),
    shares: await Promise.all(
      shares.map(async (s) => ({
        label: s.label,
        expiresOn: s.expires_on,
        revokedAt: s.revoked_at,
        createdAt: s.created_at,
        views: await listViews(db, s.id),
      })),
    ),
  };
}

export async function eraseOf(trx: Executor, personId: string): Promise<void> {
  const ids = (await listSharesOf(trx, personId)).map((s) => s.id);
  if (ids.length > 0) await trx.deleteFrom('record_share_views').where('share_id', 'in', ids).execute();
  await trx.deleteFrom('record_shares').where('person_id', '=', personId).execute();
  await trx.deleteFrom('record_statements').where('person_id', '=', personId).execute();
  await trx.deleteFrom('record_items').where('person_id', '=', personId).execute();
  await trx.deleteFrom('record_imported_items').where('person_id', '=', personId).execute();
  await trx.deleteFrom('record_imports').where('person_id', '=', personId).execute();
}

/**
 * When one staff record of a person is erased, the roles held on it that their record includes
 * under another staff record (a new school's account they linked) stay there as the copy the record
 * keeps, under a new id: a role's id names the staff record it was held on, which must go. A copy
 * made while the role was held ends on `endedOn` (the day they left). Their links keep showing
 * them. Returns how many roles were kept.
 */
export async function detachRolesOf(trx: Executor, erasedPersonId: string, endedOn: string): Promise<number> {
  const prefix = `${erasedPersonId}_`;
  // LIKE's `_` matches any character: the prefix is checked exactly below.
  const rows = (
    await trx
      .selectFrom('record_items')
      .select(['person_id', 'item_id', 'kept'])
      .where('kind', '=', 'role')
      .where('person_id', '!=', erasedPersonId)
      .where('item_id', 'like', `${erasedPersonId}%`)
      .execute()
  ).filter((r) => r.item_id.startsWith(prefix));
  // The new id of each role kept, by the person whose record keeps it and its old id.
  const renamed = new Map<string, string>();
  for (const row of rows) {
    const kept = row.kept ? (JSON.parse(row.kept) as { to?: string | null }) : null;
    const id = `kept-${newId()}`;
    if (kept) {
      await trx
        .updateTable('record_items')
        .set({ item_id: id, kept: JSON.stringify({ ...kept, to: kept.to ?? endedOn }) })
        .where('person_id', '=', row.person_id)
        .where('kind', '=', 'role')
        .where('item_id', '=', row.item_id)
        .execute();
      renamed.set(`${row.person_id} ${row.item_id}`, id);
    } else {
      // Nothing to keep it by (no copy was made): it goes with the staff record.
      await trx.deleteFrom('record_items').where('person_id', '=', row.person_id).where('kind', '=', 'role').where('item_id', '=', row.item_id).execute();
    }
  }
  // Links show what the record held when they were made, so a link can name a role the record no
  // longer includes: each such role takes the kept copy's new id, or is left out when there is none.
  const shares = await trx
    .selectFrom('record_shares')
    .select(['id', 'person_id', 'items'])
    .where('person_id', '!=', erasedPersonId)
    .where('items', 'like', `%${erasedPersonId}%`)
    .execute();
  for (const share of shares) {
    const items = JSON.parse(share.items) as { kind: string; id: string }[];
    const next = items.flatMap((i) => {
      if (i.kind !== 'role' || !i.id.startsWith(prefix)) return [i];
      const id = renamed.get(`${share.person_id} ${i.id}`);
      return id ? [{ ...i, id }] : [];
    });
    await trx
      .updateTable('record_shares')
      .set({ items: JSON.stringify(next) })
      .where('id', '=', share.id)
      .execute();
  }
  return renamed.size;
}

/**
 * Moves the record (what it includes, the statement, links, record files brought in) from the
 * person's earlier staff records to the one just linked to their personal account: their record
 * comes with them. A statement already on the new staff record is kept.
 */
export async function moveRecord(trx: Executor, fromPersonIds: readonly string[], toPersonId: string): Promise<void> {
  const from = fromPersonIds.filter((id) => id !== toPersonId);
  if (from.length === 0) return;
  await trx.updateTable('record_items').set({ person_id: toPersonId }).where('person_id', 'in', from).execute();
  await trx.updateTable('record_shares').set({ person_id: toPersonId }).where('person_id', 'in', from).execute();
  await trx.updateTable('record_imports').set({ person_id: toPersonId }).where('person_id', 'in', from).execute();
  await trx.updateTable('record_imported_items').set({ person_id: toPersonId }).where('person_id', 'in', from).execute();
  const kept = await trx.selectFrom('record_statements').select('person_id').where('person_id', '=', toPersonId).executeTakeFirst();
  if (kept) await trx.deleteFrom('record_statements').where('person_id', 'in', from).execute();
  else {
    const latest = await trx.selectFrom('record_statements').selectAll().where('person_id', 'in', from).orderBy('updated_at', 'desc').executeTakeFirst();
    await trx.deleteFrom('record_statements').where('person_id', 'in', from).execute();
    if (latest)
      await trx
        .insertInto('record_statements')
        .values({ ...latest, person_id: toPersonId })
        .execute();
  }
}
