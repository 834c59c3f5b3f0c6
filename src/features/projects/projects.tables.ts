import type { Selectable } from 'kysely';

/** Where a project is in its life (projects.lifecycle.ts is the only writer). */
export type ProjectStatus = 'draft' | 'in_progress' | 'submitted' | 'met' | 'not_yet';
export type MilestoneStatus = 'not_started' | 'in_progress' | 'done';
export type Judgement = 'met' | 'not_yet';
export type NoteKind = 'update' | 'comment';
/** Who wrote a note: the participant's own update, or a comment by someone supporting them. */
export type NoteAuthorRole = 'participant' | 'coach' | 'line_manager' | 'assessor';

export interface ProjectsTable {
  id: string;
  organisation_id: string;
  person_id: string;
  /** NULL for a person's own project, outside any programme. */
  enrolment_id: string | null;
  title: string;
  /** The school priority it serves. */
  rationale: string;
  /** Who it is for, as a group ("Year 9 pupils eligible for pupil premium"); never a named pupil. */
  people_affected: string;
  status: ProjectStatus;
  /** A named assessor; NULL means the programme's leads assess it. */
  assessor_id: string | null;
  /** The line manager who confirmed the project is part of the participant's role, and when. */
  role_confirmed_by: string | null;
  role_confirmed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectCriteriaTable {
  id: string;
  project_id: string;
  position: number;
  text: string;
}

export interface ProjectSkillsTable {
  project_id: string;
  skill_id: string;
}

export interface ProjectMeasuresTable {
  id: string;
  project_id: string;
  position: number;
  /** "Persistent absence" */
  name: string;
  /** "%" or "pupils" */
  unit: string;
  baseline_value: number;
  baseline_on: string;
  target_value: number;
  created_at: string;
}

export interface ProjectOutcomesTable {
  id: string;
  measure_id: string;
  measured_on: string;
  value: number;
  created_at: string;
}

export interface ProjectMilestonesTable {
  id: string;
  project_id: string;
  title: string;
  due_on: string;
  status: MilestoneStatus;
  updated_at: string;
}

export interface ProjectNotesTable {
  id: string;
  project_id: string;
  author_id: string;
  kind: NoteKind;
  author_role: NoteAuthorRole;
  body: string;
  /** For an update: what the participant learned from it. */
  reflection: string;
  created_at: string;
}

export interface ProjectSubmissionsTable {
  id: string;
  project_id: string;
  /** 1 for the first submission, 2 for the first resubmission… */
  number: number;
  what_changed: string;
  for_whom: string;
  evidence: string;
  learned: string;
  submitted_at: string;
  outcome: Judgement | null;
  feedback: string;
  assessed_by: string | null;
  assessed_at: string | null;
}

export interface ProjectJudgementsTable {
  submission_id: string;
  criterion_id: string;
  judgement: Judgement;
  feedback: string;
}

export type Project = Selectable<ProjectsTable>;
export type ProjectMeasure = Selectable<ProjectMeasuresTable>;
export type ProjectOutcome = Selectable<ProjectOutcomesTable>;
export type ProjectMilestone = Selectable<ProjectMilestonesTable>;
export type ProjectSubmission = Selectable<ProjectSubmissionsTable>;

/** Tables owned by this feature (work-based and whole-school change projects). */
export interface ProjectTables {
  projects: ProjectsTable;
  project_criteria: ProjectCriteriaTable;
  project_skills: ProjectSkillsTable;
  project_measures: ProjectMeasuresTable;
  project_outcomes: ProjectOutcomesTable;
  project_milestones: ProjectMilestonesTable;
  project_notes: ProjectNotesTable;
  project_submissions: ProjectSubmissionsTable;
  project_judgements: ProjectJudgementsTable;
}

declare module '../../platform/db/database' {
  interface Database extends ProjectTables {}
}
