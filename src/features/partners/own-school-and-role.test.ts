import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { type BuiltCohort, buildCohort } from '../../../test/support/build';
import { makePerson, signIn } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { item } from '../../../test/support/present';
import { GIAS_SAMPLE_CSV } from '../establishments/demo/gias-sample';
import { loadEstablishments } from '../establishments/establishments.service';

const EMAIL = 'r.ahmed@moorside.example.sch.uk';

function linkIn(text: string, path: string): string {
  const match = new RegExp(`http://localhost(${path}/[A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${path} link in: ${text}`);
  return item(match, 1, 'the link');
}

const current = {
  schoolUrn: '108012',
  schoolQuery: '108012',
  jobTitle: 'Head of Year 4',
  leadershipLevel: 'middle',
  'startedInSchoolsOn-day': '1',
  'startedInSchoolsOn-month': '9',
  'startedInSchoolsOn-year': '2017',
  headteacherName: 'Gareth Pugh',
  headteacherEmail: 'head@moorside.example.sch.uk',
};

describeEachEngine('an outside applicant keeps their own school and role up to date', (ctx) => {
  let cohort: BuiltCohort;
  let applicant: TestClient;
  let applicationId: string;

  const record = () =>
    ctx()
      .db.selectFrom('people')
      .innerJoin('outside_applicants', 'outside_applicants.person_id', 'people.id')
      .select([
        'people.id',
        'people.job_title',
        'people.leadership_level',
        'people.started_in_schools_on',
        'outside_applicants.urn',
        'outside_applicants.headteacher_name',
        'outside_applicants.headteacher_email',
      ])
      .where('people.email_normalised', '=', EMAIL)
      .executeTakeFirstOrThrow();
  const draft = () =>
    ctx()
      .db.selectFrom('applications')
      .select(['school_urn', 'headteacher_name', 'headteacher_email'])
      .where('id', '=', applicationId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    const { db, clock } = ctx();
    await loadEstablishments(db, clock, new TextEncoder().encode(GIAS_SAMPLE_CSV));
    cohort = await buildCohort(db, { needsLineManager: false });
    const lead = ctx().client({ address: '10.41.0.1' });
    await signIn(lead, cohort.lead.email);
    expect((await lead.post(`/programmes/${cohort.programme.id}/opening`, { openTo: 'any_school' })).status).toBe(303);

    applicant = ctx().client({ address: '10.41.1.1' });
    await applicant.post(`/open-programmes/${cohort.id}`, { email: EMAIL });
    await ctx().deliverMail();
    const join = linkIn(
      ctx()
        .mailer.sent.filter((m) => m.to === EMAIL)
        .at(-1)?.text ?? '',
      '/join',
    );
    const joined = await applicant.post(join, { givenName: 'Rukhsana', familyName: 'Ahmed', staffType: 'teaching', ...current });
    expect(joined.status).toBe(303);
    await applicant.post(joined.location ?? '');
    const started = await applicant.post(`/cohorts/${cohort.id}/apply`);
    expect(started.status).toBe(303);
    applicationId = (started.location ?? '').split('/').pop() as string;
  });

  it('their staff record and their draft application link to the page, which shows what they gave when they joined', async () => {
    const me = await record();
    const own = visibleText((await applicant.get(`/staff/${me.id}`)).text);
    expect(own).toContain('Moorside Community Primary School (not on Waymark)');
    expect(own).toContain('Change your school, job title, leadership level or start date');
    expect(own).not.toContain('ask your school’s Waymark administrator');
    expect(visibleText((await applicant.get(`/applications/${applicationId}`)).text)).toContain(
      'change your school, job title, leadership level or start date',
    );

    const page = await applicant.get('/account/school-and-role');
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Your school and role');
    expect(visibleText(page.text)).toContain('Moorside Community Primary School');
    expect(page.text).toContain('value="Head of Year 4"');
    expect(page.text).toMatch(/value="middle"[^>]*checked/);
    expect(page.text).toContain('value="2017"');
  });

  it('bad answers are shown in an error summary on the same page, and nothing changes', async () => {
    const before = await record();
    const bad = await applicant.post('/account/school-and-role', {
      ...current,
      schoolUrn: '',
      schoolQuery: '999999',
      jobTitle: '',
      leadershipLevel: 'wizard',
      'startedInSchoolsOn-month': '13',
      headteacherEmail: EMAIL,
    });
    expect(bad.status).toBe(400);
    const text = visibleText(bad.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('No school on the list has the URN 999999');
    expect(text).toContain('Enter your job title');
    expect(text).toContain('Select your leadership role now');
    expect(text).toContain('The date you started teaching or working in schools must be a real date');
    expect(text).toContain('Enter your headteacher’s email address, not your own');
    const closed = await applicant.post('/account/school-and-role', { ...current, schoolUrn: '107457', schoolQuery: '107457' });
    expect(closed.status).toBe(400);
    expect(visibleText(closed.text)).toContain('Ashgrove Infant School is closed on the school list');
    const future = await applicant.post('/account/school-and-role', { ...current, 'startedInSchoolsOn-year': '2999' });
    expect(visibleText(future.text)).toContain('must be today or in the past');
    expect(await record()).toEqual(before);
    const audits = await ctx().db.selectFrom('audit_events').select('id').where('action', '=', 'outside_applicant_details_changed').execute();
    expect(audits).toHaveLength(0);
  });

  it('a new leadership level counts at once for applications not yet submitted; a new school and headteacher go on the draft; the change is audited', async () => {
    // The programme is now only for senior leaders: the middle leader's draft cannot be submitted.
    await ctx()
      .db.updateTable('programmes')
      .set({ eligibility: JSON.stringify({ staffTypes: [], leadershipLevels: ['senior'], minYears: 5, maxYears: null }) })
      .where('id', '=', cohort.programme.id)
      .execute();
    const refused = visibleText((await applicant.get(`/applications/${applicationId}`)).text);
    expect(refused).toContain('Your staff record does not meet this programme’s rules');
    expect(refused).not.toContain('ask your school admin');

    // Searching for the new school changes nothing yet.
    const found = await applicant.post('/account/school-and-role', { ...current, schoolQuery: 'calder valley', action: 'find-school' });
    expect(found.status).toBe(200);
    expect(visibleText(found.text)).toContain('Calder Valley Academy');
    expect((await record()).urn).toBe('108012');

    const saved = await applicant.post('/account/school-and-role', {
      ...current,
      schoolQuery: 'calder valley',
      schoolUrn: '144501',
      jobTitle: 'Assistant headteacher',
      leadershipLevel: 'senior',
      'startedInSchoolsOn-year': '2015',
      headteacherName: 'Priya Shah',
      headteacherEmail: 'head@caldervalley.example.sch.uk',
    });
    expect(saved.status).toBe(303);
    const after = visibleText((await applicant.get(saved.location ?? '')).text);
    expect(after).toContain('Your school and role are saved');
    expect(await record()).toMatchObject({
      job_title: 'Assistant headteacher',
      leadership_level: 'senior',
      started_in_schools_on: '2015-09-01',
      urn: '144501',
      headteacher_name: 'Priya Shah',
      headteacher_email: 'head@caldervalley.example.sch.uk',
    });
    expect(await draft()).toEqual({ school_urn: '144501', headteacher_name: 'Priya Shah', headteacher_email: 'head@caldervalley.example.sch.uk' });
    expect(visibleText((await applicant.get(`/applications/${applicationId}`)).text)).not.toContain('does not meet this programme’s rules');
    expect(visibleText((await applicant.get(`/staff/${(await record()).id}`)).text)).toContain('Calder Valley Academy (not on Waymark)');

    const audit = await ctx().db.selectFrom('audit_events').selectAll().where('action', '=', 'outside_applicant_details_changed').executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe((await record()).id);
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({
      before: { urn: '108012', leadershipLevel: 'middle', jobTitle: 'Head of Year 4' },
      after: { urn: '144501', leadershipLevel: 'senior', jobTitle: 'Assistant headteacher' },
      draftsChanged: 1,
    });
  });

  it('is only for someone who joined from a school not on Waymark', async () => {
    const staff = await makePerson(ctx().db, { organisationId: cohort.organisation.id });
    const client = ctx().client({ address: '10.41.2.1' });
    await signIn(client, staff.email);
    expect((await client.get('/account/school-and-role')).status).toBe(404);
    expect((await client.post('/account/school-and-role', current)).status).toBe(404);
    expect(visibleText((await client.get(`/staff/${staff.id}`)).text)).not.toContain('Change your school, job title');
    expect((await ctx().client().get('/account/school-and-role')).status).toBe(303);
  });
});
