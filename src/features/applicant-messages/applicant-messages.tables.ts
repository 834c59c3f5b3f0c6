import type { Selectable } from 'kysely';

/** A message a provider sent to the applicants of a cohort's round at once, as the round page lists it. */
export interface ApplicantMessagesTable {
  id: string;
  organisation_id: string;
  cohort_id: string;
  /** JSON: ApplicationStatus[] — whom it went to. */
  statuses: string;
  subject: string;
  body: string;
  /** How many people it went to (one email each). */
  recipients: number;
  sent_by: string;
  sent_at: string;
}

export type ApplicantMessage = Selectable<ApplicantMessagesTable>;

/** Tables owned by this feature (applicant-messages). */
export interface ApplicantMessageTables {
  applicant_messages: ApplicantMessagesTable;
}

declare module '../../platform/db/database' {
  interface Database extends ApplicantMessageTables {}
}
