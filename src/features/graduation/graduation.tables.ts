import type { Selectable } from 'kysely';

export type InvitationRole = 'graduate' | 'guest';

/** A graduation ceremony: the open event (sessions feature) it is, with what this feature adds. */
export interface GraduationsTable {
  event_id: string;
  organisation_id: string;
  /** The order of proceedings, as the programme lead wrote it (one item a line). */
  proceedings: string;
  /** 1: each graduate's line manager is invited as a guest. */
  invite_line_managers: number;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface GraduationCohortsTable {
  event_id: string;
  cohort_id: string;
}

/** Who has been invited, once each. */
export interface GraduationInvitationsTable {
  event_id: string;
  person_id: string;
  role: InvitationRole;
  invited_at: string;
}

export type Graduation = Selectable<GraduationsTable>;

/** Tables owned by this feature. */
export interface GraduationTables {
  graduations: GraduationsTable;
  graduation_cohorts: GraduationCohortsTable;
  graduation_invitations: GraduationInvitationsTable;
}

declare module '../../platform/db/database' {
  interface Database extends GraduationTables {}
}
