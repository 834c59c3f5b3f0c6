import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import type { TestClient } from '../../../test/support/http';
import { type ErasedPerson, everyRow, rowsNaming } from '../../../test/support/erasure';
import { features } from '../../features';
import { FixedClock } from '../../platform/db/clock';
import { DEMO_PASSWORD, seedDemo } from '../../platform/demo';
import { readZip } from './zip';

type DemoPerson = ErasedPerson;

describeEachEngine('subject access and erasure', (ctx) => {
  let admin: TestClient;
  let people: DemoPerson[];

  async function person(id: string): Promise<DemoPerson> {
    const p = await ctx().db.selectFrom('people').select(['id', 'given_name', 'family_name', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
    return { id: p.id, name: `${p.given_name} ${p.family_name}`, email: p.email };
  }

  beforeAll(async () => {
    await seedDemo(ctx().db, new FixedClock(), features.demoSteps);
    const hr = await ctx()
      .db.selectFrom('people')
      .select('email')
      .where('given_name', '=', 'Priya')
      .where('family_name', '=', 'Shah')
      .executeTakeFirstOrThrow();
    admin = ctx().client();
    const signedIn = await admin.post('/sign-in', { email: hr.email, password: DEMO_PASSWORD });
    expect(signedIn.status).toBe(303);
    // The people the demo says most about: in the most rows of the most tables (a participant with a
    // full record, a mentor, a line manager who endorsed and signed off…), besides the admin herself.
    const all = await ctx().db.selectFrom('people').select(['id', 'email']).where('email', 'not like', '%@erased.invalid').execute();
    const rows = await everyRow(ctx().db);
    const spread = all
      .filter((p) => p.email !== hr.email)
      .map((p) => ({ id: p.id, tables: new Set(rows.filter((r) => r.text.includes(p.id)).map((r) => r.table)).size }))
      .sort((a, b) => b.tables - a.tables);
    people = await Promise.all(spread.slice(0, 4).map((p) => person(p.id)));
  }, 300_000);

  it('an organisation admin requests an export; the worker makes a ZIP with a summary, data for each feature, the files and what is withheld, and the download is audited', async () => {
    const [subject] = people;
    if (!subject) throw new Error('no demo person');
    const requested = await admin.post(`/subject-rights/people/${subject.id}/exports`);
    expect(requested.status).toBe(303);
    const waiting = await admin.get(`/subject-rights/people/${subject.id}?requested=1`);
    expect(waiting.text).toContain('Export requested');
    expect(waiting.text).toContain('Being prepared');
    await ctx().deliverMail();
    const ready = await admin.get(`/subject-rights/people/${subject.id}`);
    const link = /href="(\/subject-rights\/exports\/[^"]+\/download)"/.exec(ready.text)?.[1];
    expect(link).toBeDefined();
    const download = await admin.getBytes(link ?? '');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    const files = readZip(download.bytes);
    const summary = files.get('summary.html')?.toString('utf8') ?? '';
    expect(summary).toContain(`Personal data held about ${subject.name.replace("'", '&#39;')}`);
    expect(summary).toContain('What is withheld, and why');
    const staff = JSON.parse(files.get('data/staff.json')?.toString('utf8') ?? '{}');
    expect(staff['staff record'][0].email).toBe(subject.email);
    // The history of the roles they held is theirs to see too.
    expect(staff['roles held'].length).toBeGreaterThan(0);
    expect(staff['roles held'][0]).toMatchObject({ person_id: subject.id, started_on: expect.any(String) });
    expect(files.has('withheld.json')).toBe(true);
    // The same summary as a PDF, for those who would rather print or file it.
    const pdf = files.get('summary.pdf') ?? Buffer.alloc(0);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
    expect(pdf.length).toBeGreaterThan(2000);
    expect([...files.keys()].filter((f) => f.startsWith('data/')).length).toBeGreaterThan(3);
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', subject.id)
      .where('action', 'in', ['subject_access_requested', 'subject_access_downloaded'])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['subject_access_downloaded', 'subject_access_requested']);
  });

  it('the erase step says what will happen and asks for the credentials choice and a confirmation; without them nothing is erased', async () => {
    const [subject] = people;
    if (!subject) throw new Error('no demo person');
    const confirm = await admin.get(`/subject-rights/people/${subject.id}/erase`);
    expect(confirm.text).toContain('Erasure cannot be undone');
    expect(confirm.text).toContain('Keep them verifiable');
    const refused = await admin.post(`/subject-rights/people/${subject.id}/erase`, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('There is a problem');
    expect(refused.text).toContain('Choose whether their certificates stay verifiable or are revoked');
    expect(await ctx().db.selectFrom('people').select('id').where('id', '=', subject.id).executeTakeFirst()).toBeDefined();
  });

  it('an admin cannot erase themselves, and no one but an organisation admin reaches erasure', async () => {
    const me = await ctx().db.selectFrom('people').select('id').where('given_name', '=', 'Priya').where('family_name', '=', 'Shah').executeTakeFirstOrThrow();
    const page = await admin.post(`/subject-rights/people/${me.id}/erase`, { credentials: 'keep', confirmed: 'yes' });
    expect(page.text).toContain('You cannot erase yourself');
  });

  it('after erasure no row in any table holds the person’s id, email or name, and others’ records still read right', async () => {
    const before = await everyRow(ctx().db);
    for (const [i, subject] of people.entries()) {
      expect(rowsNaming(before, subject).length).toBeGreaterThan(0);
      const erased = await admin.post(`/subject-rights/people/${subject.id}/erase`, { credentials: i % 2 === 0 ? 'keep' : 'revoke', confirmed: 'yes' });
      expect(erased.status, erased.text.slice(0, 2000)).toBe(303);
      // The worker carries the erasure out; its page then links to what was done.
      await ctx().deliverMail();
      const progress = await admin.get(erased.location ?? '');
      expect(progress.text).not.toContain(subject.name);
      const link = /href="(\/subject-rights\/erasures\/[^"]+)"/.exec(progress.text)?.[1];
      expect(link, progress.text.slice(0, 2000)).toBeDefined();
      const result = await admin.get(link ?? '');
      expect(result.text).toContain('This record names no one');
      expect(result.text).not.toContain(subject.name);
      const after = await everyRow(ctx().db);
      expect(rowsNaming(after, subject), `${subject.name} is still named`).toEqual([]);
    }
    // The admin's list shows the erasures, naming no one.
    const overview = await admin.get('/subject-rights');
    expect(overview.text).toContain('Kept verifiable');
    for (const subject of people) expect(overview.text).not.toContain(subject.name);
    // Aggregates stay right: every pairing still has its mentor (a former member of staff where erased).
    const orphans = await ctx()
      .db.selectFrom('mentoring_pairings')
      .leftJoin('people', 'people.id', 'mentoring_pairings.mentor_id')
      .select('mentoring_pairings.id')
      .where('people.id', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
  }, 300_000);

  it('every other person of the demo can be erased too, one after another, leaving no trace of any of them', async () => {
    const admins = await ctx()
      .db.selectFrom('people')
      .select(['email', 'organisation_id'])
      .where('given_name', '=', 'Priya')
      .where('family_name', '=', 'Shah')
      .executeTakeFirstOrThrow();
    // The demo trust's people: another organisation's (the shared library's Fenland Schools Partnership) are its own admin's to erase.
    const rest = await ctx()
      .db.selectFrom('people')
      .select('id')
      .where('organisation_id', '=', admins.organisation_id)
      .where('email', 'not like', '%@erased.invalid')
      .where('email', '!=', admins.email)
      .execute();
    const erased: DemoPerson[] = [];
    for (const { id } of rest) {
      const subject = await person(id);
      const done = await admin.post(`/subject-rights/people/${id}/erase`, { credentials: 'revoke', confirmed: 'yes' });
      expect(done.status, `${subject.name}: ${done.text.slice(0, 300)}`).toBe(303);
      erased.push(subject);
    }
    await ctx().deliverMail();
    const after = await everyRow(ctx().db);
    expect(erased.flatMap((p) => rowsNaming(after, p))).toEqual([]);
  }, 600_000);
});
