import { z } from 'zod';
import type { Checkpoint } from './self-assessment.tables';

export const CHECKPOINTS: Checkpoint[] = ['baseline', 'midpoint', 'final'];

export const CHECKPOINT_TITLES: Record<Checkpoint, string> = {
  baseline: 'Baseline',
  midpoint: 'Midpoint',
  final: 'Final',
};

/** The requirement kind that makes a checkpoint compulsory, where there is one. */
export const REQUIRED_BY: Partial<Record<Checkpoint, string>> = {
  baseline: 'baseline_self_assessment',
  final: 'final_self_assessment',
};

/** The 5-point scale: each point has a short descriptor participants read before choosing. */
export const SCALE = [
  { value: 1, label: 'Not yet', descriptor: 'New to this: I have not had the chance to do it yet' },
  { value: 2, label: 'Beginning', descriptor: 'I have tried this a few times, with support' },
  { value: 3, label: 'Developing', descriptor: 'I do this on my own, but not yet consistently' },
  { value: 4, label: 'Secure', descriptor: 'I do this well and consistently' },
  { value: 5, label: 'Strong', descriptor: 'I lead others in this and help them improve' },
] as const;
export const NOT_SURE = 'not_sure';
export const NOT_SURE_TEXT = 'Not sure yet';

/** When a checkpoint opens for participants. */
export type OpensRule = 'enrolment' | 'cohort_start' | 'halfway' | 'weeks_before_end';
export const OPENS_RULES: Record<OpensRule, string> = {
  enrolment: 'As soon as the participant has a place',
  cohort_start: 'From the cohort’s start date',
  halfway: 'From halfway through the cohort',
  weeks_before_end: 'From a number of weeks before the cohort ends',
};

export interface CheckpointPlan {
  checkpoint: Checkpoint;
  opens: OpensRule;
  /** For weeks_before_end. */
  weeks: number | null;
}

const checkpointPlan = z.object({
  checkpoint: z.enum(['baseline', 'midpoint', 'final']),
  opens: z.enum(['enrolment', 'cohort_start', 'halfway', 'weeks_before_end']),
  weeks: z.number().int().min(1).max(52).nullable(),
});

/** Used when a programme lead has not chosen: a baseline at the start and a final check near the end. */
export const DEFAULT_PLAN: CheckpointPlan[] = [
  { checkpoint: 'baseline', opens: 'enrolment', weeks: null },
  { checkpoint: 'final', opens: 'weeks_before_end', weeks: 6 },
];

/** The default opening for a checkpoint the lead turns on without saying when. */
export const DEFAULT_OPENS: Record<Checkpoint, CheckpointPlan> = {
  baseline: { checkpoint: 'baseline', opens: 'enrolment', weeks: null },
  midpoint: { checkpoint: 'midpoint', opens: 'halfway', weeks: null },
  final: { checkpoint: 'final', opens: 'weeks_before_end', weeks: 6 },
};

/** The stored plan (JSON text); anything unreadable reads as the default. */
export function parsePlan(json: string | null | undefined): CheckpointPlan[] {
  if (!json) return DEFAULT_PLAN;
  try {
    const parsed = z.array(checkpointPlan).safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : DEFAULT_PLAN;
  } catch {
    return DEFAULT_PLAN;
  }
}

export const checkpointParam = z.enum(['baseline', 'midpoint', 'final']);

export const NOTE_MAX = 1000;
export const URL_MAX = 500;

/** An evidence link: a web address starting http:// or https://. */
export function checkEvidenceUrl(value: string): string | null {
  if (value === '') return null;
  if (value.length > URL_MAX) return `Evidence link must be ${URL_MAX} characters or fewer`;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Enter the evidence link as a web address starting https://';
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return 'Enter the evidence link as a web address, like https://example.org/my-evidence';
    return null;
  } catch {
    return 'Enter the evidence link as a web address, like https://example.org/my-evidence';
  }
}

/** One skill's answer as the participant gave it. */
/** Largest evidence file, and the most files one skill's evidence may have. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_EVIDENCE_FILES = 5;

export interface SkillAnswer {
  skillId: string;
  /** 1-5, or null */
  rating: number | null;
  notSure: boolean;
  note: string;
  evidenceUrl: string;
}

export const isAnswered = (a: Pick<SkillAnswer, 'rating' | 'notSure'> | undefined): boolean => !!a && (a.rating !== null || a.notSure);

/** "3: Developing" */
export function ratingText(answer: { rating: number | null; notSure: boolean } | undefined): string {
  if (!answer) return 'Not answered';
  if (answer.notSure) return NOT_SURE_TEXT;
  const point = SCALE.find((p) => p.value === answer.rating);
  return point ? `${point.value}: ${point.label}` : 'Not answered';
}
