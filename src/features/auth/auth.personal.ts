// The personal account: a person's own, above their accounts at schools. It holds a personal email
// (confirmed by a link) and a Teacher Reference Number, shown to nobody but the person; the staff
// records they have held on this Waymark are linked to it; and it lets them sign in to their own
// leadership record (and nothing of a school's) after they leave.

import { recordAudit } from '../../platform/audit/audit';
import { DAY, MINUTE } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, PersonalViewer, Viewer } from '../../platform/http/env';
import { Invalid } from '../../platform/http/errors';
import { hashToken, looksLikeToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { normaliseEmail, type RequestContext, SESSION_LIFETIME_MS, takeAttempt } from './auth.service';
import type { PersonalAccount, PersonalTokenPurpose } from './auth.tables';
import type { ThrottleLimits } from './throttle';
import { refundAttempts } from './attempt-throttle';

declare module '../../platform/events' {
  interface DomainEvents {
    /** A staff record (`personId`) was linked to a personal account whose record lived on `fromPersonIds`: the record comes with it. */
    'account.linked': { personId: string; fromPersonIds: string[] };
  }
}

const LIFETIMES: Record<PersonalTokenPurpose, number> = { confirm_email: DAY, sign_in: 15 * MINUTE, link_account: DAY };
const SEEN_REFRESH_MS = 5 * MINUTE;
const LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 5, firstWaitMs: 60_000, refuseFrom: 10, refusalMs: 60 * MINUTE };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A Teacher Reference Number as typed ("12 34 567", "1234567"): its 7 digits, or undefined when it isn't one. */
export function parseTrn(value: string): string | undefined {
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{7}$/.test(digits) ? digits : undefined;
}

// ----- Queries -----

function accountOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('personal_account_people')
    .innerJoin('personal_accounts', 'personal_accounts.id', 'personal_account_people.account_id')
    .selectAll('personal_accounts')
    .where('personal_account_people.person_id', '=', personId)
    .executeTakeFirst();
}

function findAccount(db: Executor, accountId: string) {
  return db.selectFrom('personal_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
}

/** The staff records linked to the account, earliest linked first. */
function linkedPeople(db: Executor, accountId: string) {
  return db
    .selectFrom('personal_account_people')
    .innerJoin('people', 'people.id', 'personal_account_people.person_id')
    .select(['people.id', 'people.organisation_id', 'people.given_name', 'people.family_name', 'people.status', 'personal_account_people.linked_at'])
    .where('personal_account_people.account_id', '=', accountId)
    .orderBy('personal_account_people.linked_at')
    .orderBy('people.id')
    .execute();
}

async function issuePersonalToken(
  db: Executor,
  deps: AppDeps,
  row: { accountId: string; purpose: PersonalTokenPurpose; email: string; personId?: string | null },
): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  // A new link of a purpose spends the account's earlier ones.
  await db
    .updateTable('personal_tokens')
    .set({ used_at: now.toISOString() })
    .where('account_id', '=', row.accountId)
    .where('purpose', '=', row.purpose)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('personal_tokens')
    .values({
      id: newId(),
      account_id: row.accountId,
      purpose: row.purpose,
      token_hash: hashToken(token),
      email: row.email,
      person_id: row.personId ?? null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + LIFETIMES[row.purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

// ----- Whose record -----

/**
 * Whose record a person's staff record belongs to: the staff record it lives on (the most recently
 * linked one of their personal account, or their own when they have none) and every staff record
 * of theirs on this Waymark (their certificates and portfolio entries are on each).
 */
export interface RecordHolder {
  personId: string;
  personIds: string[];
  /** The organisation of the staff record the record lives on. */
  organisationId: string;
  givenName: string;
  familyName: string;
  /** Their Teacher Reference Number, from their personal account (shown to nobody without their choice). */
  trn: string | null;
}

async function holderOfAccount(db: Executor, account: PersonalAccount): Promise<RecordHolder | undefined> {
  const people = await linkedPeople(db, account.id);
  const home = people.at(-1);
  if (!home) return undefined;
  return {
    personId: home.id,
    personIds: people.map((p) => p.id),
    organisationId: home.organisation_id,
    givenName: home.given_name,
    familyName: home.family_name,
    trn: account.trn,
  };
}

/** The record a signed-in member of staff holds. */
export async function recordHolderOf(db: Executor, viewer: Viewer): Promise<RecordHolder> {
  const account = await accountOfPerson(db, viewer.id);
  const holder = account ? await holderOfAccount(db, account) : undefined;
  return (
    holder ?? {
      personId: viewer.id,
      personIds: [viewer.id],
      organisationId: viewer.organisationId,
      givenName: viewer.givenName,
      familyName: viewer.familyName,
      trn: null,
    }
  );
}

/** The record someone signed in to their personal account only holds; undefined when the account links no staff record any more. */
export async function recordHolderOfPersonal(db: Executor, personal: PersonalViewer): Promise<RecordHolder | undefined> {
  const account = await findAccount(db, personal.accountId);
  return account ? holderOfAccount(db, account) : undefined;
}

/** Every staff record linked with this one (itself included), for a record shared from it. */
export async function linkedPersonIds(db: Executor, personId: string): Promise<string[]> {
  const account = await accountOfPerson(db, personId);
  if (!account) return [personId];
  return (await linkedPeople(db, account.id)).map((p) => p.id);
}

// ----- The person's details -----

export interface PersonalDetails {
  personalEmail: string | null;
  pendingEmail: string | null;
  trn: string | null;
  /** The organisations whose staff records are linked, by id, earliest first (names are the caller's to find). */
  linked: { personId: string; organisationId: string; active: boolean }[];
}

function detailsOf(account: PersonalAccount | undefined, people: Awaited<ReturnType<typeof linkedPeople>>): PersonalDetails {
  return {
    personalEmail: account?.personal_email ?? null,
    pendingEmail: account?.pending_email ?? null,
    trn: account?.trn ?? null,
    linked: people.map((p) => ({ personId: p.id, organisationId: p.organisation_id, active: p.status === 'active' })),
  };
}

/** The personal email, TRN and linked staff records of whoever is signed in (staff or personal account). */
export async function personalDetailsOf(db: Executor, who: { viewer: Viewer | null; personal: PersonalViewer | null }): Promise<PersonalDetails> {
  const account = who.viewer ? await accountOfPerson(db, who.viewer.id) : who.personal ? await findAccount(db, who.personal.accountId) : undefined;
  return detailsOf(account, account ? await linkedPeople(db, account.id) : []);
}

export type SaveOutcome = 'saved' | 'confirm_sent' | 'link_sent';

/**
 * Saves the person's TRN and personal email. A new address is confirmed by a link sent to it; an
 * address that is already another personal account's sends that account a link to bring this staff
 * record (and the record it holds) into it, instead. Bad input is refused and nothing is saved.
 */
export async function savePersonalDetails(
  deps: AppDeps,
  who: { viewer: Viewer | null; personal: PersonalViewer | null },
  values: { personalEmail?: string; trn?: string },
): Promise<SaveOutcome> {
  const emailText = (values.personalEmail ?? '').trim();
  const trnText = (values.trn ?? '').trim();
  const errors: Record<string, string> = {};
  if (emailText !== '' && (emailText.length > 254 || !EMAIL.test(emailText)))
    errors.personalEmail = 'Enter an email address in the correct format, like name@example.com';
  const trn = trnText === '' ? null : parseTrn(trnText);
  if (trn === undefined) errors.trn = 'Enter a Teacher Reference Number of 7 digits, like 1234567';
  const emailKey = normaliseEmail(emailText);
  if (!errors.personalEmail && emailText !== '') {
    const workAddress = await deps.db.selectFrom('people').select('id').where('email_normalised', '=', emailKey).executeTakeFirst();
    if (workAddress) errors.personalEmail = 'Enter a personal email address, not a work address at a school or trust';
  }
  const existing = who.viewer ? await accountOfPerson(deps.db, who.viewer.id) : who.personal ? await findAccount(deps.db, who.personal.accountId) : undefined;
  if (!existing && !who.viewer) throw new Invalid({ personalEmail: 'Your account could not be found' });
  if (who.personal && emailText === '' && !errors.personalEmail)
    errors.personalEmail = 'Enter your personal email address: it is how you sign in to your record';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);

  if (!existing && emailText === '' && trn === null) return 'saved';
  const now = deps.clock.now().toISOString();
  const someoneElses =
    emailText === ''
      ? undefined
      : await deps.db
          .selectFrom('personal_accounts')
          .selectAll()
          .where('personal_email_normalised', '=', emailKey)
          .where('id', '!=', existing?.id ?? '')
          .executeTakeFirst();
  return deps.db.transaction().execute(async (trx) => {
    let account = existing;
    if (!account) {
      const id = newId();
      await trx
        .insertInto('personal_accounts')
        .values({ id, personal_email: null, personal_email_normalised: null, confirmed_at: null, pending_email: null, trn, created_at: now, updated_at: now })
        .execute();
      await trx
        .insertInto('personal_account_people')
        .values({ person_id: (who.viewer as Viewer).id, account_id: id, linked_at: now })
        .execute();
      account = await findAccount(trx, id);
    }
    if (!account) throw new Invalid({ personalEmail: 'Your account could not be found' });
    await trx.updateTable('personal_accounts').set({ trn, updated_at: now }).where('id', '=', account.id).execute();
    const name = who.viewer?.givenName ?? who.personal?.givenName ?? '';
    if (emailText === '') {
      await trx
        .updateTable('personal_accounts')
        .set({ personal_email: null, personal_email_normalised: null, confirmed_at: null, pending_email: null })
        .where('id', '=', account.id)
        .execute();
      return 'saved';
    }
    if (account.personal_email_normalised === emailKey) {
      await trx.updateTable('personal_accounts').set({ pending_email: null }).where('id', '=', account.id).execute();
      return 'saved';
    }
    if (someoneElses && who.viewer) {
      // The address is another personal account's (theirs, from a school they left): confirming the link sent there brings this staff record into it.
      const token = await issuePersonalToken(trx, deps, { accountId: someoneElses.id, purpose: 'link_account', email: emailText, personId: who.viewer.id });
      await enqueueEmail(trx, deps.clock, {
        to: emailText,
        subject: 'Link your Waymark record to your new account',
        text: `Hello ${name},\n\n${who.viewer.givenName} ${who.viewer.familyName} at ${who.viewer.organisationName} (${who.viewer.email}) asked to link that Waymark account to the personal account for this address, so that your leadership record comes with you.\n\nOpen this link to link them. It works once, for 24 hours:\n\n${deps.config.BASE_URL}/account/link/${token}\n\nYour new organisation will see only what you choose to share. If you did not ask for this, ignore this email: nothing is linked without it.\n`,
      });
      return 'link_sent';
    }
    if (someoneElses) throw new Invalid({ personalEmail: 'This address belongs to another personal account on Waymark' });
    await trx.updateTable('personal_accounts').set({ pending_email: emailText, updated_at: now }).where('id', '=', account.id).execute();
    const token = await issuePersonalToken(trx, deps, { accountId: account.id, purpose: 'confirm_email', email: emailText });
    await enqueueEmail(trx, deps.clock, {
      to: emailText,
      subject: 'Confirm your personal email address for Waymark',
      text: `Hello ${name},\n\nYou added this address to your Waymark account as your personal email. Nobody else sees it: it is how you keep your leadership record if you leave your school.\n\nConfirm it with this link. It works once, for 24 hours:\n\n${deps.config.BASE_URL}/account/confirm/${token}\n\nIf you did not ask for this, ignore this email.\n`,
    });
    return 'confirm_sent';
  });
}

// ----- Links sent to the personal address -----

export type PersonalTokenCheck =
  | { ok: true; tokenId: string; accountId: string; email: string; personId: string | null; givenName: string }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

const UNKNOWN_LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

/** Looks a personal link up without spending it; links that match nothing count against the address. */
export async function checkPersonalToken(
  deps: AppDeps,
  token: string,
  purpose: PersonalTokenPurpose,
  context: Pick<RequestContext, 'ipAddress'>,
): Promise<PersonalTokenCheck> {
  const attempts = await takeAttempt(
    deps,
    [[`unknown-link:address:${context.ipAddress ?? 'unknown'}`, UNKNOWN_LINK_LIMITS]],
    'Too many links that do not work have been opened from your network.',
  );
  const row = looksLikeToken(token)
    ? await deps.db.selectFrom('personal_tokens').selectAll().where('token_hash', '=', hashToken(token)).where('purpose', '=', purpose).executeTakeFirst()
    : undefined;
  if (!row) return { ok: false, reason: 'unknown' };
  await refundAttempts(deps.db, attempts);
  if (row.used_at) return { ok: false, reason: 'used' };
  if (row.expires_at <= deps.clock.now().toISOString()) return { ok: false, reason: 'expired' };
  const people = await linkedPeople(deps.db, row.account_id);
  const named = row.person_id ? await deps.db.selectFrom('people').select('given_name').where('id', '=', row.person_id).executeTakeFirst() : undefined;
  return {
    ok: true,
    tokenId: row.id,
    accountId: row.account_id,
    email: row.email,
    personId: row.person_id,
    givenName: named?.given_name ?? people.at(-1)?.given_name ?? '',
  };
}

async function spend(trx: Executor, tokenId: string, now: string): Promise<boolean> {
  const result = await trx.updateTable('personal_tokens').set({ used_at: now }).where('id', '=', tokenId).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Confirms the personal address the link was sent to. */
export async function confirmPersonalEmail(deps: AppDeps, token: string, context: RequestContext): Promise<{ ok: true } | { ok: false; reason: string }> {
  const check = await checkPersonalToken(deps, token, 'confirm_email', context);
  if (!check.ok) return check;
  const now = deps.clock.now().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const account = await findAccount(trx, check.accountId);
      if (!account || account.pending_email !== check.email) return { ok: false as const, reason: 'used' };
      if (!(await spend(trx, check.tokenId, now))) return { ok: false as const, reason: 'used' };
      await trx
        .updateTable('personal_accounts')
        .set({ personal_email: check.email, personal_email_normalised: normaliseEmail(check.email), confirmed_at: now, pending_email: null, updated_at: now })
        .where('id', '=', account.id)
        .execute();
      await recordAudit(trx, deps.clock, { action: 'personal_email_confirmed', subjectType: 'personal_account', subjectId: account.id, ...audited(context) });
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'taken' };
    throw error;
  }
}

function audited(context: RequestContext) {
  return { ipAddress: context.ipAddress, requestId: context.requestId };
}

/**
 * Links the staff record the link names to the personal account it was sent from: the record comes
 * with it (the record feature moves it, on `account.linked`). A staff record that had an account of
 * its own (a TRN, an unconfirmed address) is folded into this one.
 */
export async function linkPersonalAccount(deps: AppDeps, token: string, context: RequestContext): Promise<{ ok: true } | { ok: false; reason: string }> {
  const check = await checkPersonalToken(deps, token, 'link_account', context);
  if (!check.ok) return check;
  const personId = check.personId;
  if (!personId) return { ok: false, reason: 'unknown' };
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const person = await trx.selectFrom('people').select(['id', 'status']).where('id', '=', personId).executeTakeFirst();
    if (person?.status !== 'active') return { ok: false as const, reason: 'unknown' };
    if (!(await spend(trx, check.tokenId, now))) return { ok: false as const, reason: 'used' };
    const target = await findAccount(trx, check.accountId);
    if (!target) return { ok: false as const, reason: 'unknown' };
    const before = await linkedPeople(trx, target.id);
    const own = await accountOfPerson(trx, personId);
    if (own?.id === target.id) return { ok: true as const };
    if (own) {
      await trx.deleteFrom('personal_account_people').where('person_id', '=', personId).execute();
      const left = await linkedPeople(trx, own.id);
      if (!target.trn && own.trn) await trx.updateTable('personal_accounts').set({ trn: own.trn }).where('id', '=', target.id).execute();
      if (left.length === 0) await deleteAccount(trx, own.id);
    }
    await trx.insertInto('personal_account_people').values({ person_id: personId, account_id: target.id, linked_at: now }).execute();
    await deps.events.publish(trx, 'account.linked', { personId, fromPersonIds: before.map((p) => p.id) });
    await recordAudit(trx, deps.clock, {
      action: 'personal_account_linked',
      actorId: personId,
      subjectType: 'personal_account',
      subjectId: target.id,
      ...audited(context),
    });
    return { ok: true as const };
  });
}

async function deleteAccount(trx: Executor, accountId: string): Promise<void> {
  await trx.deleteFrom('personal_sign_in_sessions').where('account_id', '=', accountId).execute();
  await trx.deleteFrom('personal_tokens').where('account_id', '=', accountId).execute();
  await trx.deleteFrom('personal_account_people').where('account_id', '=', accountId).execute();
  await trx.deleteFrom('personal_accounts').where('id', '=', accountId).execute();
}

// ----- Signing in to the personal account -----

/** Emails a sign-in link to a confirmed personal address, if it is one; says nothing either way. Limited per address and network. */
export async function requestPersonalSignInLink(deps: AppDeps, email: string, context: RequestContext): Promise<void> {
  const emailKey = normaliseEmail(email);
  await takeAttempt(
    deps,
    [
      [`personal_sign_in:account:${emailKey}`, LINK_LIMITS],
      [`personal_sign_in:address:${context.ipAddress ?? 'unknown'}`, { ...LINK_LIMITS, slowFrom: 30, refuseFrom: 60 }],
    ],
    'You have asked for too many links.',
  );
  const account = await deps.db.selectFrom('personal_accounts').selectAll().where('personal_email_normalised', '=', emailKey).executeTakeFirst();
  if (!account?.personal_email) return;
  const holder = await holderOfAccount(deps.db, account);
  if (!holder) return;
  const to = account.personal_email;
  await deps.db.transaction().execute(async (trx) => {
    const token = await issuePersonalToken(trx, deps, { accountId: account.id, purpose: 'sign_in', email: to });
    await enqueueEmail(trx, deps.clock, {
      to,
      subject: 'Your link to your Waymark leadership record',
      text: `Hello ${holder.givenName},\n\nUse this link to sign in to your own leadership record on Waymark. It works once, for 15 minutes:\n\n${deps.config.BASE_URL}/sign-in/personal/${token}\n\nIf you did not ask for it, you can ignore this email: nobody can sign in without the link.\n`,
    });
  });
}

/** Spends a personal sign-in link and starts a personal session (own record only); returns its cookie token. */
export async function signInToPersonalAccount(
  deps: AppDeps,
  token: string,
  context: RequestContext,
): Promise<{ ok: true; sessionToken: string } | { ok: false; reason: 'unknown' | 'used' | 'expired' }> {
  const check = await checkPersonalToken(deps, token, 'sign_in', context);
  if (!check.ok) return check;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!(await spend(trx, check.tokenId, now.toISOString()))) return { ok: false as const, reason: 'used' as const };
    const sessionToken = newToken();
    await trx
      .insertInto('personal_sign_in_sessions')
      .values({
        id: newId(),
        account_id: check.accountId,
        token_hash: hashToken(sessionToken),
        user_agent: context.userAgent?.slice(0, 300) ?? null,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
      })
      .execute();
    await recordAudit(trx, deps.clock, { action: 'personal_sign_in', subjectType: 'personal_account', subjectId: check.accountId, ...audited(context) });
    return { ok: true as const, sessionToken };
  });
}

/** Whoever a session cookie signs in to a personal account only, or null. */
export async function loadPersonalViewer(deps: AppDeps, token: string | undefined): Promise<PersonalViewer | null> {
  if (!token || !looksLikeToken(token)) return null;
  const row = await deps.db
    .selectFrom('personal_sign_in_sessions')
    .innerJoin('personal_accounts', 'personal_accounts.id', 'personal_sign_in_sessions.account_id')
    .select([
      'personal_sign_in_sessions.id as session_id',
      'personal_sign_in_sessions.last_seen_at',
      'personal_sign_in_sessions.expires_at',
      'personal_accounts.id as account_id',
      'personal_accounts.personal_email',
    ])
    .where('personal_sign_in_sessions.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  const now = deps.clock.now();
  if (!row?.personal_email || row.expires_at <= now.toISOString()) return null;
  const people = await linkedPeople(deps.db, row.account_id);
  const home = people.at(-1);
  if (!home) return null;
  if (now.getTime() - new Date(row.last_seen_at).getTime() > SEEN_REFRESH_MS) {
    await deps.db
      .updateTable('personal_sign_in_sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString() })
      .where('id', '=', row.session_id)
      .execute();
  }
  return { accountId: row.account_id, sessionId: row.session_id, givenName: home.given_name, familyName: home.family_name, personalEmail: row.personal_email };
}

export async function endPersonalSession(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.db.deleteFrom('personal_sign_in_sessions').where('id', '=', sessionId).execute();
}

// ----- Leaving -----

/**
 * When a school deactivates someone with a confirmed personal email, tells them at that address how
 * to keep their record (in the deactivating transaction). Nothing is sent without one.
 */
export async function tellLeaverHowToKeepRecord(
  trx: Executor,
  deps: Pick<AppDeps, 'clock' | 'config'>,
  personId: string,
  organisationName: string,
): Promise<boolean> {
  const account = await accountOfPerson(trx, personId);
  if (!account?.personal_email) return false;
  const person = await trx.selectFrom('people').select('given_name').where('id', '=', personId).executeTakeFirst();
  await enqueueEmail(trx, deps.clock, {
    to: account.personal_email,
    subject: 'Your leadership record is still yours',
    text: `Hello ${person?.given_name ?? ''},\n\nYour account at ${organisationName} on Waymark has been closed, as people's are when they leave. Your leadership record stays yours: your certificates (which still verify), your own portfolio entries and reflections, and the verifications colleagues gave you.\n\nTo see it, share it, or download it, sign in with this personal address:\n\n${deps.config.BASE_URL}/sign-in/personal\n\nWaymark emails you a sign-in link each time. You will see only your own record, not anything of ${organisationName}'s.\n\nIf you join another school or trust that uses this Waymark, add this address on your new account's page ("Your account", then "Personal email and Teacher Reference Number") and confirm the link we send: your record comes with you.\n`,
  });
  return true;
}

// ----- Personal data -----

/** The personal account linked to a staff record, for a subject access request. */
export async function exportPersonalAccount(db: Executor, personId: string) {
  const account = await accountOfPerson(db, personId);
  if (!account) return undefined;
  return {
    personalEmail: account.personal_email,
    confirmedAt: account.confirmed_at,
    pendingEmail: account.pending_email,
    teacherReferenceNumber: account.trn,
    linkedStaffRecords: (await linkedPeople(db, account.id)).length,
    createdAt: account.created_at,
  };
}

/** Unlinks an erased staff record; the account goes with its last staff record. Gives what was done. */
export async function erasePersonalAccountLink(trx: Executor, personId: string): Promise<string[]> {
  const account = await accountOfPerson(trx, personId);
  await trx.updateTable('personal_tokens').set({ person_id: null }).where('person_id', '=', personId).execute();
  if (!account) return [];
  await trx.deleteFrom('personal_account_people').where('person_id', '=', personId).execute();
  if ((await linkedPeople(trx, account.id)).length > 0) return ['Unlinked the staff record from their personal account (kept for their other staff records)'];
  await deleteAccount(trx, account.id);
  return ['Deleted their personal account: personal email, Teacher Reference Number, its links and sign-ins'];
}

/** Gives a staff record a personal account with a confirmed personal email and a TRN at once (the demo). */
export async function addConfirmedPersonalAccount(
  trx: Executor,
  clock: Pick<AppDeps['clock'], 'now'>,
  row: { personId: string; personalEmail: string; trn: string | null },
): Promise<void> {
  const now = clock.now().toISOString();
  const id = newId();
  await trx
    .insertInto('personal_accounts')
    .values({
      id,
      personal_email: row.personalEmail,
      personal_email_normalised: normaliseEmail(row.personalEmail),
      confirmed_at: now,
      pending_email: null,
      trn: row.trn,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await trx.insertInto('personal_account_people').values({ person_id: row.personId, account_id: id, linked_at: now }).execute();
}
