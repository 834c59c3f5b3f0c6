import { type CompiledQuery, type Expression, expressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import { chunks } from '../../platform/db/batches';
import type { Database, Executor } from '../../platform/db/database';
import type { TokenPurpose } from './auth.tables';

function signInSessionQuery(db: Executor, tokenHash: string) {
  return db
    .selectFrom('sign_in_sessions')
    .innerJoin('people', 'people.id', 'sign_in_sessions.person_id')
    .innerJoin('organisations', 'organisations.id', 'people.organisation_id')
    .leftJoin('role_grants', 'role_grants.person_id', 'people.id')
    .select([
      'role_grants.role',
      'role_grants.school_id as role_school_id',
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
    .where('sign_in_sessions.token_hash', '=', tokenHash);
}

type SignInSessionRow = Awaited<ReturnType<ReturnType<typeof signInSessionQuery>['execute']>>[number];

/** Stands for the token hash in the compiled statement: never a real hash (those are 64 hex digits). */
const TOKEN_HASH_SLOT = 'token hash';
const compiledSignInSessionQueries = new WeakMap<Executor, CompiledQuery<SignInSessionRow>>();

/**
 * The sign-in session with its person and each of their roles, in one statement (it runs on every
 * signed-in request): one row per role, or one row with a null role for someone with none. The
 * statement is built and compiled once per database handle (building it cost more than running it)
 * and only the token hash changes.
 */
export async function findSignInSessionByTokenHash(db: Executor, tokenHash: string): Promise<SignInSessionRow[]> {
  let compiled = compiledSignInSessionQueries.get(db);
  if (!compiled) {
    compiled = signInSessionQuery(db, TOKEN_HASH_SLOT).compile();
    compiledSignInSessionQueries.set(db, compiled);
  }
  const parameters = compiled.parameters.map((p) => (p === TOKEN_HASH_SLOT ? tokenHash : p));
  return (await db.executeQuery<SignInSessionRow>({ ...compiled, parameters })).rows;
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

/** The locks on these keys (for saying how long to wait). */
export function findThrottleLocks(db: Executor, keys: readonly string[]) {
  return db.selectFrom('sign_in_throttles').select(['key', 'locked_until']).where('key', 'in', keys).execute();
}

/** A lock an attempt sets: from the `from`th failure in a window, locked until `until`. */
export interface ThrottleLockStep {
  from: number;
  until: string;
}

/**
 * Counts one attempt at `key` in a single statement, so attempts made at the same moment are each
 * counted and none slips past a lock another has just set. Nothing is counted while a lock is in
 * force at `now` (the result is then undefined). A window that began before `windowCutoff` starts
 * again at one; the lock comes from `steps` (rising `from`) for the new count.
 */
export function countThrottleAttempt(db: Executor, args: { key: string; now: string; windowCutoff: string; steps: readonly ThrottleLockStep[] }) {
  const { key, now, windowCutoff, steps } = args;
  const lockFor = (failures: Expression<number>) => {
    const branches = [...steps].reverse().map((step) => sql`when ${failures} >= ${step.from} then ${step.until}`);
    return branches.length ? sql<string | null>`case ${sql.join(branches, sql` `)} else null end` : sql<string | null>`null`;
  };
  // A first failure locks only if the limits say so from the very first (worked out here, not in SQL).
  const lockAtFirst = [...steps].reverse().find((step) => step.from <= 1)?.until ?? null;
  const restarts = sql<SqlBool>`sign_in_throttles.window_started_at < ${windowCutoff}`;
  const next = sql<number>`sign_in_throttles.failures + 1`;
  return db
    .insertInto('sign_in_throttles')
    .values({ key, failures: 1, window_started_at: now, locked_until: lockAtFirst })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({
          failures: sql<number>`case when ${restarts} then 1 else ${next} end`,
          window_started_at: sql<string>`case when ${restarts} then ${now} else sign_in_throttles.window_started_at end`,
          locked_until: sql<string | null>`case when ${restarts} then ${lockAtFirst} else ${lockFor(next)} end`,
        })
        .where(sql<SqlBool>`sign_in_throttles.locked_until is null or sign_in_throttles.locked_until <= ${now}`),
    )
    .returning(['failures', 'window_started_at', 'locked_until'])
    .executeTakeFirst();
}

/**
 * Takes back one counted attempt (it turned out not to be a failure) if its window is still the
 * one it was counted in; a lock that attempt set is lifted with it.
 */
export async function refundThrottleAttempt(db: Executor, attempt: { key: string; windowStartedAt: string; lockedUntil: string | null }) {
  await db
    .updateTable('sign_in_throttles')
    .set({
      failures: sql<number>`failures - 1`,
      locked_until:
        attempt.lockedUntil === null
          ? sql<string | null>`locked_until`
          : sql<string | null>`case when locked_until = ${attempt.lockedUntil} then null else locked_until end`,
    })
    .where('key', '=', attempt.key)
    .where('window_started_at', '=', attempt.windowStartedAt)
    .where('failures', '>', 0)
    .execute();
}

export async function clearThrottle(db: Executor, key: string) {
  await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
}

/** The organisation's rule that its staff sign in only with single sign-on, if it has one. */
export function findPasswordSignInRule(db: Executor, organisationId: string) {
  return db.selectFrom('password_sign_in_rules').select(['break_glass_person_id', 'set_at']).where('organisation_id', '=', organisationId).executeTakeFirst();
}
