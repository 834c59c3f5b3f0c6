import type { Selectable } from 'kysely';

export type EnrolmentStatus = 'active' | 'deferred' | 'withdrawn' | 'completed';

export interface EnrolmentsTable {
  id: string;
  organisation_id: string;
  application_id: string | null;
  cohort_id: string;
  programme_id: string;
  person_id: string;
  status: EnrolmentStatus;
  /** When deferred: the cohort they will rejoin. */
  return_cohort_id: string | null;
  /** Why it was deferred or withdrawn. */
  status_reason: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface EnrolmentEventsTable {
  id: string;
  enrolment_id: string;
  status: EnrolmentStatus;
  actor_id: string | null;
  reason: string | null;
  created_at: string;
}

export interface EnrolmentModulesTable {
  enrolment_id: string;
  module_id: string;
  chosen_at: string;
  completed_at: string | null;
  completed_by: string | null;
  reflection: string | null;
}

export interface EnrolmentSignoffsTable {
  enrolment_id: string;
  signed_off_by: string;
  note: string;
  created_at: string;
}

export type Enrolment = Selectable<EnrolmentsTable>;
export type EnrolmentEvent = Selectable<EnrolmentEventsTable>;

export interface EnrolmentTables {
  enrolments: EnrolmentsTable;
  enrolment_events: EnrolmentEventsTable;
  enrolment_modules: EnrolmentModulesTable;
  enrolment_signoffs: EnrolmentSignoffsTable;
}

declare module '../../platform/db/database' {
  interface Database extends EnrolmentTables {}
}
