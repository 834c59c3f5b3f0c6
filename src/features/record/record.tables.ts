import type { Selectable } from 'kysely';

/** What the person's record shows: a portfolio entry or a certificate. */
export type RecordItemKind = 'entry' | 'certificate';

/** One item the person chose to include in their leadership record. */
export interface RecordItemsTable {
  person_id: string;
  kind: RecordItemKind;
  /** The portfolio entry's or certificate's id. */
  item_id: string;
  added_at: string;
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

export type RecordShare = Selectable<RecordSharesTable>;

/** Tables owned by this feature (the leadership record). */
export interface RecordTables {
  record_items: RecordItemsTable;
  record_statements: RecordStatementsTable;
  record_shares: RecordSharesTable;
  record_share_views: RecordShareViewsTable;
}

declare module '../../platform/db/database' {
  interface Database extends RecordTables {}
}
