import { z } from 'zod';
import type { FieldErrors } from '../../platform/http/errors';
import { validate, type Validated } from '../../platform/http/forms';
import { LEADERSHIP_LEVELS, STAFF_TYPES, type LeadershipLevel, type StaffType } from '../staff';
import type { Delivery, ProgrammeStatus } from './programmes.tables';

export const DELIVERY_NAMES: Record<Delivery, string> = {
  cohort: 'Cohort-based, with sessions',
  modular: 'Self-directed and modular, with a choice of modules',
};

export const STATUS_NAMES: Record<ProgrammeStatus, string> = {
  draft: 'Draft',
  open: 'Open',
  archived: 'Archived',
};

const STAFF_TYPE_KEYS = Object.keys(STAFF_TYPES) as [StaffType, ...StaffType[]];
const LEVEL_KEYS = Object.keys(LEADERSHIP_LEVELS) as [LeadershipLevel, ...LeadershipLevel[]];

/** Blank means "not given". */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? '').trim())
    .pipe(z.string().max(max, `${label} must be ${max} characters or fewer`));

const requiredText = (max: number, empty: string, label: string) =>
  z.string({ message: empty }).trim().min(1, empty).max(max, `${label} must be ${max} characters or fewer`);

/** A whole number typed into a box; blank is null. */
const optionalWholeNumber = (label: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? '').trim();
      if (text === '') return null;
      if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return Number(text);
    });

/** Text with one item a line, blank lines dropped. */
const linesList = (label: string, maxItems: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const lines = (v ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      if (lines.length > maxItems) {
        ctx.addIssue({ code: 'custom', message: `${label}: no more than ${maxItems}, one a line` });
        return z.NEVER;
      }
      if (lines.some((line) => line.length > 300)) {
        ctx.addIssue({ code: 'custom', message: `${label}: each line must be 300 characters or fewer` });
        return z.NEVER;
      }
      return lines;
    });

export const pathwayForm = z.object({
  /** "Leadership ladder": unique in the organisation. */
  title: requiredText(150, 'Enter a title for the pathway', 'Title'),
  /** What the pathway leads to, in a sentence or two. */
  summary: optionalText(2000, 'Summary'),
});
export type PathwayForm = z.infer<typeof pathwayForm>;

/** Adding a programme as the next stage of a pathway. */
export const stageForm = z.object({
  programmeId: z.string({ message: 'Select a programme to add' }).min(1, 'Select a programme to add').max(64, 'Select a programme to add'),
});

export const moveForm = z.object({
  direction: z.enum(['up', 'down'], { message: 'Choose to move the stage up or down' }),
});

/**
 * Every field of a programme. Checkbox lists (staff types, leadership levels) arrive as arrays;
 * the rest as text.
 */
export const programmeForm = z.object({
  /** Unique in the organisation. */
  title: requiredText(150, 'Enter a title for the programme', 'Title'),
  /** A sentence or two for the catalogue. */
  summary: requiredText(2000, 'Enter a summary of the programme', 'Summary'),
  /** "Who is this for?", shown on the programme page. */
  audience: requiredText(4000, 'Enter who the programme is for', 'Who the programme is for'),
  /** For example "6 months". */
  duration: optionalText(100, 'Duration'),
  delivery: z.enum(['cohort', 'modular'], { message: 'Select how the programme is delivered' }),
  /** Only for modular delivery: how many modules each participant completes. */
  modulesRequired: optionalWholeNumber('The number of modules to complete', 1, 30),
  status: z.enum(['draft', 'open', 'archived'], { message: 'Select the programme’s status' }),
  /** A published version of one of the organisation's frameworks, or blank. */
  frameworkVersionId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  /** A level key of that version, or blank. */
  frameworkLevel: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
  staffTypes: z.array(z.enum(STAFF_TYPE_KEYS, { message: 'Select staff types from the list' })).default([]),
  leadershipLevels: z.array(z.enum(LEVEL_KEYS, { message: 'Select leadership levels from the list' })).default([]),
  minYears: optionalWholeNumber('The minimum number of years', 0, 50),
  maxYears: optionalWholeNumber('The maximum number of years', 0, 50),
  declarations: linesList('Declarations', 20),
  experiences: linesList('Experiences and activities', 30),
  asksForCoach: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
  asksForProject: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
  motivationWordLimit: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const text = (v ?? '').trim();
      if (!/^\d+$/.test(text) || Number(text) < 50 || Number(text) > 2000) {
        ctx.addIssue({ code: 'custom', message: 'The word limit must be a whole number from 50 to 2000' });
        return z.NEVER;
      }
      return Number(text);
    }),
});
export type ProgrammeForm = z.infer<typeof programmeForm>;

/**
 * Validates the programme form, with the checks that compare fields. They run from the typed
 * text even when other fields are wrong, so every problem is shown at once.
 */
export function validateProgrammeForm(input: Record<string, unknown>): Validated<ProgrammeForm> {
  const result = validate(programmeForm, input);
  const errors: FieldErrors = result.ok ? {} : { ...result.errors };
  const text = (key: string) => (typeof input[key] === 'string' ? (input[key] as string).trim() : '');
  if (text('delivery') === 'modular' && text('modulesRequired') === '') errors.modulesRequired ??= 'Enter how many modules each participant must complete';
  const [min, max] = [text('minYears'), text('maxYears')];
  if (/^\d+$/.test(min) && /^\d+$/.test(max) && Number(min) > Number(max))
    errors.maxYears ??= 'The maximum number of years must be the same as or more than the minimum';
  if (text('frameworkLevel') !== '' && text('frameworkVersionId') === '') errors.frameworkLevel ??= 'Choose a framework version before a level';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : result;
}

/** The order fields appear on the programme form, so the error summary follows it. */
export const PROGRAMME_FIELD_ORDER = [
  'title',
  'summary',
  'audience',
  'duration',
  'delivery',
  'modulesRequired',
  'status',
  'frameworkVersionId',
  'frameworkLevel',
  'staffTypes',
  'leadershipLevels',
  'minYears',
  'maxYears',
  'declarations',
  'experiences',
  'motivationWordLimit',
];

export const moduleForm = z.object({
  title: requiredText(150, 'Enter a title for the module', 'Title'),
  description: optionalText(2000, 'Description'),
});
export type ModuleForm = z.infer<typeof moduleForm>;

export const recommendForm = z.object({
  /** Someone the recommender may recommend (checked against their reach by the service). */
  personId: z.string({ message: 'Select a colleague to recommend' }).min(1, 'Select a colleague to recommend').max(64, 'Select a colleague to recommend'),
  /** Why, in the recommender's words; included in the email. */
  note: optionalText(1000, 'Your note'),
});
export type RecommendForm = z.infer<typeof recommendForm>;

/** "Is this for me?": the questions in order. */
export const JOURNEY_QUESTIONS = ['role', 'level', 'years'] as const;
export type JourneyQuestion = (typeof JOURNEY_QUESTIONS)[number];

/** One answer each: an unknown or missing answer is an error on that question's page. */
export const journeyAnswers = {
  role: z.enum(STAFF_TYPE_KEYS, { message: 'Select the kind of role you have' }),
  level: z.enum(LEVEL_KEYS, { message: 'Select your current leadership level' }),
  years: z
    .string({ message: 'Enter how many years you have worked in schools' })
    .trim()
    .min(1, 'Enter how many years you have worked in schools')
    .regex(/^\d{1,2}$/, 'Years in schools must be a whole number, like 4')
    .transform(Number),
} as const;

export interface JourneyAnswers {
  role: StaffType;
  level: LeadershipLevel;
  years: number;
}
