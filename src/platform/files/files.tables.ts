import type { Selectable } from 'kysely';

/** An uploaded file (session materials today; portfolio attachments later), kept in the database. */
export interface StoredFilesTable {
  id: string;
  organisation_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** Base64 of the bytes. */
  content: string;
  created_by: string | null;
  created_at: string;
}

export interface FileTables {
  stored_files: StoredFilesTable;
}

export type StoredFile = Selectable<StoredFilesTable>;
