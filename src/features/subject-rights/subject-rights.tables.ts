import type { Selectable } from 'kysely';

export type ExportStatus = 'queued' | 'ready' | 'failed' | 'expired';

/** A subject access export an admin asked for: the worker makes the ZIP; it is kept until it expires. */
export interface SubjectAccessExportsTable {
  id: string;
  organisation_id: string;
  /** The person it is about. */
  person_id: string;
  requested_by: string;
  status: ExportStatus;
  /** Base64 of the ZIP once ready; NULL before, and again once expired. */
  zip: string | null;
  size_bytes: number | null;
  requested_at: string;
  ready_at: string | null;
  /** When the ZIP is deleted (set when ready). */
  expires_at: string | null;
  /** The last download, for the admin's list (each download is also in the audit log). */
  downloaded_at: string | null;
}

/**
 * An erasure carried out: names no one. `former_person_id` is the deactivated "former member of
 * staff" standing in for them, and `summary` (JSON) what each feature did, in plain words.
 */
export interface ErasuresTable {
  id: string;
  organisation_id: string;
  former_person_id: string;
  requested_by: string;
  credentials: 'keep' | 'revoke';
  summary: string;
  erased_at: string;
}

/**
 * An erasure carried out a feature at a time (see `runErasureJob`): `steps_done` (JSON) the features
 * whose step is done, `subject` (JSON) what finds the person, until the job finishes (then NULL).
 */
export interface ErasureJobsTable {
  id: string;
  organisation_id: string;
  requested_by: string;
  credentials: 'keep' | 'revoke';
  former_person_id: string;
  subject: string | null;
  steps_done: string;
  summary: string;
  started_at: string;
  finished_at: string | null;
  erasure_id: string | null;
  last_error: string | null;
}

export type SubjectAccessExport = Selectable<SubjectAccessExportsTable>;
export type Erasure = Selectable<ErasuresTable>;

/** Tables owned by this feature (subject access exports and erasures). */
export interface SubjectRightsTables {
  subject_access_exports: SubjectAccessExportsTable;
  erasures: ErasuresTable;
  erasure_jobs: ErasureJobsTable;
}

declare module '../../platform/db/database' {
  interface Database extends SubjectRightsTables {}
}
