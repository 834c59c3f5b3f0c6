import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import {
  type BuiltCohort,
  type BuiltOrganisation,
  type BuiltPerson,
  buildCohort,
  buildOrganisation,
  buildPerson,
  buildSchool,
} from '../../../test/support/build';
import { makePerson, signIn, type TestPerson } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { item, present } from '../../../test/support/present';

const DECLARATION = 'I have discussed this application with my line manager.';

describeEachEngine('staff of a partner organisation apply with their own account', (ctx) => {
  let provider: BuiltCohort;
  let home: BuiltOrganisation;
  let teacher: BuiltPerson;
  let headteacher: TestPerson;
  let homeAdmin: TestPerson;
  let otherSchoolAdmin: TestPerson;
  let colleagueElsewhere: BuiltPerson;
  let stranger: TestPerson;
  let applicationId: string;

  async function as(person: { email: string }): Promise<TestClient> {
    const client = ctx().client({ address: `10.17.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
    await signIn(client, person.email);
    return client;
  }

  beforeAll(async () => {
    const { db } = ctx();
    provider = await buildCohort(db, { needsLineManager: true, needsHeadteacher: true });
    await db
      .updateTable('programmes')
      .set({ declarations: JSON.stringify([DECLARATION]), title: 'Leadership Pathways' })
      .where('id', '=', provider.programme.id)
      .execute();
    home = await buildOrganisation(db, 'Fenland Schools Partnership');
    const school = await buildSchool(db, { organisation: home, name: 'March Primary School' });
    teacher = await buildPerson(db, { school, lineManager: true, givenName: 'Amira', familyName: 'Patel', leadershipLevel: 'middle' });
    headteacher = await makePerson(db, {
      organisationId: home.id,
      schoolId: school.id,
      givenName: 'Helen',
      roles: [{ role: 'school_admin', schoolId: school.id }],
    });
    homeAdmin = await makePerson(db, { organisationId: home.id, givenName: 'Owen', roles: [{ role: 'org_admin' }] });
    const otherSchool = await buildSchool(db, { organisation: home, name: 'Wisbech Academy' });
    otherSchoolAdmin = await makePerson(db, { organisationId: home.id, schoolId: otherSchool.id, roles: [{ role: 'school_admin', schoolId: otherSchool.id }] });
    colleagueElsewhere = await buildPerson(db, { school: otherSchool, givenName: 'Wendy', familyName: 'Unrelated' });
    const outsider = await buildOrganisation(db, 'Northfield Trust');
    stranger = await makePerson(db, { organisationId: outsider.id, givenName: 'Nell', roles: [{ role: 'org_admin' }] });

    const lead = await as(provider.lead);
    const saved = await lead.post(`/programmes/${provider.programme.id}/opening`, { openTo: 'partners', partners: home.id });
    expect(saved.status).toBe(303);
  });

  it('the teacher applies from Partner programmes, is endorsed at home, and the provider accepts them', async () => {
    const applicant = await as(teacher);
    const list = visibleText((await applicant.get('/partner-programmes')).text);
    expect(list).toContain(`Leadership Pathways: ${provider.name}`);
    expect(list).toContain(`Run by ${provider.organisation.name}`);

    const started = await applicant.post(`/partner-programmes/${provider.id}/apply`);
    expect(started.status).toBe(303);
    applicationId = item((started.location ?? '').split('/'), -1, 'the application id');
    const row = await ctx().db.selectFrom('applications').selectAll().where('id', '=', applicationId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ organisation_id: provider.organisation.id, person_id: teacher.id, school_id: teacher.school.id });
    // One account: nobody new joined the provider's organisation.
    expect(await ctx().db.selectFrom('people').select('id').where('email_normalised', '=', teacher.email.toLowerCase()).execute()).toHaveLength(1);

    expect((await applicant.post(`/applications/${applicationId}/role`, { currentRole: 'Head of maths', experience: 'I lead a team of five.' })).status).toBe(
      303,
    );
    expect((await applicant.post(`/applications/${applicationId}/motivation`, { motivation: 'I want to lead well.' })).status).toBe(303);
    expect((await applicant.post(`/applications/${applicationId}/declarations`, { declarations: DECLARATION })).status).toBe(303);
    expect((await applicant.post(`/applications/${applicationId}/submit`)).status).toBe(303);
    await ctx().deliverMail();
    const lineManager = present(teacher.lineManager, 'the line manager');
    expect(ctx().mailer.sent.some((m) => m.to === lineManager.email)).toBe(true);

    const endorsement = async (kind: string) =>
      ctx()
        .db.selectFrom('endorsements')
        .selectAll()
        .where('application_id', '=', applicationId)
        .where('kind', '=', kind as 'line_manager')
        .executeTakeFirstOrThrow();
    const manager = await as(lineManager);
    expect(visibleText((await manager.get('/endorsements')).text)).toContain('Amira Patel');
    expect((await manager.post(`/endorsements/${(await endorsement('line_manager')).id}`, { answer: 'support', comment: 'Ready.' })).status).toBe(303);
    await ctx().deliverMail();
    expect(ctx().mailer.sent.some((m) => m.to === headteacher.email)).toBe(true);

    // The provider's admins read the application but don't stand in for the applicant's headteacher.
    const providerAdmin = await makePerson(ctx().db, { organisationId: provider.organisation.id, roles: [{ role: 'org_admin' }] });
    const head = (await endorsement('headteacher')).id;
    expect((await (await as(providerAdmin)).post(`/endorsements/${head}`, { answer: 'support', comment: '' })).status).toBe(403);
    expect((await (await as(headteacher)).post(`/endorsements/${head}`, { answer: 'support', comment: '' })).status).toBe(303);
    expect((await ctx().db.selectFrom('applications').select('status').where('id', '=', applicationId).executeTakeFirstOrThrow()).status).toBe('endorsed');

    const lead = await as(provider.lead);
    const review = visibleText((await lead.get(`/applications/${applicationId}`)).text);
    expect(review).toContain('Amira Patel');
    expect((await lead.post(`/applications/${applicationId}/decision`, { decision: 'accept', reason: '' })).status).toBe(303);
    const enrolment = await ctx().db.selectFrom('enrolments').selectAll().where('person_id', '=', teacher.id).executeTakeFirstOrThrow();
    expect(enrolment.organisation_id).toBe(provider.organisation.id);
    const mine = await applicant.get(`/enrolments/${enrolment.id}`);
    expect(mine.status).toBe(200);
    expect(visibleText(mine.text)).toContain('Leadership Pathways');
  });

  it('the provider sees only what the application needs: not the applicant’s staff record, nor their colleagues', async () => {
    const lead = await as(provider.lead);
    expect((await lead.get(`/staff/${teacher.id}`)).status).toBe(404);
    expect((await lead.get(`/staff/${colleagueElsewhere.id}`)).status).toBe(404);
    expect(visibleText((await lead.get('/organisation/staff-on-partner-programmes')).text)).not.toContain('Amira');
  });

  it('the home organisation sees its own staff on partner programmes, and a school admin only their school’s', async () => {
    const admin = visibleText((await (await as(homeAdmin)).get('/organisation/staff-on-partner-programmes')).text);
    expect(admin).toContain('Taking part');
    expect(admin).toContain(`Amira Patel March Primary School Leadership Pathways: ${provider.name} ${provider.organisation.name}`);
    const head = visibleText((await (await as(headteacher)).get('/organisation/staff-on-partner-programmes')).text);
    expect(head).toContain('Amira Patel');
    const other = visibleText((await (await as(otherSchoolAdmin)).get('/organisation/staff-on-partner-programmes')).text);
    expect(other).not.toContain('Amira');
    expect(other).toContain('None of staff of your schools has applied');
    const elsewhere = visibleText((await (await as(stranger)).get('/organisation/staff-on-partner-programmes')).text);
    expect(elsewhere).not.toContain('Amira');
  });

  it('staff of an organisation that is not a partner cannot apply, and are not shown the programme', async () => {
    const client = await as(stranger);
    expect(visibleText((await client.get('/partner-programmes')).text)).not.toContain('Leadership Pathways');
    expect((await client.post(`/partner-programmes/${provider.id}/apply`)).status).toBe(404);
    expect((await client.get(`/applications/${applicationId}`)).status).toBe(404);
    // Nor can a colleague at the home organisation who has no part in the application.
    expect((await (await as(colleagueElsewhere)).get(`/applications/${applicationId}`)).status).toBe(404);
    expect((await (await as(otherSchoolAdmin)).get(`/applications/${applicationId}`)).status).toBe(404);
  });
});
