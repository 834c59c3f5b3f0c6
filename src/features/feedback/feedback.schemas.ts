import { z } from 'zod';
import { parseDateParts } from '../../platform/dates';
import {
  DEFAULT_GROUP_MINIMUM,
  DEFAULT_MARGIN,
  MAX_PUPIL_QUESTION_LENGTH,
  MAX_PUPIL_QUESTIONS,
  STUDENT_GROUP_MINIMUM,
  type RaterGroup,
  type Rating,
} from './feedback.model';
import { firstMessage, type FormValues } from '../../platform/http/forms';
import type { FieldErrors } from '../../platform/http/errors';

/** Groups the participant invites by name and email (students answer through the class link). */
export const INVITED_GROUPS = ['line_manager', 'peer', 'direct_report', 'other'] as const satisfies readonly RaterGroup[];
export type InvitedGroup = (typeof INVITED_GROUPS)[number];

/** Anonymous groups whose minimum the participant may raise (never lower than the default). */
export const ANONYMOUS_GROUPS = ['peer', 'direct_report', 'student', 'other'] as const satisfies readonly RaterGroup[];

/** How many people to ask in all: advice, not a rule. */
export const ADVISED_RESPONDENTS = 8;

const minimumField = (label: string, least = DEFAULT_GROUP_MINIMUM) =>
  z.coerce
    .number({ message: `Enter the smallest number of ${label} to show on their own` })
    .int(`The smallest number of ${label} must be a whole number`)
    .min(least, `The smallest number of ${label} must be ${least} or more, so nobody can be picked out`)
    .max(20, `The smallest number of ${label} must be 20 or fewer`);

/** Opening a round (the skills are read separately, as checkboxes send one value each). */
export const roundForm = z.object({
  /** The last day answers are taken, as GOV.UK date parts. */
  'closesOn-day': z.string().optional().default(''),
  'closesOn-month': z.string().optional().default(''),
  'closesOn-year': z.string().optional().default(''),
  /** Answers each anonymous group needs before it is shown on its own. */
  minimumPeer: minimumField('peers'),
  minimumDirectReport: minimumField('direct reports'),
  minimumStudent: minimumField('students', STUDENT_GROUP_MINIMUM),
  minimumOther: minimumField('others'),
  /** Points between self and others that count as a blind spot or hidden strength. */
  margin: z.coerce
    .number({ message: 'Enter the blind spot margin as a number, for example 1.3' })
    .min(0.5, 'The blind spot margin must be between 0.5 and 3')
    .max(3, 'The blind spot margin must be between 0.5 and 3'),
});
export type RoundForm = z.infer<typeof roundForm>;

export const ROUND_FORM_DEFAULTS: FormValues = {
  minimumPeer: String(DEFAULT_GROUP_MINIMUM),
  minimumDirectReport: String(DEFAULT_GROUP_MINIMUM),
  minimumStudent: String(STUDENT_GROUP_MINIMUM),
  minimumOther: String(DEFAULT_GROUP_MINIMUM),
  margin: String(DEFAULT_MARGIN),
};

/** The closing date from the form, or a message: it must be a real date after today and within six months. */
export function parseClosingDate(values: FormValues, today: string, latest: string): { date: string } | { error: string } {
  const parsed = parseDateParts(values['closesOn-day'] ?? '', values['closesOn-month'] ?? '', values['closesOn-year'] ?? '');
  if ('error' in parsed) return { error: parsed.error === 'empty' ? 'Enter the closing date' : `Closing date ${parsed.error}` };
  if (parsed.date <= today) return { error: 'Closing date must be in the future' };
  if (parsed.date > latest) return { error: 'Closing date must be within 6 months' };
  return parsed;
}

/** Inviting one respondent. */
export const respondentForm = z.object({
  /** line_manager, peer, direct_report or other */
  group: z.enum(INVITED_GROUPS, { message: 'Select how they know you' }),
  /** Used in the email greeting; the participant sees the list of names they invited. */
  name: z.string({ message: 'Enter their name' }).trim().min(1, 'Enter their name').max(200, 'Name must be 200 characters or fewer'),
  /** Where the private link goes. */
  email: z
    .string({ message: 'Enter their email address' })
    .trim()
    .min(1, 'Enter their email address')
    .max(320, 'Email address must be 320 characters or fewer')
    .email('Enter an email address in the correct format, like name@example.com'),
});
export type RespondentForm = z.infer<typeof respondentForm>;

/** Answers to the feedback form: a rating per skill, and the two open questions. */
export interface Answers {
  ratings: Record<string, Rating | undefined>;
  strengths: string;
  develop: string;
}

const commentField = z.string().trim().max(3000, 'Your answer must be 3,000 characters or fewer');

/**
 * Reads a feedback form's answers: `rating-<skillId>` is 1–5 or "n" (not observed). When
 * `complete`, every skill must be answered (a rating or not observed).
 */
export function readAnswers(
  values: FormValues,
  skills: { id: string; title: string }[],
  complete: boolean,
  notObservedLabel = 'Not observed',
): { ok: true; answers: Answers } | { ok: false; errors: FieldErrors; answers: Answers } {
  const errors: FieldErrors = {};
  const ratings: Record<string, Rating | undefined> = {};
  for (const skill of skills) {
    const raw = values[`rating-${skill.id}`];
    if (raw === 'n') ratings[skill.id] = null;
    else if (raw && /^[1-5]$/.test(raw)) ratings[skill.id] = Number(raw) as Rating;
    else if (complete) errors[`rating-${skill.id}`] = `Select how often for ‘${skill.title}’, or ‘${notObservedLabel}’`;
  }
  const strengths = commentField.safeParse(values.strengths ?? '');
  const develop = commentField.safeParse(values.develop ?? '');
  if (!strengths.success) errors.strengths = firstMessage(strengths.error);
  if (!develop.success) errors.develop = firstMessage(develop.error);
  const answers = {
    ratings,
    strengths: strengths.success ? strengths.data : (values.strengths ?? ''),
    develop: develop.success ? develop.data : (values.develop ?? ''),
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors, answers } : { ok: true, answers };
}

/** Answers back into form values (for a saved draft). */
export function answersToValues(answers: Answers): FormValues {
  const values: FormValues = { strengths: answers.strengths, develop: answers.develop };
  for (const [id, rating] of Object.entries(answers.ratings)) if (rating !== undefined) values[`rating-${id}`] = rating === null ? 'n' : String(rating);
  return values;
}

const ratingSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.null()]);
const ratingsSchema = z.record(z.string(), ratingSchema);
const draftSchema = z.object({ ratings: ratingsSchema, strengths: z.string(), develop: z.string() });

/** Stored ratings (JSON text); anything unreadable reads as no ratings. */
export function parseRatings(json: string | null): Record<string, Rating> | null {
  if (!json) return null;
  try {
    const parsed = ratingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A stored draft (JSON text), or nothing. */
export function parseDraft(json: string | null): Answers | null {
  if (!json) return null;
  try {
    const parsed = draftSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Declining to give feedback. */
export const declineForm = z.object({
  /** Optional; kept private (never shown to the participant). */
  reason: z.string().trim().max(1000, 'Reason must be 1,000 characters or fewer').optional().default(''),
});

/** Sharing the report, or stopping. */
export const shareForm = z.object({
  /** coach or line_manager */
  with: z.enum(['coach', 'line_manager'], { message: 'Choose who to share with' }),
  /** share or stop */
  action: z.enum(['share', 'stop'], { message: 'Choose whether to share or stop sharing' }),
});

/** Opening or closing the class link. */
export const classLinkForm = z.object({
  action: z.enum(['open', 'close'], { message: 'Choose whether to open or close the class link' }),
});

/** Approving or refusing an outside address. */
export const approvalForm = z.object({
  decision: z.enum(['approve', 'refuse'], { message: 'Choose whether to approve or refuse this address' }),
});

/**
 * Reads the pupil questions form: `question-1`…`question-N` (the wording, in order), `remove-N` ("yes"
 * to remove), `added` (a new question, optional) and `move` ("up-N" or "down-N", from a move button).
 * Returns the questions to keep in their new order, or errors keyed by field (nothing is saved then).
 */
export function readPupilQuestions(values: FormValues): { ok: true; questions: { text: string }[] } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numbers = Object.keys(values)
    .map((key) => /^question-(\d{1,2})$/.exec(key)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  let rows = numbers.map((n) => ({ n, text: (values[`question-${n}`] ?? '').trim().replace(/\s+/g, ' '), remove: values[`remove-${n}`] === 'yes' }));
  // Removed questions go first, so that "Move up" passes the question above that stays.
  rows = rows.filter((row) => !row.remove);
  const move = /^(up|down)-(\d{1,2})$/.exec(values.move ?? '');
  if (move) {
    const from = rows.findIndex((row) => row.n === Number(move[2]));
    const to = move[1] === 'up' ? from - 1 : from + 1;
    const a = rows[from];
    const b = rows[to];
    if (a && b) {
      rows = [...rows];
      rows[from] = b;
      rows[to] = a;
    }
  }
  for (const row of rows) {
    if (row.text === '') errors[`question-${row.n}`] = `Enter question ${row.n}, or tick ‘Remove’ to remove it`;
    else if (row.text.length > MAX_PUPIL_QUESTION_LENGTH)
      errors[`question-${row.n}`] = `Question ${row.n} must be ${MAX_PUPIL_QUESTION_LENGTH} characters or fewer`;
  }
  const added = (values.added ?? '').trim().replace(/\s+/g, ' ');
  if (added.length > MAX_PUPIL_QUESTION_LENGTH) errors.added = `The new question must be ${MAX_PUPIL_QUESTION_LENGTH} characters or fewer`;
  const kept = rows.map((row) => ({ text: row.text }));
  if (added !== '') kept.push({ text: added });
  if (Object.keys(errors).length === 0) {
    if (kept.length === 0) errors.added = 'Keep at least one question, or add one: pupils need something to answer';
    else if (kept.length > MAX_PUPIL_QUESTIONS)
      errors.added = `A set can have at most ${MAX_PUPIL_QUESTIONS} questions, so that the form stays short: remove one first`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, questions: kept };
}
