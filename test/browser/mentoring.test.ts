import { afterAll, beforeAll, expect, it } from 'vitest';
import { londonWallClock } from '../../src/platform/dates';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary } from './support/journey';
import { heading, pathOf, signInWithPassword } from './support/pages';
import { part } from '../support/present';

describeInBrowser('mentoring, in a browser without JavaScript', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  it('a mentor records a meeting from People I support, and the mentee confirms it happened', async () => {
    // In the demo Claire Fletcher mentors two people on Towards Middle Leadership.
    const pairing = await h.db
      .selectFrom('mentoring_pairings')
      .innerJoin('people as mentor', 'mentor.id', 'mentoring_pairings.mentor_id')
      .innerJoin('people as mentee', 'mentee.id', 'mentoring_pairings.mentee_id')
      .select(['mentoring_pairings.id', 'mentor.email as mentor_email', 'mentee.email as mentee_email', 'mentee.given_name', 'mentee.family_name'])
      .where('mentoring_pairings.kind', '=', 'mentor')
      .where('mentor.given_name', '=', 'Claire')
      .where('mentoring_pairings.status', '=', 'active')
      .orderBy('mentee.family_name')
      .executeTakeFirstOrThrow();
    const menteeName = `${pairing.given_name} ${pairing.family_name}`;
    const today = londonWallClock(new Date()).date;
    const notes = 'Talked through the first department meeting and what to change next time.';

    const mentor = await h.journey({ javaScript: false, name: 'the mentor records a meeting' });
    await signInWithPassword(mentor, pairing.mentor_email, DEMO_PASSWORD);
    await mentor.goto('/mentoring');
    await mentor.navigate(() => mentor.page.getByRole('link', { name: menteeName }).click());
    expect(pathOf(mentor.page)).toBe(`/mentoring/pairings/${pairing.id}`);
    await mentor.page.locator('#held-day').fill(String(Number(part(today, '-', 2, 'day'))));
    await mentor.page.locator('#held-month').fill(String(Number(part(today, '-', 1, 'month'))));
    await mentor.page.locator('#held-year').fill(part(today, '-', 0, 'year'));
    await mentor.page.getByLabel('How long it lasted').fill('40');
    await mentor.page.getByLabel('Shared notes').fill(notes);
    await mentor.navigate(() => mentor.page.getByRole('button', { name: 'Record the meeting' }).click());
    expect(await mentor.page.locator('.govuk-notification-banner').textContent()).toContain('Meeting recorded');
    mentor.finish();

    const meeting = await h.db
      .selectFrom('mentoring_meetings')
      .select(['id', 'status'])
      .where('pairing_id', '=', pairing.id)
      .where('shared_notes', '=', notes)
      .executeTakeFirstOrThrow();
    expect(meeting.status).toBe('recorded');

    // The mentee finds it from their Mentoring page and confirms it.
    const mentee = await h.journey({ javaScript: false, name: 'the mentee confirms it' });
    await signInWithPassword(mentee, pairing.mentee_email, DEMO_PASSWORD);
    await mentee.goto('/mentoring');
    await mentee.navigate(() => mentee.page.getByRole('link', { name: 'Claire Fletcher' }).click());
    await mentee.navigate(() => mentee.page.locator(`a[href="/mentoring/meetings/${meeting.id}"]`).click());
    expect(await heading(mentee.page)).toMatch(/^Meeting on /);
    expect(await mentee.page.locator('.govuk-summary-list').textContent()).toContain(notes);
    await mentee.navigate(() => mentee.page.getByRole('button', { name: 'Confirm this meeting happened' }).click());
    expect(await mentee.page.locator('.govuk-notification-banner').textContent()).toContain('Meeting confirmed');
    expect(await mentee.page.getByRole('button', { name: 'Confirm this meeting happened' }).count()).toBe(0);
    mentee.finish();

    const after = await h.db.selectFrom('mentoring_meetings').select('status').where('id', '=', meeting.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('confirmed');
  });
});
