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

/**
 * A person's own account, above their accounts at schools: a personal email address (confirmed by a
 * link) and a Teacher Reference Number, shown to nobody but the person. Their staff records (one per
 * organisation they have worked at on this Waymark) are linked to it (`personal_account_people`),
 * and it lets them sign in to their own leadership record after they leave.
 */
export interface PersonalAccountsTable {
  id: string;
  /** The confirmed personal address, or null until one is confirmed. */
  personal_email: string | null;
  personal_email_normalised: string | null;
  confirmed_at: string | null;
  /** An address waiting for its confirmation link to be opened. */
  pending_email: string | null;
  /** Teacher Reference Number: 7 digits. */
  trn: string | null;
  created_at: string;
  updated_at: string;
}

/** A staff record linked to a personal account, and when. */
export interface PersonalAccountPeopleTable {
  person_id: string;
  account_id: string;
  linked_at: string;
}

export type PersonalTokenPurpose = 'confirm_email' | 'sign_in' | 'link_account';

/**
 * A single-use link sent to a personal address: to confirm it, to sign in to the personal account,
 * or to link a new staff record (`person_id`) to the account. `email` is the address it was sent to.
 */
export interface PersonalTokensTable {
  id: string;
  account_id: string;
  purpose: PersonalTokenPurpose;
  token_hash: string;
  email: string;
  person_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A browser signed in to a personal account only (a leaver's own record); same cookie as a sign-in session. */
export interface PersonalSignInSessionsTable {
  id: string;
  account_id: string;
  token_hash: string;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type SignInSession = Selectable<SignInSessionsTable>;
export type PersonalAccount = Selectable<PersonalAccountsTable>;
export type AuthToken = Selectable<AuthTokensTable>;

export interface AuthTables {
  sign_in_sessions: SignInSessionsTable;
  passwords: PasswordsTable;
  auth_tokens: AuthTokensTable;
  sign_in_throttles: SignInThrottlesTable;
  password_sign_in_rules: PasswordSignInRulesTable;
  personal_accounts: PersonalAccountsTable;
  personal_account_people: PersonalAccountPeopleTable;
  personal_tokens: PersonalTokensTable;
  personal_sign_in_sessions: PersonalSignInSessionsTable;
}

declare module '../../platform/db/database' {
  interface Database extends AuthTables {}
}
