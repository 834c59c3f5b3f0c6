import { randomNonce, randomPKCECodeVerifier } from 'openid-client';
import {
  beginSignInSession,
  type CountedAttempt,
  describeWait,
  endPasswordSignInSessions,
  normaliseEmail,
  passwordSignInRule,
  refundAttempts,
  reserveAttempt,
  startSignInSessionFor,
  type ThrottleLimits,
  turnPasswordsOff,
  turnPasswordsOn,
} from '../auth';
import { findPersonByEmail, findPersonSummary, listOrganisationAdmins } from '../staff';
import { recordAudit } from '../../platform/audit/audit';
import { decryptSecret, encryptSecret } from '../../platform/credentials/keys';
import { MINUTE } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { isOrgAdmin } from '../../platform/http/viewer';
import { Invalid, NotFound } from '../../platform/http/errors';
import { hashToken, looksLikeToken, newToken } from '../../platform/http/tokens';
import type { SignInChoice } from '../../platform/module';
import { authorizationUrl, exchangeCode, type FlowConnection, type RefusalReason, SignOnRefused } from './single-sign-on.oidc';
import * as q from './single-sign-on.queries';
import type { SsoConnectionRow, SsoProvider } from './single-sign-on.tables';

export { beginSignInSession };

/** How long someone has at the provider before the attempt lapses. */
export const ATTEMPT_LIFETIME_MS = 10 * MINUTE;

export const PROVIDER_NAMES: Record<SsoProvider, string> = { microsoft: 'Microsoft', google: 'Google' };

interface RequestContext {
  ipAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** A connection as the settings page shows it (never the secret). */
export interface ConnectionSummary {
  id: string;
  provider: SsoProvider;
  tenantIds: string[];
  domains: string[];
  clientId: string;
  updatedAt: string;
}

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function summarise(row: SsoConnectionRow): ConnectionSummary {
  return {
    id: row.id,
    provider: row.provider,
    tenantIds: parseList(row.tenant_ids),
    domains: parseList(row.domains),
    clientId: row.client_id,
    updatedAt: row.updated_at,
  };
}

function opened(row: SsoConnectionRow, secret: string): FlowConnection {
  const summary = summarise(row);
  let clientSecret: string;
  try {
    clientSecret = decryptSecret(row.client_secret_sealed, secret);
  } catch {
    // A changed SIGNING_KEYS_SECRET: the admin enters the client secret again.
    throw new SignOnRefused('not_configured', 'the client secret could not be decrypted');
  }
  return { provider: row.provider, tenantIds: summary.tenantIds, domains: summary.domains, clientId: row.client_id, clientSecret };
}

/** The sign-in page address an organisation gives its staff. */
export function signInAddress(baseUrl: string, organisationId: string): string {
  return `${baseUrl}/sign-in?organisation=${organisationId}`;
}

/** The address providers send people back to, registered with each provider. */
export function redirectUri(baseUrl: string): string {
  return `${baseUrl}/sign-in/sso/callback`;
}

/** What the organisation admin's settings page shows. */
export async function loadSettings(deps: AppDeps, viewer: Viewer) {
  const [rows, rule, admins] = await Promise.all([
    q.listConnectionsOf(deps.db, viewer.organisationId),
    passwordSignInRule(deps.db, viewer.organisationId),
    listOrganisationAdmins(deps.db, viewer.organisationId),
  ]);
  const connections = rows.map(summarise);
  return {
    microsoft: connections.find((c) => c.provider === 'microsoft') ?? null,
    google: connections.find((c) => c.provider === 'google') ?? null,
    passwordsOff: rule ? { breakGlass: admins.find((a) => a.id === rule.breakGlassPersonId) ?? null, setAt: rule.setAt } : null,
    admins,
    signInAddress: signInAddress(deps.config.BASE_URL, viewer.organisationId),
    redirectUri: redirectUri(deps.config.BASE_URL),
  };
}

/**
 * Saves the organisation's set-up with a provider (Microsoft: tenant ids; Google: domains), its
 * client id and secret (encrypted with SIGNING_KEYS_SECRET; an empty secret keeps the saved one).
 */
export async function saveConnection(
  deps: AppDeps,
  viewer: Viewer,
  provider: SsoProvider,
  form: { tenantIds?: string[]; domains?: string[]; clientId: string; clientSecret: string },
  context: RequestContext,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const existing = (await q.listConnectionsOf(trx, viewer.organisationId)).find((c) => c.provider === provider);
    if (!existing && !form.clientSecret) throw new Invalid({ clientSecret: 'Enter the client secret' });
    const values = {
      tenant_ids: JSON.stringify(form.tenantIds ?? []),
      domains: JSON.stringify(form.domains ?? []),
      client_id: form.clientId,
      client_secret_sealed: form.clientSecret ? encryptSecret(form.clientSecret, deps.config.SIGNING_KEYS_SECRET) : (existing?.client_secret_sealed ?? ''),
      updated_by: viewer.id,
      updated_at: now,
    };
    if (existing) await trx.updateTable('sso_connections').set(values).where('id', '=', existing.id).execute();
    else
      await trx
        .insertInto('sso_connections')
        .values({ id: newId(), organisation_id: viewer.organisationId, provider, created_at: now, ...values })
        .execute();
    await recordAudit(trx, deps.clock, {
      action: 'single_sign_on_configured',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      detail: { provider, tenantIds: form.tenantIds, domains: form.domains, clientId: form.clientId, secretChanged: Boolean(form.clientSecret) },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
}

/** Removes a provider's set-up; refused while passwords are off and it is the only one left (nobody could sign in). */
export async function removeConnection(deps: AppDeps, viewer: Viewer, provider: SsoProvider, context: RequestContext): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const rows = await q.listConnectionsOf(trx, viewer.organisationId);
    const existing = rows.find((c) => c.provider === provider);
    if (!existing) throw new NotFound();
    if (rows.length === 1 && (await passwordSignInRule(trx, viewer.organisationId)))
      throw new Invalid({ passwords: 'Turn passwords back on before removing the last single sign-on set-up, or staff could not sign in' });
    await trx.deleteFrom('sso_connections').where('id', '=', existing.id).execute();
    await recordAudit(trx, deps.clock, {
      action: 'single_sign_on_removed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      detail: { provider },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
}

/** Turns passwords off for the organisation's staff (keeping one break-glass admin), or back on. */
export async function setPasswordSignIn(
  deps: AppDeps,
  viewer: Viewer,
  form: { passwords: 'on' } | { passwords: 'off'; breakGlassPersonId: string },
  context: RequestContext,
): Promise<{ sessionsEnded: number }> {
  let sessionsEnded = 0;
  await deps.db.transaction().execute(async (trx) => {
    if (form.passwords === 'on') {
      await turnPasswordsOn(trx, viewer.organisationId);
    } else {
      if ((await q.listConnectionsOf(trx, viewer.organisationId)).length === 0)
        throw new Invalid({ passwords: 'Set up Microsoft or Google sign-in before turning passwords off' });
      const admins = await listOrganisationAdmins(trx, viewer.organisationId);
      if (!admins.some((a) => a.id === form.breakGlassPersonId)) throw new Invalid({ breakGlassPersonId: 'Select one of your organisation’s administrators' });
      await turnPasswordsOff(trx, deps.clock, { organisationId: viewer.organisationId, breakGlassPersonId: form.breakGlassPersonId, setBy: viewer.id });
      // Sessions signed in with a password (or a link) end: from now on only single sign-on lets staff in.
      sessionsEnded = await endPasswordSignInSessions(trx, viewer.organisationId, form.breakGlassPersonId);
    }
    await recordAudit(trx, deps.clock, {
      action: form.passwords === 'on' ? 'password_sign_in_turned_on' : 'password_sign_in_turned_off',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      detail: form.passwords === 'off' ? { breakGlassPersonId: form.breakGlassPersonId, sessionsEnded } : {},
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
  return { sessionsEnded };
}

/**
 * The single sign-on buttons for an organisation's sign-in page. Without an organisation, the
 * buttons of the one organisation that has set single sign-on up, if only one has (most
 * installations serve one trust); otherwise none (staff use their organisation's address).
 */
export async function signInChoicesFor(db: Executor, organisationId: string | null): Promise<SignInChoice[]> {
  let organisation = organisationId;
  if (!organisation) {
    const organisations = await q.listOrganisationsWithConnections(db);
    if (organisations.length !== 1) return [];
    organisation = organisations[0]?.organisation_id ?? null;
  }
  if (!organisation) return [];
  const rows = await q.listConnectionsOf(db, organisation);
  return rows.map((row) => ({ text: `Sign in with ${PROVIDER_NAMES[row.provider]}`, action: `/sign-in/sso/${row.id}` }));
}

// Sign-ins started, per address: every start is counted (each one stores an attempt and may ask the
// provider for its metadata). Generous, as a whole school signs in from one address in the morning.
const START_LIMITS: ThrottleLimits = { windowMs: 10 * MINUTE, slowFrom: 100, firstWaitMs: 10_000, refuseFrom: 200, refusalMs: 10 * MINUTE };

/** Too many sign-ins started from one address: `wait` in words, and the Retry-After seconds. */
export class TooManyStarts extends Error {
  constructor(
    readonly wait: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too many sign-ins started from this address');
  }
}

/**
 * Starts a sign-in through the connection's provider: a single-use attempt holding the state,
 * nonce and PKCE verifier, tied to this browser by a cookie token. Returns where to send the
 * browser and that token.
 */
export async function beginSignOn(
  deps: AppDeps,
  connectionId: string,
  next: string,
  context: Pick<RequestContext, 'ipAddress'>,
): Promise<{ url: string; browserToken: string }> {
  // Counted before anything is looked up, so unknown set-ups are counted too.
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[`sso-start:address:${context.ipAddress ?? 'unknown'}`, START_LIMITS]]);
  if (!reservation.admitted)
    throw new TooManyStarts(describeWait(reservation.lockedUntil, now), Math.ceil((reservation.lockedUntil.getTime() - now.getTime()) / 1000));
  const row = /^[0-9a-f-]{36}$/i.test(connectionId) ? await q.findConnection(deps.db, connectionId) : undefined;
  if (!row) throw new NotFound();
  const state = newToken();
  const browserToken = newToken();
  const nonce = randomNonce();
  const codeVerifier = randomPKCECodeVerifier();
  // The provider's metadata is fetched (and cached) before anything is written.
  const url = await authorizationUrl(deps.config, deps.clock, opened(row, deps.config.SIGNING_KEYS_SECRET), {
    redirectUri: redirectUri(deps.config.BASE_URL),
    state,
    nonce,
    codeVerifier,
  });
  await deps.db
    .insertInto('sso_sign_in_attempts')
    .values({
      id: newId(),
      connection_id: row.id,
      state_hash: hashToken(state),
      browser_hash: hashToken(browserToken),
      nonce,
      code_verifier: codeVerifier,
      next,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ATTEMPT_LIFETIME_MS).toISOString(),
    })
    .execute();
  return { url: url.href, browserToken };
}

/** The person's stable identity at the provider, and their email if the provider vouches for it. */
function identify(connection: FlowConnection, claims: Record<string, unknown>): { subject: string; email: string | null } {
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 320 ? value : null);
  if (connection.provider === 'microsoft') {
    const tid = text(claims.tid);
    const oid = text(claims.oid);
    if (!tid || !connection.tenantIds.includes(tid.toLowerCase())) throw new SignOnRefused('other_tenant', `tenant ${tid}`);
    if (!oid) throw new SignOnRefused('invalid_token', 'no oid claim');
    // Entra's email claim is verified only when it says so (xms_edov: the domain's owner vouches for it).
    const verified = claims.xms_edov === true || claims.email_verified === true;
    return { subject: `${tid.toLowerCase()}:${oid.toLowerCase()}`, email: verified ? text(claims.email) : null };
  }
  const hd = text(claims.hd)?.toLowerCase();
  if (!hd || !connection.domains.includes(hd)) throw new SignOnRefused('outside_domains', `hd ${hd ?? 'none'}`);
  const sub = text(claims.sub);
  if (!sub) throw new SignOnRefused('invalid_token', 'no sub claim');
  return { subject: sub, email: claims.email_verified === true ? text(claims.email) : null };
}

export type SignOnResult =
  | { ok: true; sessionToken: string; next: string }
  | { ok: false; reason: RefusalReason; organisationId: string | null }
  | { ok: false; reason: 'too_many'; wait: string; retryAfterSeconds: number; organisationId: null };

// Answers that fail, per address: generous (a school's staff share one address), then a while out.
const REFUSAL_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 30, firstWaitMs: 15_000, refuseFrom: 60, refusalMs: 15 * MINUTE };

/**
 * Finishes a sign-in when the provider sends the browser back: takes the attempt (once), checks
 * it is this browser's and in time, exchanges the code (openid-client validates the ID token),
 * then finds the person — by their binding to the provider's subject, or the first time by
 * verified email within the organisation, binding them — and starts a sign-in session. Only
 * people already on Waymark get in; every refusal is recorded in the audit log.
 */
export async function completeSignOn(deps: AppDeps, callbackUrl: URL, browserToken: string | undefined, context: RequestContext): Promise<SignOnResult> {
  let organisationId: string | null = null;
  // Counted before it is tried, given back on success (as sign-in links are).
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[`sso-refused:address:${context.ipAddress ?? 'unknown'}`, REFUSAL_LIMITS]]);
  if (!reservation.admitted) {
    const until = reservation.lockedUntil;
    return {
      ok: false,
      reason: 'too_many',
      wait: describeWait(until, now),
      retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000),
      organisationId: null,
    };
  }
  const attempts: CountedAttempt[] = reservation.attempts;
  try {
    const state = callbackUrl.searchParams.get('state') ?? '';
    const attempt = looksLikeToken(state) ? await q.takeAttempt(deps.db, hashToken(state)) : undefined;
    if (!attempt) throw new SignOnRefused('unknown_attempt');
    const row = await q.findConnection(deps.db, attempt.connection_id);
    if (!row) throw new SignOnRefused('not_configured');
    organisationId = row.organisation_id;
    if (!browserToken || hashToken(browserToken) !== attempt.browser_hash) throw new SignOnRefused('other_browser');
    if (attempt.expires_at <= deps.clock.now().toISOString()) throw new SignOnRefused('attempt_expired');
    const connection = opened(row, deps.config.SIGNING_KEYS_SECRET);
    const claims = await exchangeCode(deps.config, deps.clock, connection, callbackUrl, { state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
    const identity = identify(connection, claims);
    const organisation = row.organisation_id;

    const sessionToken = await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now().toISOString();
      const bound = await q.findIdentity(trx, connection.provider, identity.subject);
      let personId: string;
      if (bound) {
        const person = await findPersonSummary(trx, bound.person_id, organisation);
        if (person?.status !== 'active') throw new SignOnRefused('unknown_person', 'bound person not active here');
        personId = person.id;
        await trx.updateTable('sso_identities').set({ last_used_at: now }).where('id', '=', bound.id).execute();
      } else {
        if (!identity.email) throw new SignOnRefused('unverified_email');
        const person = await findPersonByEmail(trx, normaliseEmail(identity.email));
        if (!person || person.organisation_id !== organisation || person.status !== 'active')
          throw new SignOnRefused('unknown_person', 'no active person with that email here');
        // Someone already bound to another account at this provider is not taken over by a new one with their email.
        if (await q.findIdentityOfPerson(trx, person.id, connection.provider)) throw new SignOnRefused('bound_elsewhere');
        personId = person.id;
        await trx
          .insertInto('sso_identities')
          .values({
            id: newId(),
            person_id: person.id,
            provider: connection.provider,
            subject: identity.subject,
            email_at_binding: normaliseEmail(identity.email),
            created_at: now,
            last_used_at: now,
          })
          .execute();
        await recordAudit(trx, deps.clock, {
          action: 'single_sign_on_bound',
          organisationId: organisation,
          actorId: person.id,
          subjectType: 'person',
          subjectId: person.id,
          detail: { provider: connection.provider, subject: identity.subject },
          ipAddress: context.ipAddress,
          requestId: context.requestId,
        });
      }
      await recordAudit(trx, deps.clock, {
        action: 'sign_in',
        organisationId: organisation,
        actorId: personId,
        detail: { method: 'single_sign_on', provider: connection.provider },
        ipAddress: context.ipAddress,
        requestId: context.requestId,
      });
      await refundAttempts(trx, attempts);
      return startSignInSessionFor(trx, deps, personId, context);
    });
    return { ok: true, sessionToken, next: attempt.next };
  } catch (error) {
    const refusal = error instanceof SignOnRefused ? error : isUniqueViolation(error) ? new SignOnRefused('bound_elsewhere') : null;
    if (!refusal) throw error;
    await recordAudit(deps.db, deps.clock, {
      action: 'single_sign_on_refused',
      organisationId,
      detail: { reason: refusal.reason, detail: refusal.message.slice(0, 300) },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return { ok: false, reason: refusal.reason, organisationId };
  }
}

/** Forgets sign-in attempts nobody finished (the worker runs it). */
export function sweepExpiredAttempts(db: Executor, now: Date): Promise<number> {
  return q.deleteExpiredAttempts(db, now.toISOString());
}

/** A binding as the linked accounts page shows it. */
export interface LinkedAccount {
  id: string;
  provider: SsoProvider;
  providerName: string;
  emailAtBinding: string;
  linkedAt: string;
  lastUsedAt: string;
}

/**
 * Whose linked accounts the viewer may see and unlink: their own, or (an organisation admin)
 * anyone's in their organisation. Anyone else's is not found.
 */
async function accountHolder(db: Executor, viewer: Viewer, personId: string) {
  if (personId !== viewer.id && !isOrgAdmin(viewer)) throw new NotFound();
  const person = await findPersonSummary(db, personId, viewer.organisationId);
  if (!person || person.email.endsWith('@erased.invalid')) throw new NotFound();
  return person;
}

/** A person's accounts bound for single sign-on, with their name for the page. */
export async function loadLinkedAccounts(deps: AppDeps, viewer: Viewer, personId: string) {
  const person = await accountHolder(deps.db, viewer, personId);
  const rows = await q.listIdentitiesOf(deps.db, person.id);
  const accounts: LinkedAccount[] = rows.map((row) => ({
    id: row.id,
    provider: row.provider,
    providerName: PROVIDER_NAMES[row.provider],
    emailAtBinding: row.email_at_binding,
    linkedAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }));
  return { person: { id: person.id, name: `${person.given_name} ${person.family_name}` }, own: person.id === viewer.id, accounts };
}

/**
 * Unlinks one of a person's accounts (their own, or as an organisation admin anyone's in the
 * organisation): the next sign-in with that provider matches them by verified email again, and
 * binds whichever account it is. Audited, with the person affected.
 */
export async function unlinkAccount(deps: AppDeps, viewer: Viewer, personId: string, identityId: string, context: RequestContext): Promise<SsoProvider> {
  return deps.db.transaction().execute(async (trx) => {
    const person = await accountHolder(trx, viewer, personId);
    const removed = await q.deleteIdentityOf(trx, person.id, identityId);
    if (!removed) throw new NotFound();
    await recordAudit(trx, deps.clock, {
      action: 'single_sign_on_unbound',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: person.id,
      detail: { provider: removed.provider, subject: removed.subject, by: person.id === viewer.id ? 'themselves' : 'an organisation admin' },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
    return removed.provider;
  });
}
