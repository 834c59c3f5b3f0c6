import type { Insertable, Selectable, Updateable } from 'kysely';

export type StaffType = 'teaching' | 'associate';
export type LeadershipLevel = 'none' | 'middle' | 'senior' | 'headteacher' | 'executive';
export type PersonStatus = 'active' | 'deactivated' | 'being_erased';
export type Role = 'org_admin' | 'school_admin' | 'programme_lead' | 'data_protection_officer';

export interface PeopleTable {
  id: string;
  organisation_id: string;
  school_id: string | null;
  /** "Mr", "Dr": how pupils address them; NULL when not given. */
  title: string | null;
  given_name: string;
  family_name: string;
  email: string;
  email_normalised: string;
  job_title: string | null;
  staff_type: StaffType;
  /** YYYY-MM-DD: when they started teaching or working in schools. */
  started_in_schools_on: string | null;
  leadership_level: LeadershipLevel;
  line_manager_id: string | null;
  /** Teacher reference number (7 digits). */
  trn: string | null;
  /** The staff id in the school's management information system. */
  mis_staff_id: string | null;
  /** Lower-cased name, email and job title, for directory search. */
  search_text: string;
  /** `being_erased` from the moment an admin asks for an erasure until it ends (when the row goes): no sign-in, no changes. */
  status: PersonStatus;
  created_at: string;
  updated_at: string;
  deactivated_at: string | null;
}

export interface RoleGrantsTable {
  id: string;
  person_id: string;
  role: Role;
  school_id: string | null;
  scope_key: string;
  granted_by: string | null;
  created_at: string;
}

/**
 * A job role a person has held: the job title, leadership level and school on their staff record
 * over a span of dates. A change to any of the three closes the open row and opens another.
 */
export interface RolesHeldTable {
  id: string;
  organisation_id: string;
  person_id: string;
  job_title: string | null;
  leadership_level: LeadershipLevel;
  school_id: string | null;
  /** YYYY-MM-DD: the first day in the role. */
  started_on: string;
  /** YYYY-MM-DD: the day the role ended (the next began); NULL while it is current. */
  ended_on: string | null;
  created_at: string;
}

export type Person = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type RoleGrant = Selectable<RoleGrantsTable>;

export interface StaffTables {
  people: PeopleTable;
  role_grants: RoleGrantsTable;
  roles_held: RolesHeldTable;
}

declare module '../../platform/db/database' {
  interface Database extends StaffTables {}
}
