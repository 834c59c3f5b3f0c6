import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { DAY } from '../../platform/db/clock';
import { listRolesHeld } from './staff.roles-held';

/** The "Roles held" section of a staff record page, as text. */
function rolesHeldSection(html: string): string {
  const text = visibleText(html);
  const start = text.indexOf('Roles held');
  return start < 0 ? '' : text.slice(start, text.indexOf('Roles in Waymark', start));
}

describeEachEngine('roles held on the staff record', (ctx) => {
  let world: World;
  let schoolAdmin: TestClient;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    schoolAdmin = ctx().client();
    await signIn(schoolAdmin, world.schoolAdminA.email);
  });

  const form = (person: { email: string }, overrides: Record<string, string> = {}) => ({
    givenName: 'Nadia',
    familyName: 'Rahman',
    email: person.email,
    schoolId: world.schoolA.id,
    jobTitle: 'Teacher of Science',
    staffType: 'teaching',
    'startedInSchoolsOn-day': '1',
    'startedInSchoolsOn-month': '9',
    'startedInSchoolsOn-year': '2021',
    leadershipLevel: 'none',
    lineManagerEmail: '',
    trn: '',
    misStaffId: '',
    ...overrides,
  });

  it('someone added gets their first role, from the day they were added', async () => {
    const email = `first.${Date.now()}@example.org`;
    const added = await schoolAdmin.post('/staff', { ...form({ email }), jobTitle: 'Teacher of Art', invite: 'no' });
    expect(added.status).toBe(303);
    const page = await schoolAdmin.get(added.location?.split('?')[0] ?? '');
    expect(rolesHeldSection(page.text)).toContain(`Teacher of Art Not in a leadership role ${world.schoolA.name} 24 November 2026 Now`);
  });

  it('a promotion keeps the old role, ended on the day of the change, and the new one is current', async () => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, jobTitle: 'Teacher of Science' });
    const saved = await schoolAdmin.post(`/staff/${person.id}`, form(person, { jobTitle: 'Head of Science', leadershipLevel: 'middle' }));
    expect(saved.status).toBe(303);
    const section = rolesHeldSection((await schoolAdmin.get(`/staff/${person.id}`)).text);
    expect(section).toContain(`Head of Science Middle leader ${world.schoolA.name} 24 November 2026 Now`);
    expect(section).toContain(`Teacher of Science Not in a leadership role ${world.schoolA.name} 1 November 2026 24 November 2026`);
    expect(section.indexOf('Head of Science')).toBeLessThan(section.indexOf('Teacher of Science'));

    ctx().clock.advance(40 * DAY);
    try {
      const admin = ctx().client();
      await signIn(admin, world.schoolAdminA.email);
      await admin.post(`/staff/${person.id}`, form(person, { jobTitle: 'Assistant Headteacher', leadershipLevel: 'senior' }));
      const roles = await listRolesHeld(ctx().db, person.id);
      expect(roles).toEqual([
        { jobTitle: 'Assistant Headteacher', leadershipLevel: 'senior', schoolName: world.schoolA.name, from: '2027-01-03', to: null },
        { jobTitle: 'Head of Science', leadershipLevel: 'middle', schoolName: world.schoolA.name, from: '2026-11-24', to: '2027-01-03' },
        { jobTitle: 'Teacher of Science', leadershipLevel: 'none', schoolName: world.schoolA.name, from: '2026-11-01', to: '2026-11-24' },
      ]);
    } finally {
      ctx().clock.advance(-40 * DAY);
    }
  });

  it('a correction on the day a role began changes that role instead of adding one; other changes add nothing', async () => {
    const email = `typo.${Date.now()}@example.org`;
    const added = await schoolAdmin.post('/staff', { ...form({ email }), jobTitle: 'Teacher of Sceince', invite: 'no' });
    const id = added.location?.split('?')[0]?.split('/').pop() ?? '';
    await schoolAdmin.post(`/staff/${id}`, form({ email }, { jobTitle: 'Teacher of Science' }));
    await schoolAdmin.post(`/staff/${id}`, form({ email }, { jobTitle: 'Teacher of Science', trn: '7654321' }));
    const roles = await listRolesHeld(ctx().db, id);
    expect(roles).toEqual([{ jobTitle: 'Teacher of Science', leadershipLevel: 'none', schoolName: world.schoolA.name, from: '2026-11-24', to: null }]);
  });

  it('a leaver’s role ends on the day they are deactivated', async () => {
    const email = `leaver.${Date.now()}@example.org`;
    const added = await schoolAdmin.post('/staff', { ...form({ email }), invite: 'no' });
    const id = added.location?.split('?')[0]?.split('/').pop() ?? '';
    ctx().clock.advance(10 * DAY);
    try {
      const admin = ctx().client();
      await signIn(admin, world.schoolAdminA.email);
      await admin.post(`/staff/${id}/deactivate`);
      expect(await listRolesHeld(ctx().db, id)).toEqual([
        { jobTitle: 'Teacher of Science', leadershipLevel: 'none', schoolName: world.schoolA.name, from: '2026-11-24', to: '2026-12-04' },
      ]);
    } finally {
      ctx().clock.advance(-10 * DAY);
    }
  });

  it('the person and their line manager see the roles held; a colleague does not', async () => {
    const self = ctx().client();
    await signIn(self, world.report.email);
    expect(rolesHeldSection((await self.get(`/staff/${world.report.id}`)).text)).toContain('The jobs you have held');
    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    expect(rolesHeldSection((await manager.get(`/staff/${world.report.id}`)).text)).toContain(`The jobs ${world.report.givenName} has held`);
    const colleague = ctx().client();
    await signIn(colleague, world.staff.email);
    expect((await colleague.get(`/staff/${world.report.id}`)).status).toBe(404);
  });

  it('a staff import that changes someone’s job title keeps their old role', async () => {
    const t = Date.now().toString(36);
    const file = (jobTitle: string) =>
      [
        'Legal First Name,Legal Last Name,Work Email Address,Job Title,Staff Type,Employment Start Date,Staff ID',
        `Grace,Hopper,grace.${t}@aspen.sch.uk,${jobTitle},Teacher,1 September 2009,G${t}`,
      ].join('\r\n');
    async function importFile(content: string) {
      // Signed in afresh each time: a sign-in session lapses while the clock moves on a month.
      const admin = ctx().client();
      await signIn(admin, world.orgAdmin.email);
      const uploaded = await admin.upload('/import', { defaultSchoolId: world.schoolA.id }, { field: 'file', name: 'staff.csv', content });
      expect(uploaded.status).toBe(303);
      const applied = await admin.post(`${uploaded.location}/apply`);
      expect(applied.status, `${uploaded.location} ${visibleText(applied.text).slice(0, 300)}`).toBe(303);
    }
    await importFile(file('Assistant Headteacher'));
    const grace = await ctx().db.selectFrom('people').select('id').where('email_normalised', '=', `grace.${t}@aspen.sch.uk`).executeTakeFirstOrThrow();
    expect(await listRolesHeld(ctx().db, grace.id)).toHaveLength(1);
    ctx().clock.advance(30 * DAY);
    try {
      await importFile(file('Deputy Headteacher'));
      const roles = await listRolesHeld(ctx().db, grace.id);
      expect(roles.map((r) => [r.jobTitle, r.from, r.to])).toEqual([
        ['Deputy Headteacher', '2026-12-24', null],
        ['Assistant Headteacher', '2026-11-24', '2026-12-24'],
      ]);
      await importFile(file('Deputy Headteacher'));
      expect(await listRolesHeld(ctx().db, grace.id), 'the same file again changes nothing').toHaveLength(2);
    } finally {
      ctx().clock.advance(-30 * DAY);
    }
  });
});
