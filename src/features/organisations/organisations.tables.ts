import type { Insertable, Selectable, Updateable } from 'kysely';

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
}

export type SchoolPhase = 'nursery' | 'primary' | 'middle' | 'secondary' | 'all-through' | 'special' | 'alternative-provision' | 'sixth-form' | 'other';

export interface SchoolsTable {
  id: string;
  organisation_id: string;
  name: string;
  name_normalised: string;
  /** Unique reference number from Get Information about Schools (6 digits). */
  urn: string | null;
  phase: SchoolPhase;
  local_authority: string | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  status: 'open' | 'closed';
  created_at: string;
  updated_at: string;
}

export type Organisation = Selectable<OrganisationsTable>;
export type School = Selectable<SchoolsTable>;
export type NewSchool = Insertable<SchoolsTable>;
export type SchoolUpdate = Updateable<SchoolsTable>;

export interface OrganisationTables {
  organisations: OrganisationsTable;
  schools: SchoolsTable;
}

declare module '../../platform/db/database' {
  interface Database extends OrganisationTables {}
}
