// A real OpenID provider for the single sign-on tests: the `oidc-provider` package (the certified
// implementation), on a random local port, set up three times over — two Microsoft Entra-like
// tenants (issuer `<base>/<tenant>/v2.0`, with `tid` and `oid` claims) and a Google-like one
// (`hd` and `sub`) — plus Entra's multi-tenant front door (`<base>/organizations/v2.0`), whose
// discovery document's issuer holds `{tenantid}` and which hands each sign-in to the tenant of the
// person signing in, as Entra's home-realm discovery does. Nothing is mocked on the provider side:
// codes, tokens, signatures (each tenant its own RSA key) and claims are oidc-provider's own.

import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type ProviderName = 'tenant-a' | 'tenant-b' | 'google';

/** The two Entra-like tenants' ids (their issuers are `<base>/<id>/v2.0`). */
export const TENANT_A = '11111111-aaaa-4aaa-8aaa-111111111111';
export const TENANT_B = '22222222-bbbb-4bbb-8bbb-222222222222';
/** A tenant id whose discovery document names tenant A as its issuer: a wrong issuer. */
export const TENANT_IMPOSTOR = '99999999-eeee-4eee-8eee-999999999999';

export interface TestAccount {
  /** The account id at the provider, and the `sub` claim. */
  sub: string;
  claims: Record<string, unknown>;
}

export interface TestIdentityProviders {
  /** `http://127.0.0.1:<port>`: the Microsoft authority in Waymark's test config. */
  base: string;
  /** The Google-like issuer. */
  googleIssuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds (or replaces) an account at a provider. */
  addAccount(provider: ProviderName, account: TestAccount): void;
  /** Who signs in next: the provider's login step signs this account in without a form. */
  signInNextAs(provider: ProviderName, sub: string): void;
  /** Seconds the next ID tokens live (default an hour). */
  setIdTokenLifetime(seconds: number): void;
  close(): Promise<void>;
}

function rsaKey() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Starts the providers; `redirectUris` are Waymark's callback addresses the test client may use. */
export async function startTestIdentityProviders(options: { redirectUris: string[] }): Promise<TestIdentityProviders> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = `waymark-${randomUUID()}`;
  const clientSecret = `secret-${randomUUID()}`;
  const accounts = new Map<ProviderName, Map<string, TestAccount>>([
    ['tenant-a', new Map()],
    ['tenant-b', new Map()],
    ['google', new Map()],
  ]);
  const next = new Map<ProviderName, string>();
  let idTokenLifetime = 3600;
  // The tenant the multi-tenant front door sent the last sign-in to (one sign-in at a time in a test).
  let homeTenant: ProviderName = 'tenant-a';

  const prefixes: Record<ProviderName, string> = { 'tenant-a': `/${TENANT_A}/v2.0`, 'tenant-b': `/${TENANT_B}/v2.0`, google: '/google' };
  const providers = new Map<ProviderName, Provider>();
  for (const name of ['tenant-a', 'tenant-b', 'google'] as const) {
    const prefix = prefixes[name];
    const provider = new Provider(`${base}${prefix}`, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: options.redirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [rsaKey()] },
      cookies: { keys: [randomUUID()] },
      // Entra and Google put the email and profile claims in the ID token itself.
      conformIdTokenClaims: false,
      claims: {
        openid: ['sub', 'tid', 'oid', 'hd'],
        email: ['email', 'email_verified', 'xms_edov'],
        profile: ['name', 'given_name', 'family_name'],
      },
      features: { devInteractions: { enabled: false } },
      pkce: { required: () => true },
      ttl: { IdToken: () => idTokenLifetime, AccessToken: 600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600 },
      interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const account = accounts.get(name)?.get(sub);
        return account ? { accountId: sub, claims: () => ({ sub, ...account.claims }) } : undefined;
      },
    });
    provider.on('server_error', (_ctx, error) => console.error('identity provider error', error));
    providers.set(name, provider);
  }

  const jwks = async () => {
    const keys = [];
    for (const name of ['tenant-a', 'tenant-b'] as const) {
      const response = await fetch(`${base}${prefixes[name]}/jwks`);
      keys.push(...((await response.json()) as { keys: unknown[] }).keys);
    }
    return { keys };
  };

  /** The multi-tenant front door: discovery with `{tenantid}`, and authorize/token handed to the person's tenant. */
  async function frontDoor(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (path === '/.well-known/openid-configuration') {
      const tenantDocument = (await (await fetch(`${base}${prefixes['tenant-a']}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      send(200, {
        ...tenantDocument,
        issuer: `${base}/{tenantid}/v2.0`,
        authorization_endpoint: `${base}/organizations/v2.0/authorize`,
        token_endpoint: `${base}/organizations/v2.0/token`,
        jwks_uri: `${base}/organizations/v2.0/keys`,
      });
      return true;
    }
    if (path.startsWith('/authorize')) {
      // Home-realm discovery: the person's own tenant (the test says who signs in next).
      homeTenant = next.has('tenant-b') && !next.has('tenant-a') ? 'tenant-b' : 'tenant-a';
      res.writeHead(303, { location: `${base}${prefixes[homeTenant]}/auth${path.slice('/authorize'.length)}` });
      res.end();
      return true;
    }
    if (path === '/token') {
      const response = await fetch(`${base}${prefixes[homeTenant]}/token`, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' },
        body: new Uint8Array(await readBody(req)),
      });
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json', 'cache-control': 'no-store' });
      res.end(await response.text());
      return true;
    }
    if (path === '/keys') {
      send(200, await jwks());
      return true;
    }
    return false;
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    void (async () => {
      if (url.startsWith('/organizations/v2.0/') && (await frontDoor(req, res, url.slice('/organizations/v2.0'.length)))) return;
      if (url === `/${TENANT_IMPOSTOR}/v2.0/.well-known/openid-configuration`) {
        const document = await (await fetch(`${base}${prefixes['tenant-a']}/.well-known/openid-configuration`)).text();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(document);
        return;
      }
      for (const [name, provider] of providers) {
        const prefix = prefixes[name];
        if (url !== prefix && !url.startsWith(`${prefix}/`)) continue;
        const inner = url.slice(prefix.length) || '/';
        if (inner.startsWith('/interaction/')) {
          // The login step: the account the test chose signs in and consents, without a form.
          const details = await provider.interactionDetails(req, res);
          const accountId = next.get(name);
          if (!accountId) throw new Error(`nobody to sign in at ${name}`);
          next.delete(name);
          const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
          grant.addOIDCScope(String(details.params.scope));
          const grantId = await grant.save();
          await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
          return;
        }
        (req as IncomingMessage & { originalUrl: string }).originalUrl = url;
        req.url = inner;
        provider.callback()(req, res);
        return;
      }
      res.writeHead(404);
      res.end();
    })().catch((error: unknown) => {
      console.error('identity provider failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  return {
    base,
    googleIssuer: `${base}${prefixes.google}`,
    clientId,
    clientSecret,
    addAccount: (provider, account) => accounts.get(provider)?.set(account.sub, account),
    signInNextAs: (provider, sub) => {
      next.clear();
      next.set(provider, sub);
    },
    setIdTokenLifetime: (seconds) => {
      idTokenLifetime = seconds;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
