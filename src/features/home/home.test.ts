import { Writable } from 'node:stream';
import pino from 'pino';
import { expect, it } from 'vitest';
import { createApp } from '../../app';
import { loadConfig } from '../../config';
import { connectDatabase } from '../../platform/db/connect';
import { migrateToLatest } from '../../platform/db/migrate';
import { features } from '../index';
import { memoryMailer } from '../../platform/mail/mailer';
import type { Database } from '../../platform/db/database';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn } from '../../../test/support/factories';
import { visibleText } from '../../../test/support/http';
import { makeCohort, makeProgramme, makeProgrammeWorld } from '../../../test/support/programme-world';
import { newId } from '../../platform/db/ids';

describeEachEngine('pages and errors', (ctx) => {
  it('the header shows the organisation’s name, and the navigation only what the person may use', async () => {
    const world = await makeWorld(ctx().db);
    const staff = ctx().client();
    await signIn(staff, world.staff.email);
    const home = await staff.get('/');
    expect(home.text).toContain('govuk-generic-header');
    expect(home.text).not.toContain('govuk-header__logotype');
    expect(visibleText(home.text)).toContain('Northern Lights Trust');
    expect(home.text).toContain('href="#main-content"');
    expect(home.text).toContain('href="/accessibility"');
    expect(home.text).toContain('href="/privacy"');
    expect(home.text).not.toContain('href="/staff"');
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const adminHome = await admin.get('/');
    expect(adminHome.text).toContain('href="/staff"');
    expect(adminHome.text).toContain('href="/import"');
  });

  it('the home page tells people what needs doing: support to give, applications in progress, their programme', async () => {
    const world = await makeWorld(ctx().db);
    const programmes = await makeProgrammeWorld(ctx().db, world);
    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    const managerHome = visibleText((await manager.get('/')).text);
    expect(managerHome).toContain('Things to do');
    expect(managerHome).toContain('1 application is waiting for your support');

    const teacher = ctx().client();
    await signIn(teacher, world.report.email);
    const home = await teacher.get('/');
    expect(visibleText(home.text)).toMatch(/Your application to Towards Middle Leadership \S+, Cohort 2 – Awaiting endorsement/);
    expect(home.text).toContain(`href="/enrolments/${programmes.enrolmentId}"`);
    expect(visibleText(home.text)).not.toContain('Things to do');

    const staff = ctx().client();
    await signIn(staff, world.staff.email);
    const staffHome = visibleText((await staff.get('/')).text);
    expect(staffHome).not.toContain('Your programmes');
    expect(staffHome).not.toContain('Skills frameworks');
  });

  it('the home page lists recommendations not yet acted on: one per open programme, none once the person has applied to it', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const organisationId = world.organisation.id;
    const recommend = async (programmeId: string, by: string, at: string) =>
      db
        .insertInto('recommendations')
        .values({
          id: newId(),
          organisation_id: organisationId,
          programme_id: programmeId,
          person_id: world.staff.id,
          recommended_by: by,
          note: '',
          created_at: at,
        })
        .execute();
    const twice = await makeProgramme(db, { organisationId, title: `Aspiring Heads ${newId().slice(-6)}` });
    await recommend(twice.id, world.lineManager.id, '2026-11-02T09:00:00.000Z');
    await recommend(twice.id, world.orgAdmin.id, '2026-11-03T09:00:00.000Z');
    const archived = await makeProgramme(db, { organisationId, title: `Old Programme ${newId().slice(-6)}`, status: 'archived' });
    await recommend(archived.id, world.lineManager.id, '2026-11-02T09:00:00.000Z');
    const appliedTo = await makeProgramme(db, { organisationId, title: `Data Leads ${newId().slice(-6)}` });
    await recommend(appliedTo.id, world.lineManager.id, '2026-11-02T09:00:00.000Z');
    const cohort = await makeCohort(db, { organisationId, programmeId: appliedTo.id });
    // Any application answers the recommendation, even one withdrawn since.
    await db
      .insertInto('applications')
      .values({
        id: newId(),
        organisation_id: organisationId,
        cohort_id: cohort.id,
        person_id: world.staff.id,
        school_id: world.schoolA.id,
        status: 'withdrawn',
        live_slot: null,
        current_role: 'Teacher of English',
        experience: '',
        motivation: '',
        declarations: '[]',
        coach_person_id: null,
        coach_name: null,
        coach_email: null,
        project_idea: null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: null,
        submitted_at: null,
        decided_at: null,
        waitlisted_at: null,
        created_at: '2026-11-04T09:00:00.000Z',
        updated_at: '2026-11-04T09:00:00.000Z',
      })
      .execute();

    const staff = ctx().client();
    await signIn(staff, world.staff.email);
    const home = visibleText((await staff.get('/')).text);
    expect(home).toContain(`Olu ${world.orgAdmin.familyName} recommended you for ${twice.title}`);
    expect(home).not.toContain(`Lena ${world.lineManager.familyName} recommended you for ${twice.title}`);
    expect(home).not.toContain(archived.title);
    expect(home).not.toContain(appliedTo.title);
  });

  it('every page has a Content-Security-Policy with a nonce that its scripts carry', async () => {
    const page = await ctx().client().get('/sign-in');
    const csp = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(page.text).toContain(`nonce="${nonce}"`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    // With no-referrer, browsers send `Origin: null` on form posts and every form would be refused.
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('permissions-policy')).toContain('camera=()');
    expect(page.headers.get('permissions-policy')).toContain('geolocation=()');
  });

  it('a signed-in page is never kept by the browser (shared school computers), while the stylesheet may be', async () => {
    const world = await makeWorld(ctx().db);
    const staff = ctx().client();
    await signIn(staff, world.staff.email);
    const home = await staff.get('/');
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('no-store');
    expect((await ctx().client().get('/sign-in')).headers.get('cache-control')).toBe('no-store');
    const stylesheet = /href="(\/assets\/[^"]+\.css)"/.exec(home.text)?.[1];
    expect(stylesheet).toBeTruthy();
    expect((await staff.get(stylesheet ?? '')).headers.get('cache-control')).not.toBe('no-store');
  });

  it('an unknown address gets a GOV.UK-style 404 page, or JSON when JSON was asked for', async () => {
    const page = await ctx().client().get('/no/such/page');
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain('Page not found');
    const json = await ctx().client().get('/no/such/page', { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(JSON.parse(json.text)).toEqual({ error: 'Not found' });
  });

  it('an address with a NUL byte in it is not found, signed in or not, on either database', async () => {
    const world = await makeWorld(ctx().db);
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    for (const path of ['/feedback/%00', '/enrolments/%00', '/programmes/%00', '/sessions/%00/register']) {
      expect((await admin.get(path)).status, path).toBe(404);
      expect((await ctx().client().get(path)).status, path).toBe(404);
    }
    for (const path of ['/staff?q=%00', '/feedback?x=%00', '/notifications?page=%00', '/events?q=a%00b']) {
      expect((await admin.get(path)).status, path).toBeLessThan(500);
    }
    // …nor in a form field.
    expect((await admin.post('/schools', { name: 'Nul\u0000 School' })).status).toBeLessThan(500);
  });

  it('a malformed form body gets a 400 page and changes nothing', async () => {
    const page = await ctx().client().post('/sign-in', {}, { 'content-type': 'multipart/form-data; boundary=zzz' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('The form could not be read');
  });

  it('a body over the size limit is refused with 413', async () => {
    const page = await ctx()
      .client()
      .post('/sign-in', { email: 'a'.repeat(2 * 1024 * 1024), password: 'x' });
    expect(page.status).toBe(413);
  });
});

it('a server error shows a request id to quote, logs the error with that id, and never shows a stack trace', async () => {
  const lines: string[] = [];
  const logger = pino(
    { level: 'error' },
    new Writable({
      write: (chunk, _encoding, done) => {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const db = connectDatabase<Database>(':memory:');
  await migrateToLatest(db, features.migrations);
  const app = createApp({ db, config: loadConfig({ NODE_ENV: 'test', BASE_URL: 'http://localhost', LOG_LEVEL: 'error' }), mailer: memoryMailer(), logger });
  await db.destroy(); // every query now fails
  const response = await app.request('/sign-in', {
    method: 'POST',
    body: 'email=a%40b.org&password=x',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
  });
  const text = visibleText(await response.text());
  expect(response.status).toBe(500);
  expect(text).toContain('Sorry, there is a problem with the service');
  const requestId = response.headers.get('x-request-id') ?? '';
  expect(requestId).not.toBe('');
  expect(text).toContain(requestId);
  expect(text).not.toMatch(/at .*\.ts:\d+/);
  const logged = lines.map((line) => JSON.parse(line) as { requestId?: string; msg: string; err?: { stack?: string } });
  expect(logged.some((line) => line.requestId === requestId && line.msg === 'unhandled error' && line.err?.stack)).toBe(true);
});
