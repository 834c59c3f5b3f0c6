import { hash, verify } from '@node-rs/argon2';
import { recordAudit } from '../../platform/audit/audit';
import { chunks } from '../../platform/db/batches';
import { type Clock, DAY, MINUTE } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import type { AppDeps, RoleName, Viewer } from '../../platform/http/env';
import { TooManyRequests } from '../../platform/http/errors';
import { hashToken, looksLikeToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { formatDateTime } from '../../platform/dates';
import type { Db, Executor } from '../../platform/db/database';
import * as q from './auth.queries';
import type { TokenPurpose } from './auth.tables';
import { type CountedAttempt, refundAttempts, reserveAttempt } from './attempt-throttle';
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, describeWait, type ThrottleLimits } from './throttle';

export const SESSION_LIFETIME_MS = 14 * DAY;
/** last_seen_at is written at most this often, so a signed-in page view is usually read-only. */
const SEEN_REFRESH_MS = 5 * MINUTE;

export const TOKEN_LIFETIMES: Record<TokenPurpose, number> = {
  sign_in_link: 15 * MINUTE,
  password_reset: 60 * MINUTE,
  invitation: 14 * DAY,
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const ARGON_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON_OPTIONS);
}

// Verified against when the email is unknown, so a wrong email takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    dummyHash ??= hashPassword('waymark-dummy-password');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

export interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/**
 * Counts an attempt against each key before it is made; throws TooManyRequests, starting with
 * `reason`, if any of them is locked (and then nothing is counted).
 */
export async function takeAttempt(deps: AppDeps, limitsByKey: readonly (readonly [string, ThrottleLimits])[], reason: string): Promise<CountedAttempt[]> {
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, limitsByKey);
  if (reservation.admitted) return reservation.attempts;
  const until = reservation.lockedUntil;
  throw new TooManyRequests(
    `${reason} Wait ${describeWait(until, now)} and try again (after ${formatDateTime(until.toISOString()).split(' at ')[1]}).`,
    Math.ceil((until.getTime() - now.getTime()) / 1000),
  );
}

/** How a sign-in session began. */
export type SignInMethod = 'password' | 'link' | 'password_reset' | 'invitation' | 'single_sign_on';

/** Starts a sign-in session and returns its cookie token. */
async function startSignInSession(db: Executor, deps: AppDeps, personId: string, context: RequestContext, method: SignInMethod): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await db
    .insertInto('sign_in_sessions')
    .values({
      id: newId(),
      person_id: personId,
      token_hash: hashToken(token),
      user_agent: context.userAgent?.slice(0, 300) ?? null,
      ip_address: context.ipAddress,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
      method,
    })
    .execute();
  return token;
}

export type SignInResult =
  | { ok: true; sessionToken: string }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'single_sign_on_required'; organisationId: string };

/** True when the person's organisation signs its staff in only with single sign-on and they are not its break-glass administrator. */
async function passwordsTurnedOffFor(db: Executor, person: { id: string; organisation_id: string }): Promise<boolean> {
  const rule = await q.findPasswordSignInRule(db, person.organisation_id);
  return rule !== undefined && rule.break_glass_person_id !== person.id;
}

/**
 * Turns password sign-in (and emailed sign-in links and password resets) off for an organisation's
 * staff, who then sign in with single sign-on; `breakGlassPersonId` (an organisation admin) keeps
 * their password for when single sign-on breaks. Replaces any earlier rule.
 */
export async function turnPasswordsOff(db: Executor, clock: Clock, rule: { organisationId: string; breakGlassPersonId: string; setBy: string }): Promise<void> {
  const values = { break_glass_person_id: rule.breakGlassPersonId, set_by: rule.setBy, set_at: clock.now().toISOString() };
  await db
    .insertInto('password_sign_in_rules')
    .values({ organisation_id: rule.organisationId, ...values })
    .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
    .execute();
}

/**
 * Ends the sign-in sessions of an organisation's staff that were not signed in with single sign-on
 * (passwords, emailed links, resets, and sessions from before Waymark recorded how they began),
 * except the break-glass administrator's: for when passwords are turned off. Gives how many ended.
 */
export async function endPasswordSignInSessions(db: Executor, organisationId: string, breakGlassPersonId: string): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_sessions')
    .where('person_id', 'in', (eb) => eb.selectFrom('people').select('id').where('organisation_id', '=', organisationId))
    .where('person_id', '!=', breakGlassPersonId)
    .where((eb) => eb.or([eb('method', 'is', null), eb('method', '!=', 'single_sign_on')]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Lets an organisation's staff sign in with passwords and emailed links again. */
export async function turnPasswordsOn(db: Executor, organisationId: string): Promise<void> {
  await db.deleteFrom('password_sign_in_rules').where('organisation_id', '=', organisationId).execute();
}

/** The organisation's break-glass administrator when it has turned passwords off; undefined when passwords are on. */
export async function passwordSignInRule(db: Executor, organisationId: string): Promise<{ breakGlassPersonId: string; setAt: string } | undefined> {
  const rule = await q.findPasswordSignInRule(db, organisationId);
  return rule && { breakGlassPersonId: rule.break_glass_person_id, setAt: rule.set_at };
}

/**
 * Starts a sign-in session for someone another feature has identified (single sign-on), inside
 * the caller's transaction; returns the cookie token. The caller records the audit entry.
 */
export function startSignInSessionFor(db: Executor, deps: AppDeps, personId: string, context: RequestContext): Promise<string> {
  return startSignInSession(db, deps, personId, context, 'single_sign_on');
}

/**
 * Signs in with email and password. A wrong email and a wrong password look the same to the
 * caller; repeated failures lock the account and the address for a while.
 */
export async function signInWithPassword(deps: AppDeps, email: string, password: string, context: RequestContext): Promise<SignInResult> {
  const emailKey = normaliseEmail(email);
  const accountKey = `account:${emailKey}`;
  const addressKey = `address:${context.ipAddress ?? 'unknown'}`;
  let attempts: CountedAttempt[];
  try {
    attempts = await takeAttempt(
      deps,
      [
        [accountKey, ACCOUNT_LIMITS],
        [addressKey, ADDRESS_LIMITS],
      ],
      'You have entered incorrect details too many times.',
    );
  } catch (error) {
    await recordAudit(deps.db, deps.clock, {
      action: 'sign_in_refused',
      detail: { email: emailKey },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    throw error;
  }
  const person = await q.findPersonForSignIn(deps.db, emailKey);
  const passwordOk = await verifyPassword(person?.password_hash ?? null, password);
  if (!person || !passwordOk || person.status !== 'active') {
    // The attempt was counted before the password was checked.
    await recordAudit(deps.db, deps.clock, {
      action: 'sign_in_failed',
      organisationId: person?.organisation_id,
      subjectType: person ? 'person' : undefined,
      subjectId: person?.id,
      detail: { email: emailKey },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return { ok: false, reason: 'wrong' };
  }
  if (await passwordsTurnedOffFor(deps.db, person)) {
    // The right password, but this organisation signs in with single sign-on: say so (the password was right, so nothing leaks).
    await refundAttempts(deps.db, attempts);
    await recordAudit(deps.db, deps.clock, {
      action: 'sign_in_refused',
      organisationId: person.organisation_id,
      subjectType: 'person',
      subjectId: person.id,
      detail: { email: emailKey, reason: 'single_sign_on_required' },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return { ok: false, reason: 'single_sign_on_required', organisationId: person.organisation_id };
  }
  const sessionToken = await deps.db.transaction().execute(async (trx) => {
    // Success: the account starts afresh, and the address gets back the attempt it was charged.
    await q.clearThrottle(trx, accountKey);
    await refundAttempts(
      trx,
      attempts.filter((attempt) => attempt.key === addressKey),
    );
    await recordAudit(trx, deps.clock, {
      action: 'sign_in',
      organisationId: person.organisation_id,
      actorId: person.id,
      detail: { method: 'password' },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return startSignInSession(trx, deps, person.id, context, 'password');
  });
  return { ok: true, sessionToken };
}

/** Creates a single-use token of a purpose and returns the raw value for the link. */
export async function issueToken(db: Executor, deps: AppDeps, personId: string, purpose: TokenPurpose, createdBy: string | null = null): Promise<string> {
  return (await issueTokens(db, deps, [personId], purpose, createdBy)).get(personId) as string;
}

/** Creates a token of a purpose for each person, a few hundred rows per statement; returns person id -> raw token. */
export async function issueTokens(
  db: Executor,
  deps: AppDeps,
  personIds: readonly string[],
  purpose: TokenPurpose,
  createdBy: string | null = null,
): Promise<Map<string, string>> {
  const now = deps.clock.now();
  const tokens = new Map(personIds.map((id) => [id, newToken()]));
  for (const batch of chunks([...tokens], 500)) {
    await db
      .insertInto('auth_tokens')
      .values(
        batch.map(([personId, token]) => ({
          id: newId(),
          person_id: personId,
          purpose,
          token_hash: hashToken(token),
          created_by: createdBy,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + TOKEN_LIFETIMES[purpose]).toISOString(),
          used_at: null,
        })),
      )
      .execute();
  }
  return tokens;
}

const LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 5, firstWaitMs: 60_000, refuseFrom: 10, refusalMs: 60 * MINUTE };

/**
 * Emails a sign-in link (or a password reset link) if the email belongs to an active person.
 * Says nothing either way to the caller; requests per email and per address are limited.
 */
export async function requestEmailLink(deps: AppDeps, purpose: 'sign_in_link' | 'password_reset', email: string, context: RequestContext): Promise<void> {
  const emailKey = normaliseEmail(email);
  const accountKey = `${purpose}:account:${emailKey}`;
  const addressKey = `${purpose}:address:${context.ipAddress ?? 'unknown'}`;
  // Every request counts towards the limit, so links can't be used to flood an inbox.
  await takeAttempt(
    deps,
    [
      [accountKey, LINK_LIMITS],
      [addressKey, { ...LINK_LIMITS, slowFrom: 30, refuseFrom: 60 }],
    ],
    'You have asked for too many links.',
  );
  const person = await q.findPersonForSignIn(deps.db, emailKey);
  const turnedOff = person ? await passwordsTurnedOffFor(deps.db, person) : false;
  await deps.db.transaction().execute(async (trx) => {
    if (person?.status !== 'active') return;
    if (turnedOff) {
      // No link: it would work around the organisation's single sign-on. The email says how to sign in instead.
      await enqueueEmail(trx, deps.clock, {
        to: person.email,
        subject: 'How to sign in to Waymark',
        text: `Hello ${person.given_name},\n\nSomeone asked for a ${purpose === 'sign_in_link' ? 'sign-in link' : 'password reset link'} for this email address. Your organisation signs in to Waymark with its Microsoft or Google account, so passwords and emailed links are turned off. Sign in here:\n\n${deps.config.BASE_URL}/sign-in?organisation=${person.organisation_id}\n\nIf you did not ask, you can ignore this email.\n`,
      });
      return;
    }
    const token = await issueToken(trx, deps, person.id, purpose);
    const url = `${deps.config.BASE_URL}/${purpose === 'sign_in_link' ? 'sign-in/link' : 'password-reset'}/${token}`;
    const email =
      purpose === 'sign_in_link'
        ? {
            subject: 'Your Waymark sign-in link',
            text: `Hello ${person.given_name},\n\nUse this link to sign in to Waymark. It works once, for 15 minutes:\n\n${url}\n\nIf you did not ask for it, you can ignore this email: nobody can sign in without the link.\n`,
          }
        : {
            subject: 'Reset your Waymark password',
            text: `Hello ${person.given_name},\n\nUse this link to choose a new password. It works once, for 60 minutes:\n\n${url}\n\nIf you did not ask to reset your password, you can ignore this email: your password has not changed.\n`,
          };
    await enqueueEmail(trx, deps.clock, { to: person.email, ...email });
  });
}

export type TokenCheck =
  | { ok: true; tokenId: string; personId: string; organisationId: string; givenName: string; email: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

// Links nobody was sent, opened from one address: tokens can't be guessed, but a flood of tries is refused all the same.
const UNKNOWN_LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

/**
 * Looks a link's token up without spending it (for the page that asks the person to confirm).
 * Links that match nothing count against the address; too many and the address is refused a while.
 */
export async function checkToken(deps: AppDeps, token: string, purpose: TokenPurpose, context: Pick<RequestContext, 'ipAddress'>): Promise<TokenCheck> {
  const key = `unknown-link:address:${context.ipAddress ?? 'unknown'}`;
  const attempts = await takeAttempt(deps, [[key, UNKNOWN_LINK_LIMITS]], 'Too many links that do not work have been opened from your network.');
  const row = looksLikeToken(token) ? await q.findToken(deps.db, hashToken(token), purpose) : undefined;
  if (row?.status !== 'active') return { ok: false, reason: 'unknown' };
  // A link that matches a token isn't a guess, used or expired as it may be.
  await refundAttempts(deps.db, attempts);
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at <= deps.clock.now().toISOString()) return { ok: false, reason: 'expired' };
  return { ok: true, tokenId: row.id, personId: row.person_id, organisationId: row.organisation_id, givenName: row.given_name, email: row.email };
}

/** Spends a sign-in link and starts a session. */
export async function signInWithLink(
  deps: AppDeps,
  token: string,
  context: RequestContext,
): Promise<{ ok: true; sessionToken: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
  const check = await checkToken(deps, token, 'sign_in_link', context);
  if (!check.ok) return check;
  return deps.db.transaction().execute(async (trx) => {
    if (!(await q.spendToken(trx, check.tokenId, deps.clock.now().toISOString()))) return { ok: false as const, reason: 'used' as const };
    await recordAudit(trx, deps.clock, {
      action: 'sign_in_link_used',
      organisationId: check.organisationId,
      actorId: check.personId,
      detail: { method: 'link' },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return { ok: true as const, sessionToken: await startSignInSession(trx, deps, check.personId, context, 'link') };
  });
}

/**
 * Sets a password from a reset or invitation link, ends the person's other sign-in sessions, and signs
 * them in.
 */
export async function setPasswordWithToken(
  deps: AppDeps,
  token: string,
  purpose: 'password_reset' | 'invitation',
  password: string,
  context: RequestContext,
): Promise<{ ok: true; sessionToken: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
  const check = await checkToken(deps, token, purpose, context);
  if (!check.ok) return check;
  const passwordHash = await hashPassword(password);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    if (!(await q.spendToken(trx, check.tokenId, now))) return { ok: false as const, reason: 'used' as const };
    await q.savePasswordHashes(trx, [{ personId: check.personId, hash: passwordHash }], now);
    await trx.deleteFrom('sign_in_sessions').where('person_id', '=', check.personId).execute();
    // Any other outstanding links of the same purpose are spent too.
    await q.spendUnusedTokens(trx, check.personId, purpose, now);
    await q.clearThrottle(trx, `account:${normaliseEmail(check.email)}`);
    await recordAudit(trx, deps.clock, {
      action: purpose === 'invitation' ? 'invitation_accepted' : 'password_reset',
      organisationId: check.organisationId,
      actorId: check.personId,
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return { ok: true as const, sessionToken: await startSignInSession(trx, deps, check.personId, context, purpose) };
  });
}

/** The signed-in person for a session cookie, or null when it is unknown, expired or deactivated. */
export async function loadViewer(deps: AppDeps, token: string | undefined): Promise<Viewer | null> {
  if (!token || !looksLikeToken(token)) return null;
  const rows = await q.findSignInSessionByTokenHash(deps.db, hashToken(token));
  const row = rows[0];
  const now = deps.clock.now();
  if (row?.status !== 'active' || row.expires_at <= now.toISOString()) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > SEEN_REFRESH_MS) {
    await deps.db
      .updateTable('sign_in_sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString() })
      .where('id', '=', row.session_id)
      .execute();
  }
  return {
    id: row.person_id,
    sessionId: row.session_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    schoolId: row.school_id,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    roles: rows.flatMap((r) => (r.role ? [{ role: r.role as RoleName, schoolId: r.role_school_id }] : [])),
    isLineManager: Boolean(row.is_line_manager),
  };
}

/** The person's sign-in sessions that have not expired, most recently used first. */
export function listSignInSessions(deps: AppDeps, personId: string) {
  return q.listSignInSessionsOf(deps.db, personId, deps.clock.now().toISOString());
}

/** Ends one of the viewer's own sign-in sessions; returns false when it isn't theirs. */
export async function endSignInSession(deps: AppDeps, viewer: Viewer, sessionId: string, context: RequestContext): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('sign_in_sessions').where('id', '=', sessionId).where('person_id', '=', viewer.id).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) return false;
    await recordAudit(trx, deps.clock, {
      action: sessionId === viewer.sessionId ? 'sign_out' : 'session_ended',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: sessionId,
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return true;
  });
}

/**
 * Ends every sign-in session of everyone, for an operator (`waymark sign-out-everyone`, after a
 * suspected breach or a leaked backup): all must sign in again. Returns how many were ended.
 */
export async function endEverySignInSession(db: Db, clock: Clock): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const result = await trx.deleteFrom('sign_in_sessions').executeTakeFirst();
    const ended = Number(result.numDeletedRows);
    await recordAudit(trx, clock, { action: 'everyone_signed_out', detail: { sessions: ended } });
    return ended;
  });
}

/** Ends every sign-in session a person has (used when they are deactivated). */
export async function endAllSignInSessions(db: Executor, personId: string): Promise<void> {
  await db.deleteFrom('sign_in_sessions').where('person_id', '=', personId).execute();
}

/**
 * Saves passwords already hashed with `hashPassword`, replacing any the people had; they can sign
 * in with them at once. Takes thousands of people in a few statements (the demo, test data, imports).
 */
export async function savePasswordHashes(db: Executor, clock: Clock, rows: readonly { personId: string; hash: string }[]): Promise<void> {
  await q.savePasswordHashes(db, rows, clock.now().toISOString());
}

/** When the person was last invited, and whether that invitation was used; undefined if never invited. */
export function latestInvitation(db: Executor, personId: string) {
  return q.findLatestInvitation(db, personId);
}

/** Stops every invitation the person holds from working (before a new one is sent). */
export async function withdrawInvitations(db: Executor, clock: Clock, personId: string): Promise<void> {
  await q.spendUnusedTokens(db, personId, 'invitation', clock.now().toISOString());
}
