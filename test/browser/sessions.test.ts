import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary } from './support/journey';
import { heading, pathOf, sessionRunningNow, signInWithPassword } from './support/pages';
import { item, part } from '../support/present';

describeInBrowser('sessions, the register and checking in, in a browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  it('a lead creates a session, a participant sees it, checks in with the code, and the facilitator takes the register on a phone', async () => {
    const leadEmail = item(h.signIns, 4).email;
    const facilitatorEmail = item(h.signIns, 2).email; // the head of English at Riverside Academy
    const cohort = await h.db
      .selectFrom('cohorts')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select('cohorts.id')
      .where('programmes.title', '=', 'Towards Middle Leadership')
      .where('cohorts.name', '=', 'Cohort 7')
      .executeTakeFirstOrThrow();
    const participants = await h.db
      .selectFrom('enrolments')
      .innerJoin('people', 'people.id', 'enrolments.person_id')
      .select(['people.email', 'people.given_name', 'people.family_name'])
      .where('enrolments.cohort_id', '=', cohort.id)
      .where('enrolments.status', '=', 'active')
      .where('people.email_normalised', '!=', facilitatorEmail)
      .orderBy('people.family_name')
      .limit(2)
      .execute();
    expect(participants.length).toBe(2);
    const checksIn = item(participants, 0, 'the participant who checks in');
    const away = item(participants, 1, 'the participant who is away');
    const facilitator = await h.db.selectFrom('people').select('id').where('email_normalised', '=', facilitatorEmail).executeTakeFirstOrThrow();

    // The session is running now: it started five minutes ago (UK time) and lasts an hour and a half.
    const running = sessionRunningNow();
    const year = part(running.date, '-', 0, 'year');
    const month = part(running.date, '-', 1, 'month');
    const day = part(running.date, '-', 2, 'day');
    const title = 'Session 6: Holding difficult conversations';

    // The programme lead creates it for Cohort 7, with the head of English facilitating.
    const lead = await h.journey({ name: 'the lead creates a session' });
    await signInWithPassword(lead, leadEmail, DEMO_PASSWORD);
    await lead.goto(`/cohorts/${cohort.id}/sessions/new`);
    await lead.page.getByLabel('Title', { exact: true }).fill(title);
    await lead.page.getByLabel('Day').fill(String(Number(day)));
    await lead.page.getByLabel('Month').fill(String(Number(month)));
    await lead.page.getByLabel('Year').fill(year);
    await lead.page.getByLabel('Start time').fill(running.start);
    await lead.page.getByLabel('End time').fill(running.end);
    await lead.page.getByRole('radio', { name: 'In person' }).check();
    await lead.page.getByLabel('Venue (if in person)').fill('Riverside Academy, Library');
    // The facilitator is found by searching staff: the form comes back as typed, with the people found.
    const found = await h.db.selectFrom('people').select(['given_name', 'family_name']).where('id', '=', facilitator.id).executeTakeFirstOrThrow();
    await lead.page.getByLabel('Find staff by name, email address, job title or school').fill(found.family_name);
    await lead.navigate(() => lead.page.getByRole('button', { name: 'Search staff' }).click());
    expect(await lead.page.getByLabel('Title', { exact: true }).inputValue()).toBe(title);
    await lead.page.getByRole('checkbox', { name: `${found.given_name} ${found.family_name}`, exact: true }).check();
    await lead.navigate(() => lead.page.getByRole('button', { name: 'Create session' }).click());
    expect(await heading(lead.page)).toContain(title);
    const sessionPath = part(pathOf(lead.page), '?', 0);
    expect(sessionPath).toMatch(/^\/sessions\/[0-9a-f-]{36}$/);
    lead.finish();

    // A participant sees it among their sessions.
    const participant = await h.journey({ name: 'a participant checks in' });
    await signInWithPassword(participant, checksIn.email, DEMO_PASSWORD);
    await participant.goto('/sessions');
    await participant.navigate(() => participant.page.getByRole('link', { name: title }).first().click());
    expect(await heading(participant.page)).toContain(title);

    // The facilitator, on a phone without JavaScript, puts the check-in code up.
    const phone = await h.journey({ javaScript: false, name: 'the facilitator, on a phone' });
    await phone.page.setViewportSize({ width: 360, height: 740 });
    // The code page reloads itself (a Refresh header) when the code changes; that is tested over HTTP.
    // Here the phone sits on it while the participant checks in, and a reload nobody asked for would
    // be a page the journey never audited, so this one browser ignores the header.
    await phone.page.route('**/check-in-code*', async (route) => {
      const response = await route.fetch();
      const { refresh: _ignored, ...headers } = response.headers();
      await route.fulfill({ response, headers });
    });
    await signInWithPassword(phone, facilitatorEmail, DEMO_PASSWORD);
    await phone.goto(sessionPath);
    await phone.navigate(() => phone.page.getByRole('button', { name: 'Show the check-in code' }).click());
    expect(await heading(phone.page)).toBe('Check-in code');
    const shown = ((await phone.page.locator('#check-in-code').textContent()) ?? '').replace(/\D/g, '');
    expect(shown).toMatch(/^\d{6}$/);
    expect(await phone.page.getByRole('img', { name: /QR code/ }).count()).toBe(1);
    expect(await phone.page.getByRole('link', { name: 'Stop the page updating itself' }).count()).toBe(1);

    // The participant types it in.
    await participant.navigate(() => participant.page.getByRole('link', { name: 'Check in' }).click());
    await participant.page.getByLabel('Code on the facilitator’s screen').fill(shown);
    await participant.navigate(() => participant.page.getByRole('button', { name: 'Check in' }).click());
    expect(await participant.page.locator('.govuk-panel__title').textContent()).toContain('You’re checked in');

    // They add their sessions to their own calendar: the feed has this session in it.
    await participant.goto('/calendar');
    await participant.navigate(() => participant.page.getByRole('button', { name: 'Create my calendar address' }).click());
    const feedUrl = await participant.page.getByLabel('Your calendar address').inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await participant.context.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain(`UID:${part(sessionPath, '/', 2, 'session id')}@`);
    participant.finish();

    // The facilitator takes the register: one absent with a reason, then everyone else present.
    await phone.navigate(() => phone.page.getByRole('link', { name: 'Take the register' }).click());
    expect(await heading(phone.page)).toBe('Register');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const checkedInGroup = phone.page.getByRole('group', { name: `${checksIn.given_name} ${checksIn.family_name}` });
    expect(await checkedInGroup.textContent()).toContain('Checked in at');
    const awayName = `${away.given_name} ${away.family_name}`;
    await phone.page.getByRole('group', { name: awayName }).getByLabel('Absent with reason').check();
    // First without the reason: the register says what's missing and keeps nothing.
    await phone.navigate(() => phone.page.getByRole('button', { name: 'Save the register' }).click());
    expect(await phone.page.title()).toMatch(/^Error: /);
    expect(await phone.page.locator('.govuk-error-summary').textContent()).toContain(`Enter why ${awayName} was absent`);
    await phone.page.getByLabel(`Reason ${awayName} was absent`).fill('Covering a Year 11 mock exam');
    await phone.navigate(() => phone.page.getByRole('button', { name: 'Save the register' }).click());
    expect(await phone.page.locator('.govuk-notification-banner').textContent()).toContain('The register is saved');
    await phone.navigate(() => phone.page.getByRole('button', { name: /as present$/ }).click());
    expect(await phone.page.locator('.govuk-notification-banner').textContent()).toContain('marked present');
    expect(await phone.page.locator('main').textContent()).toContain('0 not marked yet');
    expect(await phone.page.getByRole('group', { name: awayName }).getByLabel('Absent with reason').isChecked()).toBe(true);
    phone.finish();
  });
});
