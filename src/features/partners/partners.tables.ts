import type { Selectable } from 'kysely';

/** Who a programme's cohorts are open to, beyond the organisation's own staff. */
export type OpenTo = 'own_staff' | 'partners' | 'any_school';

/** A programme opened beyond its organisation (no row: its own staff only). */
export interface ProgrammeOpeningsTable {
  programme_id: string;
  organisation_id: string;
  open_to: OpenTo;
  updated_by: string | null;
  updated_at: string;
}

/** A named partner organisation on this installation whose staff may apply (when open_to is 'partners'). */
export interface ProgrammeOpeningPartnersTable {
  programme_id: string;
  partner_organisation_id: string;
}

/** Someone from another school who asked to apply: their work email, confirmed by the link sent to it. */
export interface OutsideSignUpsTable {
  id: string;
  /** SHA-256 of the link's token; the token itself is only in the email. */
  token_hash: string;
  email: string;
  email_normalised: string;
  /** The provider organisation whose cohort they asked about. */
  organisation_id: string;
  cohort_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A member of staff of another school who joined the provider's organisation to apply: their school on the school list and their headteacher. */
export interface OutsideApplicantsTable {
  person_id: string;
  organisation_id: string;
  urn: string;
  headteacher_name: string;
  headteacher_email: string;
  joined_at: string;
}

export type ProgrammeOpening = Selectable<ProgrammeOpeningsTable>;
export type OutsideSignUp = Selectable<OutsideSignUpsTable>;
export type OutsideApplicant = Selectable<OutsideApplicantsTable>;

export interface PartnerTables {
  programme_openings: ProgrammeOpeningsTable;
  programme_opening_partners: ProgrammeOpeningPartnersTable;
  outside_sign_ups: OutsideSignUpsTable;
  outside_applicants: OutsideApplicantsTable;
}

declare module '../../platform/db/database' {
  interface Database extends PartnerTables {}
}
