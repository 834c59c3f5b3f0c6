import type { Selectable } from 'kysely';

export type SsoProvider = 'microsoft' | 'google';

/** An organisation's set-up with one provider. */
export interface SsoConnectionsTable {
  id: string;
  organisation_id: string;
  provider: SsoProvider;
  /** Microsoft: JSON array of allowed tenant ids (one: single-tenant; several: multi-tenant with an allow-list). */
  tenant_ids: string;
  /** Google: JSON array of Workspace domains (the `hd` claim must be one of them). */
  domains: string;
  client_id: string;
  /** The client secret, encrypted with SIGNING_KEYS_SECRET. */
  client_secret_sealed: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A person bound to their account at a provider (Entra `tid:oid`, Google `sub`). */
export interface SsoIdentitiesTable {
  id: string;
  person_id: string;
  provider: SsoProvider;
  subject: string;
  email_at_binding: string;
  created_at: string;
  last_used_at: string;
}

/** A sign-in on its way through the provider: single use, tied to one browser, short-lived. */
export interface SsoSignInAttemptsTable {
  id: string;
  connection_id: string;
  state_hash: string;
  browser_hash: string;
  nonce: string;
  code_verifier: string;
  next: string;
  created_at: string;
  expires_at: string;
}

export type SsoConnectionRow = Selectable<SsoConnectionsTable>;

export interface SingleSignOnTables {
  sso_connections: SsoConnectionsTable;
  sso_identities: SsoIdentitiesTable;
  sso_sign_in_attempts: SsoSignInAttemptsTable;
}

declare module '../../platform/db/database' {
  interface Database extends SingleSignOnTables {}
}
