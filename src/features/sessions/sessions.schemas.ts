import { z } from 'zod';
import { addDays, formatDate, londonDateTimeToUtc, parseDateParts, parseTimeOfDay } from '../../platform/dates';
import type { FieldErrors } from '../../platform/http/errors';
import { firstMessage, inFieldOrder, type FormValues } from '../../platform/http/forms';
import type { SessionKind, SessionMode } from './sessions.tables';

/** Kinds of open event, as the form offers them. */
export const EVENT_KINDS: Record<Exclude<SessionKind, 'session'>, string> = {
  taster: 'Taster session',
  graduation: 'Graduation ceremony',
  network: 'Network meeting',
  other: 'Other event',
};

export const MODES: Record<SessionMode, string> = { in_person: 'In person', online: 'Online' };

/** A session has at most this many facilitators. */
export const MAX_FACILITATORS = 10;

/** A session or event as the form gives it: times already in UTC. */
export interface SessionForm {
  kind: SessionKind;
  title: string;
  description: string;
  skillIds: string[];
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  venue: string | null;
  onlineUrl: string | null;
  facilitatorIds: string[];
  /** Open events only; null is no limit. */
  capacity: number | null;
  /** A new cohort session may be the first of a series: the later ones' times, in order (none for one session). */
  repeats: { startsAt: string; endsAt: string }[];
}

/** A series of sessions is at most this many. */
export const MAX_SERIES = 20;
/** How often a series repeats, in weeks. */
export const SERIES_INTERVALS: Record<string, string> = { '1': 'Every week', '2': 'Every 2 weeks (fortnightly)', '3': 'Every 3 weeks', '4': 'Every 4 weeks' };

const basics = z.object({
  // What people see in their calendar: "Session 3: Leading change".
  title: z.string().trim().min(1, 'Enter a title').max(120, 'Title must be 120 characters or fewer'),
  // What happens and what to prepare; shown on the session page and in calendars.
  description: z.string().trim().max(5000, 'Description must be 5,000 characters or fewer'),
  // In person at a venue, or online at a link.
  mode: z.enum(['in_person', 'online'], { error: 'Select whether the session is in person or online' }),
});

const webAddress = z
  .string()
  .trim()
  .max(2000, 'Link must be 2,000 characters or fewer')
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
    } catch {
      return false;
    }
  }, 'Enter a full web address starting with https://, like https://meet.example.org/leadership');

/** A time field: HH:MM or an error. */
function readTime(text: string | undefined, label: string): { time: string } | { error: string } {
  if (!text?.trim()) return { error: `Enter the ${label.toLowerCase()}` };
  const time = parseTimeOfDay(text);
  return time ? { time } : { error: `${label} must be a time, like 4:15pm or 16:15` };
}

function nonexistentMessage(label: string, date: string): string {
  return `${label} does not exist on ${formatDate(date)}: the clocks go forward from 1am to 2am. Enter a time before 1am or from 2am`;
}

/** Sessions are on dates in this range. */
const FIRST_DATE = '2000-01-01';
const LAST_DATE = '2099-12-31';

/** The errors in the order the fields appear on the form. */
const FIELD_ORDER = [
  'kind',
  'title',
  'description',
  'skillIds',
  'date',
  'startTime',
  'endTime',
  'count',
  'everyWeeks',
  'mode',
  'venue',
  'onlineUrl',
  'facilitatorIds',
  'capacity',
];

/**
 * Reads the session (or open event) form: a date (GOV.UK date input) with start and end times in
 * Europe/London become UTC instants; the venue or link the mode needs; facilitators from the picker's checkboxes.
 * Which skills and people are allowed is checked by the service.
 */
export function readSessionForm(
  values: FormValues,
  lists: { skillIds: string[]; facilitatorIds: string[] },
  options: { isEvent: boolean; allowSeries?: boolean },
): { ok: true; data: SessionForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let kind: SessionKind = 'session';
  if (options.isEvent) {
    if (values.kind && values.kind in EVENT_KINDS) kind = values.kind as SessionKind;
    else errors.kind = 'Select what kind of event it is';
  }
  const parsed = basics.safeParse({ title: values.title ?? '', description: values.description ?? '', mode: values.mode });
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;

  let date = parseDateParts(values['date-day'] ?? '', values['date-month'] ?? '', values['date-year'] ?? '');
  // A four-digit year like 0026 or 9999 is a real date but not a session's (and years before 100
  // can't be turned into an instant): keep to this century.
  if ('date' in date && (date.date < FIRST_DATE || date.date > LAST_DATE)) date = { error: 'must be between 2000 and 2099' };
  if ('error' in date) errors.date = date.error === 'empty' ? 'Enter the date' : `Date ${date.error}`;
  const start = readTime(values.startTime, 'Start time');
  const end = readTime(values.endTime, 'End time');
  if ('error' in start) errors.startTime = start.error;
  if ('error' in end) errors.endTime = end.error;
  let startsAt: string | undefined;
  let endsAt: string | undefined;
  if ('date' in date && 'time' in start && 'time' in end) {
    const s = londonDateTimeToUtc(date.date, start.time);
    const e = londonDateTimeToUtc(date.date, end.time);
    if ('error' in s)
      errors.startTime = s.error === 'nonexistent' ? nonexistentMessage('Start time', date.date) : 'Start time must be a time, like 4:15pm or 16:15';
    else startsAt = s.instant;
    if ('error' in e) errors.endTime = e.error === 'nonexistent' ? nonexistentMessage('End time', date.date) : 'End time must be a time, like 4:15pm or 16:15';
    else endsAt = e.instant;
    if (startsAt && endsAt && endsAt <= startsAt) errors.endTime = 'End time must be after the start time';
  }

  // A series: the same time of day, every 1 to 4 weeks, in UK time (so a twilight stays at 4:15pm across the clock change).
  const repeats: { startsAt: string; endsAt: string }[] = [];
  if (options.allowSeries) {
    const countText = (values.count ?? '').trim() || '1';
    const weeksText = (values.everyWeeks ?? '').trim() || '1';
    if (!/^\d+$/.test(countText) || Number(countText) < 1 || Number(countText) > MAX_SERIES)
      errors.count = `Number of sessions must be a whole number from 1 to ${MAX_SERIES}`;
    else if (!(weeksText in SERIES_INTERVALS)) errors.everyWeeks = 'Select how often the sessions repeat';
    else if ('date' in date && 'time' in start && 'time' in end && startsAt && endsAt && endsAt > startsAt) {
      for (let i = 1; i < Number(countText); i++) {
        const day = addDays(date.date, i * 7 * Number(weeksText));
        const s = londonDateTimeToUtc(day, start.time);
        const e = londonDateTimeToUtc(day, end.time);
        if ('error' in s || 'error' in e) {
          errors.count = `Session ${i + 1} would fall on ${formatDate(day)} at a time the clocks skip. Choose another time or fewer sessions`;
          break;
        }
        if (day > LAST_DATE) {
          errors.count = 'The series must end by 2099';
          break;
        }
        repeats.push({ startsAt: s.instant, endsAt: e.instant });
      }
    }
  }

  const mode = parsed.success ? parsed.data.mode : undefined;
  const venue = (values.venue ?? '').trim();
  const onlineUrl = (values.onlineUrl ?? '').trim();
  if (venue.length > 300) errors.venue = 'Venue must be 300 characters or fewer';
  if (mode === 'in_person' && !venue) errors.venue = 'Enter the venue, for example Aspen Academy, Room 12';
  if (mode === 'online' && !onlineUrl) errors.onlineUrl = 'Enter the link to join the session online';
  if (onlineUrl) {
    const url = webAddress.safeParse(onlineUrl);
    if (!url.success) errors.onlineUrl = firstMessage(url.error);
  }

  let capacity: number | null = null;
  if (options.isEvent && (values.capacity ?? '').trim()) {
    const text = (values.capacity ?? '').trim();
    if (!/^\d+$/.test(text)) errors.capacity = 'Number of places must be a whole number, like 30';
    else if (Number(text) < 1) errors.capacity = 'Number of places must be 1 or more';
    else if (Number(text) > 10000) errors.capacity = 'Number of places must be 10,000 or fewer';
    else capacity = Number(text);
  }

  const facilitatorIds = [...new Set(lists.facilitatorIds.map((id) => id.trim()).filter(Boolean))];
  if (facilitatorIds.length > MAX_FACILITATORS) errors.facilitatorIds = `Choose at most ${MAX_FACILITATORS} facilitators`;
  if (Object.keys(errors).length > 0 || !parsed.success || !startsAt || !endsAt || !mode) {
    return { ok: false, errors: inFieldOrder(errors, FIELD_ORDER) };
  }
  return {
    ok: true,
    data: {
      kind,
      title: parsed.data.title,
      description: parsed.data.description,
      skillIds: [...new Set(lists.skillIds)],
      startsAt,
      endsAt,
      mode,
      venue: mode === 'in_person' ? venue : null,
      onlineUrl: mode === 'online' ? onlineUrl : null,
      facilitatorIds,
      capacity,
      repeats,
    },
  };
}

export const cancelForm = z.object({
  // Told to everyone affected, and shown on the session page.
  reason: z.string().trim().min(1, 'Enter why the session is cancelled').max(1000, 'Reason must be 1,000 characters or fewer'),
});

export const linkMaterialForm = z.object({
  // What the link is: "Slides from the session".
  linkTitle: z.string().trim().min(1, 'Enter a title for the link').max(200, 'Title must be 200 characters or fewer'),
  // A web address participants open.
  url: z.string().trim().min(1, 'Enter the link').pipe(webAddress),
});

export const fileMaterialTitle = z.object({
  // What the file is: "Pre-reading".
  fileTitle: z.string().trim().max(200, 'Title must be 200 characters or fewer'),
});

/** Largest material upload. */
export const MAX_MATERIAL_BYTES = 10 * 1024 * 1024;

/** Parses the JSON list of skill ids stored on a session. */
export function parseSkillIds(text: string): string[] {
  const result = z.array(z.string()).safeParse(JSON.parse(text || '[]'));
  return result.success ? result.data : [];
}
