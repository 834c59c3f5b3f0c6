import { type Expression, expressionBuilder, type ExpressionWrapper, type SqlBool } from 'kysely';
import { chunks } from '../../platform/db/batches';
import type { Database, Executor } from '../../platform/db/database';
import type { TokenPurpose } from './auth.tables';

export function findSignInSessionByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sign_in_sessions')
    .innerJoin('people', 'people.id', 'sign_in_sessions.person_id')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select([
      'sign_in_sessions.id as session_id',
      'sign_in_sessions.expires_at',
      'sign_in_sessions.last_seen_at',
      'people.id as person_id',
      'people.organisation_id',
      'organisations.name as organisation_name',
      'people.school_id',
      'people.given_name',
      'people.family_name',
      'people.email',
      'people.status',
    ])
    .select((eb) =>
      eb
        .exists(
          eb.selectFrom('people as report').select('report.id').whereRef('report.line_manager_id', '=', 'people.id').where('report.status', '=', 'active'),
        )
        .as('is_line_manager'),
    )
    .where('sign_in_sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findRolesOf(db: Executor, personId: string) {
  return db.selectFrom('role_grants').select(['role', 'school_id']).where('person_id', '=', personId).execute();
}

export function findPersonForSignIn(db: Executor, emailNormalised: string) {
  return db
    .selectFrom('people')
    .leftJoin('passwords', 'passwords.person_id', 'people.id')
    .select(['people.id', 'people.organisation_id', 'passwords.hash as password_hash', 'people.status', 'people.given_name', 'people.email'])
    .where('people.email_normalised', '=', emailNormalised)
    .executeTakeFirst();
}

// Rows per statement when saving many password hashes: 3 parameters a row, well under both engines' limits.
const PASSWORDS_PER_STATEMENT = 1_000;

/** Saves password hashes, replacing any the people already had. */
export async function savePasswordHashes(db: Executor, rows: readonly { personId: string; hash: string }[], now: string): Promise<void> {
  for (const batch of chunks(rows, PASSWORDS_PER_STATEMENT)) {
    await db
      .insertInto('passwords')
      .values(batch.map((row) => ({ person_id: row.personId, hash: row.hash, updated_at: now })))
      .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ hash: eb.ref('excluded.hash'), updated_at: eb.ref('excluded.updated_at') })))
      .execute();
  }
}

/** True when the person (an expression holding their id) has set a password, so can sign in with one. */
export function passwordIsSet(personId: Expression<string>): ExpressionWrapper<Database, never, SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(eb.selectFrom('passwords').select('passwords.person_id').where('passwords.person_id', '=', personId));
}

/** True when the person (an expression holding their id) holds an invitation that is unused and unexpired at `now`. */
export function holdsWorkingInvitation(personId: Expression<string>, now: string): ExpressionWrapper<Database, never, SqlBool> {
  const eb = expressionBuilder<Database, never>();
  return eb.exists(
    eb
      .selectFrom('auth_tokens')
      .select('auth_tokens.id')
      .where('auth_tokens.person_id', '=', personId)
      .where('auth_tokens.purpose', '=', 'invitation')
      .where('auth_tokens.used_at', 'is', null)
      .where('auth_tokens.expires_at', '>', now),
  );
}

/** The person's most recent invitation (used, expired or working), if they were ever invited. */
export function findLatestInvitation(db: Executor, personId: string) {
  return db
    .selectFrom('auth_tokens')
    .select(['created_at', 'expires_at', 'used_at'])
    .where('person_id', '=', personId)
    .where('purpose', '=', 'invitation')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Marks every unused token of a purpose the person holds as used, so none of those links works any more. */
export async function spendUnusedTokens(db: Executor, personId: string, purpose: TokenPurpose, now: string): Promise<void> {
  await db
    .updateTable('auth_tokens')
    .set({ used_at: now })
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export function findPersonById(db: Executor, id: string) {
  return db.selectFrom('people').select(['id', 'organisation_id', 'status', 'given_name', 'family_name', 'email']).where('id', '=', id).executeTakeFirst();
}

export function listSignInSessionsOf(db: Executor, personId: string, now: string) {
  return db
    .selectFrom('sign_in_sessions')
    .select(['id', 'user_agent', 'ip_address', 'created_at', 'last_seen_at', 'expires_at'])
    .where('person_id', '=', personId)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export function findToken(db: Executor, tokenHash: string, purpose: TokenPurpose) {
  return db
    .selectFrom('auth_tokens')
    .innerJoin('people', 'people.id', 'auth_tokens.person_id')
    .select([
      'auth_tokens.id',
      'auth_tokens.person_id',
      'auth_tokens.expires_at',
      'auth_tokens.used_at',
      'people.status',
      'people.organisation_id',
      'people.given_name',
      'people.email',
    ])
    .where('auth_tokens.token_hash', '=', tokenHash)
    .where('auth_tokens.purpose', '=', purpose)
    .executeTakeFirst();
}

/** Marks a token used if nobody has used it yet; false means it was already spent. */
export async function spendToken(db: Executor, tokenId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('auth_tokens').set({ used_at: now }).where('id', '=', tokenId).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function findThrottle(db: Executor, key: string) {
  return db.selectFrom('sign_in_throttles').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function saveThrottle(db: Executor, row: { key: string; failures: number; window_started_at: string; locked_until: string | null }) {
  await db
    .insertInto('sign_in_throttles')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ failures: row.failures, window_started_at: row.window_started_at, locked_until: row.locked_until }))
    .execute();
}

export async function clearThrottle(db: Executor, key: string) {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}
