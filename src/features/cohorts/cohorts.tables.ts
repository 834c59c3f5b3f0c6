import type { Selectable } from 'kysely';

export type ApplicationStatus = 'draft' | 'submitted' | 'awaiting_endorsement' | 'endorsed' | 'accepted' | 'waitlisted' | 'declined' | 'withdrawn';
export type EndorsementKind = 'line_manager' | 'headteacher';
/** 'waiting': not asked yet (the headteacher is asked after the line manager). */
export type EndorsementStatus = 'waiting' | 'requested' | 'supported' | 'not_supported' | 'cancelled';

export interface CohortsTable {
  id: string;
  organisation_id: string;
  programme_id: string;
  name: string;
  name_normalised: string;
  /** YYYY-MM-DD, Europe/London: applications may be submitted from the start of this day… */
  applications_open_on: string;
  /** …to the end of this one. */
  applications_close_on: string;
  /** YYYY-MM-DD: endorsers are asked to answer by this day. */
  endorsement_deadline: string | null;
  starts_on: string;
  ends_on: string;
  capacity: number;
  needs_line_manager: number;
  needs_headteacher: number;
  created_at: string;
  updated_at: string;
}

export interface CohortLeadsTable {
  cohort_id: string;
  person_id: string;
}

export interface ApplicationsTable {
  id: string;
  organisation_id: string;
  cohort_id: string;
  person_id: string;
  school_id: string | null;
  status: ApplicationStatus;
  /** 'live' until withdrawn or declined, then NULL: one live application per person per cohort. */
  live_slot: 'live' | null;
  current_role: string | null;
  experience: string | null;
  motivation: string | null;
  /** JSON: string[] — the declarations confirmed, as worded when confirmed. */
  declarations: string;
  coach_person_id: string | null;
  coach_name: string | null;
  coach_email: string | null;
  project_idea: string | null;
  eligible: number | null;
  /** JSON: string[] — why the staff record doesn't meet the programme's rules. */
  eligibility_notes: string;
  recommendation_id: string | null;
  decision_reason: string | null;
  submitted_at: string | null;
  decided_at: string | null;
  waitlisted_at: string | null;
  /** For an applicant from a school not on Waymark: their school's URN on the school list (else NULL). */
  school_urn: string | null;
  /** The headteacher an outside applicant names, asked for their support by email link. */
  headteacher_name: string | null;
  headteacher_email: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationEventsTable {
  id: string;
  application_id: string;
  status: ApplicationStatus;
  actor_id: string | null;
  reason: string | null;
  created_at: string;
}

export interface EndorsementsTable {
  id: string;
  application_id: string;
  kind: EndorsementKind;
  /** The line manager asked; NULL for the headteacher's support, which any admin of `school_id` may give. */
  endorser_id: string | null;
  school_id: string | null;
  status: EndorsementStatus;
  comment: string | null;
  answered_by: string | null;
  requested_at: string | null;
  due_on: string | null;
  reminded_at: string | null;
  answered_at: string | null;
  /** The headteacher of a school not on Waymark, asked by email link (NULL for support given in the app). */
  endorser_name: string | null;
  endorser_email: string | null;
  /** SHA-256 of the single-use link's token; the token itself is only ever in the email. */
  token_hash: string | null;
  /** When the link stops working. */
  expires_at: string | null;
  /** The name and role the headteacher confirmed when answering by link. */
  answered_name: string | null;
  answered_role: string | null;
  created_at: string;
}

export type Cohort = Selectable<CohortsTable>;
export type Application = Selectable<ApplicationsTable>;
export type ApplicationEvent = Selectable<ApplicationEventsTable>;
export type Endorsement = Selectable<EndorsementsTable>;

export interface CohortTables {
  cohorts: CohortsTable;
  cohort_leads: CohortLeadsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  endorsements: EndorsementsTable;
}

declare module '../../platform/db/database' {
  interface Database extends CohortTables {}
}
