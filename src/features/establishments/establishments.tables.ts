import type { Insertable, Selectable } from 'kysely';

/**
 * One establishment from the Department for Education's "Get information about schools" (GIAS)
 * register, as last loaded. Keyed by URN; reloading the file updates each row by its URN. Public data.
 */
export interface EstablishmentsTable {
  /** Unique reference number (6 digits). */
  urn: string;
  name: string;
  /** The words of the name and town, normalised (lower case, no accents or punctuation), each with a space before it. */
  search_text: string;
  /** TypeOfEstablishment (name), e.g. "Academy converter". */
  type: string;
  /** PhaseOfEducation (name), e.g. "Primary", "Not applicable". */
  phase: string;
  /** LA (name). */
  local_authority: string;
  street: string;
  locality: string;
  address3: string;
  town: string;
  county: string;
  postcode: string;
  /** The postcode in capitals without spaces, for searching. */
  postcode_key: string;
  /** EstablishmentStatus (name): "Open", "Closed", "Open, but proposed to close", "Proposed to open". */
  status: string;
  /** 1 when the status starts with "Open". */
  is_open: number;
  loaded_at: string;
}

/** One word of an establishment's name or town: the index the picker searches. */
export interface EstablishmentWordsTable {
  word: string;
  urn: string;
}

export type Establishment = Selectable<EstablishmentsTable>;
export type NewEstablishment = Insertable<EstablishmentsTable>;

export interface EstablishmentTables {
  establishments: EstablishmentsTable;
  establishment_words: EstablishmentWordsTable;
}

declare module '../../platform/db/database' {
  interface Database extends EstablishmentTables {}
}
