import { parseDateParts } from '../../platform/dates';
import type { FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import type { EntryKind, VerifierRelationship } from './portfolio.tables';

/** Kinds a person chooses for their own entries, with their labels, in the order the form lists them. */
export const OWN_KINDS = {
  course: 'Course or qualification',
  training_delivered: 'Training delivered to others',
  coaching_given: 'Coaching or mentoring given',
  acting_up: 'Acting up',
  working_party: 'Working party',
  project: 'Leading a project',
  network: 'External network',
  reading: 'Reading or research',
} as const satisfies Partial<Record<EntryKind, string>>;

export const KIND_HINTS: Record<keyof typeof OWN_KINDS, string> = {
  course: 'For example, an NPQ or a master’s module',
  training_delivered: 'For example, INSET, training for other schools or for the local authority',
  coaching_given: 'Coaching or mentoring you gave a colleague',
  acting_up: 'Covering a more senior role for a time',
  working_party: 'A working party or group in or beyond your school',
  project: 'A change project you led',
  network: 'For example, WomenEd or the Chartered College of Teaching',
  reading: 'Reading, research or enquiry into practice',
};

export const KIND_LABELS: Record<EntryKind, string> = { ...OWN_KINDS, session_attended: 'Session attended', opportunity: '“Have a go” opportunity' };

export const RELATIONSHIPS: Record<VerifierRelationship, string> = {
  line_manager: 'Line manager',
  mentor: 'Mentor or coach',
  colleague: 'Colleague',
  outside: 'Someone outside Waymark',
};

export const TITLE_MAX = 200;
export const TEXT_MAX = 5000;
export const MAX_HOURS = 2000;
/** Largest attachment, as for session materials. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;
/** How long an emailed verification link works. */
export const LINK_DAYS = 30;

export function isOwnKind(value: string): value is keyof typeof OWN_KINDS {
  return value in OWN_KINDS;
}

export function parseSkillIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** A date from day, month and year fields named `${prefix}-day` etc. */
function readDate(values: FormValues, prefix: string, what: string, optional: boolean): { date: string | null } | { error: string } {
  const parsed = parseDateParts(values[`${prefix}-day`] ?? '', values[`${prefix}-month`] ?? '', values[`${prefix}-year`] ?? '');
  if ('date' in parsed) return { date: parsed.date };
  if (parsed.error === 'empty') return optional ? { date: null } : { error: `Enter ${what}` };
  return { error: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${parsed.error}` };
}

/** What an entry says, as the form gives it. */
export interface EntryInput {
  kind: EntryKind;
  title: string;
  reflection: string;
  startedOn: string;
  endedOn: string | null;
  hours: number | null;
  skills: string[];
  /** For leading a project: the person's own project on Waymark it links to. */
  projectId: string | null;
}

/**
 * Reads the entry form. `kindFixed` is the kind of an entry recorded by Waymark, which the person
 * doesn't change (nor its title, dates or hours: only the reflection and skills are theirs).
 */
export function readEntryForm(
  values: FormValues,
  skills: string[],
  options: {
    today: string;
    knownSkills: Set<string>;
    /** The person's own projects, which a "leading a project" entry may link to. */
    projects?: Set<string>;
    recorded?: Pick<EntryInput, 'kind' | 'title' | 'startedOn' | 'endedOn' | 'hours' | 'projectId'>;
  },
): { ok: true; input: EntryInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const reflection = (values.reflection ?? '').trim();
  if (!reflection) errors.reflection = 'Enter what changed in your practice, and for whom';
  else if (reflection.length > TEXT_MAX) errors.reflection = `Your reflection must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
  if (skills.some((id) => !options.knownSkills.has(id))) errors.skills = 'Select skills from the list';
  const ticked = [...new Set(skills)];
  if (options.recorded) {
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, input: { ...options.recorded, reflection, skills: ticked } };
  }
  const kind = values.kind ?? '';
  if (!isOwnKind(kind)) errors.kind = 'Select the kind of development';
  const projectId = (values.projectId ?? '').trim() || null;
  if (projectId && !options.projects?.has(projectId)) errors.projectId = 'Select one of your projects, or no project';
  else if (projectId && kind !== 'project') errors.projectId = 'Choose “Leading a project” to link one of your projects, or select no project';
  const title = (values.title ?? '').trim();
  if (!title) errors.title = 'Enter a title';
  else if (title.length > TITLE_MAX) errors.title = `Title must be ${TITLE_MAX} characters or fewer`;
  const started = readDate(values, 'startedOn', 'the date it started', false);
  const ended = readDate(values, 'endedOn', 'the date it ended', true);
  if ('error' in started) errors.startedOn = started.error;
  else if (started.date && started.date > options.today) errors.startedOn = 'The date it started must be today or in the past';
  if ('error' in ended) errors.endedOn = ended.error;
  else if ('date' in started && started.date && ended.date && ended.date < started.date)
    errors.endedOn = 'The date it ended must be the same as or after the date it started';
  const hoursText = (values.hours ?? '').trim();
  let hours: number | null = null;
  if (hoursText) {
    if (!/^\d+(\.\d)?$/.test(hoursText)) errors.hours = 'Hours must be a number, like 6 or 1.5';
    else if (Number(hoursText) <= 0 || Number(hoursText) > MAX_HOURS)
      errors.hours = `Hours must be more than 0 and no more than ${MAX_HOURS.toLocaleString('en-GB')}`;
    else hours = Number(hoursText);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      kind: kind as EntryKind,
      title,
      reflection,
      startedOn: (started as { date: string }).date,
      endedOn: (ended as { date: string | null }).date,
      hours,
      skills: ticked,
      projectId,
    },
  };
}

/** A web address anyone can open: http or https, with a host. */
export function readWebAddress(value: string): string | null {
  const text = value.trim();
  if (!text || text.length > 2000) return null;
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname ? text : null;
  } catch {
    return null;
  }
}

/** Whether two versions of an entry differ in substance (what a verifier confirmed). */
export function substanceChanged(before: EntryInput, after: EntryInput): boolean {
  return (
    before.kind !== after.kind ||
    before.title !== after.title ||
    before.reflection !== after.reflection ||
    before.startedOn !== after.startedOn ||
    before.endedOn !== after.endedOn ||
    before.hours !== after.hours ||
    before.projectId !== after.projectId ||
    [...before.skills].sort().join() !== [...after.skills].sort().join()
  );
}
