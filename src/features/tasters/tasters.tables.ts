import type { Selectable } from 'kysely';

/** A session or event its organisation has opened to the public as a taster: anyone may sign up by email. */
export interface PublicTastersTable {
  session_id: string;
  organisation_id: string;
  made_public_by: string | null;
  made_public_at: string;
  /** How many public places it has; NULL is no limit. Confirmed sign-ups take them. */
  places: number | null;
}

/**
 * pending: asked, link not yet followed. confirmed: has a place. waiting: followed the link when the
 * taster was full, on the waiting list (in order of `waiting_since`). cancelled: gave up their place
 * or left the waiting list with the cancel link.
 */
export type TasterSignUpStatus = 'pending' | 'confirmed' | 'waiting' | 'cancelled';

/** Someone who signed up for a public taster with their email address: pending until they follow the link sent to it. */
export interface TasterSignUpsTable {
  id: string;
  session_id: string;
  organisation_id: string;
  name: string;
  email: string;
  email_normalised: string;
  /** SHA-256 of the link's token; the token itself is only in the emails. A new link replaces it. */
  token_hash: string;
  status: TasterSignUpStatus;
  created_at: string;
  /** When a pending sign-up's link stops working. */
  expires_at: string;
  confirmed_at: string | null;
  waiting_since: string | null;
  cancelled_at: string | null;
}

export type PublicTaster = Selectable<PublicTastersTable>;
export type TasterSignUp = Selectable<TasterSignUpsTable>;

export interface TasterTables {
  public_tasters: PublicTastersTable;
  taster_sign_ups: TasterSignUpsTable;
}

declare module '../../platform/db/database' {
  interface Database extends TasterTables {}
}
