import type { Selectable } from 'kysely';

/** The kinds of development an entry records (labels in portfolio.schemas.ts). */
export type EntryKind =
  | 'course'
  | 'training_delivered'
  | 'coaching_given'
  | 'acting_up'
  | 'working_party'
  | 'project'
  | 'network'
  | 'reading'
  | 'session_attended'
  | 'opportunity';

/** `own`: written by the person; `waymark`: recorded by Waymark from its own records. */
export type EntrySource = 'own' | 'waymark';

/** Whom the person asked to verify an entry: their line manager, a mentor or colleague on Waymark, or someone outside by email. */
export type VerifierRelationship = 'line_manager' | 'mentor' | 'colleague' | 'outside';
export type VerificationStatus = 'pending' | 'confirmed' | 'declined' | 'withdrawn';

/** One piece of professional development in a person's portfolio. */
export interface PortfolioEntriesTable {
  id: string;
  organisation_id: string;
  person_id: string;
  kind: EntryKind;
  title: string;
  /** What changed in practice, and for whom. Required for the person's own entries; empty on a new Waymark record until they write it. */
  reflection: string;
  started_on: string;
  ended_on: string | null;
  hours: number | null;
  /** JSON: framework skill ids the entry evidences. */
  skills: string;
  source: EntrySource;
  /** For Waymark's records: what it was recorded from (`session:<id>` …), unique, so a record is added once. */
  source_key: string | null;
  /** The page in Waymark the entry links to: for Waymark's records, where it came from; for the person's own, the project they led (`/projects/<id>`). */
  source_path: string | null;
  /** The confirmed verification in force; cleared when the entry's substance changes. */
  verification_id: string | null;
  /** When a change cleared a verification, and whose it was, so the entry can say so. */
  verification_cleared_at: string | null;
  verification_cleared_name: string | null;
  created_at: string;
  updated_at: string;
}

/** A file (kept as session materials are) or a link attached to an entry. */
export interface PortfolioAttachmentsTable {
  id: string;
  entry_id: string;
  title: string;
  url: string | null;
  file_id: string | null;
  added_at: string;
}

/** A request to someone to verify an entry, and their answer. */
export interface PortfolioVerificationsTable {
  id: string;
  entry_id: string;
  relationship: VerifierRelationship;
  /** The colleague on Waymark; NULL for someone outside. */
  verifier_person_id: string | null;
  verifier_name: string;
  verifier_email: string;
  /** Only for someone outside: the hash of the token in their emailed link. */
  token_hash: string | null;
  status: VerificationStatus;
  /** The verifier's role, as they gave it when answering. */
  verifier_role: string | null;
  statement: string | null;
  decline_reason: string | null;
  requested_at: string;
  expires_at: string;
  answered_at: string | null;
}

export type PortfolioEntry = Selectable<PortfolioEntriesTable>;
export type PortfolioAttachment = Selectable<PortfolioAttachmentsTable>;
export type PortfolioVerification = Selectable<PortfolioVerificationsTable>;

/** Tables owned by this feature (the portfolio). */
export interface PortfolioTables {
  portfolio_entries: PortfolioEntriesTable;
  portfolio_attachments: PortfolioAttachmentsTable;
  portfolio_verifications: PortfolioVerificationsTable;
}

declare module '../../platform/db/database' {
  interface Database extends PortfolioTables {}
}
