import type { Selectable } from 'kysely';

export type Delivery = 'cohort' | 'modular';
export type ProgrammeStatus = 'draft' | 'open' | 'archived';

export interface PathwaysTable {
  id: string;
  organisation_id: string;
  title: string;
  title_normalised: string;
  summary: string;
  created_at: string;
  updated_at: string;
}

export interface ProgrammesTable {
  id: string;
  organisation_id: string;
  /** The pathway this programme is a stage of, and its place on it (1 = first); NULL when it stands alone. */
  pathway_id: string | null;
  stage_position: number | null;
  title: string;
  title_normalised: string;
  summary: string;
  /** Who it is for, in prose: shown on the programme's page. */
  audience: string;
  /** For example "6 months" or "One academic year". */
  duration: string;
  delivery: Delivery;
  /** For modular delivery: how many modules each participant chooses and completes. */
  modules_required: number | null;
  framework_version_id: string | null;
  /** The framework level (stage) whose descriptors apply. */
  framework_level: string | null;
  /** JSON: EligibilityRules */
  eligibility: string;
  /** JSON: string[] — statements the applicant must confirm. */
  declarations: string;
  /** JSON: string[] */
  experiences: string;
  /** 1 when the application asks for a nominated in-school coach. */
  asks_for_coach: number;
  /** 1 when the application asks for a whole-school project idea. */
  asks_for_project: number;
  motivation_word_limit: number;
  status: ProgrammeStatus;
  /** Where a design copied from the shared library came from, in one sentence; NULL for the organisation's own. */
  copied_from: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgrammeModulesTable {
  id: string;
  programme_id: string;
  position: number;
  title: string;
  description: string;
}

export interface ProgrammeFocusSkillsTable {
  programme_id: string;
  skill_id: string;
}

export interface ProgrammeRequirementsTable {
  id: string;
  programme_id: string;
  /** A RequirementKind registered with the completion engine. */
  kind: string;
  position: number;
  /** JSON: the evaluator's settings. */
  settings: string;
}

/** A people manager suggests a colleague for a programme, from the programme's page. Cohorts link applications to one. */
export interface RecommendationsTable {
  id: string;
  organisation_id: string;
  programme_id: string;
  person_id: string;
  recommended_by: string;
  note: string;
  created_at: string;
}

export type Pathway = Selectable<PathwaysTable>;
export type Programme = Selectable<ProgrammesTable>;
export type ProgrammeModule = Selectable<ProgrammeModulesTable>;
export type ProgrammeRequirement = Selectable<ProgrammeRequirementsTable>;
export type Recommendation = Selectable<RecommendationsTable>;

export interface ProgrammeTables {
  pathways: PathwaysTable;
  programmes: ProgrammesTable;
  programme_modules: ProgrammeModulesTable;
  programme_focus_skills: ProgrammeFocusSkillsTable;
  programme_requirements: ProgrammeRequirementsTable;
  recommendations: RecommendationsTable;
}

declare module '../../platform/db/database' {
  interface Database extends ProgrammeTables {}
}
