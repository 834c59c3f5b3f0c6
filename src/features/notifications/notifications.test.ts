import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine, TEST_ORIGIN, type TestContext } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { makeCohort, makeProgramme } from '../../../test/support/programme-world';
import { DAY } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import { sendAwaitedEndorsementReminders } from '../cohorts/endorsements.service';
import { sendRoundClosingReminders } from '../cohorts/reminders.service';
import { features } from '../index';
import type { NotificationKind } from './notify';

const NOTIFICATION_KINDS = features.notificationKinds;
const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];
import { notify } from './notify';
import { item } from '../../../test/support/present';

const START = '2026-11-24T10:00:00.000Z';

async function clientFor(ctx: TestContext, person: { email: string }): Promise<TestClient> {
  const client = ctx.client({ address: `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  await signIn(client, person.email);
  return client;
}

async function tell(ctx: TestContext, person: TestPerson, kind: NotificationKind, subject: string, link = '/my-programme') {
  await ctx.db
    .transaction()
    .execute((trx) =>
      notify(trx, ctx.clock, { personId: person.id, kind, subject, paragraphs: [`About ${subject}.`, 'A second paragraph.'], link, linkText: 'See it:' }),
    );
  await ctx.deliverMail();
  return ctx.db.selectFrom('notifications').selectAll().where('person_id', '=', person.id).where('subject', '=', subject).executeTakeFirstOrThrow();
}

const mailTo = (ctx: TestContext, person: TestPerson) => ctx.mailer.sent.filter((m) => m.to === person.email);

/** The settings form with these kinds ticked (repeated `email` fields, as a browser sends checkboxes). */
function ticked(kinds: NotificationKind[]): URLSearchParams {
  const body = new URLSearchParams();
  for (const kind of kinds) body.append('email', kind);
  return body;
}

const switchable = NOTIFICATION_KIND_NAMES.filter((kind) => !NOTIFICATION_KINDS[kind]?.mustAct);

describeEachEngine('notifications', (ctx) => {
  let world: World;

  beforeEach(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
  });

  it('a person sees their unread count and can mark a notification read', async () => {
    const first = await tell(ctx(), world.report, 'enrolment_update', 'Your place on Towards Middle Leadership is active again', '/my-programme');
    ctx().clock.advance(90 * 60_000);
    await tell(ctx(), world.report, 'recommendation', 'Lena recommended you for Leadership Pathways', '/programmes');
    expect(mailTo(ctx(), world.report).map((m) => m.subject)).toEqual([
      'Your place on Towards Middle Leadership is active again',
      'Lena recommended you for Leadership Pathways',
    ]);
    expect(item(mailTo(ctx(), world.report), 0).text).toContain(`See it:\n\n${TEST_ORIGIN}/my-programme`);
    expect(item(mailTo(ctx(), world.report), 0).text).toContain(`${TEST_ORIGIN}/notifications/settings`);

    const report = await clientFor(ctx(), world.report);
    const home = await report.get('/');
    expect(home.text).toContain('Notifications <span class="govuk-visually-hidden">(2 unread)</span><span aria-hidden="true">(2)</span>');

    const inbox = visibleText((await report.get('/notifications')).text);
    expect(inbox).toContain('You have 2 unread notifications');
    // Newest first, each with when (in London), its body and a way to open it.
    expect(inbox.indexOf('Lena recommended you')).toBeLessThan(inbox.indexOf('is active again'));
    expect(inbox).toContain('Unread Your place on Towards Middle Leadership is active again 24 November 2026 at 10:00am About Your place');
    expect(inbox).toContain('24 November 2026 at 11:30am');
    expect(inbox).toContain('Open : Your place on Towards Middle Leadership is active again');

    const opened = await report.post(`/notifications/${first.id}/read`);
    expect(opened.status).toBe(303);
    expect(opened.location).toBe('/my-programme');
    expect((await report.get('/')).text).toContain('<span class="govuk-visually-hidden">(1 unread)</span><span aria-hidden="true">(1)</span>');
    const after = visibleText((await report.get('/notifications')).text);
    expect(after).toContain('You have 1 unread notification.');
    expect(after).not.toContain('Unread Your place on');

    // Opening it again still goes there, and changes nothing.
    expect((await report.post(`/notifications/${first.id}/read`)).location).toBe('/my-programme');

    const all = await report.post('/notifications/read-all');
    expect(all.location).toBe('/notifications?done=all-read');
    const read = visibleText((await report.get(all.location ?? '')).text);
    expect(read).toContain('All your notifications are marked as read');
    expect(read).toContain('You have read all your notifications.');
    expect(read).not.toContain('Mark all as read');
    const header = visibleText((await report.get('/account')).text);
    expect(header).toContain('Notifications Your account');
    expect(header).not.toMatch(/Notifications \(\d/);
  });

  it('the inbox pages twenty at a time by keyset, newest first', async () => {
    await ctx()
      .db.transaction()
      .execute(async (trx) => {
        for (let i = 1; i <= 23; i++) {
          ctx().clock.advance(60_000);
          await notify(trx, ctx().clock, {
            personId: world.staff.id,
            kind: 'feedback_update',
            subject: `Feedback update number ${i}`,
            paragraphs: ['Another answer came in.'],
          });
        }
      });
    await ctx().deliverMail();
    const staff = await clientFor(ctx(), world.staff);
    const firstPage = await staff.get('/notifications');
    const first = visibleText(firstPage.text);
    expect(first).toContain('Feedback update number 23');
    expect(first).toContain('Feedback update number 4 ');
    expect(first).not.toContain('Feedback update number 3 ');
    expect(first).toContain('Showing 1 to 20 of 23 notifications');
    const nextHref = firstPage.text.match(/href="(\/notifications\?after=[^"]+)"/)?.[1];
    expect(nextHref).toBeDefined();
    const second = await staff.get(nextHref ?? '');
    expect(visibleText(second.text)).toContain('Feedback update number 3 ');
    expect(visibleText(second.text)).not.toContain('Feedback update number 4 ');
    expect(visibleText(second.text)).toContain('Notifications (21 to 23 of 23)');
    expect(visibleText(second.text)).toContain('Showing 21 to 23 of 23 notifications');
    // Previous from the second page is the plain address (the first page).
    expect(second.text).toContain('href="/notifications"');
    expect(second.text).not.toContain('?after=');
    // An unknown, someone else's or malformed cursor shows the first page, never an error.
    const others = await ctx().db.selectFrom('notifications').select('id').where('person_id', '!=', world.staff.id).execute();
    for (const bad of ['abc', newId(), ...others.slice(0, 1).map((o) => o.id), 'x'.repeat(500), "'; drop table notifications; --"]) {
      for (const which of ['after', 'before']) {
        const page = await staff.get(`/notifications?${which}=${encodeURIComponent(bad)}`);
        expect(page.status).toBe(200);
        expect(visibleText(page.text)).toContain('Showing 1 to 20 of 23 notifications');
      }
    }
    // The old `?page=` address still works: it shows the first page.
    expect(visibleText((await staff.get('/notifications?page=2')).text)).toContain('Showing 1 to 20 of 23 notifications');
  });

  it('a page boundary inside notifications made at the same moment neither skips nor repeats any', async () => {
    // 45 notifications all made in the same instant: the id alone orders them.
    await ctx()
      .db.transaction()
      .execute(async (trx) => {
        for (let i = 1; i <= 45; i++)
          await notify(trx, ctx().clock, { personId: world.staff.id, kind: 'feedback_update', subject: `Same moment ${i}.`, paragraphs: ['At once.'] });
      });
    await ctx().deliverMail();
    const staff = await clientFor(ctx(), world.staff);
    // Each notification's subject is its heading (and again, hidden, in its button): once each.
    const subjects = (html: string) => [...new Set([...visibleText(html).matchAll(/Same moment (\d+)\./g)].map((m) => m[1] ?? ''))];
    const seen: string[][] = [];
    const hrefs: string[] = [];
    let href: string | undefined = '/notifications';
    while (href) {
      hrefs.push(href);
      const page = await staff.get(href);
      expect(page.status).toBe(200);
      seen.push(subjects(page.text));
      href = page.text.match(/href="(\/notifications\?after=[^"]+)"/)?.[1]?.replaceAll('&amp;', '&');
    }
    expect(seen.map((s) => s.length)).toEqual([20, 20, 5]);
    const all = seen.flat();
    expect(new Set(all).size).toBe(45);
    // Back from the last page by "Previous" gives the middle page again, the same notifications in the same order.
    const last = await staff.get(hrefs[2] ?? '');
    const previousHref = last.text.match(/href="(\/notifications\?before=[^"]+)"/)?.[1];
    expect(previousHref).toBeDefined();
    const middle = await staff.get(previousHref ?? '');
    expect(subjects(middle.text)).toEqual(seen[1]);
    expect(visibleText(middle.text)).toContain('Showing 21 to 40 of 45 notifications');
  });

  it('someone else’s notification is not found', async () => {
    const note = await tell(ctx(), world.report, 'application_update', 'You have a place on Towards Middle Leadership (Cohort 2)');
    for (const person of [world.staff, world.lineManager, world.orgAdmin]) {
      const other = await clientFor(ctx(), person);
      expect((await other.post(`/notifications/${note.id}/read`)).status).toBe(404);
      expect(visibleText((await other.get('/notifications')).text)).not.toContain('You have a place');
    }
    const anonymous = ctx().client();
    expect((await anonymous.post(`/notifications/${note.id}/read`)).location).toMatch(/^\/sign-in/);
    expect((await ctx().db.selectFrom('notifications').select('read_at').where('id', '=', note.id).executeTakeFirstOrThrow()).read_at).toBeNull();
    const report = await clientFor(ctx(), world.report);
    expect((await report.post(`/notifications/${newId()}/read`)).status).toBe(404);
  });

  it('the unread count is in the header of every page, “Your calendar” included', async () => {
    await tell(ctx(), world.report, 'recommendation', 'Lena recommended you for Leadership Pathways', '/programmes');
    const report = await clientFor(ctx(), world.report);
    const unread = '<span class="govuk-visually-hidden">(1 unread)</span><span aria-hidden="true">(1)</span>';
    for (const path of ['/', '/sessions', '/calendar']) expect((await report.get(path)).text, path).toContain(unread);
    // A form shown again with its errors keeps the count too.
    const withErrors = await report.post('/feedback', {});
    expect(withErrors.status).toBe(400);
    expect(withErrors.text).toContain(unread);
  });

  it('switching off session reminders stops the email but not the inbox entry', async () => {
    const staff = await clientFor(ctx(), world.staff);
    const page = await staff.get('/notifications/settings');
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="session_reminder" checked');
    // Each email's explanation follows its name as a sentence of its own, not a capitalised aside in brackets.
    expect(visibleText(page.text)).toContain('Requests to endorse or support an application Including reminders while an answer is awaited.');
    expect(page.text).not.toContain('(Including');
    const saved = await staff.post('/notifications/settings', ticked(switchable.filter((kind) => kind !== 'session_reminder')));
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/notifications/settings?done=saved');
    const after = await staff.get(saved.location ?? '');
    expect(visibleText(after.text)).toContain('Your email choices are saved');
    expect(after.text).toContain('value="session_reminder"');
    expect(after.text).not.toContain('value="session_reminder" checked');
    expect(await ctx().db.selectFrom('notification_preferences').select(['kind', 'email']).where('person_id', '=', world.staff.id).execute()).toEqual([
      { kind: 'session_reminder', email: 0 },
    ]);

    const reminder = await tell(ctx(), world.staff, 'session_reminder', 'Tomorrow: Leading a team, 4:30pm');
    expect(mailTo(ctx(), world.staff)).toEqual([]);
    expect(reminder.emailed).toBe(0);
    expect(visibleText((await staff.get('/notifications')).text)).toContain('Tomorrow: Leading a team, 4:30pm');
    // Other kinds still email.
    await tell(ctx(), world.staff, 'recommendation', 'Olu recommended you for Leadership Pathways');
    expect(mailTo(ctx(), world.staff).map((m) => m.subject)).toEqual(['Olu recommended you for Leadership Pathways']);

    // Switched back on: the row goes and the email comes back.
    expect((await staff.post('/notifications/settings', ticked(switchable))).status).toBe(303);
    expect(await ctx().db.selectFrom('notification_preferences').selectAll().where('person_id', '=', world.staff.id).execute()).toEqual([]);
    await tell(ctx(), world.staff, 'session_reminder', 'Tomorrow: Managing change, 4:30pm');
    expect(mailTo(ctx(), world.staff).map((m) => m.subject)).toContain('Tomorrow: Managing change, 4:30pm');
  });

  it('a must-act kind cannot be switched off', async () => {
    const manager = await clientFor(ctx(), world.lineManager);
    const page = await manager.get('/notifications/settings');
    const text = visibleText(page.text);
    expect(text).toContain('Emails you always get');
    expect(text).toContain('They cannot be switched off');
    expect(text).toContain(NOTIFICATION_KINDS.endorsement_request?.label);
    for (const kind of NOTIFICATION_KIND_NAMES) {
      expect(page.text.includes(`value="${kind}"`), kind).toBe(!NOTIFICATION_KINDS[kind]?.mustAct);
    }
    // Unticking everything switches off only the kinds that may be switched off; posting a must-act kind is ignored.
    expect((await manager.post('/notifications/settings', ticked([]))).status).toBe(303);
    expect((await manager.post('/notifications/settings', ticked(['endorsement_request']))).status).toBe(303);
    const stored = await ctx().db.selectFrom('notification_preferences').select('kind').where('person_id', '=', world.lineManager.id).execute();
    expect(stored.map((r) => r.kind).sort()).toEqual([...switchable].sort());
    await tell(ctx(), world.lineManager, 'endorsement_request', 'Ravi has asked for your support: Towards Middle Leadership', '/endorsements');
    await tell(ctx(), world.lineManager, 'round_closing', 'Applications for Towards Middle Leadership (Cohort 2) close soon');
    expect(mailTo(ctx(), world.lineManager).map((m) => m.subject)).toEqual(['Ravi has asked for your support: Towards Middle Leadership']);
  });

  it('bad settings input changes nothing', async () => {
    const staff = await clientFor(ctx(), world.staff);
    expect((await staff.post('/notifications/settings', ticked(switchable.filter((kind) => kind !== 'feedback_update')))).status).toBe(303);
    const before = await ctx().db.selectFrom('notification_preferences').selectAll().where('person_id', '=', world.staff.id).execute();
    const body = ticked(['recommendation']);
    body.append('email', 'everything');
    const bad = await staff.post('/notifications/settings', body);
    expect(bad.status).toBe(400);
    const text = visibleText(bad.text);
    expect(text).toContain('There is a problem Select emails from the list');
    expect(bad.text).toContain('href="#email"');
    // The form keeps what was ticked.
    expect(bad.text).toContain('value="recommendation" checked');
    expect(await ctx().db.selectFrom('notification_preferences').selectAll().where('person_id', '=', world.staff.id).execute()).toEqual(before);
  });

  it('the round-closing and awaited-endorsement sweeps send once even when run twice', async () => {
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id, title: 'Towards Middle Leadership' });
    // Closes on 27 November: 3 days from 24 November (London).
    const closing = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      name: 'Cohort 5',
      opensOn: '2026-11-01',
      closesOn: '2026-11-27',
    });
    await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      name: 'Cohort 6',
      opensOn: '2026-11-01',
      closesOn: '2026-12-20',
    });
    const at = ctx().clock.now().toISOString();
    const draftId = newId();
    await ctx()
      .db.insertInto('applications')
      .values({
        id: draftId,
        organisation_id: world.organisation.id,
        cohort_id: closing.id,
        person_id: world.report.id,
        school_id: world.schoolA.id,
        status: 'draft',
        live_slot: 'live',
        current_role: null,
        experience: null,
        motivation: null,
        declarations: '[]',
        coach_person_id: null,
        coach_name: null,
        coach_email: null,
        project_idea: null,
        eligible: null,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: null,
        submitted_at: null,
        decided_at: null,
        waitlisted_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const recommended = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Rhea' });
    for (const [person, by] of [
      [recommended, world.lineManager],
      [recommended, world.orgAdmin],
      [world.report, world.lineManager],
    ] as const) {
      await ctx()
        .db.insertInto('recommendations')
        .values({
          id: newId(),
          organisation_id: world.organisation.id,
          programme_id: programme.id,
          person_id: person.id,
          recommended_by: by.id,
          note: '',
          created_at: at,
        })
        .execute();
    }

    ctx().clock.set('2026-11-23T12:00:00.000Z'); // 4 days before: too early
    expect(await sendRoundClosingReminders(ctx().db, ctx().clock)).toBe(0);
    ctx().clock.set('2026-11-24T00:30:00.000Z'); // just after midnight in London
    expect(await sendRoundClosingReminders(ctx().db, ctx().clock)).toBe(2);
    expect(await sendRoundClosingReminders(ctx().db, ctx().clock)).toBe(0);
    ctx().clock.set('2026-11-25T09:00:00.000Z');
    expect(await sendRoundClosingReminders(ctx().db, ctx().clock)).toBe(0);
    await ctx().deliverMail();
    const toDraft = mailTo(ctx(), world.report);
    expect(toDraft.map((m) => m.subject)).toEqual([`Applications for Towards Middle Leadership (Cohort 5) close at the end of 27 November 2026`]);
    expect(item(toDraft, 0).text).toContain(`${TEST_ORIGIN}/applications/${draftId}`);
    const toRecommended = mailTo(ctx(), recommended);
    expect(toRecommended).toHaveLength(1);
    expect(item(toRecommended, 0).text).toContain(
      `${world.lineManager.givenName} ${world.lineManager.familyName} and ${world.orgAdmin.givenName} ${world.orgAdmin.familyName} recommended you for Towards Middle Leadership`,
    );
    expect(item(toRecommended, 0).text).toContain(`${TEST_ORIGIN}/programmes/${programme.id}`);
    const inbox = await ctx()
      .db.selectFrom('notifications')
      .select(['person_id', 'kind'])
      .where('person_id', 'in', [world.report.id, recommended.id])
      .execute();
    expect(inbox).toHaveLength(2);

    // An endorsement asked for on 24 November and still unanswered five days later.
    const applicationId = newId();
    await ctx()
      .db.insertInto('applications')
      .values({
        id: applicationId,
        organisation_id: world.organisation.id,
        cohort_id: closing.id,
        person_id: world.staff.id,
        school_id: world.schoolA.id,
        status: 'awaiting_endorsement',
        live_slot: 'live',
        current_role: 'Teacher',
        experience: 'Some.',
        motivation: 'Keen.',
        declarations: '[]',
        coach_person_id: null,
        coach_name: null,
        coach_email: null,
        project_idea: null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: null,
        submitted_at: START,
        decided_at: null,
        waitlisted_at: null,
        created_at: START,
        updated_at: START,
      })
      .execute();
    const endorsementId = newId();
    await ctx()
      .db.insertInto('endorsements')
      .values({
        id: endorsementId,
        application_id: applicationId,
        kind: 'line_manager',
        endorser_id: world.lineManager.id,
        school_id: world.schoolA.id,
        status: 'requested',
        comment: null,
        answered_by: null,
        requested_at: START,
        due_on: '2026-12-31',
        reminded_at: null,
        answered_at: null,
        created_at: START,
      })
      .execute();
    ctx().clock.set(new Date(Date.parse(START) + 5 * DAY - 60_000));
    expect(await sendAwaitedEndorsementReminders(ctx().db, ctx().clock)).toBe(0);
    ctx().clock.set(new Date(Date.parse(START) + 5 * DAY));
    expect(await sendAwaitedEndorsementReminders(ctx().db, ctx().clock)).toBe(1);
    expect(await sendAwaitedEndorsementReminders(ctx().db, ctx().clock)).toBe(0);
    ctx().clock.advance(DAY);
    expect(await sendAwaitedEndorsementReminders(ctx().db, ctx().clock)).toBe(0);
    await ctx().deliverMail();
    const reminders = mailTo(ctx(), world.lineManager);
    expect(reminders).toHaveLength(1);
    expect(item(reminders, 0).subject).toBe(`Reminder: Sian ${world.staff.familyName} is waiting for your answer about Towards Middle Leadership`);
    expect(item(reminders, 0).text).toContain('5 days ago, and is still waiting');
    expect(item(reminders, 0).text).toContain(`${TEST_ORIGIN}/endorsements/${endorsementId}`);
    expect(await ctx().db.selectFrom('notifications').select('kind').where('person_id', '=', world.lineManager.id).execute()).toEqual([
      { kind: 'endorsement_request' },
    ]);
  });
});
