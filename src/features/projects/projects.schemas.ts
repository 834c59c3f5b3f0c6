import { parseDateParts } from '../../platform/dates';
import type { FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import type { Judgement, MilestoneStatus } from './projects.tables';

export const TITLE_MAX = 120;
export const TEXT_MAX = 2000;
export const REPORT_MAX = 5000;
export const CRITERIA_MAX = 10;
export const CRITERION_MAX = 300;
export const UNIT_MAX = 30;

export const MILESTONE_STATUSES: Record<MilestoneStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
};

export const JUDGEMENTS: Record<Judgement, string> = { met: 'Met', not_yet: 'Not yet' };

/** Trimmed text: required, at most `max` characters; the error goes to `errors[field]`. */
function text(values: FormValues, field: string, errors: FieldErrors, what: { empty: string; name: string; max: number; optional?: boolean }): string {
  const value = (values[field] ?? '').trim();
  if (!value && !what.optional) errors[field] = what.empty;
  else if (value.length > what.max) errors[field] = `${what.name} must be ${formatFigure(what.max)} characters or fewer`;
  return value;
}

/**
 * A figure the participant enters: a whole or decimal number, optionally negative, commas allowed
 * between thousands. Anything else (a percentage sign, words) is refused with a message saying so.
 */
export function parseFigure(raw: string): number | null {
  const value = raw.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^-?\d{1,12}(\.\d{1,4})?$/.test(value)) return null;
  return Number(value);
}

/** "18.2", "1,250", "-3": up to 4 decimal places as entered, no trailing zeros. */
export function formatFigure(value: number): string {
  let text = figures.get(value);
  if (text === undefined) {
    text = figureFormat.format(value);
    // A page's figures repeat (each is in its chart, the chart's description and the table), and
    // formatting a number costs far more than finding it: remember the last few hundred.
    if (figures.size >= 500) figures.clear();
    figures.set(value, text);
  }
  return text;
}
// Made once: toLocaleString with options builds a new formatter on every call, which a page with
// many figures feels.
const figureFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const figures = new Map<number, string>();

/** A date from GOV.UK date input parts named `<prefix>-day`, `-month`, `-year`. */
function date(values: FormValues, prefix: string, errors: FieldErrors, name: string): string | null {
  const parsed = parseDateParts(values[`${prefix}-day`] ?? '', values[`${prefix}-month`] ?? '', values[`${prefix}-year`] ?? '');
  if ('date' in parsed) return parsed.date;
  errors[prefix] = parsed.error === 'empty' ? `Enter ${name}` : `${name.charAt(0).toUpperCase()}${name.slice(1)} ${parsed.error}`;
  return null;
}

export interface ProjectInput {
  title: string;
  rationale: string;
  peopleAffected: string;
  criteria: string[];
  skillIds: string[];
}

/** The project form: title, rationale, people affected, success criteria (one a line), linked skills. */
export function readProject(values: FormValues, skills: string[], offeredSkillIds: string[]): { input: ProjectInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = text(values, 'title', errors, { empty: 'Enter a title for your project', name: 'The title', max: TITLE_MAX });
  const rationale = text(values, 'rationale', errors, {
    empty: 'Enter the school priority your project serves',
    name: 'The school priority',
    max: TEXT_MAX,
  });
  const peopleAffected = text(values, 'peopleAffected', errors, {
    empty: 'Enter who your project is for, as a group',
    name: 'Who it is for',
    max: TEXT_MAX,
  });
  const criteria = (values.criteria ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
  if (criteria.length === 0) errors.criteria = 'Enter at least one success criterion, one a line';
  else if (criteria.length > CRITERIA_MAX) errors.criteria = `Enter ${CRITERIA_MAX} success criteria or fewer`;
  else if (criteria.some((c) => c.length > CRITERION_MAX)) errors.criteria = `Each success criterion must be ${CRITERION_MAX} characters or fewer`;
  const offered = new Set(offeredSkillIds);
  if (skills.some((s) => !offered.has(s))) errors.skills = 'Select skills from the list';
  return { input: { title, rationale, peopleAffected, criteria, skillIds: [...new Set(skills)].filter((s) => offered.has(s)) }, errors };
}

export interface MeasureInput {
  name: string;
  unit: string;
  baselineValue: number;
  baselineOn: string;
  targetValue: number;
}

/**
 * An impact measure: what is measured, its unit, the baseline (value and date) and the target. Only
 * aggregate figures — a percentage, a count, an average — never a pupil's own.
 * `earliestOutcome` is the first outcome already recorded: the baseline cannot move after it.
 */
export function readMeasure(values: FormValues, earliestOutcome: string | null): { input: MeasureInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const name = text(values, 'name', errors, { empty: 'Enter what you will measure', name: 'What you will measure', max: TITLE_MAX });
  const unit = text(values, 'unit', errors, { empty: 'Enter the unit, for example % or pupils', name: 'The unit', max: UNIT_MAX });
  const baselineRaw = (values.baseline ?? '').trim();
  const baselineValue = parseFigure(baselineRaw);
  if (!baselineRaw) errors.baseline = 'Enter the baseline figure';
  else if (baselineValue === null) errors.baseline = 'The baseline must be a number, like 18.2';
  const baselineOn = date(values, 'baselineOn', errors, 'the date of the baseline');
  if (baselineOn && earliestOutcome && baselineOn > earliestOutcome)
    errors.baselineOn = 'The date of the baseline must be on or before the first outcome you recorded';
  const targetRaw = (values.target ?? '').trim();
  const targetValue = parseFigure(targetRaw);
  if (!targetRaw) errors.target = 'Enter the target figure';
  else if (targetValue === null) errors.target = 'The target must be a number, like 12';
  if (Object.keys(errors).length > 0 || baselineValue === null || targetValue === null || !baselineOn) return { input: null, errors };
  return { input: { name, unit, baselineValue, baselineOn, targetValue }, errors };
}

/** One outcome of a measure: when it was measured (not before the baseline, not in the future) and the figure. */
export function readOutcome(
  values: FormValues,
  baselineOn: string,
  today: string,
): { input: { measuredOn: string; value: number } | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const measuredOn = date(values, 'measuredOn', errors, 'the date it was measured');
  if (measuredOn && measuredOn < baselineOn) errors.measuredOn = 'The date it was measured must be on or after the date of the baseline';
  else if (measuredOn && measuredOn > today) errors.measuredOn = 'The date it was measured must be today or in the past';
  const raw = (values.value ?? '').trim();
  const value = parseFigure(raw);
  if (!raw) errors.value = 'Enter the figure';
  else if (value === null) errors.value = 'The figure must be a number, like 14.1';
  if (Object.keys(errors).length > 0 || value === null || !measuredOn) return { input: null, errors };
  return { input: { measuredOn, value }, errors };
}

export function readMilestone(values: FormValues): { input: { title: string; dueOn: string } | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = text(values, 'title', errors, { empty: 'Enter the milestone', name: 'The milestone', max: TITLE_MAX });
  const dueOn = date(values, 'dueOn', errors, 'the date it is due');
  if (Object.keys(errors).length > 0 || !dueOn) return { input: null, errors };
  return { input: { title, dueOn }, errors };
}

export function readMilestoneStatus(values: FormValues): MilestoneStatus | null {
  const status = values.status ?? '';
  return status in MILESTONE_STATUSES ? (status as MilestoneStatus) : null;
}

export function readUpdate(values: FormValues): { input: { body: string; reflection: string }; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body = text(values, 'body', errors, { empty: 'Enter what has happened', name: 'What has happened', max: TEXT_MAX });
  const reflection = text(values, 'reflection', errors, { empty: 'Enter what you have learned', name: 'What you have learned', max: TEXT_MAX });
  return { input: { body, reflection }, errors };
}

export function readComment(values: FormValues): { input: string; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const body = text(values, 'comment', errors, { empty: 'Enter your comment', name: 'Your comment', max: TEXT_MAX });
  return { input: body, errors };
}

export interface ReportInput {
  whatChanged: string;
  forWhom: string;
  evidence: string;
  learned: string;
}

/** The final report: what changed, for whom, the evidence, and what the participant learned. */
export function readReport(values: FormValues): { input: ReportInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const whatChanged = text(values, 'whatChanged', errors, { empty: 'Enter what changed', name: 'What changed', max: REPORT_MAX });
  const forWhom = text(values, 'forWhom', errors, { empty: 'Enter who it changed things for', name: 'Who it changed things for', max: REPORT_MAX });
  const evidence = text(values, 'evidence', errors, { empty: 'Enter the evidence of the change', name: 'The evidence', max: REPORT_MAX });
  const learned = text(values, 'learned', errors, { empty: 'Enter what you learned', name: 'What you learned', max: REPORT_MAX });
  return { input: { whatChanged, forWhom, evidence, learned }, errors };
}

/** The assessment: met or not yet, with feedback, for each success criterion; then overall feedback. */
export function readAssessment(
  values: FormValues,
  criteria: { id: string; position: number }[],
): { judgements: { criterion_id: string; judgement: Judgement; feedback: string }[]; feedback: string; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const judgements = criteria.map((c) => {
    const raw = values[`judgement-${c.id}`] ?? '';
    if (!(raw in JUDGEMENTS)) errors[`judgement-${c.id}`] = `Select met or not yet for success criterion ${c.position}`;
    const feedback = text(values, `feedback-${c.id}`, errors, {
      empty: `Enter feedback on success criterion ${c.position}`,
      name: `Feedback on success criterion ${c.position}`,
      max: TEXT_MAX,
    });
    return { criterion_id: c.id, judgement: raw as Judgement, feedback };
  });
  const feedback = text(values, 'feedback', errors, { empty: '', name: 'Overall feedback', max: TEXT_MAX, optional: true });
  return { judgements, feedback, errors };
}
