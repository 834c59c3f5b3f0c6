import type { Selectable } from 'kysely';

export type FrameworkTrack = 'teaching' | 'associate' | 'both';
export type FrameworkVersionStatus = 'draft' | 'published';

export interface FrameworksTable {
  id: string;
  organisation_id: string;
  title: string;
  title_normalised: string;
  description: string;
  track: FrameworkTrack;
  /** Set on the frameworks Waymark installs ('leadership', 'associate'); NULL for an organisation's own. */
  builtin_key: string | null;
  /** Where a copy from the shared library came from, in one sentence; NULL for the organisation's own. */
  copied_from: string | null;
  created_at: string;
  updated_at: string;
}

export interface FrameworkVersionsTable {
  id: string;
  framework_id: string;
  number: number;
  status: FrameworkVersionStatus;
  /** 'draft' while a draft, NULL once published (one draft per framework). */
  draft_slot: 'draft' | null;
  /** JSON: FrameworkLevel[] — the stages level descriptors are written for. */
  levels: string;
  based_on_version_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_by: string | null;
  published_at: string | null;
}

export interface FrameworkDomainsTable {
  id: string;
  version_id: string;
  position: number;
  title: string;
  description: string;
}

export interface FrameworkSkillsTable {
  id: string;
  version_id: string;
  domain_id: string;
  position: number;
  code: string;
  title: string;
  description: string;
  /** JSON: { [levelKey]: descriptor } */
  descriptors: string;
}

export interface FrameworkLevel {
  key: string;
  title: string;
}

export type Framework = Selectable<FrameworksTable>;
export type FrameworkVersion = Selectable<FrameworkVersionsTable>;
export type FrameworkDomain = Selectable<FrameworkDomainsTable>;
export type FrameworkSkill = Selectable<FrameworkSkillsTable>;

export interface FrameworkTables {
  frameworks: FrameworksTable;
  framework_versions: FrameworkVersionsTable;
  framework_domains: FrameworkDomainsTable;
  framework_skills: FrameworkSkillsTable;
}

declare module '../../platform/db/database' {
  interface Database extends FrameworkTables {}
}
