import type { Selectable } from 'kysely';

/** Mentor: supports across the programme; in-school coach: a colleague at the same school; external coach: from outside the school. */
export type PairingKind = 'mentor' | 'in_school_coach' | 'external_coach';
export type PairingStatus = 'active' | 'ended';
export type MeetingStatus = 'recorded' | 'confirmed';
export type ReviewView = 'on_track' | 'needs_support';

/** How many people a member of staff can support at once, and what they are strong at. */
export interface MentoringProfilesTable {
  person_id: string;
  organisation_id: string;
  /** Places: how many people they can support at once (0 = none just now). */
  places: number;
  /** JSON: skill ids the person counts as strengths. */
  strengths: string;
  updated_at: string;
}

/** One person supporting another, for an enrolment or outside any programme. */
export interface MentoringPairingsTable {
  id: string;
  organisation_id: string;
  kind: PairingKind;
  mentor_id: string;
  mentee_id: string;
  /** NULL for a pairing outside any programme. */
  enrolment_id: string | null;
  status: PairingStatus;
  assigned_by: string;
  started_at: string;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: string | null;
  /** The pairing that followed this one when the mentee was reassigned. */
  replaced_by_id: string | null;
  /** The mentor's or coach's sign-off that the mentoring is complete. */
  signed_off_at: string | null;
  signed_off_comment: string | null;
}

/** A version of the pair's agreement; the newest is the one in force once both have agreed it. */
export interface MentoringAgreementsTable {
  id: string;
  pairing_id: string;
  version: number;
  goals: string;
  frequency: string;
  how: string;
  confidentiality: string;
  proposed_by: string;
  proposed_at: string;
  mentor_agreed_at: string | null;
  mentee_agreed_at: string | null;
}

/** A mentoring meeting, added by either of the pair and confirmed by the other. */
export interface MentoringMeetingsTable {
  id: string;
  pairing_id: string;
  held_on: string;
  duration_minutes: number;
  /** JSON: skill ids the meeting focused on. */
  focus_skills: string;
  shared_notes: string;
  next_meeting_on: string | null;
  status: MeetingStatus;
  added_by: string;
  added_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
}

/** Notes only their author ever sees: one row per meeting and author. */
export interface MentoringPrivateNotesTable {
  meeting_id: string;
  author_id: string;
  notes: string;
  updated_at: string;
}

/** Something one of the pair agreed to do, carried forward until done. */
export interface MentoringActionsTable {
  id: string;
  pairing_id: string;
  meeting_id: string;
  description: string;
  owner_id: string;
  due_on: string;
  done_at: string | null;
  created_at: string;
}

/** The mentor's progress review at one of the programme's checkpoints. */
export interface MentoringReviewsTable {
  id: string;
  pairing_id: string;
  checkpoint: string;
  overall: ReviewView;
  /** JSON: { skillId: comment } for each focus skill commented on. */
  comments: string;
  author_id: string;
  created_at: string;
}

export type MentoringPairing = Selectable<MentoringPairingsTable>;
export type MentoringMeeting = Selectable<MentoringMeetingsTable>;
export type MentoringAgreement = Selectable<MentoringAgreementsTable>;
export type MentoringAction = Selectable<MentoringActionsTable>;
export type MentoringReview = Selectable<MentoringReviewsTable>;

/** Tables owned by this feature (mentoring and coaching). */
export interface MentoringTables {
  mentoring_profiles: MentoringProfilesTable;
  mentoring_pairings: MentoringPairingsTable;
  mentoring_agreements: MentoringAgreementsTable;
  mentoring_meetings: MentoringMeetingsTable;
  mentoring_private_notes: MentoringPrivateNotesTable;
  mentoring_actions: MentoringActionsTable;
  mentoring_reviews: MentoringReviewsTable;
}

declare module '../../platform/db/database' {
  interface Database extends MentoringTables {}
}
