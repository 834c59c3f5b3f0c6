// The shared vocabulary of 360 feedback: rater groups, the rating scale, and the plain data a report
// is built from. The database side (rounds, respondents, forms) and the report side (anonymity,
// figures, chart, PDF) both speak these types and nothing else.

/** Who can be asked, in the order reports show them. `self` is the participant's own rating. */
export const RATER_GROUPS = ['line_manager', 'peer', 'direct_report', 'student', 'other'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

export const RATER_GROUP_LABELS: Record<RaterGroup, { name: string; plural: string; hint: string }> = {
  line_manager: { name: 'Line manager', plural: 'Line manager', hint: 'Named in the report, not anonymous: they are told so.' },
  peer: { name: 'Peer', plural: 'Peers', hint: 'Colleagues at a similar level.' },
  direct_report: { name: 'Direct report', plural: 'Direct reports', hint: 'People you line manage.' },
  student: { name: 'Student', plural: 'Students', hint: 'Answer through one class link, anonymously.' },
  other: { name: 'Other', plural: 'Others', hint: 'Governors, parents, external colleagues.' },
};

/** The smallest number of answers an anonymous group needs before it is shown on its own. */
export const DEFAULT_GROUP_MINIMUM = 3;

/**
 * Students answer through a class link that anyone holding it can use, the participant included, so
 * their answers stand apart: their own group only, never in "All others", and shown from 5 (never less).
 */
export const STUDENT_GROUP_MINIMUM = 5;

/** A behavioural frequency scale; "not observed" is `null` and is never a score. */
export const FREQUENCY_SCALE = [
  { value: 1, label: 'Rarely or never' },
  { value: 2, label: 'Occasionally' },
  { value: 3, label: 'Sometimes' },
  { value: 4, label: 'Often' },
  { value: 5, label: 'Almost always' },
] as const;
export const NOT_OBSERVED_LABEL = 'Not observed';

/**
 * Blind spot / hidden strength margin: self and others differ by at least this much (points on the
 * 1–5 scale). A third of the scale's range, as 360 practice suggests.
 */
export const DEFAULT_MARGIN = 1.3;

/** A rating: 1–5, or null for "not observed". */
export type Rating = 1 | 2 | 3 | 4 | 5 | null;

export interface GroupSetting {
  group: RaterGroup;
  /** Answers needed before the group is shown on its own (1 for the named line manager). */
  minimum: number;
  /** False only for the line manager, who is named. */
  anonymous: boolean;
}

export interface ReportSkill {
  id: string;
  code: string;
  title: string;
}

/** One submitted response, already detached from whoever gave it. */
export interface SubmittedResponse {
  group: RaterGroup;
  /** skill id → rating; a skill missing from the record counts as not observed. */
  ratings: Record<string, Rating>;
  /** Answers to "What does this person do well?" (may be empty). */
  strengths: string;
  /** Answers to "What could they develop?" (may be empty). */
  develop: string;
}

export interface ReportInput {
  skills: ReportSkill[];
  /** Every group that was invited (or had a class link), with its minimum. */
  groups: GroupSetting[];
  /** The participant's own ratings, or null if they did not rate themselves. */
  self: Record<string, Rating> | null;
  responses: SubmittedResponse[];
  margin: number;
  /** Makes the random order of comments stable for one round (use the round id). */
  seed: string;
  /**
   * The pupil questions students answered through the class link (their ratings are keyed by question
   * id). Absent for a round whose students rated the skills instead (opened before pupil questions).
   */
  pupilQuestions?: readonly PupilQuestion[];
}

/** A question pupils answer through the class link, in words a pupil knows. */
export interface PupilQuestion {
  id: string;
  text: string;
}

/**
 * The pupil questions every programme starts with (and every round outside a programme uses): what
 * pupils can see for themselves in lessons, worded for them. "My teacher" stands for the teacher.
 */
export const DEFAULT_PUPIL_QUESTIONS: readonly PupilQuestion[] = [
  { id: 'pupil-explains', text: 'My teacher explains things so I understand' },
  { id: 'pupil-help', text: 'My teacher helps me when I am stuck' },
  { id: 'pupil-listens', text: 'My teacher listens to what I have to say' },
  { id: 'pupil-fair', text: 'My teacher treats everyone fairly' },
  { id: 'pupil-calm', text: 'Lessons are calm, so I can learn' },
  { id: 'pupil-improve', text: 'My teacher tells me how to make my work better' },
];

/** The most pupil questions one set can have: the class form stays about 5 minutes. */
export const MAX_PUPIL_QUESTIONS = 12;
/** The longest a pupil question can be. */
export const MAX_PUPIL_QUESTION_LENGTH = 150;

/** How often, in words a pupil knows; "I don't know" is `null` and never a score. */
export const PUPIL_SCALE = [
  { value: 1, label: 'Never' },
  { value: 2, label: 'Hardly ever' },
  { value: 3, label: 'Sometimes' },
  { value: 4, label: 'Most of the time' },
  { value: 5, label: 'Always' },
] as const;
export const PUPIL_NOT_SURE_LABEL = 'I don’t know';
