import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { type BuiltCohort, buildCohort, buildOrganisation } from '../../../test/support/build';
import { makePerson, signIn } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { item } from '../../../test/support/present';
import { newId } from '../../platform/db/ids';
import { tastersModule } from './module';

function linkIn(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return item(match, 1, 'the link');
}
const CONFIRM = /http:\/\/localhost(\/taster-sign-ups\/[A-Za-z0-9_-]+)\n/;

describeEachEngine('public taster sessions', (ctx) => {
  let cohort: BuiltCohort;
  let lead: TestClient;
  let tasterId: string;
  let address = 0;
  const visitor = () => ctx().client({ address: `10.33.${Math.floor(address / 200)}.${(address++ % 200) + 1}` });

  async function insertEvent(title: string, startsAt: string, organisationId = cohort.organisation.id) {
    const id = newId();
    await ctx()
      .db.insertInto('sessions_events')
      .values({
        id,
        organisation_id: organisationId,
        cohort_id: null,
        kind: 'taster',
        title,
        description: 'Find out what Leadership Pathways involves.',
        skill_ids: '[]',
        starts_at: startsAt,
        ends_at: new Date(new Date(startsAt).getTime() + 3_600_000).toISOString(),
        mode: 'in_person',
        venue: 'Riverside Academy, Hall',
        online_url: null,
        capacity: null,
        status: 'scheduled',
        cancel_reason: null,
        cancelled_at: null,
        sequence: 0,
        check_in_secret: 'c'.repeat(64),
        created_by: null,
        created_at: '2026-11-01T09:00:00.000Z',
        updated_at: '2026-11-01T09:00:00.000Z',
      })
      .execute();
    return id;
  }

  beforeAll(async () => {
    cohort = await buildCohort(ctx().db);
    tasterId = await insertEvent('Leadership Pathways taster', '2026-12-03T16:00:00.000Z');
    lead = ctx().client({ address: '10.33.250.1' });
    await signIn(lead, cohort.lead.email);
    expect(visibleText((await visitor().get('/tasters')).text)).not.toContain('Leadership Pathways taster');
    expect((await visitor().get(`/tasters/${tasterId}`)).status).toBe(404);
    const bad = await lead.post(`/sessions/${tasterId}/public-taster`, {});
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Select whether anyone may sign up for this session');
    const saved = await lead.post(`/sessions/${tasterId}/public-taster`, { public: 'yes' });
    expect(saved.status).toBe(303);
    expect(visibleText((await lead.get(saved.location ?? '')).text)).toContain('Anyone may now sign up for this session');
  });

  it('anyone signs up without an account, confirms by the emailed link and gets the calendar file; the lead sees them', async () => {
    const client = visitor();
    const list = visibleText((await client.get('/tasters')).text);
    expect(list).toContain('Leadership Pathways taster');
    expect(list).toContain(`Run by ${cohort.organisation.name}`);

    const empty = await client.post(`/tasters/${tasterId}`, { name: '', email: 'not-an-email' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Enter your name');
    expect(visibleText(empty.text)).toContain('Enter an email address in the correct format');

    const page = await client.post(`/tasters/${tasterId}`, { name: 'Dan Okoro', email: 'd.okoro@hillside.example.sch.uk' });
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Check your email We have sent an email about Leadership Pathways taster to d.okoro@hillside.example.sch.uk');
    await ctx().deliverMail();
    const mail = ctx().mailer.sent.at(-1);
    expect(mail?.to).toBe('d.okoro@hillside.example.sch.uk');
    expect(mail?.subject).toBe('Confirm your place: Leadership Pathways taster');
    const link = linkIn(mail?.text ?? '', CONFIRM);

    const before = await ctx()
      .db.selectFrom('taster_sign_ups')
      .select('status')
      .where('email_normalised', '=', 'd.okoro@hillside.example.sch.uk')
      .executeTakeFirstOrThrow();
    expect(before.status).toBe('pending');
    // Opening the link changes nothing: the button does.
    expect(visibleText((await client.get(link)).text)).toContain('Confirm your place');
    expect((await client.post(link)).status).toBe(303);
    const confirmed = visibleText((await client.get(link)).text);
    expect(confirmed).toContain('Your place is confirmed');
    await ctx().deliverMail();
    const confirmation = ctx().mailer.sent.at(-1);
    expect(confirmation?.subject).toBe('Your place is confirmed: Leadership Pathways taster');
    expect(confirmation?.text).toContain(`${link}/calendar.ics`);
    const ics = await client.get(`${link}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toContain('SUMMARY:Leadership Pathways taster');

    const settings = visibleText((await lead.get(`/sessions/${tasterId}/public-taster`)).text);
    expect(settings).toContain('1 confirmed, 0 on the waiting list, 0 waiting to confirm, 0 cancelled');
    expect(settings).toContain('Dan Okoro d.okoro@hillside.example.sch.uk');
    const csv = await lead.get(`/sessions/${tasterId}/public-taster/sign-ups.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Dan Okoro,d.okoro@hillside.example.sch.uk');
    // Another organisation's lead sees nothing of it.
    const other = await makePerson(ctx().db, { organisationId: (await buildOrganisation(ctx().db)).id, roles: [{ role: 'programme_lead' }] });
    const otherLead = visitor();
    await signIn(otherLead, other.email);
    expect((await otherLead.get(`/sessions/${tasterId}/public-taster`)).status).toBe(404);
    expect((await otherLead.get(`/sessions/${tasterId}/public-taster/sign-ups.csv`)).status).toBe(404);
  });

  it('signing up again with a confirmed address shows the same page and emails the place again, not a second sign-up', async () => {
    const email = 'twice@example.sch.uk';
    const first = await visitor().post(`/tasters/${tasterId}`, { name: 'Tess Twice', email });
    await ctx().deliverMail();
    const link = linkIn(ctx().mailer.sent.at(-1)?.text ?? '', CONFIRM);
    await visitor().post(link);
    const again = await visitor().post(`/tasters/${tasterId}`, { name: 'Tess Twice', email: 'TWICE@example.sch.uk' });
    expect(visibleText(again.text).replace(/TWICE/g, 'twice')).toBe(visibleText(first.text));
    await ctx().deliverMail();
    const mail = ctx().mailer.sent.at(-1);
    expect(mail?.subject).toBe('You already have a place: Leadership Pathways taster');
    expect(await ctx().db.selectFrom('taster_sign_ups').select('id').where('email_normalised', '=', email).execute()).toHaveLength(1);
    // The new email's calendar link works; the old link was replaced.
    const fresh = linkIn(mail?.text ?? '', /http:\/\/localhost(\/taster-sign-ups\/[A-Za-z0-9_-]+)\/calendar\.ics/);
    expect((await visitor().get(`${fresh}/calendar.ics`)).status).toBe(200);
    expect((await visitor().get(link)).status).toBe(404);
  });

  it('a confirmation link stops working after two days, and an unknown one says so', async () => {
    await visitor().post(`/tasters/${tasterId}`, { name: 'Late Larry', email: 'late@example.sch.uk' });
    await ctx().deliverMail();
    const link = linkIn(ctx().mailer.sent.at(-1)?.text ?? '', CONFIRM);
    ctx().clock.advance(3 * 86_400_000);
    try {
      const page = await visitor().get(link);
      expect(page.status).toBe(404);
      expect(visibleText(page.text)).toContain('This link has expired');
      expect((await visitor().post(link)).status).toBe(404);
    } finally {
      ctx().clock.advance(-3 * 86_400_000);
    }
    expect((await visitor().get('/taster-sign-ups/nothing-here')).status).toBe(404);
  });

  it('too many sign-ups from one network are refused for a while', async () => {
    const flooder = ctx().client({ address: '10.33.251.9' });
    let last = 0;
    for (let i = 0; i < 45 && last !== 429; i++) last = (await flooder.post(`/tasters/${tasterId}`, { name: 'Flood', email: `flood${i}@example.org` })).status;
    expect(last).toBe(429);
  });

  it('past, cancelled and private sessions are not listed, and the lead can close a taster again', async () => {
    const past = await insertEvent('Old taster', '2026-11-01T16:00:00.000Z');
    await ctx()
      .db.insertInto('public_tasters')
      .values({ session_id: past, organisation_id: cohort.organisation.id, made_public_by: null, made_public_at: '2026-10-01T00:00:00.000Z' })
      .execute();
    expect(visibleText((await visitor().get('/tasters')).text)).not.toContain('Old taster');
    expect((await visitor().get(`/tasters/${past}`)).status).toBe(404);
    const closing = await insertEvent('Closing taster', '2026-12-20T16:00:00.000Z');
    expect((await lead.post(`/sessions/${closing}/public-taster`, { public: 'yes' })).status).toBe(303);
    expect(visibleText((await visitor().get('/tasters')).text)).toContain('Closing taster');
    expect((await lead.post(`/sessions/${closing}/public-taster`, { public: 'no' })).status).toBe(303);
    expect(visibleText((await visitor().get('/tasters')).text)).not.toContain('Closing taster');
  });

  /** Signs someone up and confirms by the emailed link; returns their link and the last email they got. */
  async function signUpAndConfirm(sessionId: string, name: string, email: string) {
    const client = visitor();
    expect((await client.post(`/tasters/${sessionId}`, { name, email })).status).toBe(200);
    await ctx().deliverMail();
    const link = linkIn(
      ctx()
        .mailer.sent.filter((m) => m.to === email)
        .at(-1)?.text ?? '',
      CONFIRM,
    );
    expect((await client.post(link)).status).toBe(303);
    await ctx().deliverMail();
    return {
      client,
      link,
      mail: ctx()
        .mailer.sent.filter((m) => m.to === email)
        .at(-1),
    };
  }
  const CANCEL = /http:\/\/localhost(\/taster-sign-ups\/[A-Za-z0-9_-]+\/cancel)\n/;

  it('places are limited and shown; a full taster offers its waiting list; a cancelled place goes to the first person waiting, by email', async () => {
    const small = await insertEvent('Small taster', '2026-12-22T16:00:00.000Z');
    const bad = await lead.post(`/sessions/${small}/public-taster`, { public: 'yes', places: 'twenty' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('There is a problem Number of places must be a whole number, like 20');
    expect((await ctx().db.selectFrom('public_tasters').select('session_id').where('session_id', '=', small).execute()).length).toBe(0);
    expect((await lead.post(`/sessions/${small}/public-taster`, { public: 'yes', places: '2' })).status).toBe(303);
    expect(visibleText((await visitor().get('/tasters')).text)).toContain('2 of 2 places left');

    const ana = await signUpAndConfirm(small, 'Ana First', 'ana@example.sch.uk');
    expect(ana.mail?.subject).toBe('Your place is confirmed: Small taster');
    const cancelLink = linkIn(ana.mail?.text ?? '', CANCEL);
    expect(cancelLink).toBe(`${ana.link}/cancel`);
    expect(visibleText((await visitor().get(`/tasters/${small}`)).text)).toContain('Places 1 of 2 places left');
    await signUpAndConfirm(small, 'Ben Second', 'ben@example.sch.uk');

    // Full: the page offers the waiting list, and confirming joins it in order.
    const list = visibleText((await visitor().get('/tasters')).text);
    expect(list).toContain('Full (2 places): you can join the waiting list');
    expect(list).toContain('Join the waiting list for Small taster');
    const page = visibleText((await visitor().get(`/tasters/${small}`)).text);
    expect(page).toContain('This taster is full. Join the waiting list');
    const cara = await signUpAndConfirm(small, 'Cara Third', 'cara@example.sch.uk');
    expect(cara.mail?.subject).toBe('You are on the waiting list: Small taster');
    expect(visibleText((await cara.client.get(cara.link)).text)).toContain('You are number 1 on the waiting list');
    const dev = await signUpAndConfirm(small, 'Dev Fourth', 'dev@example.sch.uk');
    expect(visibleText((await dev.client.get(dev.link)).text)).toContain('You are number 2 on the waiting list');
    // Fewer places than are taken is refused.
    const fewer = await lead.post(`/sessions/${small}/public-taster`, { public: 'yes', places: '1' });
    expect(fewer.status).toBe(400);
    expect(visibleText(fewer.text)).toContain('Number of places cannot be fewer than the 2 already taken');

    // Opening the cancel link changes nothing; the button cancels, and the first person waiting gets the place by email.
    expect(visibleText((await ana.client.get(cancelLink)).text)).toContain('Cancel your place');
    const sentBefore = ctx().mailer.sent.length;
    const cancelled = await ana.client.post(cancelLink);
    expect(cancelled.status).toBe(303);
    expect(visibleText((await ana.client.get(cancelled.location ?? '')).text)).toContain('Your place is cancelled');
    await ctx().deliverMail();
    const sent = ctx().mailer.sent.slice(sentBefore);
    expect(sent.find((m) => m.to === 'ana@example.sch.uk')?.subject).toBe('Your place is cancelled: Small taster');
    const offer = sent.find((m) => m.to === 'cara@example.sch.uk');
    expect(offer?.subject).toBe('A place has come free and it is yours: Small taster');
    expect(sent.some((m) => m.to === 'dev@example.sch.uk')).toBe(false);
    // Cara's new links work: her calendar file, and her own cancel link.
    const caraCancel = linkIn(offer?.text ?? '', CANCEL);
    expect((await visitor().get(caraCancel.replace(/\/cancel$/, '/calendar.ics'))).status).toBe(200);
    expect(visibleText((await visitor().get(caraCancel)).text)).toContain('Cancel your place');
    const statuses = await ctx().db.selectFrom('taster_sign_ups').select(['email', 'status']).where('session_id', '=', small).orderBy('email').execute();
    expect(statuses).toEqual([
      { email: 'ana@example.sch.uk', status: 'cancelled' },
      { email: 'ben@example.sch.uk', status: 'confirmed' },
      { email: 'cara@example.sch.uk', status: 'confirmed' },
      { email: 'dev@example.sch.uk', status: 'waiting' },
    ]);

    // A used or unknown cancel link says plainly it is no longer valid.
    for (const spent of [cancelLink, `${ana.link}`, '/taster-sign-ups/not-a-real-link/cancel']) {
      const gone = await visitor().get(spent);
      expect(gone.status).toBe(404);
      expect(visibleText(gone.text)).toContain('This link is no longer valid');
    }
    const again = await visitor().post(cancelLink);
    expect(again.status).toBe(404);
    expect(visibleText(again.text)).toContain('This link is no longer valid');
    expect((await visitor().post('/taster-sign-ups/not-a-real-link/cancel')).status).toBe(404);

    // Leaving the waiting list gives nobody a place.
    const devCancel = linkIn(dev.mail?.text ?? '', CANCEL);
    expect(visibleText((await dev.client.get(devCancel)).text)).toContain('Leave the waiting list');
    expect((await dev.client.post(devCancel)).status).toBe(303);

    // The lead's list shows the cancellations.
    const settings = visibleText((await lead.get(`/sessions/${small}/public-taster`)).text);
    expect(settings).toContain('0 of 2 places left. 2 confirmed, 0 on the waiting list, 0 waiting to confirm, 2 cancelled.');
    expect(settings).toMatch(/Ana First ana@example\.sch\.uk .* Cancelled on/);
    const csv = await lead.get(`/sessions/${small}/public-taster/sign-ups.csv`);
    expect(csv.text).toMatch(/Ana First,ana@example\.sch\.uk,[^\n]*,Cancelled on/);
    expect(csv.text).toContain('Cara Third,cara@example.sch.uk');

    // Someone who cancelled may sign up again while places are left (here: none, so the waiting list).
    const back = await signUpAndConfirm(small, 'Ana First', 'ana@example.sch.uk');
    expect(back.mail?.subject).toBe('You are on the waiting list: Small taster');
    // More places go to the waiting list at once.
    expect((await lead.post(`/sessions/${small}/public-taster`, { public: 'yes', places: '3' })).status).toBe(303);
    await ctx().deliverMail();
    expect(ctx().mailer.sent.at(-1)).toMatchObject({ to: 'ana@example.sch.uk', subject: 'A place has come free and it is yours: Small taster' });
  });

  it('a sign-up is in the person’s subject access export, erased with them, and deleted after the retention period', async () => {
    const email = 'keep@example.sch.uk';
    await visitor().post(`/tasters/${tasterId}`, { name: 'Kim Keep', email });
    const hook = tastersModule.personalData;
    const subject = { id: newId(), organisationId: cohort.organisation.id, givenName: 'Kim', familyName: 'Keep', email, strings: [email] };
    expect((await hook.export(ctx().db, subject)).data).toMatchObject({ tasterSignUps: [{ name: 'Kim Keep', email, status: 'pending' }] });
    const now = ctx().clock.now().toISOString();
    expect(await hook.erase(ctx().db, subject, { formerPersonId: '', credentials: 'keep', now, clock: ctx().clock, config: ctx().config })).toEqual([
      'Deleted 1 sign-up to taster sessions',
    ]);
    const retention = tastersModule.retention?.[0];
    const count = async () =>
      (await ctx().db.selectFrom('taster_sign_ups').select('id').where('organisation_id', '=', cohort.organisation.id).execute()).length;
    const held = await count();
    expect(held).toBeGreaterThan(0);
    expect(await retention?.apply(ctx().db, cohort.organisation.id, '2026-12-01T00:00:00.000Z', { config: ctx().config })).toBe(0);
    expect(await retention?.apply(ctx().db, cohort.organisation.id, '2027-06-01T00:00:00.000Z', { config: ctx().config })).toBe(held);
    expect(await count()).toBe(0);
  });
});
