import type { Selectable } from 'kysely';

export interface SessionsTable {
  id: string;
  person_id: string;
  token_hash: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
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

export type SessionRow = Selectable<SessionsTable>;
export type AuthToken = Selectable<AuthTokensTable>;

export interface AuthTables {
  sessions: SessionsTable;
  auth_tokens: AuthTokensTable;
  sign_in_throttles: SignInThrottlesTable;
}

declare module '../../platform/db/database' {
  interface Database extends AuthTables {}
}
