import type { Executor } from '../../platform/db/database';
import { engineOfDb } from '../../platform/db/connect';
import type { PublicTaster, TasterSignUp } from './tasters.tables';

export function findPublicTaster(db: Executor, sessionId: string): Promise<PublicTaster | undefined> {
  return db.selectFrom('public_tasters').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
}

export function listPublicTasters(db: Executor): Promise<PublicTaster[]> {
  return db.selectFrom('public_tasters').selectAll().execute();
}

export async function makePublic(db: Executor, row: PublicTaster): Promise<void> {
  await db
    .insertInto('public_tasters')
    .values(row)
    .onConflict((oc) => oc.column('session_id').doUpdateSet({ places: row.places }))
    .execute();
}

export async function makePrivate(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('public_tasters').where('session_id', '=', sessionId).execute();
}

export function findSignUpByEmail(db: Executor, sessionId: string, emailNormalised: string): Promise<TasterSignUp | undefined> {
  return db.selectFrom('taster_sign_ups').selectAll().where('session_id', '=', sessionId).where('email_normalised', '=', emailNormalised).executeTakeFirst();
}

export function findSignUpByToken(db: Executor, tokenHash: string): Promise<TasterSignUp | undefined> {
  return db.selectFrom('taster_sign_ups').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function insertSignUp(db: Executor, row: TasterSignUp): Promise<void> {
  await db.insertInto('taster_sign_ups').values(row).execute();
}

/** A new link for a sign-up (the old one stops working); a pending (or cancelled, asking again) one also gets the name given now and a new expiry. */
export async function renewSignUp(
  db: Executor,
  id: string,
  changes: { token_hash: string; name?: string; expires_at?: string; status?: 'pending'; cancelled_at?: null; waiting_since?: null },
): Promise<void> {
  await db.updateTable('taster_sign_ups').set(changes).where('id', '=', id).execute();
}

/** A taster's sign-ups, by status, then by when they signed up. */
export function listSignUps(db: Executor, sessionId: string): Promise<TasterSignUp[]> {
  return db.selectFrom('taster_sign_ups').selectAll().where('session_id', '=', sessionId).orderBy('status').orderBy('created_at').orderBy('id').execute();
}

export function listSignUpsOfEmail(db: Executor, emailNormalised: string) {
  return db
    .selectFrom('taster_sign_ups')
    .select(['session_id', 'name', 'email', 'status', 'created_at', 'confirmed_at'])
    .where('email_normalised', '=', emailNormalised)
    .execute();
}

export async function deleteSignUpsOfEmail(db: Executor, emailNormalised: string): Promise<number> {
  const result = await db.deleteFrom('taster_sign_ups').where('email_normalised', '=', emailNormalised).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The sessions the organisation's sign-ups are for (retention looks at when each ended). */
export async function listSignedUpSessionIds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('taster_sign_ups').select('session_id').distinct().where('organisation_id', '=', organisationId).execute();
  return rows.map((r) => r.session_id);
}

export async function deleteSignUpsOfSessions(db: Executor, organisationId: string, sessionIds: readonly string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const result = await db
    .deleteFrom('taster_sign_ups')
    .where('organisation_id', '=', organisationId)
    .where('session_id', 'in', [...sessionIds])
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The taster's row, locked (FOR UPDATE on PostgreSQL) while its places are counted and given, so two at once never over-fill it. */
export function lockTaster(trx: Executor, sessionId: string): Promise<PublicTaster | undefined> {
  const query = trx.selectFrom('public_tasters').selectAll().where('session_id', '=', sessionId);
  return engineOfDb(trx) === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

/** Places taken (confirmed sign-ups) per taster. */
export async function countConfirmed(db: Executor, sessionIds: readonly string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('taster_sign_ups')
    .select(['session_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('session_id', 'in', [...sessionIds])
    .where('status', '=', 'confirmed')
    .groupBy('session_id')
    .execute();
  return new Map(rows.map((r) => [r.session_id, Number(r.n)]));
}

/** Whoever has waited longest for a place at the taster. */
export function firstWaiting(db: Executor, sessionId: string): Promise<TasterSignUp | undefined> {
  return db
    .selectFrom('taster_sign_ups')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .orderBy('waiting_since')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** How many wait ahead of a sign-up, plus one. */
export async function waitingPosition(db: Executor, signUp: Pick<TasterSignUp, 'id' | 'session_id' | 'waiting_since'>): Promise<number> {
  const row = await db
    .selectFrom('taster_sign_ups')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('session_id', '=', signUp.session_id)
    .where('status', '=', 'waiting')
    // The same order as `firstWaiting`: by when they joined, then by id.
    .where((eb) =>
      eb.or([eb('waiting_since', '<', signUp.waiting_since ?? ''), eb.and([eb('waiting_since', '=', signUp.waiting_since ?? ''), eb('id', '<', signUp.id)])]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

/** Moves a sign-up from one status to another; false when it had changed meanwhile. */
export async function moveSignUp(
  db: Executor,
  id: string,
  from: TasterSignUp['status'],
  changes: Partial<Pick<TasterSignUp, 'status' | 'confirmed_at' | 'waiting_since' | 'cancelled_at' | 'token_hash'>>,
): Promise<boolean> {
  const result = await db.updateTable('taster_sign_ups').set(changes).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
