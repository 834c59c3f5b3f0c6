import { describe, expect, it } from 'vitest';
import { Conflict } from '../../platform/http/errors';
import { allows, APPLICATION_LIFECYCLE, assertDecidable, TERMINAL_STATUSES, whyNot } from './applications.lifecycle';
import { APPLICATION_STATUSES } from './cohorts.schemas';
import type { ApplicationStatus } from './cohorts.tables';

const STATUSES = Object.keys(APPLICATION_STATUSES) as ApplicationStatus[];

describe('the application lifecycle', () => {
  it('ends only in declined and withdrawn, and an applicant may withdraw from every other status', () => {
    expect(TERMINAL_STATUSES).toEqual(['declined', 'withdrawn']);
    expect(STATUSES.filter((s) => allows('withdraw', s))).toEqual(STATUSES.filter((s) => !TERMINAL_STATUSES.includes(s)));
  });

  it('lets a lead decide on submitted, awaiting endorsement, endorsed and waitlisted applications, and waitlist each only once', () => {
    const decidable = STATUSES.filter((s) => allows('decline', s));
    expect(decidable).toEqual(['submitted', 'awaiting_endorsement', 'endorsed', 'waitlisted']);
    expect(STATUSES.filter((s) => allows('accept', s))).toEqual(decidable);
    expect(allows('waitlist', 'waitlisted')).toBe(false);
    for (const status of decidable) expect(() => assertDecidable(status)).not.toThrow();
    expect(() => assertDecidable('draft')).toThrow(Conflict);
    expect(whyNot('accept', 'accepted')).toContain('withdraw the enrolment from the cohort’s roster');
  });

  it('gives a freed place only to the waiting list, and only by the system', () => {
    expect(APPLICATION_LIFECYCLE.offer_place).toEqual({ from: ['waitlisted'], to: 'accepted', by: ['system'] });
  });

  it('only starts from nothing, and every status is reached by some event', () => {
    expect(STATUSES.filter((s) => !Object.values(APPLICATION_LIFECYCLE).some((t) => t.to === s))).toEqual([]);
    expect(
      Object.entries(APPLICATION_LIFECYCLE)
        .filter(([, t]) => t.from.includes('new'))
        .map(([event]) => event),
    ).toEqual(['start']);
  });
});
