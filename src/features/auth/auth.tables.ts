import type { Selectable } from 'kysely';

/** A signed-in browser (a sign-in session; training sessions are the sessions feature's). */
export interface SignInSessionsTable {
  id: string;
  person_id: string;
  token_hash: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** How it began (`SignInMethod`); null for sessions from before this was recorded. */
  method: string | null;
}

/** A password someone has set: only its argon2id hash. People who have not set one have no row. */
export interface PasswordsTable {
  person_id: string;
  hash: string;
  updated_at: string;
}

export type TokenPurpose = 'sign_in_link' | 'password_reset' | 'invitation';

export interface AuthTokensTable {
  id: string;
  person_id: string;
  purpose: TokenPurpose;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInThrottlesTable {
  /** `account:<email>` or `address:<ip>`. */
  key: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

/** An organisation whose staff sign in only with single sign-on; the break-glass administrator may still use a password. */
export interface PasswordSignInRulesTable {
  organisation_id: string;
  break_glass_person_id: string;
  set_by: string | null;
  set_at: string;
}

export type SignInSession = Selectable<SignInSessionsTable>;
export type AuthToken = Selectable<AuthTokensTable>;

export interface AuthTables {
  sign_in_sessions: SignInSessionsTable;
  passwords: PasswordsTable;
  auth_tokens: AuthTokensTable;
  sign_in_throttles: SignInThrottlesTable;
  password_sign_in_rules: PasswordSignInRulesTable;
}

declare module '../../platform/db/database' {
  interface Database extends AuthTables {}
}
