import type { Executor } from '../../platform/db/database';
import type { TokenPurpose } from './auth.tables';

export function findSessionByTokenHash(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .select([
      'sessions.id as session_id',
      'sessions.expires_at',
      'sessions.last_seen_at',
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
        .exists(eb.selectFrom('people as report').select('report.id').whereRef('report.line_manager_id', '=', 'people.id').where('report.status', '=', 'active'))
        .as('is_line_manager'),
    )
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findRolesOf(db: Executor, personId: string) {
  return db.selectFrom('role_grants').select(['role', 'school_id']).where('person_id', '=', personId).execute();
}

export function findPersonForSignIn(db: Executor, emailNormalised: string) {
  return db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'password_hash', 'status', 'given_name', 'email'])
    .where('email_normalised', '=', emailNormalised)
    .executeTakeFirst();
}

export function findPersonById(db: Executor, id: string) {
  return db.selectFrom('people').select(['id', 'organisation_id', 'status', 'given_name', 'family_name', 'email']).where('id', '=', id).executeTakeFirst();
}

export function listSessionsOf(db: Executor, personId: string, now: string) {
  return db
    .selectFrom('sessions')
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
    .select(['auth_tokens.id', 'auth_tokens.person_id', 'auth_tokens.expires_at', 'auth_tokens.used_at', 'people.status', 'people.organisation_id', 'people.given_name', 'people.email'])
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
