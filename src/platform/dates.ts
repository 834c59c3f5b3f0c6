const LONDON = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: LONDON });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: LONDON,
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "24 November 2026" for a YYYY-MM-DD date or an ISO timestamp (in Europe/London). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  // A calendar date names its own day wherever it is read: written out directly, which is many
  // times quicker than a date formatter (a page of charts and tables formats dozens).
  const parts = CALENDAR_DATE.exec(value);
  const month = parts ? MONTHS[Number(parts[2]) - 1] : undefined;
  if (parts && month && Number(parts[3]) >= 1 && Number(parts[3]) <= 31) return `${Number(parts[3])} ${month} ${parts[1]}`;
  // A moment's London date needs the formatter (tens of microseconds): remember the last few hundred.
  let text = dates.get(value);
  if (text === undefined) {
    text = dateFormat.format(new Date(value));
    if (dates.size >= 500) dates.clear();
    dates.set(value, text);
  }
  return text;
}
const dates = new Map<string, string>();

/** "24 November 2026 at 1:45pm" in Europe/London. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  // Formatting to parts costs tens of microseconds, and a page often shows the same moments more
  // than once (and the next request the same ones again): remember the last few hundred.
  let text = dateTimes.get(value);
  if (text === undefined) {
    const parts = dateTimeFormat.formatToParts(new Date(value));
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    text = `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${get('dayPeriod').toLowerCase().replace(/\s/g, '')}`;
    if (dateTimes.size >= 500) dateTimes.clear();
    dateTimes.set(value, text);
  }
  return text;
}
const dateTimes = new Map<string, string>();

/** "11 January 2027 to 16 July 2027": a span of calendar dates, such as when a cohort runs. */
export function formatDateRange(from: string | null | undefined, to: string | null | undefined): string {
  return `${formatDate(from)} to ${formatDate(to)}`;
}

/** A YYYY-MM-DD string from GOV.UK date input parts, or an error message. */
export function parseDateParts(day: string, month: string, year: string): { date: string } | { error: string } {
  const d = day.trim();
  const m = month.trim();
  const y = year.trim();
  if (!d && !m && !y) return { error: 'empty' };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { error: 'must be a real date, for example 1 9 2015' };
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { error: 'must be a real date, for example 1 9 2015' };
  return { date: iso };
}

const londonDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: LONDON });

/** Today's date in Europe/London as YYYY-MM-DD. */
export function londonDate(at: Date): string {
  return londonDay.format(at);
}

/** Whole years from one YYYY-MM-DD date to another (0 when `to` is earlier). */
export function wholeYearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  // MM-DD compares as text: one not yet reached in the last year means that year is not whole.
  if (to.slice(5, 10) < from.slice(5, 10)) years -= 1;
  return Math.max(0, years);
}

/** A YYYY-MM-DD date moved by a number of days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: LONDON,
});

/** The Europe/London wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function londonWallClock(value: string | Date): { date: string; time: string } {
  const parts = londonParts.formatToParts(typeof value === 'string' ? new Date(value) : value);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** "16:15" or "4:15pm" or "4.15pm": a time of day as HH:MM (24-hour), or null when it isn't one. */
export function parseTimeOfDay(text: string): string | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(t);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const period = match[3];
  if (match[2] === undefined && !period) return null;
  if (minute > 59) return null;
  if (period) {
    if (hour < 1 || hour > 12) return null;
    if (period === 'am' && hour === 12) hour = 0;
    if (period === 'pm' && hour !== 12) hour += 12;
  } else if (hour > 23) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * The UTC instant (ISO) of a Europe/London wall-clock date (YYYY-MM-DD) and time (HH:MM).
 * A time the clocks skip in March (01:00–01:59 on the last Sunday) does not exist: `error: 'nonexistent'`.
 * A time that happens twice in October (01:00–01:59 on the last Sunday) is taken as the first
 * (British Summer Time), as calendar programs do.
 */
export function londonDateTimeToUtc(date: string, time: string): { instant: string } | { error: 'invalid' | 'nonexistent' } {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return { error: 'invalid' };
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date) return { error: 'invalid' };
  // London is UTC+0 or UTC+1: try both offsets, keep those that read back as the same wall clock.
  const matches = [wall - 60 * 60_000, wall].filter((ms) => {
    const back = londonWallClock(new Date(ms));
    return back.date === date && back.time === time;
  });
  const [first] = matches;
  if (first === undefined) return { error: 'nonexistent' };
  return { instant: new Date(first).toISOString() };
}

/** "4:15pm" or "5pm" (Europe/London) for an ISO instant; "midday" and "midnight" as GOV.UK style has them. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const { time } = londonWallClock(value);
  if (time === '12:00') return 'midday';
  if (time === '00:00') return 'midnight';
  const h = Number(time.slice(0, 2));
  const m = Number(time.slice(3, 5));
  const period = h < 12 ? 'am' : 'pm';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${hour12}${period}` : `${hour12}:${String(m).padStart(2, '0')}${period}`;
}

const weekdayFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: LONDON });

/** "Tuesday 24 November 2026, 4:15pm to 5:45pm" (Europe/London); the end date is added when it differs. */
export function formatTimeRange(startsAt: string, endsAt: string): string {
  const start = londonWallClock(startsAt);
  const end = londonWallClock(endsAt);
  const weekday = weekdayFormat.format(new Date(startsAt));
  const endText = end.date === start.date ? formatTime(endsAt) : `${formatDate(endsAt)}, ${formatTime(endsAt)}`;
  return `${weekday} ${formatDate(startsAt)}, ${formatTime(startsAt)} to ${endText}`;
}
