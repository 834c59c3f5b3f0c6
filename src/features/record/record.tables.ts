import type { Selectable } from 'kysely';

/**
 * What the person's record shows: a portfolio entry, a certificate, a completed programme (its
 * enrolment), a project (its public summary), a role held (`<person id>_<from>`, from the staff
 * record's role history), or an item brought in from a record file.
 */
export type RecordItemKind = 'entry' | 'certificate' | 'programme' | 'project' | 'role' | 'imported';

/** One item the person chose to include in their leadership record. */
export interface RecordItemsTable {
  person_id: string;
  kind: RecordItemKind;
  /** The portfolio entry's, certificate's, enrolment's, project's or imported item's id. */
  item_id: string;
  added_at: string;
  /**
   * For a role held: what it said when the person included it (JSON BundleRole), so it stays in
   * their record after the school's role history of a leaver is removed by its retention rule.
   */
  kept: string | null;
}

/** The person's own statement at the top of their record. */
export interface RecordStatementsTable {
  person_id: string;
  statement: string;
  updated_at: string;
}

/**
 * A private link to a read-only view of the record. `token` is the unguessable part of the link,
 * kept (as a certificate's code is) so the person can copy their link again. `items` (JSON
 * `{ kind, id }[]`) is what the link shows: the record's items when it was made, less any left out.
 */
export interface RecordSharesTable {
  id: string;
  person_id: string;
  label: string;
  token: string;
  items: string;
  /** 1 when the link shows the personal statement. */
  include_statement: number;
  /** YYYY-MM-DD: the last day the link works. */
  expires_on: string;
  revoked_at: string | null;
  created_at: string;
}

/** One opening of a shared link: when, and a coarse description of the browser ("Firefox on Windows"). No address is kept. */
export interface RecordShareViewsTable {
  id: string;
  share_id: string;
  viewed_at: string;
  client: string;
}

/**
 * A record file the person uploaded: `previewed` while they look at what its check found, then
 * `imported` once they confirm. `bundle` is the file as uploaded (checked again on confirming);
 * `bundle_id` its own id, so one file is brought in once.
 */
export interface RecordImportsTable {
  id: string;
  person_id: string;
  bundle_id: string;
  /** The organisation that signed the file, by name. */
  brought_from: string;
  bundle: string;
  status: 'previewed' | 'imported';
  created_at: string;
  imported_at: string | null;
}

/**
 * One item brought in from a record file: a certificate (with its credential as issued), a
 * portfolio entry, a completed programme or a project's public summary (`detail`, JSON:
 * BundleCertificate, BundleEntry, BundleProgramme or BundleProject), with what the check on import
 * found: `verified`, or `unverifiable` with the reason.
 */
export interface RecordImportedItemsTable {
  id: string;
  import_id: string;
  person_id: string;
  kind: ImportedItemKind;
  title: string;
  detail: string;
  credential: string | null;
  outcome: 'verified' | 'unverifiable';
  reason: string | null;
  brought_from: string;
  imported_at: string;
}

export type ImportedItemKind = 'certificate' | 'entry' | 'programme' | 'project' | 'role';

export type RecordShare = Selectable<RecordSharesTable>;
export type RecordImport = Selectable<RecordImportsTable>;
export type RecordImportedItem = Selectable<RecordImportedItemsTable>;

/** Tables owned by this feature (the leadership record). */
export interface RecordTables {
  record_items: RecordItemsTable;
  record_statements: RecordStatementsTable;
  record_shares: RecordSharesTable;
  record_share_views: RecordShareViewsTable;
  record_imports: RecordImportsTable;
  record_imported_items: RecordImportedItemsTable;
}

declare module '../../platform/db/database' {
  interface Database extends RecordTables {}
}
