import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeOrganisation, makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeProgrammeWorld } from '../../../test/support/programme-world';
import { features } from '..';
import { recordAudit } from '../../platform/audit/audit';
import { newId } from '../../platform/db/ids';
import { applyRetention, monthsBefore } from './data-protection.service';

describeEachEngine('data protection', (ctx) => {
  let world: World;
  let dpo: { id: string; email: string };
  let dpoClient: TestClient;
  let admin: TestClient;
  let otherAdmin: TestClient;
  let staffClient: TestClient;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    dpo = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Dana', roles: [{ role: 'data_protection_officer' }] });
    dpoClient = ctx().client({ address: '10.9.0.1' });
    admin = ctx().client({ address: '10.9.0.2' });
    otherAdmin = ctx().client({ address: '10.9.0.3' });
    staffClient = ctx().client({ address: '10.9.0.4' });
    await signIn(dpoClient, dpo.email);
    await signIn(admin, world.orgAdmin.email);
    await signIn(otherAdmin, world.otherAdmin.email);
    await signIn(staffClient, world.staff.email);
  });

  describe('the audit log', () => {
    it('shows the data protection officer who saw whose record, and filters by person affected, who did it, action and dates', async () => {
      const { db, clock } = ctx();
      const at = (iso: string) => ({ now: () => new Date(iso) });
      await recordAudit(db, at('2026-10-01T09:00:00.000Z'), {
        action: 'staff_record_viewed',
        organisationId: world.organisation.id,
        actorId: world.lineManager.id,
        subjectType: 'person',
        subjectId: world.report.id,
      });
      await recordAudit(db, at('2026-11-02T09:00:00.000Z'), {
        action: 'feedback_report_viewed',
        organisationId: world.organisation.id,
        actorId: world.orgAdmin.id,
        subjectType: 'feedback_round',
        subjectId: 'round-1',
        personId: world.staff.id,
      });
      await recordAudit(db, clock, {
        action: 'staff_record_viewed',
        organisationId: world.otherOrganisation.id,
        actorId: world.otherAdmin.id,
        subjectType: 'person',
        subjectId: world.otherAdmin.id,
      });
      const all = visibleText((await dpoClient.get('/data-protection/audit-log')).text);
      expect(all).toContain('Staff record viewed');
      expect(all).toContain(`${world.lineManager.givenName} ${world.lineManager.familyName}`);
      expect(all).toContain('Feedback report viewed');
      expect(all).not.toContain(world.otherAdmin.familyName);

      // The entries table, after the filters (whose action list names every action).
      const entries = async (path: string) => visibleText((await dpoClient.get(path)).text).split('Entries When Action')[1] ?? '';
      const byPerson = await entries(`/data-protection/audit-log?person=${encodeURIComponent(world.report.email)}`);
      expect(byPerson).toContain('Staff record viewed');
      expect(byPerson).not.toContain('Feedback report viewed');
      const byActor = await entries(`/data-protection/audit-log?actor=${encodeURIComponent(world.orgAdmin.email)}&action=feedback_report_viewed`);
      expect(byActor).toContain('Feedback report viewed');
      expect(byActor).not.toContain('Staff record viewed');
      const october = await entries('/data-protection/audit-log?from=2026-10-01&to=2026-10-31');
      expect(october).toContain('Staff record viewed');
      expect(october).not.toContain('Feedback report viewed');
    });

    it('says when a filter names someone outside the organisation, and shows nothing', async () => {
      const page = await dpoClient.get(`/data-protection/audit-log?person=${encodeURIComponent(world.otherAdmin.email)}`);
      expect(page.status).toBe(400);
      const text = visibleText(page.text);
      expect(text).toContain('There is a problem');
      expect(text).toContain('No one in your organisation has that email address');
      expect(text).toContain('No entries match');
    });

    describe('paging a long log', () => {
      let person: { id: string; email: string };
      const pageOf = (html: string) => ({
        // The record column shows each entry's own note number.
        notes: [...html.matchAll(/Note (n\d{3})/g)].map((m) => m[1] ?? ''),
        older: /href="([^"]*)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null,
        newer: /href="([^"]*)" rel="prev"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null,
      });

      beforeAll(async () => {
        const { db } = ctx();
        person = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Paged' });
        // 120 entries in 40 distinct seconds: three to a second, so page boundaries fall inside runs of equal times.
        for (let i = 0; i < 120; i++)
          await recordAudit(
            db,
            { now: () => new Date(Date.UTC(2026, 8, 1, 0, 0, i % 40)) },
            {
              action: i % 2 === 0 ? 'staff_record_viewed' : 'file_downloaded',
              organisationId: world.organisation.id,
              actorId: world.orgAdmin.id,
              subjectType: 'note',
              subjectId: `n${String(i).padStart(3, '0')}`,
              personId: person.id,
            },
          );
      });

      it('pages forward and back through a long log, newest first, without repeating or missing an entry', async () => {
        const expected = (
          await ctx()
            .db.selectFrom('audit_events')
            .select('subject_id')
            .where('person_id', '=', person.id)
            .orderBy('created_at', 'desc')
            .orderBy('id', 'desc')
            .execute()
        ).map((r) => r.subject_id);
        let path: string | null = `/data-protection/audit-log?person=${encodeURIComponent(person.email)}`;
        const pages: string[][] = [];
        let last = '';
        while (path) {
          const response = await dpoClient.get(path);
          expect(response.status).toBe(200);
          const page = pageOf(response.text);
          // Every page keeps the filter.
          expect(path).toContain(`person=${encodeURIComponent(person.email)}`);
          pages.push(page.notes);
          last = path;
          path = page.older;
        }
        expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
        expect(pages.flat()).toEqual(expected);

        // Back from the last page by "Newer entries": the same pages in reverse, ending at the plain address.
        const back: string[][] = [];
        path = pageOf((await dpoClient.get(last)).text).newer;
        while (path) {
          const page = pageOf((await dpoClient.get(path)).text);
          back.push(page.notes);
          if (!page.newer) expect(path).not.toMatch(/older=|newer=/);
          path = page.newer;
        }
        expect(back).toEqual([pages[1], pages[0]]);
      });

      it('keeps the action filter on every page', async () => {
        let path: string | null = `/data-protection/audit-log?person=${encodeURIComponent(person.email)}&action=file_downloaded`;
        const notes: string[] = [];
        while (path) {
          const response = await dpoClient.get(path);
          const page = pageOf(response.text);
          notes.push(...page.notes);
          path = page.older;
        }
        expect(notes).toHaveLength(60);
        expect(notes.every((n) => Number(n.slice(1)) % 2 === 1)).toBe(true);
      });

      it('shows nothing of another organisation when a page link is edited to point into its log', async () => {
        const { db } = ctx();
        await recordAudit(
          db,
          { now: () => new Date('2026-09-01T00:00:20.000Z') },
          {
            action: 'staff_record_viewed',
            organisationId: world.otherOrganisation.id,
            actorId: world.otherAdmin.id,
            subjectType: 'note',
            subjectId: 'secret01',
          },
        );
        const theirs = await db.selectFrom('audit_events').select(['id', 'created_at']).where('subject_id', '=', 'secret01').executeTakeFirstOrThrow();
        for (const side of ['older', 'newer'])
          for (const at of [`${theirs.created_at}~${theirs.id}`, '2099-01-01T00:00:00.000Z~zzzz', '1900-01-01T00:00:00.000Z~0000']) {
            const response = await dpoClient.get(`/data-protection/audit-log?${side}=${encodeURIComponent(at)}`);
            expect(response.status).toBe(200);
            expect(response.text).not.toContain('secret01');
            expect(visibleText(response.text)).not.toContain(world.otherAdmin.familyName);
          }
        // Positioned just after their entry, the page holds this organisation's entries from the same moment on, and none of theirs.
        const page = pageOf((await dpoClient.get(`/data-protection/audit-log?older=${encodeURIComponent(`${theirs.created_at}~${theirs.id}`)}`)).text);
        expect(page.notes.length).toBeGreaterThan(0);
      });

      it('shows the newest page when a page link is garbled', async () => {
        const newest = pageOf((await dpoClient.get('/data-protection/audit-log')).text).notes;
        for (const garbled of ['nonsense', '2026-09-01~', '~abc', '2026-09-01T00:00:20.000Z~<script>', '%E0%A4%A', 'x'.repeat(5000)]) {
          const response = await dpoClient.get(`/data-protection/audit-log?older=${garbled}&newer=${garbled}`);
          expect(response.status).toBe(200);
          expect(pageOf(response.text).notes).toEqual(newest);
        }
      });

      it('downloads every matching entry as CSV, however many pages they fill', async () => {
        const csv = await dpoClient.get(`/data-protection/audit-log.csv?person=${encodeURIComponent(person.email)}&older=2026-09-01T00:00:20.000Z~0`);
        expect(csv.status).toBe(200);
        const lines = csv.text.trim().split('\r\n');
        expect(lines).toHaveLength(121);
        expect(new Set(lines.slice(1).map((l) => l.split(',')[7])).size).toBe(120);
      });
    });

    it('downloads the filtered log as CSV, and records that it was downloaded', async () => {
      const csv = await dpoClient.get(`/data-protection/audit-log.csv?person=${encodeURIComponent(world.report.email)}`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.text).toContain('When (UTC),Action,Done by');
      expect(csv.text).toContain('staff_record_viewed');
      const audit = await ctx().db.selectFrom('audit_events').select('actor_id').where('action', '=', 'audit_log_exported').execute();
      expect(audit.map((a) => a.actor_id)).toContain(dpo.id);
    });

    it('is closed to staff who are neither an organisation admin nor the data protection officer', async () => {
      expect((await staffClient.get('/data-protection/audit-log')).status).toBe(403);
      expect((await staffClient.get('/data-protection/audit-log.csv')).status).toBe(403);
    });

    it('cannot be changed or deleted by any route: only the retention sweep trims it', () => {
      const root = fileURLToPath(new URL('../../', import.meta.url));
      const files = (dir: string): string[] =>
        readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
          e.isDirectory()
            ? e.name === 'migrations'
              ? []
              : files(`${dir}/${e.name}`)
            : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
              ? [`${dir}/${e.name}`]
              : [],
        );
      const writers: string[] = [];
      for (const file of [...files('features'), ...files('platform')]) {
        const text = readFileSync(join(root, file), 'utf8');
        if (/(updateTable|deleteFrom|replaceInto|mergeInto)\(\s*'audit_events'|(update|delete\s+from)\s+audit_events/i.test(text)) writers.push(file);
      }
      // The one delete is the audit log's retention record type, which only the worker's sweep runs.
      expect(writers).toEqual(['platform/audit/audit.ts']);
      const routes = (features.modules.flatMap((m) => m.routes ?? []) as { routes: { method: string; path: string }[] }[]).flatMap((r) => r.routes);
      const changing = routes.filter((r) => r.path.includes('audit') && r.method !== 'GET' && r.method !== 'ALL');
      expect(changing).toEqual([]);
    });
  });

  describe('retention', () => {
    // The development mail folder the sweep looks in: a scratch folder, never the checkout's own data/.
    const scratch = mkdtempSync(join(tmpdir(), 'waymark-retention-'));
    it('shows the data protection officer the periods read-only, and refuses their changes', async () => {
      const page = visibleText((await dpoClient.get('/data-protection/retention')).text);
      expect(page).toContain('Unsuccessful applications');
      expect(page).toContain('Staff records of leavers');
      expect(page).toContain('Role history of leavers');
      expect(page).toContain('Audit log');
      expect(page).not.toContain('Save retention periods');
      expect((await dpoClient.post('/data-protection/retention', { 'months-platform-audit-log': '24' })).status).toBe(403);
    });

    const allDefaults = () => Object.fromEntries(features.retention.map((t) => [`months-${t.key.replace(/[^a-z0-9-]/gi, '-')}`, String(t.defaultMonths)]));

    it('refuses a period below its minimum or not a number, saying why, and saves nothing', async () => {
      const page = await admin.post('/data-protection/retention', { ...allDefaults(), 'months-staff-leavers': '12', 'months-platform-audit-log': 'six' });
      expect(page.status).toBe(400);
      const text = visibleText(page.text);
      expect(text).toContain('There is a problem');
      expect(text).toContain('Staff records of leavers must be kept for at least 72 months');
      expect(visibleText((await admin.post('/data-protection/retention', { ...allDefaults(), 'months-staff-leavers-role-history': '24' })).text)).toContain(
        'Role history of leavers must be kept for at least 72 months',
      );
      expect(text).toContain('Audit log: Enter the period as a whole number of months');
      expect(await ctx().db.selectFrom('retention_periods').selectAll().where('organisation_id', '=', world.organisation.id).execute()).toEqual([]);
    });

    it('lets an organisation admin change a period, and audits the change', async () => {
      const saved = await admin.post('/data-protection/retention', { ...allDefaults(), 'months-notifications-read-notifications': '24' });
      expect(saved.status).toBe(303);
      const row = await ctx().db.selectFrom('retention_periods').selectAll().where('organisation_id', '=', world.organisation.id).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ record_type: 'notifications.read-notifications', months: 24 });
      const audit = await ctx().db.selectFrom('audit_events').select('detail').where('action', '=', 'retention_period_changed').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.detail)).toMatchObject({ recordType: 'notifications.read-notifications', from: 12, to: 24 });
      expect(visibleText((await otherAdmin.get('/data-protection/retention')).text)).not.toContain('24 months (2 years)');
    });

    it('deletes old declined applications and audit entries, keeps a leaver’s name, and logs each run once a day', async () => {
      const { db, clock } = ctx();
      const programmes = await makeProgrammeWorld(db, world);
      const now = clock.now();
      const longAgo = monthsBefore(now, 7);
      await db
        .updateTable('applications')
        .set({ status: 'declined', decided_at: longAgo, updated_at: longAgo })
        .where('id', '=', programmes.applicationId)
        .execute();
      await recordAudit(
        db,
        { now: () => new Date(monthsBefore(now, 80)) },
        { action: 'sign_in', organisationId: world.organisation.id, actorId: world.staff.id },
      );
      const leaver = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Lena', jobTitle: 'Head of Art' });
      await db
        .updateTable('people')
        .set({ status: 'deactivated', deactivated_at: monthsBefore(now, 73) })
        .where('id', '=', leaver.id)
        .execute();

      // Role history: the old leaver's goes; a recent leaver's and a current member of staff's stay.
      const recentLeaver = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Rhys' });
      await db
        .updateTable('people')
        .set({ status: 'deactivated', deactivated_at: monthsBefore(now, 70) })
        .where('id', '=', recentLeaver.id)
        .execute();
      const held = (personId: string, from: string, to: string | null) => ({
        id: newId(),
        organisation_id: world.organisation.id,
        person_id: personId,
        job_title: 'Head of Art',
        leadership_level: 'middle' as const,
        school_id: world.schoolA.id,
        started_on: from,
        ended_on: to,
        created_at: now.toISOString(),
      });
      await db
        .insertInto('roles_held')
        .values([
          held(leaver.id, '2012-09-01', '2016-08-31'),
          held(leaver.id, '2016-09-01', monthsBefore(now, 73).slice(0, 10)),
          held(recentLeaver.id, '2018-09-01', monthsBefore(now, 70).slice(0, 10)),
          held(world.staff.id, '2019-09-01', null),
        ])
        .execute();

      const changed = await applyRetention(db, clock, features.retention, { config: { ...ctx().config, DATA_DIR: scratch } });
      expect(changed).toBeGreaterThanOrEqual(5);
      const rolesOf = async (personId: string) => (await db.selectFrom('roles_held').select('id').where('person_id', '=', personId).execute()).length;
      expect(await rolesOf(leaver.id)).toBe(0);
      expect(await rolesOf(recentLeaver.id)).toBe(1);
      expect(await rolesOf(world.staff.id)).toBe(1);
      expect(await db.selectFrom('applications').select('id').where('id', '=', programmes.applicationId).executeTakeFirst()).toBeUndefined();
      expect(await db.selectFrom('audit_events').select('id').where('created_at', '<', monthsBefore(now, 72)).execute()).toEqual([]);
      const after = await db.selectFrom('people').selectAll().where('id', '=', leaver.id).executeTakeFirstOrThrow();
      expect(after).toMatchObject({ given_name: 'Lena', email: leaver.email, job_title: null, school_id: null });

      expect(await applyRetention(db, clock, features.retention, { config: { ...ctx().config, DATA_DIR: scratch } })).toBe(0);
      const page = visibleText((await dpoClient.get('/data-protection/retention')).text);
      expect(page).toContain('What the daily sweep did');
      expect(page).toMatch(/Unsuccessful applications .*?1/);
      expect(page).toMatch(/Role history of leavers .*?2/);
      const runs = await db.selectFrom('retention_runs').select('record_type').where('organisation_id', '=', world.organisation.id).execute();
      expect(runs.length).toBe(features.retention.length);
    });
  });

  describe('retention of sign-in records, development mail and check-in attempts', () => {
    it('deletes ended sign-in sessions, spent links (keeping the latest invitation), old failure counts and old development mail; keeps what is recent', async () => {
      const { db, clock } = ctx();
      const scratch = mkdtempSync(join(tmpdir(), 'waymark-retention-'));
      const organisation = await makeOrganisation(db);
      const person = await makePerson(db, { organisationId: organisation.id, email: 'sid.sessions@example.org' });
      const newcomer = await makePerson(db, { organisationId: organisation.id, email: 'nia.newcomer@example.org' });
      // Someone in another organisation keeps everything: each organisation's sweep is its own.
      const elsewhere = await makePerson(db, { organisationId: world.otherOrganisation.id, email: 'eli.elsewhere@example.org' });
      const now = clock.now();
      const old = monthsBefore(now, 2);
      const recent = new Date(now.getTime() - 24 * 3600 * 1000).toISOString();
      const session = (personId: string, expiresAt: string) => ({
        id: newId(),
        person_id: personId,
        token_hash: newId(),
        user_agent: null,
        ip_address: null,
        created_at: expiresAt,
        last_seen_at: expiresAt,
        expires_at: expiresAt,
        method: 'password',
      });
      await db
        .insertInto('sign_in_sessions')
        .values([session(person.id, old), session(person.id, recent), session(elsewhere.id, old)])
        .execute();
      const token = (personId: string, purpose: 'sign_in_link' | 'invitation', createdAt: string, usedAt: string | null) => ({
        id: newId(),
        person_id: personId,
        purpose,
        token_hash: newId(),
        created_by: null,
        created_at: createdAt,
        expires_at: createdAt,
        used_at: usedAt,
      });
      await db
        .insertInto('auth_tokens')
        .values([
          token(person.id, 'sign_in_link', old, old),
          token(person.id, 'sign_in_link', old, null),
          token(person.id, 'sign_in_link', recent, null),
          token(newcomer.id, 'invitation', monthsBefore(now, 3), null),
          token(newcomer.id, 'invitation', old, null),
          token(elsewhere.id, 'sign_in_link', old, old),
        ])
        .execute();
      await db
        .insertInto('sign_in_throttles')
        .values([
          { key: `account:${person.email}`, failures: 2, window_started_at: old, locked_until: null },
          { key: `check-in:${person.id}`, failures: 3, window_started_at: old, locked_until: null },
          { key: `check-in:${newcomer.id}`, failures: 1, window_started_at: recent, locked_until: null },
          { key: `check-in:${elsewhere.id}`, failures: 1, window_started_at: old, locked_until: null },
        ])
        .execute();
      const mail = join(scratch, 'mail');
      mkdirSync(mail);
      const mailFile = (at: string) => `${at.replace(/[:.]/g, '-')}-00000001-abcdef.json`;
      writeFileSync(join(mail, mailFile(old)), '{}');
      writeFileSync(join(mail, mailFile(recent)), '{}');

      const total = await applyRetention(db, clock, features.retention, { config: { ...ctx().config, DATA_DIR: scratch } });
      expect(total).toBeGreaterThanOrEqual(7);

      const sessions = await db
        .selectFrom('sign_in_sessions')
        .select(['person_id', 'expires_at'])
        .where('person_id', 'in', [person.id, elsewhere.id])
        .execute();
      expect(sessions).toHaveLength(2);
      expect(sessions).toEqual(
        expect.arrayContaining([
          { person_id: person.id, expires_at: recent },
          { person_id: elsewhere.id, expires_at: old },
        ]),
      );
      const tokens = await db
        .selectFrom('auth_tokens')
        .select(['person_id', 'created_at'])
        .where('person_id', 'in', [person.id, newcomer.id, elsewhere.id])
        .execute();
      expect(tokens).toHaveLength(3);
      expect(tokens).toEqual(
        expect.arrayContaining([
          { person_id: person.id, created_at: recent },
          { person_id: newcomer.id, created_at: old },
          { person_id: elsewhere.id, created_at: old },
        ]),
      );
      const throttles = await db.selectFrom('sign_in_throttles').select('key').where('key', 'like', '%:%').execute();
      const keys = throttles.map((t) => t.key);
      expect(keys).not.toContain(`account:${person.email}`);
      expect(keys).not.toContain(`check-in:${person.id}`);
      expect(keys).toEqual(expect.arrayContaining([`check-in:${newcomer.id}`, `check-in:${elsewhere.id}`]));
      expect(readdirSync(mail)).toEqual([mailFile(recent)]);

      // The rules are on the retention page and the privacy notice.
      const page = visibleText((await admin.get('/data-protection/retention')).text);
      for (const name of ['Ended sign-in sessions', 'Used or expired sign-in links', 'Wrong check-in codes', 'Development mail']) expect(page).toContain(name);
      const notice = visibleText((await ctx().client().get('/privacy')).text);
      expect(notice).toContain('Ended sign-in sessions');
      expect(notice).toContain('Wrong check-in codes');
    });
  });

  describe('privacy notice and record of processing', () => {
    it('tells anyone, signed in or not, what Waymark keeps and for how long', async () => {
      const page = await ctx().client().get('/privacy');
      expect(page.status).toBe(200);
      const text = visibleText(page.text);
      expect(text).toContain('Privacy notice');
      for (const part of features.personalDataHolds) for (const line of part.holds) expect(text).toContain(visibleText(line));
      expect(text).toContain('Unsuccessful applications');
      expect(text).toContain('kept for 6 months');
    });

    it('gives the data protection officer the record of processing activities as CSV', async () => {
      const csv = await dpoClient.get('/data-protection/record-of-processing.csv');
      expect(csv.status).toBe(200);
      expect(csv.text).toContain('Processing activity,Personal data,Data subjects,Purpose,Lawful basis');
      expect(csv.text).toContain('Unsuccessful applications: 6 months, then deleted');
      expect(csv.text).toContain('Audit');
    });
  });
});
