import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatTime, formatTimeRange, londonDateTimeToUtc, londonWallClock, parseTimeOfDay } from './dates';

describe('London wall-clock times to UTC and back', () => {
  it('a twilight session is 4:15pm in London on both sides of the October 2026 clock change', () => {
    // British Summer Time (UTC+1) until 2am on Sunday 25 October 2026, then GMT (UTC+0).
    expect(londonDateTimeToUtc('2026-10-23', '16:15')).toEqual({ instant: '2026-10-23T15:15:00.000Z' });
    expect(londonDateTimeToUtc('2026-10-26', '16:15')).toEqual({ instant: '2026-10-26T16:15:00.000Z' });
    expect(formatTime('2026-10-23T15:15:00.000Z')).toBe('4:15pm');
    expect(formatTime('2026-10-26T16:15:00.000Z')).toBe('4:15pm');
  });

  it('on 25 October 2026 the hour from 1am happens twice; the first (summer time) is taken', () => {
    expect(londonDateTimeToUtc('2026-10-25', '00:30')).toEqual({ instant: '2026-10-24T23:30:00.000Z' });
    expect(londonDateTimeToUtc('2026-10-25', '01:30')).toEqual({ instant: '2026-10-25T00:30:00.000Z' });
    expect(londonDateTimeToUtc('2026-10-25', '02:00')).toEqual({ instant: '2026-10-25T02:00:00.000Z' });
    // The second 1:30am (GMT) still reads back as 1:30am.
    expect(londonWallClock('2026-10-25T01:30:00.000Z')).toEqual({ date: '2026-10-25', time: '01:30' });
  });

  it('on 29 March 2026 the hour from 1am does not exist in London and is refused', () => {
    expect(londonDateTimeToUtc('2026-03-29', '00:59')).toEqual({ instant: '2026-03-29T00:59:00.000Z' });
    expect(londonDateTimeToUtc('2026-03-29', '01:00')).toEqual({ error: 'nonexistent' });
    expect(londonDateTimeToUtc('2026-03-29', '01:59')).toEqual({ error: 'nonexistent' });
    expect(londonDateTimeToUtc('2026-03-29', '02:00')).toEqual({ instant: '2026-03-29T01:00:00.000Z' });
    expect(londonDateTimeToUtc('2026-03-28', '16:15')).toEqual({ instant: '2026-03-28T16:15:00.000Z' });
    expect(londonDateTimeToUtc('2026-03-30', '16:15')).toEqual({ instant: '2026-03-30T15:15:00.000Z' });
  });

  it('refuses dates and times that are not real', () => {
    expect(londonDateTimeToUtc('2026-02-30', '16:15')).toEqual({ error: 'invalid' });
    expect(londonDateTimeToUtc('2026-02-01', '4pm')).toEqual({ error: 'invalid' });
    expect(londonDateTimeToUtc('2026-02-01', '24:00')).toEqual({ error: 'invalid' });
  });

  it('midnight, midday and minutes are written as GOV.UK style has them', () => {
    expect(formatTime('2026-12-01T00:00:00.000Z')).toBe('midnight');
    expect(formatTime('2026-12-01T12:00:00.000Z')).toBe('midday');
    expect(formatTime('2026-12-01T09:05:00.000Z')).toBe('9:05am');
    expect(formatTime('2026-12-01T17:00:00.000Z')).toBe('5pm');
    expect(formatTime('2026-07-01T11:30:00.000Z')).toBe('12:30pm');
    expect(formatTimeRange('2026-10-26T16:15:00.000Z', '2026-10-26T17:45:00.000Z')).toBe('Monday 26 October 2026, 4:15pm to 5:45pm');
  });
});

describe('reading a time someone typed', () => {
  it('accepts 24-hour and 12-hour times', () => {
    expect(parseTimeOfDay('16:15')).toBe('16:15');
    expect(parseTimeOfDay('4:15pm')).toBe('16:15');
    expect(parseTimeOfDay('4.15 PM')).toBe('16:15');
    expect(parseTimeOfDay('9am')).toBe('09:00');
    expect(parseTimeOfDay('12am')).toBe('00:00');
    expect(parseTimeOfDay('12pm')).toBe('12:00');
  });

  it('refuses what is not a time', () => {
    for (const text of ['', '9', '24:00', '13pm', '4:60pm', 'teatime']) expect(parseTimeOfDay(text)).toBeNull();
  });
});

describe('spans of dates', () => {
  it('names both ends, as a cohort runs from one to the other', () => {
    expect(formatDateRange('2027-01-11', '2027-07-16')).toBe('11 January 2027 to 16 July 2027');
  });
});

describe('formatDate for a calendar date', () => {
  it('writes every day of a leap year and the next year as the date formatter does', () => {
    const formatter = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
    for (let day = Date.UTC(2028, 0, 1); day < Date.UTC(2030, 0, 1); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(formatDate(iso)).toBe(formatter.format(new Date(`${iso}T12:00:00Z`)));
    }
  });
});
