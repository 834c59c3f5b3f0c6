import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { DAY } from '../../platform/db/clock';
import { forgetOrganisationArea, sweepJobAlerts } from './careers.service';
import { FeedError, importVacancies, postcodeDistrict } from './careers.vacancies';

/** A schema.org JobPosting in the shape the Teaching Vacancies feed serves, written for these tests. */
function posting(n: number, overrides: Record<string, unknown> = {}) {
  return {
    '@context': 'http://schema.org',
    '@type': 'JobPosting',
    title: `Headteacher ${n}`,
    url: `https://teaching-vacancies.example/jobs/head-${n}`,
    datePosted: '2026-11-20T09:00:00Z',
    validThrough: '2027-01-31T12:00:00Z',
    job_roles: ['headteacher'],
    hiringOrganization: { '@type': 'Organization', name: `School ${n}` },
    jobLocation: { '@type': 'Place', address: { '@type': 'PostalAddress', postalCode: n % 2 === 0 ? 'LS11 5QB' : 'WF2 8AH' } },
    ...overrides,
  };
}

type Reply = { status: number; body: string; headers?: Record<string, string> };

/** A local feed: `pages[n - 1]` answers `?page=n` (a function may answer differently on each request). */
async function startFeed(pages: (Reply | (() => Reply))[]): Promise<{ url: string; requests: number[]; close(): Promise<void> }> {
  const requests: number[] = [];
  const server: Server = createServer((request, response) => {
    const n = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('page') ?? '1');
    requests.push(n);
    const entry = pages[n - 1];
    const reply = typeof entry === 'function' ? entry() : (entry ?? { status: 200, body: JSON.stringify({ data: [] }) });
    response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const json = (data: unknown[], next: boolean, extra: Record<string, unknown> = {}): Reply => ({
  status: 200,
  body: JSON.stringify({ data, links: { next: next ? 'more' : null }, ...extra }),
});

const quick = { minIntervalMs: 0, sleep: async () => undefined };

describe('postcode districts', () => {
  it('takes the outward code of a full or partial postcode', () => {
    expect(postcodeDistrict('ls11 5qb')).toBe('LS11');
    expect(postcodeDistrict('WF2')).toBe('WF2');
    expect(postcodeDistrict('SW1A 1AA')).toBe('SW1A');
    expect(postcodeDistrict('not a postcode')).toBeNull();
  });
});

describeEachEngine('leadership vacancies', (ctx) => {
  let world: World;
  let teacher: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    teacher = ctx().client({ address: '10.3.0.1' });
    await signIn(teacher, world.report.email);
  });
  beforeEach(async () => {
    await ctx().db.deleteFrom('careers_vacancy_roles').execute();
    await ctx().db.deleteFrom('careers_vacancies').execute();
  });

  const stored = () => ctx().db.selectFrom('careers_vacancies').selectAll().orderBy('url').execute();

  it('imports leadership postings from every page, maps their job roles to the role map, and skips the rest', async () => {
    const feed = await startFeed([
      json([posting(1), posting(2, { job_roles: ['teacher'] }), posting(3, { url: undefined })], true),
      json([posting(4, { job_roles: ['deputy_headteacher', 'assistant_headteacher'] }), posting(5, { job_roles: ['sendco'], jobLocation: undefined })], false),
    ]);
    try {
      const result = await importVacancies(ctx().db, ctx().clock, { baseUrl: feed.url, ...quick });
      expect(result).toMatchObject({ pages: 2, imported: 3, skipped: 2, removed: 0 });
      const rows = await stored();
      expect(rows.map((r) => [r.title, JSON.parse(r.role_keys), r.district])).toEqual([
        ['Headteacher 1', ['headteacher'], 'WF2'],
        ['Headteacher 4', ['deputy_head', 'assistant_head'], 'LS11'],
        ['Headteacher 5', ['senco'], null],
      ]);
    } finally {
      await feed.close();
    }
  });

  it('skips a posting whose address is not a web address, so no link on the page can run script', async () => {
    const feed = await startFeed([json([posting(1, { url: 'javascript:alert(1)' }), posting(2)], false)]);
    try {
      const result = await importVacancies(ctx().db, ctx().clock, { baseUrl: feed.url, ...quick });
      expect(result.imported).toBe(1);
      expect(result.skipped).toBe(1);
      expect((await stored()).map((r) => r.url)).toEqual([posting(2).url]);
    } finally {
      await feed.close();
    }
  });

  it('updates a posting by its address rather than adding it twice, and removes expired ones', async () => {
    const first = await startFeed([json([posting(1), posting(2, { job_roles: ['headteacher'] })], false)]);
    await importVacancies(ctx().db, ctx().clock, { baseUrl: first.url, ...quick });
    await first.close();
    const second = await startFeed([json([posting(1, { title: 'Headteacher (re-advertised)' })], false)]);
    await ctx().db.updateTable('careers_vacancies').set({ valid_through: '2026-11-01T00:00:00.000Z' }).where('url', '=', posting(2).url).execute();
    try {
      const result = await importVacancies(ctx().db, ctx().clock, { baseUrl: second.url, ...quick });
      expect(result.removed).toBe(1);
      expect((await stored()).map((r) => r.title)).toEqual(['Headteacher (re-advertised)']);
    } finally {
      await second.close();
    }
  });

  it('waits and tries again after a 429 or a 5xx, politely spaced', async () => {
    let calls = 0;
    const feed = await startFeed([
      () =>
        ++calls === 1 ? { status: 429, body: '{}', headers: { 'retry-after': '1' } } : calls === 2 ? { status: 503, body: 'busy' } : json([posting(1)], false),
    ]);
    const waits: number[] = [];
    try {
      const result = await importVacancies(ctx().db, ctx().clock, {
        baseUrl: feed.url,
        minIntervalMs: 10,
        sleep: async (ms) => {
          waits.push(ms);
        },
      });
      expect(result.imported).toBe(1);
      expect(feed.requests).toEqual([1, 1, 1]);
      expect(waits).toContain(1000); // the Retry-After
    } finally {
      await feed.close();
    }
  });

  it('stores nothing from a run whose page is malformed or keeps failing, and keeps what it had', async () => {
    const good = await startFeed([json([posting(1)], false)]);
    await importVacancies(ctx().db, ctx().clock, { baseUrl: good.url, ...quick });
    await good.close();
    for (const pages of [
      [json([posting(7)], true), { status: 200, body: '<html>Service unavailable</html>' }],
      [json([posting(7)], true), { status: 200, body: JSON.stringify({ jobs: [] }) }],
      [json([posting(7)], true), { status: 500, body: 'error' }],
    ]) {
      const feed = await startFeed(pages);
      try {
        await expect(importVacancies(ctx().db, ctx().clock, { baseUrl: feed.url, ...quick })).rejects.toBeInstanceOf(FeedError);
      } finally {
        await feed.close();
      }
      expect((await stored()).map((r) => r.title)).toEqual(['Headteacher 1']);
    }
  });

  // How long it takes is measured by bench/careers.bench.ts, not here.
  it('imports 5,000 postings from 50 pages', async () => {
    const pages = Array.from({ length: 50 }, (_, p) =>
      json(
        Array.from({ length: 100 }, (_, i) => posting(p * 100 + i)),
        p < 49,
      ),
    );
    const feed = await startFeed(pages);
    try {
      const result = await importVacancies(ctx().db, ctx().clock, { baseUrl: feed.url, minIntervalMs: 0, sleep: async () => undefined });
      expect(result.imported).toBe(5000);
      expect(result.pages).toBe(50);
      const { n } = await ctx()
        .db.selectFrom('careers_vacancies')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBe(5000);
    } finally {
      await feed.close();
    }
  });

  it('shows a person the vacancies for their aspiration in the districts they choose, with the licence', async () => {
    const feed = await startFeed([
      json([posting(1), posting(2), posting(3, { job_roles: ['sendco'] }), posting(4, { job_roles: ['deputy_headteacher'] })], false),
    ]);
    await importVacancies(ctx().db, ctx().clock, { baseUrl: feed.url, ...quick });
    await feed.close();
    expect(visibleText((await teacher.get('/careers/vacancies')).text)).toContain('Record your aspiration to see vacancies');
    const head = await ctx()
      .db.selectFrom('careers_roles')
      .select('id')
      .where('organisation_id', '=', world.organisation.id)
      .where('starter_key', '=', 'headteacher')
      .executeTakeFirstOrThrow();
    expect((await teacher.post('/careers/aspiration', { roleId: head.id, timeframe: '3_to_5', sharing: 'only_me' })).status).toBe(303);
    let page = visibleText((await teacher.get('/careers/vacancies')).text);
    expect(page).toContain('Headteacher 1');
    expect(page).toContain('Headteacher 2');
    expect(page).not.toContain('Headteacher 3');
    expect(page).toContain('Open Government Licence v3.0');
    const bad = await teacher.post('/careers/vacancies/settings', { districts: 'Leeds' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Enter postcode districts like LS11 or WF2, separated by commas');
    expect(await ctx().db.selectFrom('careers_vacancy_settings').selectAll().execute()).toHaveLength(0);
    expect((await teacher.post('/careers/vacancies/settings', { districts: 'ls11' })).status).toBe(303);
    page = visibleText((await teacher.get('/careers/vacancies')).text);
    expect(page).toContain('Headteacher 2');
    expect(page).not.toContain('Headteacher 1');
    // Roles with underscores in their keys match too (deputy_head).
    const deputy = await ctx()
      .db.selectFrom('careers_roles')
      .select('id')
      .where('organisation_id', '=', world.organisation.id)
      .where('starter_key', '=', 'deputy_head')
      .executeTakeFirstOrThrow();
    expect((await teacher.post('/careers/aspiration', { roleId: deputy.id, timeframe: '3_to_5', sharing: 'only_me' })).status).toBe(303);
    expect((await teacher.post('/careers/vacancies/settings', { districts: '' })).status).toBe(303);
    expect(visibleText((await teacher.get('/careers/vacancies')).text)).toContain('Headteacher 4');
  });
  it('looks near the organisation’s schools until a person chooses otherwise: the postcode districts of their local authorities', async () => {
    await ctx().db.deleteFrom('careers_vacancy_settings').execute();
    // The organisation's school is on the school list in Leeds, as are other Leeds schools in LS11 and LS6; Wakefield's are in WF2.
    const school = (n: number, local_authority: string, postcode: string, is_open = 1) => ({
      urn: String(400000 + n),
      name: `School ${n}`,
      search_text: ` school ${n}`,
      type: 'Academy converter',
      phase: 'Primary',
      local_authority,
      street: '',
      locality: '',
      address3: '',
      town: '',
      county: '',
      postcode,
      postcode_key: postcode.replace(' ', ''),
      status: is_open ? 'Open' : 'Closed',
      is_open,
      loaded_at: '2026-11-01T00:00:00.000Z',
    });
    await ctx()
      .db.insertInto('establishments')
      .values([school(1, 'Leeds', 'LS1 4AP'), school(2, 'Leeds', 'LS11 8PG'), school(3, 'Wakefield', 'WF2 9EE'), school(4, 'Leeds', 'LS6 1AA', 0)])
      .execute();
    const ours = await ctx().db.selectFrom('schools').select('id').where('organisation_id', '=', world.organisation.id).executeTakeFirstOrThrow();
    await ctx().db.updateTable('schools').set({ urn: '400001' }).where('id', '=', ours.id).execute();
    // Each process keeps an organisation's area for five minutes; the school's URN was given just now.
    forgetOrganisationArea(world.organisation.id);
    try {
      const feed = await startFeed([json([posting(1), posting(2), posting(5, { jobLocation: { address: { postalCode: 'LS6 2QB' } } })], false)]);
      await importVacancies(ctx().db, ctx().clock, { baseUrl: feed.url, ...quick });
      await feed.close();
      const head = await ctx()
        .db.selectFrom('careers_roles')
        .select('id')
        .where('organisation_id', '=', world.organisation.id)
        .where('starter_key', '=', 'headteacher')
        .executeTakeFirstOrThrow();
      expect((await teacher.post('/careers/aspiration', { roleId: head.id, timeframe: '3_to_5', sharing: 'only_me' })).status).toBe(303);
      let page = visibleText((await teacher.get('/careers/vacancies')).text);
      expect(page).toContain('Vacancies for headteacher roles near your organisation’s schools (Leeds), newest first.');
      expect(page).toContain('Headteacher 2'); // LS11: a Leeds school's district
      expect(page).not.toContain('Headteacher 1'); // WF2: Wakefield
      expect(page).not.toContain('Headteacher 5'); // LS6: only a closed school there

      // Choosing districts needs some; anywhere shows everything; the choice is kept.
      const none = await teacher.post('/careers/vacancies/settings', { area: 'chosen', districts: '' });
      expect(none.status).toBe(400);
      expect(visibleText(none.text)).toContain('Enter at least one postcode district, like LS11');
      expect((await teacher.post('/careers/vacancies/settings', { area: 'elsewhere' })).status).toBe(400);
      expect(await ctx().db.selectFrom('careers_vacancy_settings').selectAll().execute()).toHaveLength(0);
      expect((await teacher.post('/careers/vacancies/settings', { area: 'anywhere', districts: 'WF2' })).status).toBe(303);
      page = visibleText((await teacher.get('/careers/vacancies')).text);
      expect(page).toContain('anywhere in England');
      expect(page).toContain('Headteacher 1');
      expect(page).toContain('Headteacher 5');
      expect((await teacher.get('/careers/vacancies')).text).toContain('value="WF2"');
      expect((await teacher.post('/careers/vacancies/settings', { area: 'organisation', jobAlerts: 'weekly' })).status).toBe(303);
      expect(visibleText((await teacher.get('/careers/vacancies')).text)).not.toContain('Headteacher 1');

      // The weekly alert looks in the same place.
      ctx().clock.advance(DAY);
      const later = await startFeed([json([posting(6), posting(7)], false)]);
      await importVacancies(ctx().db, ctx().clock, { baseUrl: later.url, ...quick });
      await later.close();
      ctx().clock.advance(7 * DAY);
      const before = ctx().mailer.sent.length;
      expect(await sweepJobAlerts(ctx().db, ctx().clock)).toBe(1);
      await ctx().deliverMail();
      const alert = ctx().mailer.sent.slice(before)[0]?.text ?? '';
      expect(alert).toContain('Headteacher 6'); // LS11
      expect(alert).not.toContain('Headteacher 7'); // WF2
    } finally {
      await ctx().db.updateTable('schools').set({ urn: null }).where('id', '=', ours.id).execute();
      await ctx().db.deleteFrom('establishments').execute();
      await ctx().db.deleteFrom('careers_vacancy_settings').execute();
      forgetOrganisationArea(world.organisation.id);
    }
    // With no school on the list there is no "near my organisation's schools" to choose.
    const refused = await teacher.post('/careers/vacancies/settings', { area: 'organisation' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Your organisation’s schools are not on the school list');
  });

  it('emails a person who asked for job alerts the new matching vacancies once a week, and nothing in a week with none', async () => {
    await ctx().db.deleteFrom('careers_vacancy_settings').execute();
    const head = await ctx()
      .db.selectFrom('careers_roles')
      .select('id')
      .where('organisation_id', '=', world.organisation.id)
      .where('starter_key', '=', 'headteacher')
      .executeTakeFirstOrThrow();
    expect((await teacher.post('/careers/aspiration', { roleId: head.id, timeframe: '3_to_5', sharing: 'only_me' })).status).toBe(303);
    const bad = await teacher.post('/careers/vacancies/settings', { districts: 'LS11', jobAlerts: 'daily' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Select whether you want job alerts');
    expect(await ctx().db.selectFrom('careers_vacancy_settings').selectAll().execute()).toHaveLength(0);
    expect((await teacher.post('/careers/vacancies/settings', { districts: 'LS11', jobAlerts: 'weekly' })).status).toBe(303);
    expect((await teacher.get('/careers/vacancies')).text).toMatch(/value="weekly" checked/);

    // Already on Waymark before alerts were switched on: not new.
    const first = await startFeed([json([posting(2)], false)]);
    ctx().clock.advance(-DAY);
    await importVacancies(ctx().db, ctx().clock, { baseUrl: first.url, ...quick });
    ctx().clock.advance(DAY);
    await first.close();
    expect(await sweepJobAlerts(ctx().db, ctx().clock)).toBe(0); // not a week yet

    ctx().clock.advance(2 * DAY);
    const second = await startFeed([json([posting(2), posting(4), posting(6), posting(3), posting(8, { job_roles: ['sendco'] })], false)]);
    await importVacancies(ctx().db, ctx().clock, { baseUrl: second.url, ...quick });
    await second.close();
    ctx().clock.advance(5 * DAY);
    const before = ctx().mailer.sent.length;
    expect(await sweepJobAlerts(ctx().db, ctx().clock)).toBe(1);
    await ctx().deliverMail();
    const mail = ctx().mailer.sent.slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe('New headteacher vacancies');
    const text = mail[0]?.text ?? '';
    expect(text).toContain('Headteacher 4, School 4, LS11 5QB');
    expect(text).toContain('Headteacher 6');
    expect(text).not.toContain('Headteacher 2,'); // seen before alerts were on
    expect(text).not.toContain('Headteacher 3'); // another district
    expect(text).not.toContain('Headteacher 8'); // another role
    expect(text).toContain('Open Government Licence v3.0');
    expect(await sweepJobAlerts(ctx().db, ctx().clock)).toBe(0); // once a week

    // A week with nothing new sends nothing; switching alerts off stops them.
    ctx().clock.advance(8 * DAY);
    expect(await sweepJobAlerts(ctx().db, ctx().clock)).toBe(0);
    expect((await teacher.post('/careers/vacancies/settings', { districts: 'LS11' })).status).toBe(303);
    const third = await startFeed([json([posting(10)], false)]);
    await importVacancies(ctx().db, ctx().clock, { baseUrl: third.url, ...quick });
    await third.close();
    ctx().clock.advance(8 * DAY);
    expect(await sweepJobAlerts(ctx().db, ctx().clock)).toBe(0);
    expect((await teacher.get('/careers/vacancies')).text).not.toMatch(/value="weekly" checked/);
  });
});
