import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeSchool, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import type { TestClient } from '../../../test/support/http';
import { visibleText } from '../../../test/support/http';
import { DAY } from '../../platform/db/clock';
import { item } from '../../../test/support/present';

/** The people listed on a directory page, by id, in order. */
function personIds(html: string): string[] {
  return [...html.matchAll(/<a class="govuk-link" href="\/staff\/([^"/]+)">/g)].map((m) => m[1] ?? '');
}

/** The address of a page's "Next" or "Previous" link, if it has one. */
function paginationHref(html: string, rel: 'next' | 'prev'): string | undefined {
  const href = html.match(new RegExp(`<a[^>]*href="([^"]+)"[^>]*rel="${rel}"`))?.[1] ?? html.match(new RegExp(`<a[^>]*rel="${rel}"[^>]*href="([^"]+)"`))?.[1];
  return href?.replaceAll('&amp;', '&');
}
const nextHref = (html: string) => paginationHref(html, 'next');
const previousHref = (html: string) => paginationHref(html, 'prev');

describeEachEngine('the staff directory', (ctx) => {
  let world: World;
  let orgAdmin: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    for (let i = 0; i < 30; i++)
      await makePerson(ctx().db, {
        organisationId: world.organisation.id,
        schoolId: world.schoolB.id,
        familyName: `Zimmer${String(i).padStart(2, '0')}`,
        jobTitle: 'Teaching assistant',
        staffType: 'associate',
      });
    await makePerson(ctx().db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolA.id,
      givenName: 'Wendy',
      familyName: 'Leaver',
      status: 'deactivated',
    });
    orgAdmin = ctx().client();
    await signIn(orgAdmin, world.orgAdmin.email);
  });

  it('an organisation admin finds someone by part of their name, email or job title', async () => {
    const byName = visibleText((await orgAdmin.get(`/staff?q=${encodeURIComponent(world.report.familyName.slice(0, 8).toLowerCase())}`)).text);
    expect(byName).toContain(world.report.familyName);
    const byEmail = visibleText((await orgAdmin.get(`/staff?q=${encodeURIComponent(world.staff.email)}`)).text);
    expect(byEmail).toContain('Showing 1 to 1 of 1 person');
    const byTitle = visibleText((await orgAdmin.get('/staff?q=teaching+assistant')).text);
    expect(byTitle).toContain('of 30 people');
  });

  it('filters narrow the list, and 25 are shown a page with links to the rest', async () => {
    const first = await orgAdmin.get(`/staff?school=${world.schoolB.id}&staffType=associate`);
    expect(visibleText(first.text)).toContain('Showing 1 to 25 of 30 people');
    expect(first.text).toContain('govuk-pagination');
    const second = await orgAdmin.get(nextHref(first.text) ?? '');
    expect(visibleText(second.text)).toContain('Showing 26 to 30 of 30 people');
    expect(visibleText(second.text)).toContain('Zimmer29');
    const admins = visibleText((await orgAdmin.get('/staff?role=school_admin')).text);
    expect(admins).toContain('of 2 people');
  });

  it('paging through a run of people with the same name shows each of them once, forwards and back', async () => {
    const school = await makeSchool(ctx().db, world.organisation.id, { name: 'Samesby School' });
    const made = new Set<string>();
    for (let i = 0; i < 60; i++)
      made.add((await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: school.id, givenName: 'Sam', familyName: 'Same' })).id);
    // Forwards with "Next": three pages, 25, 25 and 10, every boundary inside the run of "Same, Sam".
    const pages: string[][] = [];
    let href: string | undefined = `/staff?school=${school.id}`;
    while (href) {
      const page = await orgAdmin.get(href);
      expect(page.status).toBe(200);
      pages.push(personIds(page.text));
      href = nextHref(page.text);
    }
    expect(pages.map((p) => p.length)).toEqual([25, 25, 10]);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(60);
    expect(new Set(seen)).toEqual(made);
    // The last page says where it is, and "Previous" goes back over the same pages.
    const last = await orgAdmin.get(`/staff?school=${school.id}&after=${pages[1]?.at(-1)}`);
    expect(visibleText(last.text)).toContain('Showing 51 to 60 of 60 people');
    const middle = await orgAdmin.get(previousHref(last.text) ?? '');
    expect(visibleText(middle.text)).toContain('Showing 26 to 50 of 60 people');
    expect(personIds(middle.text)).toEqual(pages[1]);
    const firstAgain = await orgAdmin.get(previousHref(middle.text) ?? '');
    expect(visibleText(firstAgain.text)).toContain('Showing 1 to 25 of 60 people');
    expect(personIds(firstAgain.text)).toEqual(pages[0]);
    expect(previousHref(firstAgain.text)).toBeUndefined();
  });

  it('a page address naming someone unknown starts at the beginning', async () => {
    const page = await orgAdmin.get(`/staff?school=${world.schoolB.id}&staffType=associate&after=nobody&before=`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Showing 1 to 25 of 30 people');
  });

  it('a search for % or _ matches those characters, not everything', async () => {
    expect(visibleText((await orgAdmin.get('/staff?q=%25')).text)).toContain('No staff match your search');
    expect(visibleText((await orgAdmin.get('/staff?q=_')).text)).toContain('No staff match your search');
  });

  it('deactivated people are hidden unless asked for', async () => {
    expect(visibleText((await orgAdmin.get('/staff?q=leaver')).text)).toContain('No staff match your search');
    expect(visibleText((await orgAdmin.get('/staff?q=leaver&status=deactivated')).text)).toContain('Deactivated');
  });

  it('nonsense in the query string is ignored rather than failing', async () => {
    const page = await orgAdmin.get('/staff?page=-4&staffType=wizard&status=%00&level=1');
    expect(page.status).toBe(200);
  });

  it('a school admin sees only their school, and a line manager only their reports', async () => {
    const schoolAdmin = ctx().client();
    await signIn(schoolAdmin, world.schoolAdminB.email);
    const theirs = visibleText((await schoolAdmin.get('/staff')).text);
    expect(theirs).toContain('Zimmer00');
    expect(theirs).not.toContain(world.report.familyName);
    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    const reports = visibleText((await manager.get('/staff')).text);
    expect(reports).toContain('Showing 1 to 1 of 1 person');
    expect(reports).toContain(world.report.familyName);
  });
});

describeEachEngine('changing staff records', (ctx) => {
  let world: World;
  let schoolAdmin: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    schoolAdmin = ctx().client();
    await signIn(schoolAdmin, world.schoolAdminA.email);
  });

  const validForm = (overrides: Record<string, string> = {}) => ({
    givenName: 'Nadia',
    familyName: 'Rahman',
    email: `nadia.${Math.random().toString(36).slice(2)}@example.org`,
    schoolId: world.schoolA.id,
    jobTitle: 'Teacher of Science',
    staffType: 'teaching',
    'startedInSchoolsOn-day': '1',
    'startedInSchoolsOn-month': '9',
    'startedInSchoolsOn-year': '2021',
    leadershipLevel: 'none',
    lineManagerEmail: world.lineManager.email,
    trn: '1234567',
    misStaffId: '',
    ...overrides,
  });

  it('a school admin adds a teacher, who is invited by email and can set a password', async () => {
    const form = validForm();
    const added = await schoolAdmin.post('/staff', { ...form, invite: 'yes' });
    expect(added.status).toBe(303);
    const page = visibleText((await schoolAdmin.get(added.location ?? '')).text);
    expect(page).toContain('Member of staff added and invitation sent');
    expect(page).toContain('1 September 2021');
    expect(page).toContain(`Line manager Lena`);
    await ctx().deliverMail();
    const email = ctx().mailer.sent.find((e) => e.to === form.email);
    expect(email?.subject).toBe('Northern Lights Trust has invited you to Waymark');
    const link = /http:\/\/localhost(\/invitation\/\S+)/.exec(email?.text ?? '')?.[1] ?? '';
    const newcomer = ctx().client();
    expect(visibleText((await newcomer.get(link)).text)).toContain('Welcome to Waymark, Nadia');
    expect((await newcomer.post(link, { password: 'a very good password', confirmPassword: 'a very good password' })).status).toBe(303);
    expect(newcomer.hasSession()).toBe(true);
  });

  it('bad input is shown on the same page with what was typed, and nothing is saved', async () => {
    const before = await ctx()
      .db.selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const page = await schoolAdmin.post(
      '/staff',
      validForm({ givenName: '', email: 'not-an-email', 'startedInSchoolsOn-day': '31', 'startedInSchoolsOn-month': '2', trn: '12', familyName: 'Keepme' }),
    );
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('Enter a first name');
    expect(text).toContain('Enter an email address in the correct format');
    expect(text).toContain('Date started in schools must be a real date');
    expect(text).toContain('Teacher reference number (TRN) must be 7 digits');
    expect(page.text).toContain('value="Keepme"');
    expect(page.text).toContain('href="#startedInSchoolsOn-day"');
    const after = await ctx()
      .db.selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('two people cannot share an email address, and a line manager must exist', async () => {
    const duplicate = await schoolAdmin.post('/staff', validForm({ email: world.staff.email.toUpperCase() }));
    expect(visibleText(duplicate.text)).toContain('Someone in your organisation already has this email address');
    // An address taken in another organisation: refused, with nothing said about that person or organisation.
    const elsewhere = visibleText((await schoolAdmin.post('/staff', validForm({ email: world.otherAdmin.email }))).text);
    expect(elsewhere).toContain('This email address cannot be used. Check it is the person’s own work email address');
    expect(elsewhere).not.toMatch(/another (person|organisation)|already has/i);
    const unknown = await schoolAdmin.post('/staff', validForm({ lineManagerEmail: 'ghost@example.org' }));
    expect(visibleText(unknown.text)).toContain('No one in your organisation has this email address');
    const outsider = await schoolAdmin.post('/staff', validForm({ lineManagerEmail: world.otherAdmin.email }));
    expect(visibleText(outsider.text)).toContain('No one in your organisation has this email address');
  });

  it('a school admin cannot put someone in a school they do not administer', async () => {
    const page = await schoolAdmin.post('/staff', validForm({ schoolId: world.schoolB.id }));
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Select a school from the list');
  });

  it('editing refuses a line-management loop', async () => {
    const page = await schoolAdmin.post(
      `/staff/${world.lineManager.id}`,
      validForm({ givenName: 'Lena', email: world.lineManager.email, lineManagerEmail: world.report.email }),
    );
    expect(visibleText(page.text)).toContain('This would make a loop');
  });

  it('an edit is saved and recorded in the audit log', async () => {
    const page = await schoolAdmin.post(
      `/staff/${world.staff.id}`,
      validForm({ givenName: 'Sian', familyName: 'Edwards', email: world.staff.email, leadershipLevel: 'middle', lineManagerEmail: '' }),
    );
    expect(page.location).toBe(`/staff/${world.staff.id}?done=saved`);
    const text = visibleText((await schoolAdmin.get(page.location ?? '')).text);
    expect(text).toContain('Sian Edwards');
    expect(text).toContain('Middle leader');
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'person_updated')
      .where('subject_id', '=', world.staff.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail).changed).toContain('family_name');
  });

  it('a title (how pupils address them) is kept on the staff record; a long one is refused on the same page', async () => {
    const long = await schoolAdmin.post(`/staff/${world.staff.id}`, validForm({ title: 'Mr'.repeat(11), email: world.staff.email, lineManagerEmail: '' }));
    expect(long.status).toBe(400);
    expect(visibleText(long.text)).toContain('Title must be 20 characters or fewer');
    const saved = await schoolAdmin.post(`/staff/${world.staff.id}`, validForm({ title: ' Ms ', email: world.staff.email, lineManagerEmail: '' }));
    expect(saved.status).toBe(303);
    expect((await ctx().db.selectFrom('people').select('title').where('id', '=', world.staff.id).executeTakeFirstOrThrow()).title).toBe('Ms');
    expect((await schoolAdmin.get(`/staff/${world.staff.id}/edit`)).text).toMatch(/id="title"[^>]*value="Ms"|value="Ms"[^>]*id="title"/);
    await schoolAdmin.post(`/staff/${world.staff.id}`, validForm({ title: '', email: world.staff.email, lineManagerEmail: '' }));
    expect((await ctx().db.selectFrom('people').select('title').where('id', '=', world.staff.id).executeTakeFirstOrThrow()).title).toBeNull();
  });

  it('a deactivated person is signed out, cannot sign in, and can be reactivated', async () => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id });
    const theirClient = ctx().client();
    await signIn(theirClient, person.email);
    expect(visibleText((await schoolAdmin.get(`/staff/${person.id}/deactivate`)).text)).toContain('They will be signed out everywhere');
    await schoolAdmin.post(`/staff/${person.id}/deactivate`);
    expect((await theirClient.get('/account')).location).toMatch(/^\/sign-in/);
    await expect(signIn(ctx().client(), person.email)).rejects.toThrow();
    const row = await ctx().db.selectFrom('people').select(['status']).where('id', '=', person.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('deactivated');
    await schoolAdmin.post(`/staff/${person.id}/reactivate`);
    await signIn(ctx().client(), person.email);
  });

  it('an admin cannot deactivate themselves', async () => {
    const page = await schoolAdmin.post(`/staff/${world.schoolAdminA.id}/deactivate`);
    expect(page.status).toBe(409);
    expect(visibleText(page.text)).toContain('You cannot deactivate yourself');
  });

  it('an invitation expires after 14 days and can be sent again; the old link stops working', async () => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, withPassword: false });
    await schoolAdmin.post(`/staff/${person.id}/invite`);
    await ctx().deliverMail();
    const first = /localhost(\/invitation\/\S+)/.exec(ctx().mailer.sent.at(-1)?.text ?? '')?.[1] ?? '';
    ctx().clock.advance(15 * DAY);
    // The admin's own session has expired by now too.
    schoolAdmin = ctx().client();
    await signIn(schoolAdmin, world.schoolAdminA.email);
    expect(visibleText((await schoolAdmin.get(`/staff/${person.id}`)).text)).toContain('The invitation has expired');
    expect(visibleText((await ctx().client().get(first)).text)).toContain('This link has expired');
    await schoolAdmin.post(`/staff/${person.id}/invite`);
    await ctx().deliverMail();
    const second = /localhost(\/invitation\/\S+)/.exec(ctx().mailer.sent.at(-1)?.text ?? '')?.[1] ?? '';
    expect(second).not.toBe(first);
    expect((await ctx().client().get(second)).status).toBe(200);
    ctx().clock.advance(-15 * DAY);
  });
});

describeEachEngine('roles', (ctx) => {
  it('an organisation admin makes someone a school admin, who then can manage that school’s staff', async () => {
    const world = await makeWorld(ctx().db);
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const missingSchool = await admin.post(`/staff/${world.staff.id}/roles`, { role: 'school_admin' });
    expect(missingSchool.status).toBe(400);
    expect(visibleText(missingSchool.text)).toContain('Select the school they will administer');
    expect((await admin.post(`/staff/${world.staff.id}/roles`, { role: 'school_admin', schoolId: world.schoolA.id })).status).toBe(303);
    const twice = await admin.post(`/staff/${world.staff.id}/roles`, { role: 'school_admin', schoolId: world.schoolA.id });
    expect(visibleText(twice.text)).toContain('They already have this role');
    const promoted = ctx().client();
    await signIn(promoted, world.staff.email);
    expect((await promoted.get('/staff')).status).toBe(200);
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'role_granted')
      .where('subject_id', '=', world.staff.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('the last organisation admin cannot lose the role', async () => {
    const world = await makeWorld(ctx().db);
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const grant = await ctx().db.selectFrom('role_grants').select('id').where('person_id', '=', world.orgAdmin.id).executeTakeFirstOrThrow();
    const page = await admin.post(`/staff/${world.orgAdmin.id}/roles/${grant.id}/remove`);
    expect(page.status).toBe(409);
    expect(visibleText(page.text)).toContain('needs at least one organisation admin');
  });
});

describeEachEngine('inviting everyone who cannot sign in yet', (ctx) => {
  it('a school admin invites their school’s new staff in one go, and nobody twice', async () => {
    const world = await makeWorld(ctx().db);
    const newcomers: TestPerson[] = [];
    for (let i = 0; i < 3; i++)
      newcomers.push(
        await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, withPassword: false, familyName: `Newcomer${i}` }),
      );
    const elsewhere = await makePerson(ctx().db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolB.id,
      withPassword: false,
      familyName: 'Elsewhere',
    });
    const admin = ctx().client();
    await signIn(admin, world.schoolAdminA.email);
    const list = visibleText((await admin.get('/staff/invitations')).text);
    expect(list).toContain('3 people to invite');
    expect(list).toContain('who cannot sign in yet and has no invitation that still works');
    expect(list).toContain('Newcomer0');
    expect(list).not.toContain('Elsewhere');
    const sent = await admin.post('/staff/invitations');
    expect(sent.location).toBe('/staff/invitations?sent=3');
    expect(visibleText((await admin.get(sent.location ?? '')).text)).toContain('3 invitations sent');
    expect(visibleText((await admin.get('/staff/invitations')).text)).toContain('There is nobody to invite');
    await ctx().deliverMail();
    const invited = ctx().mailer.sent.filter((e) => newcomers.some((n) => n.email === e.to));
    expect(invited).toHaveLength(3);
    expect(ctx().mailer.sent.some((e) => e.to === elsewhere.email)).toBe(false);
    // Each link works for its own person.
    const link = /localhost(\/invitation\/\S+)/.exec(item(invited, 0).text)?.[1] ?? '';
    expect(visibleText((await ctx().client().get(link)).text)).toContain(`(${item(invited, 0).to})`);
    // Once an invitation expires, the person is listed again.
    ctx().clock.advance(15 * DAY);
    const later = ctx().client();
    await signIn(later, world.schoolAdminA.email);
    expect(visibleText((await later.get('/staff/invitations')).text)).toContain('3 people to invite');
    ctx().clock.advance(-15 * DAY);
  });
});
