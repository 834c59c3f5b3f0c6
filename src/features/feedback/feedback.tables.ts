/** Tables owned by this feature (360-degree feedback rounds, respondent forms, class links and reports). */
export interface FeedbackTables {}
