import type { Selectable } from 'kysely';

export type LibraryItemKind = 'framework' | 'programme';
export type LibraryLicence = 'cc-by-4.0' | 'cc-by-sa-4.0' | 'installation-only';

/** Something an organisation shares with every organisation on the installation. */
export interface LibraryItemsTable {
  id: string;
  /** The publisher. */
  organisation_id: string;
  kind: LibraryItemKind;
  /** What was shared: a published framework version's id or a programme's id (for the publisher's own links). */
  source_id: string;
  /** e.g. "version 2": shown after the name. */
  source_label: string;
  name: string;
  description: string;
  licence: LibraryLicence;
  /** JSON: a framework file document or a programme design, as it was when shared (copies come from this, never from the source). */
  content: string;
  published_by: string;
  published_at: string;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
}

/** One copy of a library item into an organisation. */
export interface LibraryCopiesTable {
  id: string;
  item_id: string;
  /** The organisation that copied it. */
  organisation_id: string;
  /** The new framework or programme. */
  copy_id: string;
  copied_by: string;
  copied_at: string;
}

export type LibraryItem = Selectable<LibraryItemsTable>;
export type LibraryCopy = Selectable<LibraryCopiesTable>;

/** Tables owned by this feature (library). */
export interface LibraryTables {
  library_items: LibraryItemsTable;
  library_copies: LibraryCopiesTable;
}

declare module '../../platform/db/database' {
  interface Database extends LibraryTables {}
}
