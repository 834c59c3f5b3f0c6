import type { Generated, Selectable } from 'kysely';

export type RoleTrack = 'teaching' | 'associate';
export type RoleTier = 'middle' | 'senior' | 'headship' | 'trust';
export type Sharing = 'only_me' | 'line_manager';
export type OpportunityKind = 'shadowing' | 'acting_up' | 'working_party' | 'inset' | 'project' | 'other';
export type OpenTo = 'all' | 'teaching' | 'associate';
export type DirectoryKind = 'npq' | 'chartered_college' | 'network' | 'local' | 'other';
export type MarkStatus = 'interested' | 'doing' | 'done';
export type InterestStatus = 'interested' | 'chosen' | 'not_chosen' | 'completed';

/** A leadership role on the organisation's role map: what it does and the framework skills it leans on. */
export interface CareersRolesTable {
  id: string;
  organisation_id: string;
  /** Set for roles from the starter list (what makes installing it idempotent); NULL for roles an organisation adds. */
  starter_key: string | null;
  title: string;
  track: RoleTrack;
  tier: RoleTier;
  summary: string;
  /** JSON: framework skill codes (e.g. "PE4"), matched against the newest published version of each framework. */
  skill_codes: string;
  updated_at: string;
}

/** Where a person wants to go: one current aspiration each. */
export interface CareersAspirationsTable {
  person_id: string;
  organisation_id: string;
  role_id: string;
  timeframe: string;
  /** JSON: barrier keys. Only the person sees their own; anyone else only counts, in aggregate. */
  barriers: string;
  support: string;
  sharing: Sharing;
  updated_at: string;
}

/** A career conversation between a member of staff and their line manager. */
export interface CareersConversationsTable {
  id: string;
  organisation_id: string;
  person_id: string;
  manager_id: string;
  held_on: string;
  discussed: string;
  aspiration_agreed: string;
  recorded_by: string;
  recorded_at: string;
  /** When the member of staff confirmed the record (the manager records, both see it). */
  confirmed_at: string | null;
}

/** A next step from a career conversation, with an owner and a date, perhaps linked to an opportunity. */
export interface CareersActionsTable {
  id: string;
  conversation_id: string;
  description: string;
  owner_id: string;
  due_on: string;
  opportunity_id: string | null;
  /** A development directory entry the step links to. */
  directory_item_id: string | null;
  /** A programme (open to applications when linked) the step links to. */
  programme_id: string | null;
  done_at: string | null;
  created_at: string;
}

/** A "have a go" opportunity posted by a leader. */
export interface CareersOpportunitiesTable {
  id: string;
  organisation_id: string;
  posted_by: string;
  title: string;
  kind: OpportunityKind;
  description: string;
  /** JSON: framework skill codes it develops. */
  skill_codes: string;
  time_needed: string;
  starts_on: string;
  ends_on: string;
  /** Interest closes at the end of this day. */
  closes_on: string;
  open_to: OpenTo;
  places: number;
  created_at: string;
}

/** A member of staff's interest in an opportunity, and what became of it. */
export interface CareersInterestsTable {
  id: string;
  opportunity_id: string;
  person_id: string;
  line: string;
  status: InterestStatus;
  /** Told to someone not chosen. */
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  /** The poster's note when verifying the experience. */
  verified_note: string | null;
  completed_at: string | null;
  created_at: string;
}

/** An external development offer in the organisation's directory. */
export interface CareersDirectoryItemsTable {
  id: string;
  organisation_id: string;
  /** Set for items from the starter list; NULL for items an organisation adds. */
  starter_key: string | null;
  title: string;
  provider: string;
  kind: DirectoryKind;
  description: string;
  who_for: string;
  length: string;
  /** Cost and funding notes, in words. */
  cost: string;
  /** JSON: framework skill codes it builds. */
  skill_codes: string;
  /** JSON: ids of roles on the role map it serves. */
  role_ids: string;
  url: string;
  updated_at: string;
}

/** A person's mark on a directory item: interested, doing it, or done. */
export interface CareersDirectoryMarksTable {
  person_id: string;
  item_id: string;
  status: MarkStatus;
  updated_at: string;
}

/** A leadership vacancy imported from the Teaching Vacancies feed, keyed by its posting's address. */
export interface CareersVacanciesTable {
  url: string;
  title: string;
  employer: string;
  postcode: string | null;
  /** The postcode's district (outward code), e.g. LS11. */
  district: string | null;
  /** JSON: the feed's job-role values. */
  job_roles: string;
  /** JSON: starter role keys on the role map the job roles map to. */
  role_keys: string;
  date_posted: string | null;
  /** Removed after this. */
  valid_through: string;
  imported_at: string;
  /** When the feed first gave it (an update keeps this): what job alerts count as new. */
  first_seen_at: string | null;
}

/** Where a person looks for vacancies: postcode districts they choose. */
/** One row for each role on the role map a vacancy matches, in the order the vacancies page reads them. */
export interface CareersVacancyRolesTable {
  url: string;
  /** A starter role key on the role map, e.g. headteacher. */
  role_key: string;
  district: string | null;
  date_posted: string | null;
  first_seen_at: string;
  valid_through: string;
}

export type VacancyArea = 'organisation' | 'chosen' | 'anywhere';

export interface CareersVacancySettingsTable {
  person_id: string;
  /** JSON: postcode districts, e.g. ["LS11", "WF2"] (looked in when `area` is `chosen`). */
  districts: string;
  /** Where they look: near their organisation's schools (its local authorities), the districts they chose, or anywhere in England. */
  area: Generated<VacancyArea>;
  updated_at: string;
  /** 1 when the person wants a weekly email of new matching vacancies. */
  job_alerts: Generated<number>;
  /** When the last job alert went (or alerts were switched on): the next counts vacancies first seen after it. */
  alerts_sent_at: string | null;
}

export type CareersDirectoryItem = Selectable<CareersDirectoryItemsTable>;
export type CareersVacancy = Selectable<CareersVacanciesTable>;
export type CareersRole = Selectable<CareersRolesTable>;
export type CareersAspiration = Selectable<CareersAspirationsTable>;
export type CareersConversation = Selectable<CareersConversationsTable>;
export type CareersAction = Selectable<CareersActionsTable>;
export type CareersOpportunity = Selectable<CareersOpportunitiesTable>;
export type CareersInterest = Selectable<CareersInterestsTable>;

/** Tables owned by this feature (careers). */
export interface CareersTables {
  careers_roles: CareersRolesTable;
  careers_aspirations: CareersAspirationsTable;
  careers_conversations: CareersConversationsTable;
  careers_actions: CareersActionsTable;
  careers_opportunities: CareersOpportunitiesTable;
  careers_interests: CareersInterestsTable;
  careers_directory_items: CareersDirectoryItemsTable;
  careers_directory_marks: CareersDirectoryMarksTable;
  careers_vacancies: CareersVacanciesTable;
  careers_vacancy_settings: CareersVacancySettingsTable;
  careers_vacancy_roles: CareersVacancyRolesTable;
}

declare module '../../platform/db/database' {
  interface Database extends CareersTables {}
}
