import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCalendar, buildSessionFile, escapeText, foldLine, sessionUid, type IcalSession } from './ical';
import { item } from '../../../test/support/present';

const noEvent = (): never => {
  throw new Error('Expected the calendar to hold an event, but it held none');
};

const BASE_URL = 'https://waymark.example.org';
const now = new Date('2026-10-01T08:00:00.000Z');

function session(overrides: Partial<IcalSession> = {}): IcalSession {
  return {
    id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
    title: 'Session 3: Leading change',
    description: 'Bring your action plan; we will work on it together.',
    startsAt: '2026-10-20T15:30:00.000Z',
    endsAt: '2026-10-20T17:30:00.000Z',
    mode: 'in_person',
    venue: 'Aspen Academy, Room 4, Leeds',
    onlineUrl: null,
    status: 'scheduled',
    sequence: 0,
    createdAt: '2026-09-01T09:00:00.000Z',
    updatedAt: '2026-09-01T09:00:00.000Z',
    cancelReason: null,
    organisationName: 'Northern Lights Trust',
    facilitatorNames: ['Priya Shah'],
    ...overrides,
  };
}

/** Parses with ical.js, registering the calendar's own VTIMEZONE (ical.js has no time zone data of its own). */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  return { calendar, events };
}

afterEach(() => {
  ICAL.TimezoneService.reset();
});

describe('iCalendar output', () => {
  it('is a published calendar with CRLF lines, none longer than 75 octets', () => {
    const long = session({ description: 'Ünïcödé “quotes”, commas; semicolons\\ and a newline\nthen more. '.repeat(8) });
    const text = buildCalendar([long], { baseUrl: BASE_URL, now, method: 'PUBLISH', calendarName: 'Waymark: Ravi Patel' });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Waymark//Leadership development sessions//EN');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // Folding and escaping round-trip exactly, multi-byte characters included.
    expect(item(events, 0).description.startsWith(long.description.trim().slice(0, 40))).toBe(true);
    expect(item(events, 0).description).toContain('Ünïcödé “quotes”, commas; semicolons\\ and a newline\nthen more.');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(100)}`);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
    ).toBe(`DESCRIPTION:${'é'.repeat(100)}`);
  });

  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('carries a Europe/London VTIMEZONE with summer and winter rules', () => {
    const { calendar } = parse(buildCalendar([session()], { baseUrl: BASE_URL, now, method: 'PUBLISH' }));
    const zone = calendar.getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const daylight = zone?.getFirstSubcomponent('daylight');
    const standard = zone?.getFirstSubcomponent('standard');
    expect(daylight?.getFirstPropertyValue('tzoffsetto')?.toString()).toBe('+01:00');
    expect(standard?.getFirstPropertyValue('tzoffsetto')?.toString()).toBe('+00:00');
    expect(daylight?.getFirstProperty('rrule')?.getFirstValue()?.toString()).toContain('BYDAY=-1SU');
    expect(standard?.getFirstProperty('rrule')?.getFirstValue()?.toString()).toContain('BYMONTH=10');
  });

  it('puts sessions either side of the October clock change at the right instants', () => {
    // 25 October 2026 is the last Sunday of October: 20 October is BST (UTC+1), 27 October GMT.
    const before = session({ id: 'before', startsAt: '2026-10-20T15:30:00.000Z', endsAt: '2026-10-20T17:30:00.000Z' });
    const after = session({ id: 'after', startsAt: '2026-10-27T16:30:00.000Z', endsAt: '2026-10-27T18:30:00.000Z' });
    const text = buildCalendar([before, after], { baseUrl: BASE_URL, now, method: 'PUBLISH' });
    expect(text).toContain('DTSTART;TZID=Europe/London:20261020T163000');
    expect(text).toContain('DTSTART;TZID=Europe/London:20261027T163000');
    const { events } = parse(text);
    expect(item(events, 0).startDate.zone?.tzid).toBe('Europe/London');
    expect(item(events, 0).startDate.toJSDate().toISOString()).toBe('2026-10-20T15:30:00.000Z');
    expect(item(events, 0).endDate.toJSDate().toISOString()).toBe('2026-10-20T17:30:00.000Z');
    expect(item(events, 1).startDate.toJSDate().toISOString()).toBe('2026-10-27T16:30:00.000Z');
    expect(item(events, 1).endDate.toJSDate().toISOString()).toBe('2026-10-27T18:30:00.000Z');
  });

  it('keeps the UID when a session changes, and the SEQUENCE rises', () => {
    const first = parse(buildCalendar([session()], { baseUrl: BASE_URL, now, method: 'PUBLISH' })).events.at(0) ?? noEvent();
    const moved =
      parse(
        buildCalendar(
          [
            session({
              startsAt: '2026-10-21T15:30:00.000Z',
              endsAt: '2026-10-21T17:30:00.000Z',
              venue: 'Birch Primary',
              sequence: 1,
              updatedAt: '2026-10-02T09:00:00.000Z',
            }),
          ],
          { baseUrl: BASE_URL, now, method: 'PUBLISH' },
        ),
      ).events.at(0) ?? noEvent();
    expect(first.uid).toBe(`${session().id}@waymark.example.org`);
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.location).toBe('Birch Primary');
    expect(moved.component.getFirstPropertyValue('last-modified')?.toString()).toBe('2026-10-02T09:00:00Z');
    expect(moved.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-10-01T08:00:00Z');
    expect(moved.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(moved.component.getFirstPropertyValue('url')).toBe(`https://waymark.example.org/sessions/${session().id}`);
  });

  it('a cancelled session keeps its UID, is STATUS:CANCELLED with a higher SEQUENCE, and its own file is METHOD:CANCEL', () => {
    const cancelled = session({ status: 'cancelled', sequence: 2, cancelReason: 'The venue flooded' });
    const feed = parse(buildCalendar([cancelled], { baseUrl: BASE_URL, now, method: 'PUBLISH' }));
    expect(item(feed.events, 0).uid).toBe(sessionUid(cancelled.id, BASE_URL));
    expect(item(feed.events, 0).component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(item(feed.events, 0).sequence).toBe(2);

    const file = parse(
      buildSessionFile(cancelled, {
        baseUrl: BASE_URL,
        now,
        organizer: { name: 'Northern Lights Trust', email: 'no-reply@example.org' },
        attendee: { name: 'Ravi Patel', email: 'ravi@example.org' },
      }),
    );
    expect(file.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(item(file.events, 0).uid).toBe(sessionUid(cancelled.id, BASE_URL));
    expect(item(file.events, 0).component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(item(file.events, 0).organizer).toBe('mailto:no-reply@example.org');
    expect(item(file.events, 0).attendees.map((a) => a.getFirstValue())).toEqual(['mailto:ravi@example.org']);
    expect(item(file.events, 0).description).toContain('The venue flooded');

    const live = parse(
      buildSessionFile(session(), {
        baseUrl: BASE_URL,
        now,
        organizer: { name: 'Northern Lights Trust', email: 'no-reply@example.org' },
        attendee: { name: 'Ravi', email: 'ravi@example.org' },
      }),
    );
    expect(live.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // PUBLISH carries no attendees (RFC 5546).
    expect(item(live.events, 0).attendees).toEqual([]);
  });

  it('describes an online session by its link', () => {
    const online = session({ mode: 'online', venue: null, onlineUrl: 'https://meet.example.org/abc' });
    const event = parse(buildCalendar([online], { baseUrl: BASE_URL, now, method: 'PUBLISH' })).events.at(0) ?? noEvent();
    expect(event.location).toBe('Online: https://meet.example.org/abc');
    expect(event.description).toContain('Join online: https://meet.example.org/abc');
  });
});
