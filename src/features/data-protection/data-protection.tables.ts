/** An organisation's own retention period for one record type (absent: the record type's default). */
export interface RetentionPeriodsTable {
  organisation_id: string;
  /** A `RetentionRecordType` key, e.g. `cohorts.unsuccessful-applications`. */
  record_type: string;
  months: number;
  updated_by: string | null;
  updated_at: string;
}

/** What the daily retention sweep did for one organisation and record type: one row a day. */
export interface RetentionRunsTable {
  id: string;
  organisation_id: string;
  record_type: string;
  /** YYYY-MM-DD (UTC): the day of the run; one run per organisation, record type and day. */
  run_on: string;
  /** ISO instant: records whose clock started before this were dealt with. */
  cutoff: string;
  /** How many records were deleted or anonymised. */
  affected: number;
  created_at: string;
}

export interface DataProtectionTables {
  retention_periods: RetentionPeriodsTable;
  retention_runs: RetentionRunsTable;
}

declare module '../../platform/db/database' {
  interface Database extends DataProtectionTables {}
}
