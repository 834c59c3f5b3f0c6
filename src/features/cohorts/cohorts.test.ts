import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, TEST_ORIGIN, type TestContext } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { textContent, visibleText, type TestClient } from '../../../test/support/http';
import { makeCohort, makeProgramme } from '../../../test/support/programme-world';
import { newId } from '../../platform/db/ids';
import { features } from '../index';
import { releasePlace } from './decisions.service';
import { sendEndorsementReminders } from './endorsements.service';
import { item, part, present } from '../../../test/support/present';
import { buildApplication, buildCohort, buildPerson, buildProgramme } from '../../../test/support/build';

const DECLARATIONS = ['I have discussed this application with my line manager.', 'I will have the chance to lead a whole-school change.'];
const START = '2026-11-24T10:00:00.000Z';

async function clientFor(ctx: TestContext, person: { email: string }): Promise<TestClient> {
  const client = ctx.client({ address: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  await signIn(client, person.email);
  return client;
}

/** Starts an application to the cohort and fills in the sections a programme without coach or project has. */
async function draftApplication(client: TestClient, cohortId: string, declarations = DECLARATIONS.slice(0, 1)): Promise<string> {
  const started = await client.post(`/cohorts/${cohortId}/apply`);
  expect(started.status).toBe(303);
  const id = (started.location ?? '').split('/').pop() as string;
  expect((await client.post(`/applications/${id}/role`, { currentRole: 'Teacher of maths', experience: 'I lead the Year 8 maths team.' })).status).toBe(303);
  expect((await client.post(`/applications/${id}/motivation`, { motivation: 'I want to lead change well.' })).status).toBe(303);
  const body = new URLSearchParams();
  for (const d of declarations) body.append('declarations', d);
  expect((await client.post(`/applications/${id}/declarations`, Object.fromEntries(body))).status).toBe(303);
  return id;
}

async function applicationRow(ctx: TestContext, id: string) {
  return ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function mailTo(ctx: TestContext, email: string) {
  return ctx.mailer.sent.filter((m) => m.to === email);
}

describeEachEngine('an application from recommendation to enrolment', (ctx) => {
  let world: World;

  beforeAll(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
  });

  /**
   * Each test's own programme (asking for a coach and a project) with Cohort 8, and its own applicant
   * at school A whose line manager recommended them: no test depends on another having run.
   */
  async function story() {
    const organisation = world.organisation;
    const programme = await buildProgramme(ctx().db, {
      organisation,
      title: `Leadership Pathways ${newId().slice(-6)}`,
      declarations: DECLARATIONS,
      asksForCoach: true,
      asksForProject: true,
    });
    const cohort = await buildCohort(ctx().db, { programme, name: 'Cohort 8', capacity: 12, lead: world.programmeLead });
    const person = await buildPerson(ctx().db, { school: { ...world.schoolA, organisation }, lineManager: true, givenName: 'Ravi' });
    const lineManager = present(person.lineManager, 'the applicant’s line manager');
    await ctx()
      .db.insertInto('recommendations')
      .values({
        id: newId(),
        organisation_id: organisation.id,
        programme_id: programme.id,
        person_id: person.id,
        recommended_by: lineManager.id,
        note: 'You would be brilliant at this.',
        created_at: START,
      })
      .execute();
    const applicant = await clientFor(ctx(), person);
    return { programme, cohort, person, lineManager, applicant };
  }
  type Story = Awaited<ReturnType<typeof story>>;

  /** The applicant starts an application: an empty draft. */
  async function started(s: Story): Promise<string> {
    const first = await s.applicant.post(`/cohorts/${s.cohort.id}/apply`);
    expect(first.status).toBe(303);
    return item((first.location ?? '').split('/'), -1, 'application id');
  }

  /** A draft with every section answered, as the applicant fills it in. */
  async function completed(s: Story): Promise<string> {
    const id = await started(s);
    const sections: [string, Record<string, string>][] = [
      ['role', { currentRole: 'Teacher of English and KS3 lead', experience: 'I lead the reading intervention group.' }],
      ['motivation', { motivation: 'I want to lead a whole-school change to reading.' }],
      ['coach', { coachType: 'colleague', coachPersonId: world.staff.id }],
      ['project', { projectIdea: 'Whole-school reading for pleasure.' }],
    ];
    for (const [section, answers] of sections) expect((await s.applicant.post(`/applications/${id}/${section}`, answers)).status).toBe(303);
    const both = await ctx().app.request(`/applications/${id}/declarations`, {
      method: 'POST',
      body: DECLARATIONS.map((d) => `declarations=${encodeURIComponent(d)}`).join('&'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN, cookie: (await cookieOf(s.applicant)) ?? '' },
    });
    expect(both.status).toBe(303);
    return id;
  }

  /** A completed application, submitted: the line manager has been asked (mail delivered). */
  async function submitted(s: Story): Promise<string> {
    const id = await completed(s);
    expect((await s.applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    await ctx().deliverMail();
    return id;
  }

  async function endorsementOf(id: string, kind: 'line_manager' | 'headteacher') {
    return ctx().db.selectFrom('endorsements').selectAll().where('application_id', '=', id).where('kind', '=', kind).executeTakeFirstOrThrow();
  }

  /** A submitted application that the line manager and then the headteacher support, through their pages. */
  async function endorsed(s: Story): Promise<string> {
    const id = await submitted(s);
    const manager = await clientFor(ctx(), s.lineManager);
    expect((await manager.post(`/endorsements/${(await endorsementOf(id, 'line_manager')).id}`, { answer: 'support', comment: 'Ravi is ready.' })).status).toBe(
      303,
    );
    const headteacher = await clientFor(ctx(), world.schoolAdminA);
    expect((await headteacher.post(`/endorsements/${(await endorsementOf(id, 'headteacher')).id}`, { answer: 'support', comment: '' })).status).toBe(303);
    return id;
  }

  it('the recommended colleague sees the recommendation and an open cohort to apply to', async () => {
    const s = await story();
    const page = visibleText((await s.applicant.get('/applications')).text);
    expect(page).toContain(`${s.lineManager.givenName} ${s.lineManager.familyName} recommended you`);
    expect(page).toContain('You would be brilliant at this.');
    expect(page).toContain('Apply for Cohort 8');
  });

  it('applying starts a draft prefilled from the staff record, and applying again leads back to it', async () => {
    const s = await story();
    const applicationId = await started(s);
    const again = await s.applicant.post(`/cohorts/${s.cohort.id}/apply`);
    expect(again.location).toBe(`/applications/${applicationId}`);
    const row = await applicationRow(ctx(), applicationId);
    expect(row.status).toBe('draft');
    expect(row.current_role).toBe('Teacher of English');
    expect(row.school_id).toBe(world.schoolA.id);
    expect(row.recommendation_id).not.toBeNull();
    const count = await ctx()
      .db.selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', s.person.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('the task list shows every section the programme asks for', async () => {
    const s = await story();
    const { applicant } = s;
    const applicationId = await started(s);
    const page = visibleText((await applicant.get(`/applications/${applicationId}`)).text);
    for (const title of [
      'Your current role and experience',
      'Why you want to take part',
      'Eligibility declarations',
      'Your in-school coach',
      'Your whole-school project idea',
    ])
      expect(page).toContain(title);
    expect(page).toContain('Application incomplete You have completed 0 of 5 sections.');
    const role = visibleText((await applicant.get(`/applications/${applicationId}/role`)).text);
    expect(role).toContain(world.schoolA.name);
    expect(role).toContain('Not in a leadership role');
    expect((await applicant.get(`/applications/${applicationId}/nonsense`)).status).toBe(404);
  });

  it('each section is saved on its own, and bad answers are refused with a message', async () => {
    const s = await story();
    const { applicant } = s;
    const applicationId = await started(s);
    expect((await applicant.post(`/applications/${applicationId}/role`, { currentRole: 'Teacher of English', experience: '' })).status).toBe(400);
    expect(
      (
        await applicant.post(`/applications/${applicationId}/role`, {
          currentRole: 'Teacher of English and KS3 lead',
          experience: 'I lead the reading intervention group.',
        })
      ).status,
    ).toBe(303);

    const tooLong = await applicant.post(`/applications/${applicationId}/motivation`, { motivation: 'word '.repeat(301) });
    expect(tooLong.status).toBe(400);
    expect(visibleText(tooLong.text)).toContain('Why you want to take part must be 300 words or fewer');
    expect(tooLong.text).toContain('data-maxwords="300"');
    expect((await applicant.post(`/applications/${applicationId}/motivation`, { motivation: 'I want to lead a whole-school change to reading.' })).status).toBe(
      303,
    );

    const oneOfTwo = await applicant.post(`/applications/${applicationId}/declarations`, { declarations: item(DECLARATIONS, 0) });
    expect(oneOfTwo.status).toBe(400);
    expect(visibleText(oneOfTwo.text)).toContain('Confirm each declaration');
    const both = await ctx().app.request(`/applications/${applicationId}/declarations`, {
      method: 'POST',
      body: DECLARATIONS.map((d) => `declarations=${encodeURIComponent(d)}`).join('&'),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: TEST_ORIGIN, cookie: (await cookieOf(applicant)) ?? '' },
    });
    expect(both.status).toBe(303);

    expect((await applicant.post(`/applications/${applicationId}/coach`, {})).status).toBe(400);
    expect(
      (await applicant.post(`/applications/${applicationId}/coach`, { coachType: 'external', coachName: 'Jo Bloggs', coachEmail: 'not an email' })).status,
    ).toBe(400);
    expect((await applicant.post(`/applications/${applicationId}/coach`, { coachType: 'colleague', coachPersonId: world.otherAdmin.id })).status).toBe(400);
    expect((await applicant.post(`/applications/${applicationId}/coach`, { coachType: 'colleague', coachPersonId: world.staff.id })).status).toBe(303);

    expect((await applicant.post(`/applications/${applicationId}/project`, { projectIdea: 'Whole-school reading for pleasure.' })).status).toBe(303);
    const row = await applicationRow(ctx(), applicationId);
    expect(JSON.parse(row.declarations)).toEqual(DECLARATIONS);
    expect(row.coach_person_id).toBe(world.staff.id);
    const done = visibleText((await applicant.get(`/applications/${applicationId}`)).text);
    expect(done).toContain('Application ready to check You have completed all 5 sections.');
    expect(done).not.toContain('Application incomplete');
  });

  it('check your answers shows every answer with a Change link', async () => {
    const s = await story();
    const { applicant } = s;
    const applicationId = await completed(s);
    const page = await applicant.get(`/applications/${applicationId}/check`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Check your answers before submitting your application');
    expect(text).toContain('your line manager is asked to endorse your application, and then your headteacher is asked for their support.');
    expect(text).toContain('Whole-school reading for pleasure.');
    expect(text).toContain(`${world.staff.givenName} ${world.staff.familyName}`);
    expect(page.text).toContain(`href="/applications/${applicationId}/motivation"`);
    expect(text).toContain('Change');
  });

  it('submitting asks the line manager, keeps the headteacher waiting, and confirms to the applicant', async () => {
    const s = await story();
    const { applicant, person, lineManager, programme } = s;
    const applicationId = await completed(s);
    const submitted = await applicant.post(`/applications/${applicationId}/submit`);
    expect(submitted.status).toBe(303);
    const confirmation = visibleText((await applicant.get(submitted.location ?? '')).text);
    expect(confirmation).toContain('Application submitted');
    const row = await applicationRow(ctx(), applicationId);
    expect(row.status).toBe('awaiting_endorsement');
    expect(row.eligible).toBe(1);
    const endorsements = await ctx().db.selectFrom('endorsements').selectAll().where('application_id', '=', applicationId).orderBy('kind').execute();
    expect(endorsements.map((e) => [e.kind, e.status])).toEqual([
      ['headteacher', 'waiting'],
      ['line_manager', 'requested'],
    ]);
    await ctx().deliverMail();
    const asked = mailTo(ctx(), lineManager.email);
    expect(asked).toHaveLength(1);
    expect(item(asked, 0).text).toContain(`/endorsements/${item(endorsements, 1).id}`);
    expect(mailTo(ctx(), person.email).map((m) => m.subject)).toEqual([`Application submitted: ${programme.title} (Cohort 8)`]);

    const twice = await applicant.post(`/applications/${applicationId}/submit`);
    expect(twice.status).toBe(409);
    expect(visibleText(twice.text)).toContain('You have already submitted this application');
    const edit = await applicant.post(`/applications/${applicationId}/motivation`, { motivation: 'Changed my mind.' });
    expect(edit.status).toBe(409);
    expect(visibleText(edit.text)).toContain('can no longer be changed');
  });

  it('the applicant is told who was asked, and others read the answers under headings about the applicant', async () => {
    const s = await story();
    const { applicant, person, lineManager } = s;
    const applicationId = await submitted(s);
    const confirmation = mailTo(ctx(), person.email).find((m) => m.subject.startsWith('Application submitted'));
    expect(confirmation?.text).toContain(`We have asked your line manager, ${lineManager.givenName} ${lineManager.familyName}, for their support.`);

    const endorsement = await ctx()
      .db.selectFrom('endorsements')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'line_manager')
      .executeTakeFirstOrThrow();
    const manager = visibleText((await (await clientFor(ctx(), lineManager)).get(`/endorsements/${endorsement.id}`)).text);
    const lead = visibleText((await (await clientFor(ctx(), world.programmeLead)).get(`/applications/${applicationId}`)).text);
    for (const page of [manager, lead]) {
      expect(page).toContain('Current role and experience');
      expect(page).toContain('Why they want to take part');
      expect(page).toContain('In-school coach');
      expect(page).not.toMatch(/Your current role|Why you want|Your in-school coach|Your whole-school/);
    }
    // The line manager reads the application before the form that asks for their answer.
    expect(manager).toContain('Do you endorse');
    expect(manager.indexOf('Why they want to take part')).toBeLessThan(manager.indexOf('Do you endorse'));
    expect(manager.indexOf('Current role and experience')).toBeLessThan(manager.indexOf('Send your answer'));
    const own = visibleText((await applicant.get(`/applications/${applicationId}`)).text);
    expect(own).toContain('Your current role and experience');
    expect(own).toContain('Why you want to take part');
  });

  it('only the person asked may answer an endorsement', async () => {
    const s = await story();
    const { applicant } = s;
    const applicationId = await submitted(s);
    const endorsement = await ctx()
      .db.selectFrom('endorsements')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'line_manager')
      .executeTakeFirstOrThrow();
    expect((await (await clientFor(ctx(), world.staff)).get(`/endorsements/${endorsement.id}`)).status).toBe(404);
    expect((await (await clientFor(ctx(), world.schoolAdminB)).post(`/endorsements/${endorsement.id}`, { answer: 'support' })).status).toBe(404);
    expect((await (await clientFor(ctx(), world.schoolAdminA)).post(`/endorsements/${endorsement.id}`, { answer: 'support' })).status).toBe(403);
    expect((await applicant.get(`/endorsements/${endorsement.id}`)).status).toBe(403);
  });

  it('the line manager supports, then the headteacher is asked and supports: the application is endorsed', async () => {
    const s = await story();
    const { applicant, person, lineManager } = s;
    const applicationId = await submitted(s);
    const manager = await clientFor(ctx(), lineManager);
    const listPage = (await manager.get('/endorsements')).text;
    const list = visibleText(listPage);
    expect(list).toContain('Waiting for your answer');
    expect(list).toContain(person.familyName);
    // The applicant's name and school are apart on screen, and apart in the text too.
    expect(textContent(listPage)).toContain(`${person.givenName} ${person.familyName} ${world.schoolA.name}`);
    const lm = await ctx()
      .db.selectFrom('endorsements')
      .select('id')
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'line_manager')
      .executeTakeFirstOrThrow();
    const page = visibleText((await manager.get(`/endorsements/${lm.id}`)).text);
    expect(page).toContain('I want to lead a whole-school change to reading.');
    expect((await manager.post(`/endorsements/${lm.id}`, {})).status).toBe(400);
    expect((await manager.post(`/endorsements/${lm.id}`, { answer: 'support', comment: 'Ravi is ready.' })).status).toBe(303);
    const twice = await manager.post(`/endorsements/${lm.id}`, { answer: 'not_support', comment: 'Changed my mind' });
    expect(twice.status).toBe(409);
    expect(visibleText(twice.text)).toContain('already been answered');

    const head = await ctx()
      .db.selectFrom('endorsements')
      .selectAll()
      .where('application_id', '=', applicationId)
      .where('kind', '=', 'headteacher')
      .executeTakeFirstOrThrow();
    expect(head.status).toBe('requested');
    // The line manager answered their own request: their name is not repeated as the one who answered.
    const support = visibleText((await applicant.get(`/applications/${applicationId}`)).text);
    expect(support).toContain(`${lineManager.givenName} ${lineManager.familyName}, answered on`);
    expect(support).not.toContain(`answered by ${lineManager.givenName}`);
    await ctx().deliverMail();
    expect(mailTo(ctx(), world.schoolAdminA.email).some((m) => m.text.includes(`/endorsements/${head.id}`))).toBe(true);
    expect(mailTo(ctx(), world.schoolAdminB.email)).toHaveLength(0);

    const headteacher = await clientFor(ctx(), world.schoolAdminA);
    expect(visibleText((await headteacher.get('/endorsements')).text)).toContain(person.familyName);
    expect((await headteacher.post(`/endorsements/${head.id}`, { answer: 'support', comment: '' })).status).toBe(303);
    expect((await applicationRow(ctx(), applicationId)).status).toBe('endorsed');
  });

  it('the lead sees it in the review queue and accepts it, which creates the enrolment', async () => {
    const s = await story();
    const { applicant, person, programme, cohort } = s;
    const applicationId = await endorsed(s);
    const lead = await clientFor(ctx(), world.programmeLead);
    const queue = visibleText((await lead.get(`/cohorts/${cohort.id}/applications?status=endorsed`)).text);
    expect(queue).toContain(person.familyName);
    expect(queue).toContain('Places taken: 0 of 12');
    expect(visibleText((await lead.get(`/cohorts/${cohort.id}/applications?status=declined`)).text)).not.toContain(person.familyName);
    expect(visibleText((await lead.get(`/cohorts/${cohort.id}/applications?school=${world.schoolB.id}`)).text)).not.toContain(person.familyName);

    const missing = await lead.post(`/applications/${applicationId}/decision`, { decision: 'decline', reason: '' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Enter the reason for your decision');
    expect(
      (await lead.post(`/applications/${applicationId}/decision`, { decision: 'accept', reason: 'A strong application with clear support.' })).status,
    ).toBe(303);
    const row = await applicationRow(ctx(), applicationId);
    expect(row.status).toBe('accepted');
    expect(row.decision_reason).toBe('A strong application with clear support.');
    const enrolment = await ctx().db.selectFrom('enrolments').selectAll().where('application_id', '=', applicationId).executeTakeFirstOrThrow();
    expect(enrolment.status).toBe('active');
    expect(enrolment.person_id).toBe(person.id);
    const events = await ctx().db.selectFrom('enrolment_events').select('status').where('enrolment_id', '=', enrolment.id).execute();
    expect(events.map((e) => e.status)).toEqual(['active']);
    const audit = await ctx().db.selectFrom('audit_events').select('action').where('subject_id', '=', applicationId).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['application_submitted', 'application_decided']));

    const history = await ctx()
      .db.selectFrom('application_events')
      .select('status')
      .where('application_id', '=', applicationId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(history.map((e) => e.status)).toEqual(['draft', 'awaiting_endorsement', 'awaiting_endorsement', 'endorsed', 'accepted']);

    await ctx().deliverMail();
    // The test clock stands still, so all four are due at the same moment and the worker may send them in any order.
    const subjects = mailTo(ctx(), person.email).map((m) => m.subject);
    expect([...subjects].sort()).toEqual(
      [
        `Application submitted: ${programme.title} (Cohort 8)`,
        `Your line manager supports your application to ${programme.title}`,
        `Your application to ${programme.title} (Cohort 8) has been endorsed`,
        `You have a place on ${programme.title} (Cohort 8)`,
      ].sort(),
    );
    const place = mailTo(ctx(), person.email).find((m) => m.subject === `You have a place on ${programme.title} (Cohort 8)`);
    expect(place?.text).toContain('A strong application with clear support.');
    expect(place?.text).toContain(`${TEST_ORIGIN}/applications/${applicationId}`);

    const own = visibleText((await applicant.get(`/applications/${applicationId}`)).text);
    expect(own).toContain('Accepted');
    expect(own).toContain('A strong application with clear support.');
    const overview = visibleText((await lead.get(`/cohorts/${cohort.id}`)).text);
    expect(overview).toContain('1 of 12');
  });

  it('a decision on an accepted application is refused', async () => {
    const { person, cohort } = await story();
    const applicationId = (await buildApplication(ctx().db, 'accepted', { cohort, applicant: person })).id;
    const lead = await clientFor(ctx(), world.programmeLead);
    const again = await lead.post(`/applications/${applicationId}/decision`, { decision: 'decline', reason: 'Oops' });
    expect(again.status).toBe(409);
  });

  it('the accepted applicant reads that they have a place in the cohort', async () => {
    const { applicant, person, cohort } = await story();
    const applicationId = (await buildApplication(ctx().db, 'accepted', { cohort, applicant: person })).id;
    expect(visibleText((await applicant.get(`/applications/${applicationId}`)).text)).toContain('You have a place in this cohort.');
    expect(visibleText((await applicant.get(`/applications/${applicationId}/withdraw`)).text)).toContain('You have a place in this cohort.');
  });

  it('the cohort page says which support a place needs, in one sentence', async () => {
    const { cohort } = await story();
    const lead = await clientFor(ctx(), world.programmeLead);
    expect(visibleText((await lead.get(`/cohorts/${cohort.id}`)).text)).toContain('Support needed Line manager’s endorsement, then headteacher’s support');
  });
});

/** The session cookie of a test client, for a hand-built request with repeated form fields. */
async function cookieOf(client: TestClient): Promise<string | undefined> {
  const jar = (client as unknown as { cookies: Map<string, string> }).cookies;
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

describeEachEngine('refusals', (ctx) => {
  let world: World;
  let programmeId: string;

  beforeAll(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    programmeId = (await makeProgramme(ctx().db, { organisationId: world.organisation.id })).id;
  });

  it('nobody can start an application before the window opens or after it closes, or to a programme that is not open', async () => {
    const staff = await clientFor(ctx(), world.staff);
    const early = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, opensOn: '2026-12-01', closesOn: '2026-12-31' });
    const page = await staff.post(`/cohorts/${early.id}/apply`);
    expect(page.status).toBe(409);
    expect(visibleText(page.text)).toContain('open on 1 December 2026');
    const late = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, opensOn: '2026-10-01', closesOn: '2026-11-23' });
    const closed = await staff.post(`/cohorts/${late.id}/apply`);
    expect(closed.status).toBe(409);
    expect(visibleText(closed.text)).toContain('closed on 23 November 2026');
    const draftProgramme = await makeProgramme(ctx().db, { organisationId: world.organisation.id, status: 'draft' });
    const unopened = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: draftProgramme.id });
    expect((await staff.post(`/cohorts/${unopened.id}/apply`)).status).toBe(409);
    const count = await ctx()
      .db.selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', world.staff.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('nothing is submitted once the window has closed', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, closesOn: '2026-11-30' });
    const applicant = await clientFor(ctx(), world.report);
    const id = await draftApplication(applicant, cohort.id);
    try {
      // 1 December 2026 at 00:30 in London: the day after the window closed.
      ctx().clock.set('2026-12-01T00:30:00.000Z');
      const refused = await applicant.post(`/applications/${id}/submit`);
      expect(refused.status).toBe(400);
      expect(visibleText(refused.text)).toContain('closed on 30 November 2026');
      expect((await applicationRow(ctx(), id)).status).toBe('draft');
      // 30 November at 23:30 in London is still inside the window.
      ctx().clock.set('2026-11-30T23:30:00.000Z');
      expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    } finally {
      ctx().clock.set(START);
    }
  });

  it('nothing is submitted before the window opens, though a draft made earlier is kept', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, opensOn: '2026-11-01', closesOn: '2026-12-31' });
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, lineManagerId: world.lineManager.id });
    const applicant = await clientFor(ctx(), person);
    const id = await draftApplication(applicant, cohort.id);
    await ctx().db.updateTable('cohorts').set({ applications_open_on: '2026-11-25' }).where('id', '=', cohort.id).execute();
    const refused = await applicant.post(`/applications/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('open on 25 November 2026');
    expect((await applicationRow(ctx(), id)).status).toBe('draft');
  });

  it('someone who fails the rules is told why on the programme page, and no draft is made', async () => {
    const strict = await makeProgramme(ctx().db, { organisationId: world.organisation.id, eligibility: { leadershipLevels: ['senior', 'headteacher'] } });
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: strict.id });
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, lineManagerId: world.lineManager.id });
    const applicant = await clientFor(ctx(), person);
    const page = await applicant.get(`/programmes/${strict.id}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('You cannot apply: your staff record does not meet this programme’s rules.');
    expect(visibleText(page.text)).not.toContain('Start your application');
    expect(page.text).not.toContain(`action="/cohorts/${cohort.id}/apply"`);
    const refused = await applicant.post(`/cohorts/${cohort.id}/apply`);
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain('your staff record does not meet its rules');
    expect(visibleText(refused.text)).toContain('senior leaders or headteachers');
    const drafts = await ctx().db.selectFrom('applications').select('id').where('person_id', '=', person.id).execute();
    expect(drafts).toHaveLength(0);
    expect(visibleText((await applicant.get('/')).text)).not.toContain('Finish your application');
  });

  it('an applicant whose staff record stops meeting the rules cannot submit, and is told why', async () => {
    const strict = await makeProgramme(ctx().db, { organisationId: world.organisation.id, eligibility: { leadershipLevels: ['senior', 'headteacher'] } });
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: strict.id });
    const person = await makePerson(ctx().db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolA.id,
      lineManagerId: world.lineManager.id,
      leadershipLevel: 'senior',
    });
    const applicant = await clientFor(ctx(), person);
    const id = await draftApplication(applicant, cohort.id);
    expect(visibleText((await applicant.get('/')).text)).toContain('Finish your application');
    await ctx().db.updateTable('people').set({ leadership_level: 'middle' }).where('id', '=', person.id).execute();
    // Home no longer asks them to finish what they cannot submit.
    const home = visibleText((await applicant.get('/')).text);
    expect(home).not.toContain('Finish your application');
    expect(home).toContain('cannot be submitted');
    const refused = await applicant.post(`/applications/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('senior leaders or headteachers');
    const row = await applicationRow(ctx(), id);
    expect(row.status).toBe('draft');
    expect(row.submitted_at).toBeNull();
    const endorsements = await ctx().db.selectFrom('endorsements').select('id').where('application_id', '=', id).execute();
    expect(endorsements).toHaveLength(0);
  });

  it('incomplete sections and changed declarations stop a submission', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId });
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, lineManagerId: world.lineManager.id });
    const applicant = await clientFor(ctx(), person);
    const started = await applicant.post(`/cohorts/${cohort.id}/apply`);
    const id = (started.location ?? '').split('/').pop() as string;
    const refused = visibleText((await applicant.post(`/applications/${id}/submit`)).text);
    expect(refused).toContain('Complete the section: Your current role and experience');
    expect(refused).toContain('Complete the section: Why you want to take part');

    const other = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId });
    const draft = await draftApplication(applicant, other.id);
    await ctx()
      .db.updateTable('programmes')
      .set({ declarations: JSON.stringify(['A new statement to confirm.']) })
      .where('id', '=', programmeId)
      .execute();
    try {
      const changed = await applicant.post(`/applications/${draft}/submit`);
      expect(changed.status).toBe(400);
      expect(visibleText(changed.text)).toContain('The eligibility declarations have changed since you confirmed them');
    } finally {
      await ctx()
        .db.updateTable('programmes')
        .set({ declarations: JSON.stringify(DECLARATIONS.slice(0, 1)) })
        .where('id', '=', programmeId)
        .execute();
    }
  });

  it('with no line manager on record, a cohort that needs one refuses the submission and says who to ask', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId });
    const applicant = await clientFor(ctx(), world.staff);
    const id = await draftApplication(applicant, cohort.id);
    const refused = await applicant.post(`/applications/${id}/submit`);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('Ask your school admin');
    expect((await applicationRow(ctx(), id)).status).toBe('draft');
  });

  it('a full cohort refuses acceptance and suggests the waiting list', async () => {
    const cohort = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId,
      name: 'Cohort 9',
      capacity: 1,
      needsLineManager: false,
      needsHeadteacher: false,
    });
    const holder = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolB.id });
    await ctx()
      .db.insertInto('enrolments')
      .values({
        id: newId(),
        organisation_id: world.organisation.id,
        application_id: null,
        cohort_id: cohort.id,
        programme_id: programmeId,
        person_id: holder.id,
        status: 'active',
        return_cohort_id: null,
        status_reason: null,
        completed_at: null,
        created_at: START,
        updated_at: START,
      })
      .execute();
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id });
    const applicant = await clientFor(ctx(), person);
    const id = await draftApplication(applicant, cohort.id);
    expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    expect((await applicationRow(ctx(), id)).status).toBe('submitted');
    const lead = await clientFor(ctx(), world.programmeLead);
    const full = await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: 'Good' });
    expect(full.status).toBe(400);
    expect(visibleText(full.text)).toContain('Cohort 9 is full: 1 of 1 places are taken. Waitlist the applicant instead.');
    expect((await applicationRow(ctx(), id)).status).toBe('submitted');
    const enrolments = await ctx().db.selectFrom('enrolments').select('id').where('cohort_id', '=', cohort.id).execute();
    expect(enrolments).toHaveLength(1);
    expect((await lead.post(`/applications/${id}/decision`, { decision: 'waitlist', reason: 'The cohort is full.' })).status).toBe(303);
    expect((await applicationRow(ctx(), id)).status).toBe('waitlisted');
  });

  it('a decision on a draft is refused, and only leads decide', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId });
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, lineManagerId: world.lineManager.id });
    const id = await draftApplication(await clientFor(ctx(), person), cohort.id);
    const lead = await clientFor(ctx(), world.programmeLead);
    const draft = await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: 'Keen' });
    expect(draft.status).toBe(409);
    expect(visibleText(draft.text)).toContain('still a draft');
    expect((await (await clientFor(ctx(), world.lineManager)).post(`/applications/${id}/decision`, { decision: 'accept', reason: 'Keen' })).status).toBe(403);
  });
});

describeEachEngine('when the line manager does not support an application', (ctx) => {
  it('the chain stops, the lead can only decline or waitlist, and declining frees the person to apply again', async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: programme.id, name: 'Cohort 3' });
    const applicant = await clientFor(ctx(), world.report);
    const id = await draftApplication(applicant, cohort.id);
    expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    const manager = await clientFor(ctx(), world.lineManager);
    const lm = await ctx()
      .db.selectFrom('endorsements')
      .select('id')
      .where('application_id', '=', id)
      .where('kind', '=', 'line_manager')
      .executeTakeFirstOrThrow();
    const noComment = await manager.post(`/endorsements/${lm.id}`, { answer: 'not_support', comment: '' });
    expect(noComment.status).toBe(400);
    expect(visibleText(noComment.text)).toContain('Enter why you do not support this application');
    expect((await manager.post(`/endorsements/${lm.id}`, { answer: 'not_support', comment: 'Not this year: we are short-staffed.' })).status).toBe(303);

    expect((await applicationRow(ctx(), id)).status).toBe('submitted');
    const statuses = await ctx().db.selectFrom('endorsements').select(['kind', 'status']).where('application_id', '=', id).orderBy('kind').execute();
    expect(statuses).toEqual([
      { kind: 'headteacher', status: 'cancelled' },
      { kind: 'line_manager', status: 'not_supported' },
    ]);
    await ctx().deliverMail();
    const told = mailTo(ctx(), world.report.email).at(-1);
    expect(told?.subject).toContain('was not supported');
    expect(told?.text).toContain('Not this year: we are short-staffed.');

    const lead = await clientFor(ctx(), world.programmeLead);
    const queue = visibleText((await lead.get(`/cohorts/${cohort.id}/applications`)).text);
    expect(queue).toContain(world.report.familyName);
    expect(queue).toContain('Line manager: does not support');
    const accept = await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: 'Anyway' });
    expect(accept.status).toBe(400);
    expect(visibleText(accept.text)).toContain('Still needed');
    expect(
      (await lead.post(`/applications/${id}/decision`, { decision: 'decline', reason: 'Without your school’s support we cannot offer a place this time.' }))
        .status,
    ).toBe(303);
    const row = await applicationRow(ctx(), id);
    expect(row.status).toBe('declined');
    expect(row.live_slot).toBeNull();
    await ctx().deliverMail();
    expect(mailTo(ctx(), world.report.email).at(-1)?.text).toContain('Without your school’s support');
    const fresh = await applicant.post(`/cohorts/${cohort.id}/apply`);
    expect(fresh.location).not.toBe(`/applications/${id}`);
  });
});

describeEachEngine('the waiting list', (ctx) => {
  it('each freed place goes to the first person waiting, one at a time and in order, and each is told', async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id, title: `Towards Headship ${newId().slice(-6)}` });
    const cohort = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      name: 'Cohort 4',
      capacity: 2,
      needsLineManager: false,
      needsHeadteacher: false,
    });
    const lead = await clientFor(ctx(), world.programmeLead);
    const people: TestPerson[] = [];
    const clients: TestClient[] = [];
    const ids: string[] = [];
    for (const name of ['Ada', 'Bea', 'Cal', 'Dev', 'Eve']) {
      const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: name });
      const client = await clientFor(ctx(), person);
      const id = await draftApplication(client, cohort.id);
      expect((await client.post(`/applications/${id}/submit`)).status).toBe(303);
      people.push(person);
      clients.push(client);
      ids.push(id);
    }
    try {
      for (const i of [0, 1]) expect((await lead.post(`/applications/${ids[i]}/decision`, { decision: 'accept', reason: 'Welcome' })).status).toBe(303);
      // Waitlisted in the order Dev, Cal, Eve: the order is when they were waitlisted, not when they applied.
      for (const i of [3, 2, 4]) {
        ctx().clock.advance(60_000);
        expect((await lead.post(`/applications/${ids[i]}/decision`, { decision: 'waitlist', reason: 'The cohort is full' })).status).toBe(303);
      }
      const overview = visibleText((await lead.get(`/cohorts/${cohort.id}`)).text);
      expect(overview.indexOf('Dev')).toBeLessThan(overview.indexOf('Cal'));
      expect(overview.indexOf('Cal')).toBeLessThan(overview.indexOf('Eve'));

      ctx().clock.advance(60_000);
      expect((await item(clients, 0).post(`/applications/${ids[0]}/withdraw`, { reason: 'Moving school' })).status).toBe(303);
      const statuses = async () => Promise.all(ids.map(async (id) => (await applicationRow(ctx(), id)).status));
      expect(await statuses()).toEqual(['withdrawn', 'accepted', 'waitlisted', 'accepted', 'waitlisted']);
      const withdrawn = await ctx().db.selectFrom('enrolments').select('status').where('application_id', '=', item(ids, 0)).executeTakeFirstOrThrow();
      expect(withdrawn.status).toBe('withdrawn');

      ctx().clock.advance(60_000);
      expect((await item(clients, 1).post(`/applications/${ids[1]}/withdraw`, {})).status).toBe(303);
      expect(await statuses()).toEqual(['withdrawn', 'withdrawn', 'accepted', 'accepted', 'waitlisted']);
      const active = await ctx().db.selectFrom('enrolments').select('person_id').where('cohort_id', '=', cohort.id).where('status', '=', 'active').execute();
      expect(active.map((e) => e.person_id).sort()).toEqual([item(people, 2).id, item(people, 3).id].sort());

      await ctx().deliverMail();
      for (const i of [3, 2]) {
        const offer = mailTo(ctx(), item(people, i).email).find((m) => m.subject.startsWith('A place has become available on'));
        expect(offer?.subject).toBe(`A place has become available on ${programme.title} (Cohort 4) — you have been given a place`);
      }
      expect(mailTo(ctx(), item(people, 4).email).some((m) => m.subject.startsWith('A place has become available'))).toBe(false);
      const event = await ctx()
        .db.selectFrom('application_events')
        .select('reason')
        .where('application_id', '=', item(ids, 3))
        .where('status', '=', 'accepted')
        .executeTakeFirstOrThrow();
      expect(event.reason).toBe('A place became available');
      const offered = await ctx().db.selectFrom('audit_events').select('subject_id').where('action', '=', 'place_offered').execute();
      expect(offered.map((a) => a.subject_id).sort()).toEqual([ids[2], ids[3]].sort());

      // A place added by the lead goes to the waiting list too.
      const edit = {
        name: 'Cohort 4',
        'opensOn-day': '1',
        'opensOn-month': '11',
        'opensOn-year': '2026',
        'closesOn-day': '31',
        'closesOn-month': '12',
        'closesOn-year': '2026',
      };
      const dates = { 'startsOn-day': '11', 'startsOn-month': '1', 'startsOn-year': '2027', 'endsOn-day': '16', 'endsOn-month': '7', 'endsOn-year': '2027' };
      expect((await lead.post(`/cohorts/${cohort.id}`, { ...edit, ...dates, capacity: '3' })).status).toBe(303);
      expect((await applicationRow(ctx(), item(ids, 4))).status).toBe('accepted');
    } finally {
      ctx().clock.set(START);
    }
  });
});

describeEachEngine('releasing a place', (ctx) => {
  it('two releases at once give one free place to one person', async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      capacity: 1,
      needsLineManager: false,
      needsHeadteacher: false,
    });
    const lead = await clientFor(ctx(), world.programmeLead);
    const ids: string[] = [];
    for (const name of ['Fay', 'Gus']) {
      const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: name });
      const client = await clientFor(ctx(), person);
      const id = await draftApplication(client, cohort.id);
      expect((await client.post(`/applications/${id}/submit`)).status).toBe(303);
      ctx().clock.advance(1000);
      expect((await lead.post(`/applications/${id}/decision`, { decision: 'waitlist', reason: 'Waiting for the budget' })).status).toBe(303);
      ids.push(id);
    }
    const deps = { clock: ctx().clock, events: features.events(ctx().clock) };
    const release = () =>
      ctx()
        .db.transaction()
        .execute((trx) => releasePlace(trx, deps, cohort.id, null));
    await Promise.all([release(), release()]);
    const statuses = await Promise.all(ids.map(async (id) => (await applicationRow(ctx(), id)).status));
    expect(statuses).toEqual(['accepted', 'waitlisted']);
    const enrolments = await ctx().db.selectFrom('enrolments').select('id').where('cohort_id', '=', cohort.id).execute();
    expect(enrolments).toHaveLength(1);
    ctx().clock.set(START);
  });
});

describeEachEngine('who can see an application', (ctx) => {
  let world: World;
  let reportApplication: string;
  let staffApplication: string;

  beforeAll(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: programme.id, needsLineManager: false });
    reportApplication = await draftApplication(await clientFor(ctx(), world.report), cohort.id);
    staffApplication = await draftApplication(await clientFor(ctx(), world.staff), cohort.id);
  });

  it('an applicant never sees another applicant’s application', async () => {
    const staff = await clientFor(ctx(), world.staff);
    expect((await staff.get(`/applications/${reportApplication}`)).status).toBe(404);
    expect((await staff.get(`/applications/${staffApplication}`)).status).toBe(200);
    expect(visibleText((await staff.get('/applications')).text)).not.toContain(world.report.familyName);
  });

  it('a line manager sees only their own reports’ applications, and cannot change them', async () => {
    const manager = await clientFor(ctx(), world.lineManager);
    const page = await manager.get(`/applications/${reportApplication}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('I lead the Year 8 maths team.');
    expect(visibleText(page.text)).not.toContain('Save decision');
    expect((await manager.get(`/applications/${staffApplication}`)).status).toBe(404);
    expect((await manager.get(`/applications/${reportApplication}/motivation`)).status).toBe(403);
  });

  it('another school’s admin and another organisation see nothing', async () => {
    for (const person of [world.schoolAdminB, world.otherAdmin]) {
      const client = await clientFor(ctx(), person);
      expect((await client.get(`/applications/${reportApplication}`)).status).toBe(404);
      expect((await client.get(`/applications/${staffApplication}/check`)).status).toBe(404);
    }
    const here = await clientFor(ctx(), world.schoolAdminA);
    expect((await here.get(`/applications/${reportApplication}`)).status).toBe(200);
  });
});

describeEachEngine('running cohorts', (ctx) => {
  let world: World;
  let programmeId: string;
  let lead: TestClient;

  const form = (overrides: Record<string, string> = {}) => ({
    name: 'Cohort 8',
    'opensOn-day': '27',
    'opensOn-month': '11',
    'opensOn-year': '2026',
    'closesOn-day': '12',
    'closesOn-month': '12',
    'closesOn-year': '2026',
    'startsOn-day': '11',
    'startsOn-month': '1',
    'startsOn-year': '2027',
    'endsOn-day': '16',
    'endsOn-month': '7',
    'endsOn-year': '2027',
    capacity: '12',
    needsLineManager: 'yes',
    needsHeadteacher: 'yes',
    leadIds: '',
    ...overrides,
  });

  beforeAll(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    programmeId = (await makeProgramme(ctx().db, { organisationId: world.organisation.id })).id;
    lead = await clientFor(ctx(), world.programmeLead);
  });

  it('a lead creates a cohort; bad dates and capacity are refused with the error summary', async () => {
    expect((await lead.get(`/programmes/${programmeId}/cohorts/new`)).status).toBe(200);
    const bad = await lead.post(
      `/programmes/${programmeId}/cohorts`,
      form({ 'closesOn-day': '20', 'closesOn-month': '11', 'endsOn-year': '2026', capacity: '0' }),
    );
    expect(bad.status).toBe(400);
    const text = visibleText(bad.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Date applications close must be the same as or after the date they open');
    expect(text).toContain('End date must be the same as or after the start date');
    expect(text).toContain('Number of places must be 1 or more');
    expect(bad.text).toContain('value="Cohort 8"');
    const created = await lead.post(`/programmes/${programmeId}/cohorts`, form({ leadIds: world.programmeLead.id }));
    expect(created.status).toBe(303);
    const id = part(part(created.location ?? '', '/', 2, 'cohort id'), '?', 0);
    const cohort = await ctx().db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(cohort.applications_open_on).toBe('2026-11-27');
    expect(cohort.endorsement_deadline).toBe('2026-12-26');
    const page = visibleText((await lead.get(`/cohorts/${id}`)).text);
    expect(page).toContain('0 of 12');
    expect(page).toContain(world.programmeLead.familyName);
    const duplicate = await lead.post(`/programmes/${programmeId}/cohorts`, form({ name: 'cohort 8' }));
    expect(duplicate.status).toBe(400);
    expect(visibleText(duplicate.text)).toContain('already has a cohort called cohort 8');
  });

  it('capacity cannot go below the places already taken', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, name: 'Cohort 10', capacity: 3 });
    for (let i = 0; i < 2; i++) {
      const person = await makePerson(ctx().db, { organisationId: world.organisation.id });
      await ctx()
        .db.insertInto('enrolments')
        .values({
          id: newId(),
          organisation_id: world.organisation.id,
          application_id: null,
          cohort_id: cohort.id,
          programme_id: programmeId,
          person_id: person.id,
          status: i === 0 ? 'active' : 'completed',
          return_cohort_id: null,
          status_reason: null,
          completed_at: null,
          created_at: START,
          updated_at: START,
        })
        .execute();
    }
    expect((await lead.get(`/cohorts/${cohort.id}/edit`)).status).toBe(200);
    const fields = form({ name: 'Cohort 10', 'opensOn-day': '1', 'opensOn-month': '11', 'closesOn-day': '31', capacity: '1' });
    const refused = await lead.post(`/cohorts/${cohort.id}`, fields);
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('cannot be less than the 2 already taken');
    expect((await lead.post(`/cohorts/${cohort.id}`, { ...fields, capacity: '2' })).status).toBe(303);
    expect((await ctx().db.selectFrom('cohorts').select('capacity').where('id', '=', cohort.id).executeTakeFirstOrThrow()).capacity).toBe(2);
  });

  it('endorsement reminders go out once, three days before the deadline', async () => {
    const cohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId, name: 'Cohort 11' });
    await ctx().db.updateTable('cohorts').set({ endorsement_deadline: '2026-12-10' }).where('id', '=', cohort.id).execute();
    const applicant = await clientFor(ctx(), world.report);
    const id = await draftApplication(applicant, cohort.id);
    expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    const endorsement = await ctx()
      .db.selectFrom('endorsements')
      .selectAll()
      .where('application_id', '=', id)
      .where('kind', '=', 'line_manager')
      .executeTakeFirstOrThrow();
    expect(endorsement.due_on).toBe('2026-12-10');
    try {
      ctx().clock.set('2026-12-06T09:00:00.000Z');
      expect(await sendEndorsementReminders(ctx().db, ctx().clock)).toBe(0);
      ctx().clock.set('2026-12-07T09:00:00.000Z');
      expect(await sendEndorsementReminders(ctx().db, ctx().clock)).toBe(1);
      expect(await sendEndorsementReminders(ctx().db, ctx().clock)).toBe(0);
      ctx().clock.set('2026-12-09T09:00:00.000Z');
      expect(await sendEndorsementReminders(ctx().db, ctx().clock)).toBe(0);
      await ctx().deliverMail();
      const reminders = mailTo(ctx(), world.lineManager.email).filter((m) => m.subject.startsWith('Reminder'));
      expect(reminders).toHaveLength(1);
      expect(item(reminders, 0).text).toContain(`${TEST_ORIGIN}/endorsements/${endorsement.id}`);
      expect(item(reminders, 0).text).toContain('10 December 2026');
    } finally {
      ctx().clock.set(START);
    }
  });
});

describeEachEngine('an enrolment that an application change causes', (ctx) => {
  it('accepting enrols the applicant with a history line and an audit entry, and only the application’s email tells them', async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      needsLineManager: false,
      needsHeadteacher: false,
    });
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id });
    const applicant = await clientFor(ctx(), person);
    const id = await draftApplication(applicant, cohort.id);
    expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    const lead = await clientFor(ctx(), world.programmeLead);
    expect((await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: 'Welcome' })).status).toBe(303);

    const enrolment = await ctx().db.selectFrom('enrolments').select(['id', 'status']).where('application_id', '=', id).executeTakeFirstOrThrow();
    expect(enrolment.status).toBe('active');
    const events = await ctx().db.selectFrom('enrolment_events').select(['status', 'actor_id', 'reason']).where('enrolment_id', '=', enrolment.id).execute();
    expect(events).toEqual([{ status: 'active', actor_id: world.programmeLead.id, reason: 'Welcome' }]);
    const audits = await ctx()
      .db.selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('subject_id', '=', enrolment.id)
      .where('action', '=', 'enrolment_changed')
      .execute();
    expect(audits.map((a) => ({ actor: a.actor_id, ...JSON.parse(a.detail) }))).toEqual([
      { actor: world.programmeLead.id, from: null, to: 'active', cohortId: cohort.id, returnCohortId: null },
    ]);
    await ctx().deliverMail();
    const told = await ctx().db.selectFrom('notifications').select('kind').where('person_id', '=', person.id).execute();
    expect(told.map((n) => n.kind).sort()).toEqual(['application_update', 'application_update']);
  });

  it('withdrawing an accepted application withdraws the place with a history line and an audit entry, and only the application’s email tells them', async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      needsLineManager: false,
      needsHeadteacher: false,
    });
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id });
    const applicant = await clientFor(ctx(), person);
    const id = await draftApplication(applicant, cohort.id);
    expect((await applicant.post(`/applications/${id}/submit`)).status).toBe(303);
    const lead = await clientFor(ctx(), world.programmeLead);
    expect((await lead.post(`/applications/${id}/decision`, { decision: 'accept', reason: 'Welcome' })).status).toBe(303);
    const enrolment = await ctx().db.selectFrom('enrolments').select('id').where('application_id', '=', id).executeTakeFirstOrThrow();

    ctx().clock.advance(60_000);
    expect((await applicant.post(`/applications/${id}/withdraw`, { reason: 'My school needs me this year' })).status).toBe(303);

    const row = await ctx().db.selectFrom('enrolments').select(['status', 'status_reason']).where('id', '=', enrolment.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'withdrawn', status_reason: 'My school needs me this year' });
    const events = await ctx()
      .db.selectFrom('enrolment_events')
      .select(['status', 'actor_id', 'reason'])
      .where('enrolment_id', '=', enrolment.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toEqual({ status: 'withdrawn', actor_id: person.id, reason: 'My school needs me this year' });
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('subject_id', '=', enrolment.id)
      .where('action', '=', 'enrolment_changed')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(audit.at(-1)?.actor_id).toBe(person.id);
    expect(JSON.parse(audit.at(-1)?.detail ?? '{}')).toEqual({ from: 'active', to: 'withdrawn', cohortId: cohort.id, returnCohortId: null });

    await ctx().deliverMail();
    const subjects = mailTo(ctx(), person.email).map((m) => m.subject);
    expect(subjects).toContain(`You have withdrawn your application to ${programme.title} (${cohort.name})`);
    expect(subjects.some((s) => s.startsWith('You have withdrawn from'))).toBe(false);
    const told = await ctx().db.selectFrom('notifications').select('kind').where('person_id', '=', person.id).where('kind', '=', 'enrolment_update').execute();
    expect(told).toEqual([]);
  });
});

describeEachEngine('accepting without a reason, one at a time or several at once', (ctx) => {
  let world: World;
  let cohortId: string;
  let ids: string[];
  let people: TestPerson[];
  const idAt = (i: number) => ids[i] as string;

  beforeAll(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    const programme = await makeProgramme(ctx().db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: programme.id,
      capacity: 3,
      needsLineManager: false,
      needsHeadteacher: false,
    });
    cohortId = cohort.id;
    ids = [];
    people = [];
    for (const name of ['Ada', 'Bea', 'Cal', 'Dev']) {
      const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: name });
      const client = await clientFor(ctx(), person);
      const id = await draftApplication(client, cohort.id);
      expect((await client.post(`/applications/${id}/submit`)).status).toBe(303);
      ids.push(id);
      people.push(person);
    }
  });

  it('a lead accepts without writing a reason; declining and waitlisting still need one', async () => {
    const lead = await clientFor(ctx(), world.programmeLead);
    const decline = await lead.post(`/applications/${idAt(3)}/decision`, { decision: 'decline', reason: '' });
    expect(decline.status).toBe(400);
    expect(visibleText(decline.text)).toContain('Enter the reason for your decision');
    const waitlist = await lead.post(`/applications/${idAt(3)}/decision`, { decision: 'waitlist', reason: '' });
    expect(waitlist.status).toBe(400);
    expect((await applicationRow(ctx(), idAt(3))).status).toBe('submitted');
    const accept = await lead.post(`/applications/${idAt(0)}/decision`, { decision: 'accept', reason: '' });
    expect(accept.status).toBe(303);
    const row = await applicationRow(ctx(), idAt(0));
    expect(row.status).toBe('accepted');
    expect(row.decision_reason).toBeNull();
    await ctx().deliverMail();
    const told = mailTo(ctx(), (people[0] as TestPerson).email).at(-1);
    expect(told?.subject).toContain('You have a place on');
    expect(told?.text).not.toContain('The programme lead said');
  });

  it('a lead accepts several applications ready for a decision at once from the list: all, or none when there is no room', async () => {
    const lead = await clientFor(ctx(), world.programmeLead);
    const queue = await lead.get(`/cohorts/${cohortId}/applications`);
    expect(queue.text).toContain(`action="/cohorts/${cohortId}/applications/accept"`);
    for (const id of ids.slice(1)) expect(queue.text).toContain(`value="${id}"`);
    expect(queue.text).not.toContain(`value="${idAt(0)}"`);

    const none = await lead.post(`/cohorts/${cohortId}/applications/accept`, {});
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain('Select the applications to accept');

    // Three selected, two places left: nothing is accepted.
    const tooMany = await lead.post(`/cohorts/${cohortId}/applications/accept`, new URLSearchParams(ids.slice(1).map((id) => ['applicationIds', id])));
    expect(tooMany.status).toBe(400);
    expect(visibleText(tooMany.text)).toContain('Nothing was accepted');
    for (const id of ids.slice(1)) expect((await applicationRow(ctx(), id)).status).toBe('submitted');

    const two = await lead.post(`/cohorts/${cohortId}/applications/accept`, new URLSearchParams(ids.slice(1, 3).map((id) => ['applicationIds', id])));
    expect(two.status).toBe(303);
    expect(two.location).toBe(`/cohorts/${cohortId}/applications?accepted=2`);
    expect(visibleText((await lead.get(two.location ?? '')).text)).toContain('2 applications accepted');
    expect((await applicationRow(ctx(), idAt(1))).status).toBe('accepted');
    expect((await applicationRow(ctx(), idAt(2))).status).toBe('accepted');
    expect((await applicationRow(ctx(), idAt(3))).status).toBe('submitted');
    const enrolled = await ctx().db.selectFrom('enrolments').select('person_id').where('cohort_id', '=', cohortId).execute();
    expect(enrolled).toHaveLength(3);
  });

  it('only programme leads accept from the list, and only applications to that cohort', async () => {
    const staff = await clientFor(ctx(), world.staff);
    expect((await staff.post(`/cohorts/${cohortId}/applications/accept`, { applicationIds: idAt(3) })).status).toBe(403);
    const other = await makeCohort(ctx().db, {
      organisationId: world.organisation.id,
      programmeId: (await makeProgramme(ctx().db, { organisationId: world.organisation.id })).id,
    });
    const lead = await clientFor(ctx(), world.programmeLead);
    expect((await lead.post(`/cohorts/${other.id}/applications/accept`, { applicationIds: idAt(3) })).status).toBe(404);
    expect((await applicationRow(ctx(), idAt(3))).status).toBe('submitted');
  });
});
