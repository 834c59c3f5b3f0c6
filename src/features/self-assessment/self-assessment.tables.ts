import type { Selectable } from 'kysely';

export type Checkpoint = 'baseline' | 'midpoint' | 'final';
export type SelfAssessmentStatus = 'draft' | 'submitted';

export interface SelfAssessmentPlansTable {
  programme_id: string;
  /** JSON: CheckpointPlan[] — the checkpoints the programme uses and when each opens. */
  checkpoints: string;
  updated_by: string | null;
  updated_at: string;
}

export interface SelfAssessmentsTable {
  id: string;
  enrolment_id: string;
  checkpoint: Checkpoint;
  status: SelfAssessmentStatus;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface SelfAssessmentRatingsTable {
  self_assessment_id: string;
  skill_id: string;
  /** 1 to 5; NULL when unanswered or "not sure yet". */
  rating: number | null;
  /** 1 for "not sure yet", which is an answer but not a score. */
  not_sure: number;
  note: string;
  evidence_url: string;
}

/** A file attached as evidence for one skill of a self-assessment; its bytes are a stored file. */
export interface SelfAssessmentEvidenceFilesTable {
  id: string;
  self_assessment_id: string;
  skill_id: string;
  file_id: string;
  file_name: string;
  size_bytes: number;
  added_at: string;
}

export type SelfAssessment = Selectable<SelfAssessmentsTable>;
export type SelfAssessmentRating = Selectable<SelfAssessmentRatingsTable>;

/** Tables owned by this feature (Self-assessment against the programme's focus skills). */
export interface SelfAssessmentTables {
  self_assessment_plans: SelfAssessmentPlansTable;
  self_assessments: SelfAssessmentsTable;
  self_assessment_ratings: SelfAssessmentRatingsTable;
  self_assessment_evidence_files: SelfAssessmentEvidenceFilesTable;
}

declare module '../../platform/db/database' {
  interface Database extends SelfAssessmentTables {}
}
