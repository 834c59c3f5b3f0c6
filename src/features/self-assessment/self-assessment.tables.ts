/** Tables owned by this feature (Self-assessment against the programme's focus skills). */
export interface SelfAssessmentTables {}
