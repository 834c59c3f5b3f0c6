import type { Selectable } from 'kysely';
import type { RaterGroup } from './feedback.model';

/** A participant's feedback round: the skills asked about, when it closes, who may see the report. */
export interface FeedbackRoundsTable {
  id: string;
  organisation_id: string;
  /** The participant: the person the feedback is about. */
  person_id: string;
  /** The enrolment it counts towards; NULL for a round opened for their own development. */
  enrolment_id: string | null;
  framework_version_id: string;
  /** The last day (Europe/London) answers are taken. */
  closes_on: string;
  /** When it closed (early, or by the sweep after closes_on); NULL while open. */
  closed_at: string | null;
  /** Blind spot / hidden strength margin, in scale points. */
  margin: number;
  /** JSON: skill id → 1–5 or null (not observed); the participant's own rating. */
  self_ratings: string | null;
  /**
   * The class link's token; NULL until the participant first opens a class link. Kept as it is (not
   * hashed) because the participant shows it to a class again and again; it opens only the student form.
   */
  class_token: string | null;
  /** 1 while the class link takes answers. */
  class_open: number;
  created_at: string;
  updated_at: string;
}

export interface FeedbackRoundSkillsTable {
  round_id: string;
  skill_id: string;
  position: number;
}

export interface FeedbackRoundGroupsTable {
  round_id: string;
  rater_group: RaterGroup;
  minimum: number;
  /** 0 only for the named line manager. */
  anonymous: number;
}

/**
 * 'awaiting_approval': an outside address the line manager or a programme lead has not yet approved
 * (no email sent, no working link); 'refused': they did not approve it.
 */
export type RespondentStatus = 'awaiting_approval' | 'refused' | 'invited' | 'started' | 'submitted' | 'declined';

/** Someone asked for feedback through a private link. Their answers never stay here once submitted. */
export interface FeedbackRespondentsTable {
  id: string;
  round_id: string;
  rater_group: RaterGroup;
  name: string;
  email: string;
  email_normalised: string;
  /** SHA-256 of the link's token; the token itself is only in the email. */
  token_hash: string;
  status: RespondentStatus;
  /** JSON: answers saved to continue later; cleared on submission. */
  draft: string | null;
  /** Why they declined, if they said; never shown to the participant. */
  decline_reason: string | null;
  /** The day invited (a date only). */
  invited_at: string;
  /** The day a reminder went, with a new link (the old one stops working); NULL until then. */
  reminded_on: string | null;
  /** The colleague on Waymark invited (one invitation per person per round); NULL for an outside address. */
  person_id: string | null;
  /** Who approved an outside address (the participant's line manager or a programme lead); NULL for a colleague. */
  approved_by: string | null;
}

/** One submitted answer set: no respondent id, no time (see docs/feedback.md). */
export interface FeedbackResponsesTable {
  /** A random UUID (v4), not a time-ordered one. */
  id: string;
  round_id: string;
  rater_group: RaterGroup;
  /** JSON: skill id → 1–5 or null (not observed). */
  ratings: string;
  strengths: string;
  develop: string;
}

/** Browsers that have answered through a round's class link: a hash of (round, cookie), nothing else. */
export interface FeedbackClassBrowsersTable {
  round_id: string;
  browser_hash: string;
}

export type ShareRelationship = 'coach' | 'line_manager';

export interface FeedbackSharesTable {
  round_id: string;
  person_id: string;
  relationship: ShareRelationship;
  created_at: string;
}

/** A programme's own pupil questions for the class link; a programme without rows uses the default set. */
export interface FeedbackPupilQuestionsTable {
  id: string;
  programme_id: string;
  position: number;
  text: string;
}

/** The pupil questions a round was opened with (a copy: editing the programme's set changes no running round). */
export interface FeedbackRoundPupilQuestionsTable {
  round_id: string;
  question_id: string;
  position: number;
  text: string;
}

export type FeedbackRound = Selectable<FeedbackRoundsTable>;
export type FeedbackRespondent = Selectable<FeedbackRespondentsTable>;

/** Tables owned by this feature (360-degree feedback rounds, respondent forms, class links and reports). */
export interface FeedbackTables {
  feedback_rounds: FeedbackRoundsTable;
  feedback_round_skills: FeedbackRoundSkillsTable;
  feedback_round_groups: FeedbackRoundGroupsTable;
  feedback_respondents: FeedbackRespondentsTable;
  feedback_responses: FeedbackResponsesTable;
  feedback_class_browsers: FeedbackClassBrowsersTable;
  feedback_shares: FeedbackSharesTable;
  feedback_pupil_questions: FeedbackPupilQuestionsTable;
  feedback_round_pupil_questions: FeedbackRoundPupilQuestionsTable;
}

declare module '../../platform/db/database' {
  interface Database extends FeedbackTables {}
}
