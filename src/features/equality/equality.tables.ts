/**
 * A person's equality information, given voluntarily. One row a person; a NULL answer was not
 * given. Never shown individually to anyone but the person: reports only count it, with small
 * numbers suppressed.
 */
export interface EqualityAnswersTable {
  person_id: string;
  organisation_id: string;
  /** A key of SEXES, or NULL. */
  sex: string | null;
  /** A key of ETHNICITIES (the 2021 census's 19 groups), or NULL. */
  ethnicity: string | null;
  /** A key of DISABILITY, or NULL. */
  disability: string | null;
  /** A key of AGE_BANDS, or NULL. */
  age_band: string | null;
  /** A key of WORKING_PATTERNS, or NULL. */
  working_pattern: string | null;
  updated_at: string;
}

/** Tables owned by this feature (equality). */
export interface EqualityTables {
  equality_answers: EqualityAnswersTable;
}

declare module '../../platform/db/database' {
  interface Database extends EqualityTables {}
}
