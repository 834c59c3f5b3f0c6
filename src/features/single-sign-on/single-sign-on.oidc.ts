// The OpenID Connect conversation with Microsoft Entra ID and Google, through `openid-client`:
// discovery, the authorisation address (code flow with PKCE, state and nonce) and the code
// exchange, whose ID token openid-client validates (signature, iss, aud, exp, nonce).

import * as client from 'openid-client';
import type { Config } from '../../config';
import type { Clock } from '../../platform/db/clock';
import type { SsoProvider } from './single-sign-on.tables';

type OidcConfig = Pick<Config, 'NODE_ENV' | 'SSO_MICROSOFT_AUTHORITY' | 'SSO_GOOGLE_ISSUER'>;

/** What the flow needs of a connection, its secret opened. */
export interface FlowConnection {
  provider: SsoProvider;
  tenantIds: string[];
  domains: string[];
  clientId: string;
  clientSecret: string;
}

/** Why a sign-in through a provider was refused (each has its own sentence on the problem page). */
export type RefusalReason =
  | 'unknown_attempt'
  | 'other_browser'
  | 'attempt_expired'
  | 'cancelled'
  | 'code_refused'
  | 'wrong_issuer'
  | 'wrong_nonce'
  | 'expired_token'
  | 'invalid_token'
  | 'other_tenant'
  | 'outside_domains'
  | 'unverified_email'
  | 'unknown_person'
  | 'bound_elsewhere'
  | 'provider_unreachable'
  | 'not_configured';

export class SignOnRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

/** Plain http is allowed only outside production, for a local provider in tests and development. */
function insecureAllowed(config: OidcConfig, url: string): boolean {
  return config.NODE_ENV !== 'production' && url.startsWith('http://');
}

/**
 * Where the provider's metadata is. Microsoft with one tenant: that tenant's issuer (discovery
 * checks the document names it). Microsoft with several: the multi-tenant document, whose issuer
 * holds `{tenantid}`, read directly (its issuer can't match its address). Google: its issuer.
 */
function discoveryAddress(config: OidcConfig, connection: FlowConnection): { url: string; template: boolean } {
  if (connection.provider === 'google') return { url: config.SSO_GOOGLE_ISSUER, template: false };
  const [only, ...more] = connection.tenantIds;
  if (only && more.length === 0) return { url: `${config.SSO_MICROSOFT_AUTHORITY}/${encodeURIComponent(only)}/v2.0`, template: false };
  return { url: `${config.SSO_MICROSOFT_AUTHORITY}/organizations/v2.0/.well-known/openid-configuration`, template: true };
}

const METADATA_LIFETIME_MS = 60 * 60 * 1000;
const metadataCache = new Map<string, { metadata: client.ServerMetadata; fetchedAt: number }>();

async function serverMetadata(config: OidcConfig, connection: FlowConnection): Promise<{ metadata: client.ServerMetadata; template: boolean }> {
  const { url, template } = discoveryAddress(config, connection);
  const cached = metadataCache.get(url);
  if (cached && Date.now() - cached.fetchedAt < METADATA_LIFETIME_MS) return { metadata: cached.metadata, template };
  let metadata: client.ServerMetadata;
  try {
    const discovered = await client.discovery(new URL(url), connection.clientId, undefined, undefined, {
      execute: insecureAllowed(config, url) ? [client.allowInsecureRequests] : [],
      timeout: 10,
    });
    metadata = discovered.serverMetadata();
  } catch (error) {
    throw refusalFor(error);
  }
  if (template && !metadata.issuer.includes('{tenantid}')) throw new SignOnRefused('wrong_issuer', 'the multi-tenant document names no {tenantid} issuer');
  metadataCache.set(url, { metadata, fetchedAt: Date.now() });
  return { metadata, template };
}

function configuration(config: OidcConfig, clock: Clock, metadata: client.ServerMetadata, connection: FlowConnection, fetcher?: client.CustomFetch) {
  const skewSeconds = Math.round((clock.now().getTime() - Date.now()) / 1000);
  const result = new client.Configuration(
    metadata,
    connection.clientId,
    { client_secret: connection.clientSecret, [client.clockSkew]: skewSeconds },
    client.ClientSecretPost(connection.clientSecret),
  );
  if (insecureAllowed(config, metadata.issuer)) client.allowInsecureRequests(result);
  if (fetcher) result[client.customFetch] = fetcher;
  return result;
}

/** The provider's sign-in address for one attempt. */
export async function authorizationUrl(
  config: OidcConfig,
  clock: Clock,
  connection: FlowConnection,
  attempt: { redirectUri: string; state: string; nonce: string; codeVerifier: string },
): Promise<URL> {
  const { metadata } = await serverMetadata(config, connection);
  const parameters: Record<string, string> = {
    redirect_uri: attempt.redirectUri,
    scope: 'openid email profile',
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(attempt.codeVerifier),
    code_challenge_method: 'S256',
  };
  // Google shows only accounts of the domain (a hint: the `hd` claim is what is checked).
  if (connection.provider === 'google') parameters.hd = connection.domains.length === 1 ? (connection.domains[0] as string) : '*';
  return client.buildAuthorizationUrl(configuration(config, clock, metadata, connection), parameters);
}

/** The claims in the ID token, without checking them: only to learn the tenant before validating. */
function unverifiedClaims(tokenResponse: string): Record<string, unknown> {
  try {
    const idToken = (JSON.parse(tokenResponse) as { id_token?: unknown }).id_token;
    if (typeof idToken !== 'string') return {};
    return JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Exchanges the code from the provider's redirect and returns the ID token's claims, validated
 * by openid-client: signature (the provider's published keys), iss, aud, exp and nonce, with the
 * state and the PKCE verifier. For Microsoft's multi-tenant document, whose issuer is
 * `…/{tenantid}/v2.0`, the token response is read once to learn its `tid`, which must be on the
 * allow-list; then the same response is validated against the issuer with that tenant put in.
 */
export async function exchangeCode(
  config: OidcConfig,
  clock: Clock,
  connection: FlowConnection,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<Record<string, unknown>> {
  const { metadata, template } = await serverMetadata(config, connection);
  const grantChecks = { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true };
  try {
    if (!template) return (await client.authorizationCodeGrant(configuration(config, clock, metadata, connection), callbackUrl, grantChecks)).claims() ?? {};
    let captured: { status: number; contentType: string; body: string } | undefined;
    const capture: client.CustomFetch = async (url, options) => {
      const response = await fetch(url, options as RequestInit);
      if (url !== metadata.token_endpoint) return response;
      captured = { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: await response.text() };
      throw new Error('token response captured');
    };
    // First pass: only to fetch the token response (its issuer check would fail on the template).
    const bare = new URL(callbackUrl);
    bare.searchParams.delete('iss');
    await client
      .authorizationCodeGrant(
        configuration(config, clock, { ...metadata, authorization_response_iss_parameter_supported: false }, connection, capture),
        bare,
        grantChecks,
      )
      .catch((error: unknown) => {
        if (!captured) throw error;
      });
    if (!captured) throw new SignOnRefused('invalid_token', 'no token response');
    const response = captured;
    const tid = unverifiedClaims(response.body).tid;
    if (response.status === 200 && (typeof tid !== 'string' || !/^[0-9A-Za-z-]{1,64}$/.test(tid))) throw new SignOnRefused('invalid_token', 'no tid claim');
    if (typeof tid === 'string' && !connection.tenantIds.includes(tid)) throw new SignOnRefused('other_tenant', `tenant ${tid}`);
    const replay: client.CustomFetch = async (url, options) =>
      url === metadata.token_endpoint
        ? new Response(response.body, { status: response.status, headers: { 'content-type': response.contentType } })
        : fetch(url, options as RequestInit);
    const issuer = metadata.issuer.replace('{tenantid}', String(tid));
    return (
      (await client.authorizationCodeGrant(configuration(config, clock, { ...metadata, issuer }, connection, replay), callbackUrl, grantChecks)).claims() ?? {}
    );
  } catch (error) {
    throw refusalFor(error);
  }
}

/** What went wrong, in the words of the problem page. */
function refusalFor(error: unknown): SignOnRefused {
  if (error instanceof SignOnRefused) return error;
  if (error instanceof client.AuthorizationResponseError) return new SignOnRefused('cancelled', error.error);
  if (error instanceof client.ResponseBodyError) return new SignOnRefused('code_refused', error.error);
  // openid-client wraps oauth4webapi's error, whose message names the claim: read down the chain.
  const messages: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++)
    messages.push(e instanceof Error ? e.message : String(e));
  const message = messages.join(' / ');
  if (/issuer/i.test(message)) return new SignOnRefused('wrong_issuer', message);
  if (/"nonce"/.test(message)) return new SignOnRefused('wrong_nonce', message);
  if (/"exp"|"nbf"|"iat"/.test(message)) return new SignOnRefused('expired_token', message);
  if (/fetch failed|ECONNREFUSED|timed? ?out|abort/i.test(message)) {
    return new SignOnRefused('provider_unreachable', message);
  }
  return new SignOnRefused('invalid_token', message);
}
