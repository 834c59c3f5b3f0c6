/**
 * A small iCalendar (RFC 5545) writer for session feeds and downloads. Pure: give it sessions and
 * options, get text. Times are written as Europe/London local times with a VTIMEZONE, so calendar
 * programs show them right on both sides of the clock change; UIDs never change for a session;
 * SEQUENCE comes from the session row (raised on every change to what a calendar shows).
 */

import { addDays, londonWallClock } from '../../platform/dates';
import type { CalendarEntry } from '../../platform/module';

/** What one calendar event needs to know about a session. */
export interface IcalSession {
  id: string;
  title: string;
  description: string;
  /** UTC ISO instants. */
  startsAt: string;
  endsAt: string;
  mode: 'in_person' | 'online';
  venue: string | null;
  onlineUrl: string | null;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  createdAt: string;
  updatedAt: string;
  cancelReason: string | null;
  organisationName: string;
  facilitatorNames: string[];
}

export interface IcalOptions {
  /** The public address, e.g. https://waymark.example.org: UIDs use its host, URLs its origin. */
  baseUrl: string;
  /** DTSTAMP: when this calendar was produced. */
  now: Date;
  /** PUBLISH for feeds and downloads; CANCEL for a cancelled session's own download. */
  method: 'PUBLISH' | 'CANCEL';
  /** X-WR-CALNAME / NAME, for feeds. */
  calendarName?: string;
  /**
   * Who sends it (MAIL_FROM's address): RFC 5546 requires ORGANIZER on every event of a PUBLISH
   * or CANCEL, and some programs won't apply a cancellation without it. Each event names its
   * session's organisation.
   */
  organizerEmail: string;
  /** CANCEL needs at least one attendee: the person downloading it. */
  attendee?: { name: string; email: string };
}

export const PRODID = '-//Waymark//Leadership development sessions//EN';
export const TIME_ZONE = 'Europe/London';

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (CN="…"): double quotes are not allowed inside, so they are dropped. */
function paramValue(value: string): string {
  return `"${value.replace(/["\r\n]/g, '')}"`;
}

/**
 * Folds a content line so no physical line is longer than 75 octets (§3.1), never splitting a
 * UTF-8 character: continuation lines start with one space, which counts towards their 75.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 20261027T163000: the wall-clock time in Europe/London of a UTC instant (London's offset is whole hours, so the seconds are UTC's). */
export function londonLocal(iso: string): string {
  const date = new Date(iso);
  const { date: day, time } = londonWallClock(date);
  return `${day.replace(/-/g, '')}T${time.replace(':', '')}${String(date.getUTCSeconds()).padStart(2, '0')}`;
}

/** 20261027T163000Z. */
export function utcStamp(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** `<sessionId>@<host of BASE_URL>`: the same for a session for ever, whatever changes. */
export function sessionUid(sessionId: string, baseUrl: string): string {
  return `${sessionId}@${new URL(baseUrl).host}`;
}

/** Europe/London since 1996 (EU rules): BST from 1am UTC on the last Sunday of March to 1am UTC on the last Sunday of October. */
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'X-LIC-LOCATION:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function sessionUrl(session: IcalSession, baseUrl: string): string {
  return `${new URL(baseUrl).origin}/sessions/${session.id}`;
}

function descriptionOf(session: IcalSession, baseUrl: string): string {
  const paragraphs: string[] = [];
  if (session.status === 'cancelled') paragraphs.push(`Cancelled${session.cancelReason ? `: ${session.cancelReason}` : '.'}`);
  if (session.description.trim()) paragraphs.push(session.description.trim());
  if (session.facilitatorNames.length > 0) paragraphs.push(`Facilitated by ${session.facilitatorNames.join(', ')}.`);
  if (session.mode === 'online' && session.onlineUrl) paragraphs.push(`Join online: ${session.onlineUrl}`);
  paragraphs.push(`Details and materials: ${sessionUrl(session, baseUrl)}`);
  return paragraphs.join('\n\n');
}

function eventLines(session: IcalSession, options: IcalOptions): string[] {
  const cancelled = session.status === 'cancelled';
  const location = session.mode === 'in_person' ? session.venue : session.onlineUrl ? `Online: ${session.onlineUrl}` : 'Online';
  const lines = [
    'BEGIN:VEVENT',
    `UID:${sessionUid(session.id, options.baseUrl)}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART;TZID=${TIME_ZONE}:${londonLocal(session.startsAt)}`,
    `DTEND;TZID=${TIME_ZONE}:${londonLocal(session.endsAt)}`,
    `SEQUENCE:${session.sequence}`,
    `CREATED:${utcStamp(session.createdAt)}`,
    `LAST-MODIFIED:${utcStamp(session.updatedAt)}`,
    `SUMMARY:${escapeText(cancelled ? `Cancelled: ${session.title}` : session.title)}`,
    `DESCRIPTION:${escapeText(descriptionOf(session, options.baseUrl))}`,
  ];
  if (location) lines.push(`LOCATION:${escapeText(location)}`);
  lines.push(`URL:${sessionUrl(session, options.baseUrl)}`);
  lines.push(`ORGANIZER;CN=${paramValue(session.organisationName)}:mailto:${options.organizerEmail}`);
  if (options.method === 'CANCEL' && options.attendee) lines.push(`ATTENDEE;CN=${paramValue(options.attendee.name)}:mailto:${options.attendee.email}`);
  lines.push(`STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`, `TRANSP:${cancelled ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  return lines;
}

/**
 * Another feature's entry (a mentoring meeting, say): a whole day is DTSTART;VALUE=DATE with DTEND
 * the day after (RFC 5545 §3.6.1) and shown as free; a time is written as sessions are.
 */
function entryLines(entry: CalendarEntry, options: IcalOptions & { organisationName: string }): string[] {
  const url = `${new URL(options.baseUrl).origin}${entry.path}`;
  const lines = ['BEGIN:VEVENT', `UID:${sessionUid(entry.uid, options.baseUrl)}`, `DTSTAMP:${utcStamp(options.now)}`];
  if ('date' in entry.when) {
    lines.push(`DTSTART;VALUE=DATE:${entry.when.date.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${addDays(entry.when.date, 1).replace(/-/g, '')}`);
  } else {
    lines.push(`DTSTART;TZID=${TIME_ZONE}:${londonLocal(entry.when.startsAt)}`, `DTEND;TZID=${TIME_ZONE}:${londonLocal(entry.when.endsAt)}`);
  }
  lines.push(
    `SEQUENCE:${entry.sequence}`,
    `CREATED:${utcStamp(entry.createdAt)}`,
    `LAST-MODIFIED:${utcStamp(entry.updatedAt)}`,
    `SUMMARY:${escapeText(entry.cancelled ? `Cancelled: ${entry.title}` : entry.title)}`,
    `DESCRIPTION:${escapeText(`${entry.description}\n\nOn Waymark: ${url}`)}`,
  );
  if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
  lines.push(`URL:${url}`, `ORGANIZER;CN=${paramValue(options.organisationName)}:mailto:${options.organizerEmail}`);
  const free = entry.cancelled || 'date' in entry.when;
  lines.push(`STATUS:${entry.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, `TRANSP:${free ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  return lines;
}

/**
 * A whole VCALENDAR, CRLF line endings, folded, ending with CRLF. `entries` are other features'
 * (a person's feed only), written under the organisation's name.
 */
export function buildCalendar(
  sessions: IcalSession[],
  options: IcalOptions,
  entries: { organisationName: string; list: CalendarEntry[] } = { organisationName: '', list: [] },
): string {
  const lines = ['BEGIN:VCALENDAR', `PRODID:${PRODID}`, 'VERSION:2.0', 'CALSCALE:GREGORIAN', `METHOD:${options.method}`];
  if (options.calendarName) {
    lines.push(`NAME:${escapeText(options.calendarName)}`, `X-WR-CALNAME:${escapeText(options.calendarName)}`);
    // Ask subscribing programs to look again every hour (RFC 7986, and Outlook's own property).
    lines.push('REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H');
  }
  lines.push(`X-WR-TIMEZONE:${TIME_ZONE}`, ...LONDON_VTIMEZONE);
  for (const session of sessions) lines.push(...eventLines(session, options));
  for (const entry of entries.list) lines.push(...entryLines(entry, { ...options, organisationName: entries.organisationName }));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** One session as a file to open: PUBLISH, or CANCEL (same UID, STATUS:CANCELLED) once cancelled. */
export function buildSessionFile(session: IcalSession, options: Omit<IcalOptions, 'method' | 'calendarName'>): string {
  return buildCalendar([session], { ...options, method: session.status === 'cancelled' ? 'CANCEL' : 'PUBLISH' });
}
