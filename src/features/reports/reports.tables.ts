/** An organisation's settings for its reports. */
export interface ReportSettingsTable {
  organisation_id: string;
  /** Counts of people below this are hidden in reports about equality and barriers (2 to 50). */
  suppression_threshold: number;
  updated_at: string;
  updated_by: string;
}

/** Tables owned by this feature (reports). */
export interface ReportsTables {
  report_settings: ReportSettingsTable;
}

declare module '../../platform/db/database' {
  interface Database extends ReportsTables {}
}
