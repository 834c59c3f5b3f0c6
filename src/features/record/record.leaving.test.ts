import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { pdfText } from '../../../test/support/pdf';
import { makeProgrammeWorld } from '../../../test/support/programme-world';
import { makeProjectsWorld } from '../../../test/support/worlds/projects';
import { features } from '..';
import { newId } from '../../platform/db/ids';
import { applyRetention, monthsBefore } from '../data-protection/data-protection.service';
import { everyRow } from '../../../test/support/erasure';

// A teacher adds a personal email (confirmed by a link) and a TRN that nobody else sees; their school
// deactivates them when they leave, and they are told at the personal address how to keep their
// record; they sign in to a personal account that reaches their own record and nothing of the
// school's; at a new organisation on the same Waymark they link their new account, and the record
// comes with them. A record file of someone else's is refused on import. What they included stays
// theirs: certificates and entries, programmes completed, projects with their impact and roles held,
// on their page, links, PDF and record file; six years after they left, the school's role history
// goes, but the roles they included stay in their record.

const PERSONAL = 'ravi.personal@example.net';

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

describeEachEngine('leaving a school and keeping the leadership record', (ctx) => {
  let world: World;
  let teacher: TestClient;
  let admin: TestClient;
  let leaver: TestClient;
  let arrival: TestPerson;
  let entryId: string;
  let shareId: string;
  let projectId: string;
  let programmeTitle: string;

  const mailTo = async (to: string) => {
    await ctx().deliverMail();
    const email = ctx()
      .mailer.sent.filter((e) => e.to === to)
      .at(-1);
    if (!email) throw new Error(`no email to ${to}`);
    return email;
  };

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    teacher = ctx().client({ address: '10.6.0.1' });
    admin = ctx().client({ address: '10.6.0.2' });
    leaver = ctx().client({ address: '10.6.0.3' });
    await signIn(teacher, world.report.email);
    await signIn(admin, world.orgAdmin.email);
    const added = await teacher.post('/portfolio/new', {
      kind: 'training_delivered',
      title: 'INSET on adaptive teaching',
      reflection: 'Colleagues plan for the whole range of pupils.',
      'startedOn-day': '2',
      'startedOn-month': '11',
      'startedOn-year': '2026',
    });
    entryId = (added.location ?? '').split('/')[3]?.split('?')[0] ?? '';

    // A programme stage completed, a project with its impact, and three roles held, the first before Waymark.
    const db = ctx().db;
    const programmes = await makeProgrammeWorld(db, world);
    await db
      .updateTable('enrolments')
      .set({ status: 'completed', completed_at: '2026-11-20T15:00:00.000Z' })
      .where('id', '=', programmes.enrolmentId)
      .execute();
    programmeTitle = (await db.selectFrom('programmes').select('title').where('id', '=', programmes.programmeId).executeTakeFirstOrThrow()).title;
    projectId = (await makeProjectsWorld(db, world, programmes)).projectId ?? '';
    const role = (jobTitle: string, from: string, to: string | null) => ({
      id: newId(),
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      job_title: jobTitle,
      leadership_level: jobTitle.startsWith('Head') ? ('middle' as const) : ('none' as const),
      school_id: world.schoolA.id,
      started_on: from,
      ended_on: to,
      created_at: '2026-11-01T09:00:00.000Z',
    });
    await db
      .insertInto('roles_held')
      .values([
        role('Teacher of English', '2015-09-01', '2019-08-31'),
        role('Head of Year 9', '2019-09-01', '2024-08-31'),
        role('Head of English', '2024-09-01', null),
      ])
      .execute();

    const form = new URLSearchParams({ statement: 'I lead reading across Key Stage 3.' });
    for (const item of [
      `entry:${entryId}`,
      `programme:${programmes.enrolmentId}`,
      `project:${projectId}`,
      `role:${world.report.id}_2019-09-01`,
      `role:${world.report.id}_2024-09-01`,
    ])
      form.append('items', item);
    expect((await teacher.post('/record', form)).status).toBe(303);
    const mine = visibleText((await teacher.get('/record')).text);
    // The person reads their own roles as theirs; the preview of what a reader sees says whose records they came from.
    expect(mine).toContain(`You were Head of Year 9 at ${world.schoolA.name} from 1 September 2019 to 31 August 2024.`);
    expect(mine).toContain(`You have been Head of English at ${world.schoolA.name} since 1 September 2024.`);
    expect(mine).toContain(`Head of Year 9 at ${world.schoolA.name} Middle leader, from 1 September 2019 to 31 August 2024.`);
    const shared = await teacher.post('/record/shares/new', {
      label: 'Head of English application',
      'expiresOn-day': '31',
      'expiresOn-month': '1',
      'expiresOn-year': '2027',
    });
    shareId = (shared.location ?? '').split('/')[3]?.split('?')[0] ?? '';
  });

  it('refuses a TRN that is not 7 digits and a work address, on the same page, and saves nothing', async () => {
    const page = await teacher.post('/account/personal', { personalEmail: world.staff.email, trn: '12345' });
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Enter a Teacher Reference Number of 7 digits');
    expect(text).toContain('Enter a personal email address, not a work address');
    expect(await ctx().db.selectFrom('personal_accounts').selectAll().execute()).toHaveLength(0);
  });

  it('keeps a personal email (once confirmed by its link) and a TRN that only the person sees', async () => {
    const saved = await teacher.post('/account/personal', { personalEmail: PERSONAL, trn: '12 34 567' });
    expect(saved.location).toBe('/account/personal?done=confirm_sent');
    const email = await mailTo(PERSONAL);
    const link = linkIn(email.text, '/account/confirm');
    // Opening the link (as a mail scanner would) changes nothing; the button confirms.
    expect(visibleText((await ctx().client().get(link)).text)).toContain(`Confirm ${PERSONAL}`);
    expect((await ctx().client().post(link)).status).toBe(303);
    const mine = visibleText((await teacher.get('/account/personal')).text);
    expect(mine).toContain(`Personal email ${PERSONAL}`);
    expect(mine).toContain('Teacher Reference Number 1234567');
    // Neither is shown to an administrator, on the staff record or anywhere they reach.
    const staffRecord = await admin.get(`/staff/${world.report.id}`);
    expect(staffRecord.status).toBe(200);
    expect(staffRecord.text).not.toContain(PERSONAL);
    expect(staffRecord.text).not.toContain('1234567');
    expect(visibleText((await admin.get('/account/personal')).text)).toContain('Personal email Not added');
  });

  it('tells a leaver at their personal address how to keep their record when the school deactivates them', async () => {
    expect((await admin.post(`/staff/${world.report.id}/deactivate`)).status).toBe(303);
    const email = await mailTo(PERSONAL);
    expect(email.subject).toBe('Your leadership record is still yours');
    expect(email.text).toContain('http://localhost/sign-in/personal');
    // The school account is closed.
    expect((await teacher.get('/record')).location).toMatch(/^\/sign-in/);
  });

  it('lets the leaver sign in with a link to their personal address, to their own record and nothing of the school’s', async () => {
    const asked = await leaver.post('/sign-in/personal', { email: PERSONAL.toUpperCase() });
    expect(visibleText(asked.text)).toContain('Check your email');
    const link = linkIn((await mailTo(PERSONAL)).text, '/sign-in/personal');
    expect(visibleText((await leaver.get(link)).text)).toContain('Sign in as Ravi');
    const signedIn = await leaver.post(link);
    expect(signedIn.location).toBe('/record');

    const record = await leaver.get('/record');
    expect(record.status).toBe(200);
    const text = visibleText(record.text);
    expect(text).toContain('INSET on adaptive teaching');
    expect(text).toContain('I lead reading across Key Stage 3.');
    expect(text).toContain('Head of English application');
    // The programme, the project with its impact and the roles stay in their record; the role they held ends the day they left.
    expect(text).toContain(`Programmes completed ${programmeTitle}`);
    expect(text).toContain('Projects and their impact Reading for pleasure in Year 7');
    expect(text).toContain('Pupils reading at home weekly (%)');
    expect(text).toContain(`You were Head of English at ${world.schoolA.name} from 1 September 2024 to 24 November 2026.`);
    expect(text).toContain(`Head of Year 9 at ${world.schoolA.name} Middle leader, from 1 September 2019 to 31 August 2024.`);
    expect((await leaver.get(`/record/shares/${shareId}`)).status).toBe(200);
    const pdf = await leaver.getBytes('/record/record.pdf');
    expect(pdf.status).toBe(200);
    const printed = pdfText(pdf.bytes).replace(/\s+/g, ' ');
    for (const words of ['Programmes completed', programmeTitle, 'Reading for pleasure in Year 7', 'Roles held', 'Head of Year 9 at'])
      expect(printed).toContain(words);
    const file = JSON.parse((await leaver.get('/record/export.json')).text) as {
      credentialSubject: {
        leadershipRecord: { person: object; programmes: { programme: string }[]; projects: { title: string; measures: unknown[] }[]; roles: object[] };
      };
    };
    const kept = file.credentialSubject.leadershipRecord;
    expect(kept.person).toEqual({ name: `Ravi ${world.report.familyName}` });
    expect(kept.programmes.map((p) => p.programme)).toEqual([programmeTitle]);
    expect(kept.projects).toEqual([expect.objectContaining({ title: 'Reading for pleasure in Year 7', measures: [expect.anything()] })]);
    expect(kept.roles).toEqual([
      expect.objectContaining({
        jobTitle: 'Head of English',
        school: world.schoolA.name,
        from: '2024-09-01',
        to: '2026-11-24',
        organisation: world.organisation.name,
      }),
      expect.objectContaining({ jobTitle: 'Head of Year 9', leadershipLevel: 'Middle leader', from: '2019-09-01', to: '2024-08-31' }),
    ]);
    expect(visibleText((await leaver.get('/account')).text)).toContain('nothing of any school’s');

    // Their link still shows a panel what it showed, the roles as the reader reads them.
    const token = (await ctx().db.selectFrom('record_shares').select('token').where('id', '=', shareId).executeTakeFirstOrThrow()).token;
    const shared = visibleText((await ctx().client({ address: '10.6.0.9' }).get(`/shared/${token}`)).text);
    expect(shared).toContain(`Head of English at ${world.schoolA.name} Middle leader, from 1 September 2024 to 24 November 2026.`);
    expect(shared).toContain(`Recorded by Waymark from ${world.organisation.name}’s staff records.`);
    expect(shared).toContain('Reading for pleasure in Year 7');
    expect(shared).not.toContain('You were');

    // Every school page refuses them, the project's own pages and the school's staff record among them; home takes them to their record.
    for (const path of ['/staff', `/staff/${world.report.id}`, '/portfolio', '/notifications', '/reports/skills', '/projects', `/projects/${projectId}`]) {
      const page = await leaver.get(path);
      expect([403, 404], path).toContain(page.status);
    }
    expect((await leaver.get('/')).location).toBe('/record');
    expect((await leaver.post(`/portfolio/entries/${entryId}/remove`)).status).toBe(403);

    // A link that matches nothing signs nobody in.
    expect(
      (
        await ctx()
          .client()
          .post(`/sign-in/personal/${'x'.repeat(43)}`)
      ).status,
    ).toBe(404);
    expect((await leaver.post('/sign-out')).status).toBe(303);
    expect((await leaver.get('/record')).location).toMatch(/^\/sign-in/);
  });

  it('links a new organisation’s account by confirming the personal address, and the record comes with it', async () => {
    arrival = await makePerson(ctx().db, {
      organisationId: world.otherOrganisation.id,
      schoolId: world.otherSchool.id,
      givenName: 'Ravi',
      familyName: world.report.familyName,
    });
    const newcomer = ctx().client({ address: '10.6.0.4' });
    await signIn(newcomer, arrival.email);
    expect(visibleText((await newcomer.get('/record')).text)).not.toContain('INSET on adaptive teaching');
    const asked = await newcomer.post('/account/personal', { personalEmail: PERSONAL, trn: '' });
    expect(asked.location).toBe('/account/personal?done=link_sent');
    const link = linkIn((await mailTo(PERSONAL)).text, '/account/link');
    expect(visibleText((await newcomer.get(link)).text)).toContain('Link your new account to your record');
    const linked = await newcomer.post(link);
    expect(linked.location).toBe('/record?done=linked');

    const record = visibleText((await newcomer.get('/record')).text);
    expect(record).toContain('INSET on adaptive teaching');
    expect(record).toContain('Head of English application');
    const details = visibleText((await newcomer.get('/account/personal')).text);
    expect(details).toContain('Teacher Reference Number 1234567');
    expect(details).toContain(`${world.organisation.name} (left)`);
    expect(details).toContain(world.otherOrganisation.name);

    // The new school sees only what the person shares: not their links, not their record.
    const newAdmin = ctx().client({ address: '10.6.0.5' });
    await signIn(newAdmin, world.otherAdmin.email);
    expect((await newAdmin.get(`/record/shares/${shareId}`)).status).toBe(404);
    expect(visibleText((await newAdmin.get('/record')).text)).not.toContain('INSET on adaptive teaching');
    // The link works once.
    expect((await newcomer.post(link)).status).toBe(404);
  });

  it('brings in only the importer’s own record file: someone else’s is refused with the reason, and nothing is kept', async () => {
    const theirs = ctx().client({ address: '10.6.0.6' });
    await signIn(theirs, world.staff.email);
    const file = (await theirs.get('/record/export.json')).text;
    const newcomer = ctx().client({ address: '10.6.0.7' });
    await signIn(newcomer, arrival.email);
    const upload = (text: string) =>
      newcomer.upload(
        '/record/import',
        {},
        { field: 'file', name: 'leadership-record.json', content: new Uint8Array(Buffer.from(text)), type: 'application/json' },
      );
    const refused = await upload(file);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain(`This record file is Sian ${world.staff.familyName}’s, not yours (Ravi ${world.report.familyName})`);
    expect(await ctx().db.selectFrom('record_imports').selectAll().where('person_id', '=', arrival.id).execute()).toHaveLength(0);

    // A file that carries a TRN is checked by it: theirs with a different number is refused, whatever the name.
    const withTrn = (await newcomer.get('/record/export.json?trn=yes')).text;
    expect(
      (JSON.parse(withTrn) as { credentialSubject: { leadershipRecord: { person: { trn: string } } } }).credentialSubject.leadershipRecord.person.trn,
    ).toBe('1234567');
    expect((await newcomer.post('/account/personal', { personalEmail: PERSONAL, trn: '7654321' })).status).toBe(303);
    const mismatch = await upload(withTrn);
    expect(mismatch.status).toBe(400);
    expect(visibleText(mismatch.text)).toContain('This record file names a different Teacher Reference Number from the one on your account');
    expect(await ctx().db.selectFrom('record_imports').selectAll().where('person_id', '=', arrival.id).execute()).toHaveLength(0);
  });

  it('six years after they left, the school’s role history goes, but the roles they included stay in their record', async () => {
    const { db, clock } = ctx();
    // Six years and a month on, the daily sweep runs with the organisation's default periods.
    const later = { now: () => new Date(monthsBefore(clock.now(), -73)) };
    await applyRetention(db, later, features.retention, { config: { ...ctx().config, DATA_DIR: mkdtempSync(join(tmpdir(), 'waymark-leaving-')) } });
    expect(await db.selectFrom('roles_held').select('id').where('person_id', '=', world.report.id).execute()).toEqual([]);

    const newcomer = ctx().client({ address: '10.6.0.8' });
    await signIn(newcomer, arrival.email);
    const page = await newcomer.get('/record');
    const text = visibleText(page.text);
    expect(text).toContain(`You were Head of Year 9 at ${world.schoolA.name} from 1 September 2019 to 31 August 2024.`);
    expect(text).toContain(`You were Head of English at ${world.schoolA.name} from 1 September 2024 to 24 November 2026.`);
    // The role they left out went with the school's history; nothing empty stands in for it.
    expect(text).not.toContain(`Teacher of English at ${world.schoolA.name}`);
    expect(text).not.toContain('Role held: Not in a leadership role');
    const file = JSON.parse((await newcomer.get('/record/export.json')).text) as { credentialSubject: { leadershipRecord: { roles: object[] } } };
    expect(file.credentialSubject.leadershipRecord.roles).toEqual([
      expect.objectContaining({ jobTitle: 'Head of English', to: '2026-11-24' }),
      expect.objectContaining({ jobTitle: 'Head of Year 9', to: '2024-08-31' }),
    ]);
    // Saving the record again keeps them.
    const form = new URLSearchParams({ statement: 'I lead reading across Key Stage 3.' });
    for (const key of [...page.text.matchAll(/value="(role:[^"]+)" checked/g)].map((m) => m[1] ?? '')) form.append('items', key);
    expect([...form.getAll('items')]).toHaveLength(2);
    expect((await newcomer.post('/record', form)).status).toBe(303);
    expect(visibleText((await newcomer.get('/record')).text)).toContain(`You were Head of Year 9 at ${world.schoolA.name}`);
  });
  it('when the school erases the staff record they left, the roles they included stay in their record and their link, naming nothing of it', async () => {
    const { db } = ctx();
    const erased = world.report.id;
    // A link names what the record held when it was made: here also a role since left out of the record, of which no copy was kept.
    const before = await db.selectFrom('record_shares').select('items').where('id', '=', shareId).executeTakeFirstOrThrow();
    const items = [...(JSON.parse(before.items) as object[]), { kind: 'role', id: `${erased}_2015-09-01` }];
    await db
      .updateTable('record_shares')
      .set({ items: JSON.stringify(items) })
      .where('id', '=', shareId)
      .execute();
    // Signed in afresh: the retention sweep above, run six years on, ended the sessions of the day.
    const eraser = ctx().client({ address: '10.6.0.10' });
    await signIn(eraser, world.orgAdmin.email);
    expect((await eraser.post(`/subject-rights/people/${erased}/erase`, { credentials: 'keep', confirmed: 'yes' })).status).toBe(303);
    await ctx().deliverMail();
    expect(await db.selectFrom('people').select('id').where('id', '=', erased).executeTakeFirst()).toBeUndefined();

    // Nothing anywhere holds the erased staff record's id: not the record's items, not its link.
    const naming = (await everyRow(db)).filter((r) => r.text.includes(erased.toLowerCase())).map((r) => `${r.table}: ${r.text.slice(0, 200)}`);
    expect(naming).toEqual([]);

    const newcomer = ctx().client({ address: '10.6.0.9' });
    await signIn(newcomer, arrival.email);
    const text = visibleText((await newcomer.get('/record')).text);
    expect(text).toContain(`You were Head of Year 9 at ${world.schoolA.name} from 1 September 2019 to 31 August 2024.`);
    expect(text).toContain(`You were Head of English at ${world.schoolA.name} from 1 September 2024 to 24 November 2026.`);
    const share = await db.selectFrom('record_shares').select('items').where('id', '=', shareId).executeTakeFirstOrThrow();
    expect((JSON.parse(share.items) as { kind: string }[]).filter((i) => i.kind === 'role')).toHaveLength(2);
  });
});
