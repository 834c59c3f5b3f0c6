import type { Selectable } from 'kysely';

export interface StaffImportsTable {
  id: string;
  organisation_id: string;
  created_by: string | null;
  file_name: string;
  /** The uploaded CSV, kept so the previewed file is exactly the one applied. */
  content: string;
  /** JSON: Waymark field -> CSV column header. */
  column_mapping: string;
  default_school_id: string | null;
  status: 'previewed' | 'applied' | 'discarded';
  /** JSON: counts of created, updated, unchanged and rejected rows once applied. */
  summary: string | null;
  created_at: string;
  applied_at: string | null;
}

export type StaffImport = Selectable<StaffImportsTable>;

export interface StaffImportTables {
  staff_imports: StaffImportsTable;
}

declare module '../../platform/db/database' {
  interface Database extends StaffImportTables {}
}
