import { beforeAll, expect, it } from 'vitest';
import { createApp } from '../../app';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { silentLogger } from '../../platform/log';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeProgramme } from '../../../test/support/programme-world';
import { item } from '../../../test/support/present';

const at = '2026-11-01T09:00:00.000Z';

/** Enrols a person directly, as accepting an application would. */
async function enrol(
  db: Db,
  options: { organisationId: string; cohortId: string; programmeId: string; personId: string; status?: 'active' | 'deferred' | 'withdrawn' | 'completed' },
) {
  const id = newId();
  const status = options.status ?? 'active';
  await db
    .insertInto('enrolments')
    .values({
      id,
      organisation_id: options.organisationId,
      application_id: null,
      cohort_id: options.cohortId,
      programme_id: options.programmeId,
      person_id: options.personId,
      status,
      return_cohort_id: null,
      status_reason: null,
      completed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.insertInto('enrolment_events').values({ id: newId(), enrolment_id: id, status: 'active', actor_id: null, reason: null, created_at: at }).execute();
  return id;
}

/** A waitlisted application to the cohort, as the cohorts feature writes one. */
async function waitlist(db: Db, options: { organisationId: string; cohortId: string; personId: string; schoolId: string; waitlistedAt: string }) {
  const id = newId();
  await db
    .insertInto('applications')
    .values({
      id,
      organisation_id: options.organisationId,
      cohort_id: options.cohortId,
      person_id: options.personId,
      school_id: options.schoolId,
      status: 'waitlisted',
      live_slot: 'live',
      current_role: 'Teacher',
      experience: 'Some',
      motivation: 'To lead',
      declarations: '[]',
      coach_person_id: null,
      coach_name: null,
      coach_email: null,
      project_idea: null,
      eligible: 1,
      eligibility_notes: '[]',
      recommendation_id: null,
      decision_reason: 'The cohort is full',
      submitted_at: at,
      decided_at: options.waitlistedAt,
      waitlisted_at: options.waitlistedAt,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Ticked checkboxes repeat one name; URLSearchParams (which the client posts) takes pairs for that. */
const ticked = (name: string, values: string[]) => values.map((v) => [name, v]) as unknown as Record<string, string>;

async function client(ctx: () => { client(): TestClient }, email: string) {
  const c = ctx().client();
  await signIn(c, email);
  return c;
}

async function modularProgramme(db: Db, world: World, options: { capacity?: number } = {}) {
  const programme = await makeProgramme(db, {
    organisationId: world.organisation.id,
    delivery: 'modular',
    modulesRequired: 2,
    modules: ['Leading a team', 'Managing change', 'Coaching colleagues'],
    requirements: [{ kind: 'modules' }, { kind: 'sign_off' }],
  });
  const cohort = await makeCohort(db, {
    organisationId: world.organisation.id,
    programmeId: programme.id,
    name: 'Cohort 1',
    capacity: options.capacity ?? 12,
    leadIds: [world.programmeLead.id],
  });
  return { programme, cohort };
}

describeEachEngine('a participant’s programme, from choosing modules to completion', (ctx) => {
  let world: World;
  let participant: TestClient;
  let lead: TestClient;
  let programme: Awaited<ReturnType<typeof makeProgramme>>;
  let cohortId: string;
  let enrolmentId: string;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    const made = await modularProgramme(ctx().db, world);
    programme = made.programme;
    cohortId = made.cohort.id;
    enrolmentId = await enrol(ctx().db, { organisationId: world.organisation.id, cohortId, programmeId: programme.id, personId: world.report.id });
    participant = await client(ctx, world.report.email);
    lead = await client(ctx, world.programmeLead.email);
  });

  const page = async (who: TestClient = participant) => visibleText((await who.get(`/enrolments/${enrolmentId}`)).text);

  it('starts with nothing done, and says to choose modules first', async () => {
    const response = await participant.get(`/enrolments/${enrolmentId}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('govuk-task-list');
    expect(response.text).toContain(`href="/enrolments/${enrolmentId}/modules"`);
    const text = visibleText(response.text);
    expect(text).toContain(programme.title);
    expect(text).toContain('Cohort 1');
    expect(text).toContain('Chosen modules completed Choose and complete 2 modules. No modules chosen yet: choose 2 modules. Not started');
    expect(text).toContain('What to do next Chosen modules completed: No modules chosen yet: choose 2 modules. Choose and complete modules');
    expect(visibleText((await participant.get('/my-programme')).text)).toContain(programme.title);
  });

  it('choosing must pick exactly the number the programme asks for', async () => {
    const one = await participant.post(`/enrolments/${enrolmentId}/modules`, ticked('moduleIds', [item(programme.moduleIds, 0)]));
    expect(one.status).toBe(400);
    expect(visibleText(one.text)).toContain('There is a problem Select exactly 2 modules: you selected 1');
    expect(one.text).toMatch(/value="[^"]+" checked/);
    const none = await participant.post(`/enrolments/${enrolmentId}/modules`, {});
    expect(visibleText(none.text)).toContain('Select 2 modules');
    const bogus = await participant.post(`/enrolments/${enrolmentId}/modules`, ticked('moduleIds', [item(programme.moduleIds, 0), 'not-a-module']));
    expect(visibleText(bogus.text)).toContain('Select modules from the list');
    expect(await ctx().db.selectFrom('enrolment_modules').selectAll().where('enrolment_id', '=', enrolmentId).execute()).toEqual([]);
  });

  it('choosing modules puts the requirement in progress', async () => {
    const saved = await participant.post(
      `/enrolments/${enrolmentId}/modules`,
      ticked('moduleIds', [item(programme.moduleIds, 0), item(programme.moduleIds, 1)]),
    );
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/enrolments/${enrolmentId}/modules?done=saved`);
    const modules = visibleText((await participant.get(saved.location ?? '')).text);
    expect(modules).toContain('Your modules are saved');
    expect(modules).toContain('You have completed 0 of 2 modules');
    expect(await page()).toContain('0 of 2 modules completed. In progress');
  });

  it('completing a module needs a short reflection', async () => {
    const empty = await participant.post(`/enrolments/${enrolmentId}/modules/${programme.moduleIds[0]}/complete`, { did: ' ', changed: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('There is a problem Enter what you did Enter what changed as a result');
    const kept = await participant.post(`/enrolments/${enrolmentId}/modules/${programme.moduleIds[0]}/complete`, {
      did: 'Ran three team meetings',
      changed: '',
    });
    expect(kept.text).toContain('Ran three team meetings');
    const notChosen = await participant.post(`/enrolments/${enrolmentId}/modules/${programme.moduleIds[2]}/complete`, { did: 'x', changed: 'y' });
    expect(notChosen.status).toBe(409);
  });

  it('completing the chosen modules meets the requirement and makes sign-off available', async () => {
    for (const moduleId of programme.moduleIds.slice(0, 2)) {
      const done = await participant.post(`/enrolments/${enrolmentId}/modules/${moduleId}/complete`, {
        did: 'Ran three team meetings with a new agenda',
        changed: 'Meetings end on time and actions get done',
      });
      expect(done.status).toBe(303);
    }
    const again = await participant.post(`/enrolments/${enrolmentId}/modules/${programme.moduleIds[0]}/complete`, { did: 'x', changed: 'y' });
    expect(again.status).toBe(409);
    const modules = visibleText((await participant.get(`/enrolments/${enrolmentId}/modules`)).text);
    expect(modules).toContain('Meetings end on time and actions get done');
    const text = await page();
    expect(text).toContain('2 modules completed. Met');
    expect(text).toContain('Ready for a programme lead to sign off. Not started');
    expect(text).toContain('What to do next A programme lead will sign you off.');
  });

  it('a completed module cannot be dropped', async () => {
    const dropped = await participant.post(
      `/enrolments/${enrolmentId}/modules`,
      ticked('moduleIds', [item(programme.moduleIds, 1), item(programme.moduleIds, 2)]),
    );
    expect(dropped.status).toBe(400);
    expect(visibleText(dropped.text)).toContain('You have completed “Leading a team”, so it must stay chosen');
  });

  it('the lead cannot mark it completed before sign-off, then signs off once', async () => {
    const leadView = await lead.get(`/enrolments/${enrolmentId}`);
    expect(leadView.text).toContain(`action="/enrolments/${enrolmentId}/sign-off"`);
    expect(leadView.text).toContain(`href="/enrolments/${enrolmentId}/status"`);

    const early = await lead.post(`/enrolments/${enrolmentId}/status`, { action: 'complete' });
    expect(early.status).toBe(400);
    expect(visibleText(early.text)).toContain('You cannot mark this enrolment as completed yet');
    expect(visibleText(early.text)).toContain('Programme lead sign-off: Ready for a programme lead to sign off');

    const signed = await lead.post(`/enrolments/${enrolmentId}/sign-off`, { note: 'Excellent reflections.' });
    expect(signed.status).toBe(303);
    const twice = await lead.post(`/enrolments/${enrolmentId}/sign-off`, {});
    expect(twice.status).toBe(409);
    expect(visibleText(twice.text)).toContain('already signed off by Priya');
    const audits = await ctx()
      .db.selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', enrolmentId)
      .where('action', '=', 'enrolment_signed_off')
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('once signed off the participant may graduate, and the lead completes the enrolment', async () => {
    const text = await page();
    expect(text).toContain('Signed off by Priya');
    expect(text).toContain('You have met every requirement');
    expect(text).toContain('You have completed the programme. A programme lead will confirm it.');
    const roster = visibleText((await lead.get(`/cohorts/${cohortId}/roster`)).text);
    expect(roster).toMatch(new RegExp(`${world.report.familyName} .* Yes`));

    const completed = await lead.post(`/enrolments/${enrolmentId}/status`, { action: 'complete', reason: '' });
    expect(completed.status).toBe(303);
    const row = await ctx().db.selectFrom('enrolments').select(['status', 'completed_at']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', completed_at: ctx().clock.now().toISOString() });
    const events = await ctx()
      .db.selectFrom('enrolment_events')
      .select(['status', 'actor_id'])
      .where('enrolment_id', '=', enrolmentId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(events.at(-1)).toEqual({ status: 'completed', actor_id: world.programmeLead.id });
    expect(await page()).toContain('What to do next You have completed the programme.');

    await ctx().deliverMail();
    const mine = ctx()
      .mailer.sent.filter((m) => m.to === world.report.email)
      .map((m) => m.subject);
    expect(mine).toContain(`${programme.title}: a programme lead has signed you off`);
    expect(mine).toContain(`You have completed ${programme.title}`);
  });

  it('a completed enrolment can no longer change', async () => {
    const refused = await lead.post(`/enrolments/${enrolmentId}/status`, { action: 'withdraw', reason: 'Left the school' });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain('You cannot withdraw an enrolment that is completed');
    expect((await participant.post(`/enrolments/${enrolmentId}/modules`, ticked('moduleIds', programme.moduleIds.slice(0, 2)))).status).toBe(409);
  });
});

describeEachEngine('what programme leads may and may not do', (ctx) => {
  let world: World;
  let lead: TestClient;
  let programme: Awaited<ReturnType<typeof makeProgramme>>;
  let cohortId: string;
  let laterCohortId: string;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    const made = await modularProgramme(ctx().db, world, { capacity: 2 });
    programme = made.programme;
    cohortId = made.cohort.id;
    laterCohortId = (
      await makeCohort(ctx().db, {
        organisationId: world.organisation.id,
        programmeId: programme.id,
        name: 'Cohort 2',
        startsOn: '2027-09-06',
        endsOn: '2028-03-31',
        capacity: 1,
      })
    ).id;
    lead = await client(ctx, world.programmeLead.email);
  });

  const newParticipant = async (familyName: string, status?: 'active' | 'withdrawn') => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, familyName });
    const id = await enrol(ctx().db, { organisationId: world.organisation.id, cohortId, programmeId: programme.id, personId: person.id, status });
    return { person, id };
  };

  it('sign-off is refused while a requirement is outstanding', async () => {
    const { id } = await newParticipant('Outstanding');
    const refused = await lead.post(`/enrolments/${id}/sign-off`, {});
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain('Still outstanding: chosen modules completed (No modules chosen yet: choose 2 modules)');
    expect(await ctx().db.selectFrom('enrolment_signoffs').selectAll().where('enrolment_id', '=', id).execute()).toEqual([]);
    expect((await lead.get(`/enrolments/${id}`)).text).not.toContain('/sign-off"');
  });

  it('deferring needs a later cohort and a reason; the participant rejoins that cohort when reinstated', async () => {
    const { person, id } = await newParticipant('Deferrer');
    const form = await lead.get(`/enrolments/${id}/status`);
    expect(visibleText(form.text)).toContain('Cohort 2 (6 September 2027 to 31 March 2028)');
    expect(form.text).not.toContain(`<option value="${cohortId}"`);

    const missing = await lead.post(`/enrolments/${id}/status`, { action: 'defer' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('There is a problem Select the cohort they will rejoin Enter why the place is being deferred');
    const elsewhere = await lead.post(`/enrolments/${id}/status`, { action: 'defer', returnCohortId: cohortId, reason: 'Maternity leave' });
    expect(visibleText(elsewhere.text)).toContain('Select the cohort they will rejoin');

    const deferred = await lead.post(`/enrolments/${id}/status`, { action: 'defer', returnCohortId: laterCohortId, reason: 'Maternity leave' });
    expect(deferred.status).toBe(303);
    let row = await ctx()
      .db.selectFrom('enrolments')
      .select(['status', 'cohort_id', 'return_cohort_id', 'status_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'deferred', cohort_id: cohortId, return_cohort_id: laterCohortId, status_reason: 'Maternity leave' });
    const shown = visibleText((await lead.get(`/enrolments/${id}`)).text);
    expect(shown).toContain('Rejoins with Cohort 2');
    expect(shown).toContain('Maternity leave');

    const cannotComplete = await lead.post(`/enrolments/${id}/status`, { action: 'complete' });
    expect(visibleText(cannotComplete.text)).toContain('You cannot complete an enrolment that is deferred');

    const reinstated = await lead.post(`/enrolments/${id}/status`, { action: 'reinstate' });
    expect(reinstated.status).toBe(303);
    row = await ctx()
      .db.selectFrom('enrolments')
      .select(['status', 'cohort_id', 'return_cohort_id', 'status_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'active', cohort_id: laterCohortId, return_cohort_id: null, status_reason: null });

    await ctx().deliverMail();
    const subjects = ctx()
      .mailer.sent.filter((m) => m.to === person.email)
      .map((m) => m.subject);
    expect(subjects).toEqual([`Your place on ${programme.title} is deferred`, `Your place on ${programme.title} is active again`]);
    const audits = await ctx().db.selectFrom('audit_events').select('detail').where('subject_id', '=', id).where('action', '=', 'enrolment_changed').execute();
    expect(audits.map((a) => JSON.parse(a.detail).to)).toEqual(['deferred', 'active']);
  });

  it('reinstating needs a free place', async () => {
    await newParticipant('Holder');
    await newParticipant('Holder2');
    const { id } = await newParticipant('Leaver', 'withdrawn');
    const full = await lead.post(`/enrolments/${id}/status`, { action: 'reinstate' });
    expect(full.status).toBe(400);
    expect(visibleText(full.text)).toContain('There is no free place in Cohort 1: all 2 places are taken');
    expect((await ctx().db.selectFrom('enrolments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('withdrawn');
  });

  it('withdrawing needs a reason, and a lead cannot change their own enrolment', async () => {
    const { id } = await newParticipant('Withdrawn');
    const noReason = await lead.post(`/enrolments/${id}/status`, { action: 'withdraw', reason: '  ' });
    expect(visibleText(noReason.text)).toContain('Enter why they are being withdrawn');
    const nothing = await lead.post(`/enrolments/${id}/status`, {});
    expect(visibleText(nothing.text)).toContain('Select what you want to do');
    const own = await enrol(ctx().db, {
      organisationId: world.organisation.id,
      cohortId: laterCohortId,
      programmeId: programme.id,
      personId: world.programmeLead.id,
    });
    expect((await lead.get(`/enrolments/${own}`)).status).toBe(200);
    expect((await lead.get(`/enrolments/${own}/status`)).status).toBe(403);
    expect((await lead.post(`/enrolments/${own}/sign-off`, {})).status).toBe(403);
  });

  it('the roster shows each participant’s statuses, filtered by enrolment status', async () => {
    const roster = await lead.get(`/cohorts/${cohortId}/roster`);
    expect(roster.status).toBe(200);
    expect(roster.text).toContain('<caption class="govuk-table__caption govuk-table__caption--m">');
    const text = visibleText(roster.text);
    expect(text).toContain('Participant Status Requirements May graduate');
    expect(text).toMatch(
      /Outstanding .* Active Chosen modules completed: Not started No modules chosen yet: choose 2 modules Programme lead sign-off: Not started A programme lead signs off once every other requirement is met No/,
    );
    expect(text).toContain('Leaver');
    const withdrawn = visibleText((await lead.get(`/cohorts/${cohortId}/roster?status=withdrawn`)).text);
    expect(withdrawn).toContain('Leaver');
    expect(withdrawn).not.toContain('Outstanding');
    expect(withdrawn).toContain('1 withdrawn participant in Cohort 1');
    expect((await lead.get(`/cohorts/${cohortId}/roster?status=nonsense`)).status).toBe(200);
  });

  it('another organisation’s admin finds no roster; staff are refused', async () => {
    expect((await (await client(ctx, world.otherAdmin.email)).get(`/cohorts/${cohortId}/roster`)).status).toBe(404);
    expect((await (await client(ctx, world.staff.email)).get(`/cohorts/${cohortId}/roster`)).status).toBe(403);
  });
});

describeEachEngine('who sees an enrolment', (ctx) => {
  let world: World;
  let enrolmentId: string;
  let cohortProgrammeEnrolment: string;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    const { programme, cohort } = await modularProgramme(ctx().db, world);
    enrolmentId = await enrol(ctx().db, { organisationId: world.organisation.id, cohortId: cohort.id, programmeId: programme.id, personId: world.report.id });
    await enrol(ctx().db, { organisationId: world.organisation.id, cohortId: cohort.id, programmeId: programme.id, personId: world.staff.id });
    const cohortBased = await makeProgramme(ctx().db, { organisationId: world.organisation.id, requirements: [{ kind: 'sign_off' }] });
    const cohortBasedCohort = await makeCohort(ctx().db, { organisationId: world.organisation.id, programmeId: cohortBased.id });
    cohortProgrammeEnrolment = await enrol(ctx().db, {
      organisationId: world.organisation.id,
      cohortId: cohortBasedCohort.id,
      programmeId: cohortBased.id,
      personId: world.report.id,
    });
  });

  it('a participant never sees another’s enrolment', async () => {
    const colleague = await client(ctx, world.staff.email);
    expect((await colleague.get(`/enrolments/${enrolmentId}`)).status).toBe(404);
    expect((await colleague.get(`/enrolments/${enrolmentId}/modules`)).status).toBe(404);
    expect((await colleague.post(`/enrolments/${enrolmentId}/withdraw`, { reason: 'Not mine' })).status).toBe(404);
    expect(visibleText((await colleague.get('/my-programme')).text)).not.toContain(world.report.familyName);
  });

  it('a line manager sees their report’s programme but cannot work on it', async () => {
    const manager = await client(ctx, world.lineManager.email);
    const page = await manager.get(`/enrolments/${enrolmentId}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(`Participant ${world.report.givenName} ${world.report.familyName}`);
    // The requirements speak about the participant, not to the line manager reading them.
    expect(visibleText(page.text)).toContain('Chosen modules completed The participant chooses and completes 2 modules.');
    expect(visibleText(page.text)).toContain('A programme lead confirms the participant has completed the programme.');
    expect(visibleText(page.text)).not.toMatch(/Choose and complete|confirms you/);
    expect(page.text).not.toContain(`href="/enrolments/${enrolmentId}/modules"`);
    expect((await manager.get(`/enrolments/${enrolmentId}/modules`)).status).toBe(403);
    expect((await manager.get(`/enrolments/${enrolmentId}/status`)).status).toBe(403);
  });

  it('a line manager reaches their report’s enrolment from the staff record', async () => {
    const manager = await client(ctx, world.lineManager.email);
    const record = await manager.get(`/staff/${world.report.id}`);
    expect(record.status).toBe(200);
    expect(visibleText(record.text)).toContain('Programmes');
    expect(record.text).toContain(`href="/enrolments/${enrolmentId}"`);
    expect((await manager.get(`/enrolments/${enrolmentId}`)).status).toBe(200);
    // Their own record lists their own programmes under "Your programmes".
    const own = await (await client(ctx, world.report.email)).get(`/staff/${world.report.id}`);
    expect(visibleText(own.text)).toContain('Your programmes');
    expect(own.text).toContain(`href="/enrolments/${enrolmentId}"`);
  });

  it('a member of staff’s own record links their line manager’s name to a page that exists', async () => {
    const report = await client(ctx, world.report.email);
    const own = await report.get(`/staff/${world.report.id}`);
    expect(own.text).toContain(`href="/staff/${world.lineManager.id}"`);
    const manager = await report.get(`/staff/${world.lineManager.id}`);
    expect(manager.status).toBe(200);
    const text = visibleText(manager.text);
    expect(text).toContain('Your line manager');
    expect(text).toContain(world.lineManager.email);
    // Only who they are and how to reach them: not their roles, reports or programmes.
    expect(text).not.toContain('Line manages');
    expect(text).not.toContain('Roles in Waymark');
    // Someone who is not their line manager still finds nothing.
    expect((await (await client(ctx, world.staff.email)).get(`/staff/${world.lineManager.id}`)).status).toBe(404);
  });

  it('another school’s admin finds nothing; this school’s admin may look', async () => {
    expect((await (await client(ctx, world.schoolAdminB.email)).get(`/enrolments/${enrolmentId}`)).status).toBe(404);
    expect((await (await client(ctx, world.schoolAdminA.email)).get(`/enrolments/${enrolmentId}`)).status).toBe(200);
  });

  it('a programme without modules has no modules page', async () => {
    const participant = await client(ctx, world.report.email);
    expect((await participant.get(`/enrolments/${cohortProgrammeEnrolment}/modules`)).status).toBe(404);
  });

  it('My programme lists active enrolments first, or says there are none', async () => {
    const participant = await client(ctx, world.report.email);
    await ctx().db.updateTable('enrolments').set({ status: 'withdrawn' }).where('id', '=', cohortProgrammeEnrolment).execute();
    const mine = await participant.get('/my-programme');
    expect(mine.text.indexOf(`/enrolments/${enrolmentId}"`)).toBeLessThan(mine.text.indexOf(`/enrolments/${cohortProgrammeEnrolment}"`));
    expect(visibleText(mine.text)).toContain('Withdrawn');
    const nobody = await client(ctx, world.schoolAdminB.email);
    const empty = await nobody.get('/my-programme');
    expect(visibleText(empty.text)).toContain('You are not enrolled on a programme');
    expect(empty.text).toContain('href="/programmes"');
    expect(empty.text).toContain('href="/applications"');
  });
});

describeEachEngine('withdrawing', (ctx) => {
  let world: World;
  let cohortId: string;
  let enrolmentId: string;
  let first: TestPerson;
  let second: TestPerson;

  beforeAll(async () => {
    world = await makeWorld(ctx().db);
    const made = await modularProgramme(ctx().db, world, { capacity: 1 });
    cohortId = made.cohort.id;
    enrolmentId = await enrol(ctx().db, { organisationId: world.organisation.id, cohortId, programmeId: made.programme.id, personId: world.report.id });
    first = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, familyName: 'First' });
    second = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, familyName: 'Second' });
    await waitlist(ctx().db, {
      organisationId: world.organisation.id,
      cohortId,
      personId: second.id,
      schoolId: world.schoolB.id,
      waitlistedAt: '2026-11-10T09:00:00.000Z',
    });
    await waitlist(ctx().db, {
      organisationId: world.organisation.id,
      cohortId,
      personId: first.id,
      schoolId: world.schoolB.id,
      waitlistedAt: '2026-11-09T09:00:00.000Z',
    });
  });

  it('only the participant withdraws themselves, and must say why', async () => {
    expect((await (await client(ctx, world.lineManager.email)).post(`/enrolments/${enrolmentId}/withdraw`, { reason: 'x' })).status).toBe(403);
    const participant = await client(ctx, world.report.email);
    const form = await participant.get(`/enrolments/${enrolmentId}/withdraw`);
    expect(visibleText(form.text)).toContain('Your place will be offered to someone on the waiting list');
    const empty = await participant.post(`/enrolments/${enrolmentId}/withdraw`, { reason: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('There is a problem Enter why you are withdrawing');
    expect((await ctx().db.selectFrom('enrolments').select('status').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('withdrawing frees the place, and the first waitlisted applicant gets it', async () => {
    const participant = await client(ctx, world.report.email);
    const done = await participant.post(`/enrolments/${enrolmentId}/withdraw`, { reason: 'I am moving schools' });
    expect(done.status).toBe(303);
    expect(visibleText((await participant.get(done.location ?? '')).text)).toContain('You have withdrawn from this programme');
    const row = await ctx().db.selectFrom('enrolments').select(['status', 'status_reason']).where('id', '=', enrolmentId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'withdrawn', status_reason: 'I am moving schools' });
    const event = await ctx()
      .db.selectFrom('enrolment_events')
      .select(['status', 'actor_id', 'reason'])
      .where('enrolment_id', '=', enrolmentId)
      .where('status', '=', 'withdrawn')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ status: 'withdrawn', actor_id: world.report.id, reason: 'I am moving schools' });

    const taken = await ctx().db.selectFrom('enrolments').select('person_id').where('cohort_id', '=', cohortId).where('status', '=', 'active').execute();
    expect(taken.map((t) => t.person_id)).toEqual([first.id]);
    const applications = await ctx()
      .db.selectFrom('applications')
      .select(['person_id', 'status'])
      .where('cohort_id', '=', cohortId)
      .orderBy('waitlisted_at')
      .execute();
    expect(applications).toEqual([
      { person_id: first.id, status: 'accepted' },
      { person_id: second.id, status: 'waitlisted' },
    ]);

    await ctx().deliverMail();
    expect(ctx().mailer.sent.some((m) => m.to === world.report.email && m.subject.startsWith('You have withdrawn from'))).toBe(true);
    const again = await participant.post(`/enrolments/${enrolmentId}/withdraw`, { reason: 'Again' });
    expect(again.status).toBe(409);
  });
});

describeEachEngine('the roster for a large cohort', (ctx) => {
  it('takes the same number of queries for 100 participants as for 3', async () => {
    const world = await makeWorld(ctx().db);
    let queries = 0;
    // The same database, counting every statement the app sends.
    const counted = ctx().db.withPlugin({
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const app = createApp({ db: counted, config: ctx().config, mailer: ctx().mailer, logger: silentLogger, clock: ctx().clock });
    const lead = new TestClient(app);
    await signIn(lead, world.programmeLead.email);
    const { programme, cohort } = await modularProgramme(ctx().db, world, { capacity: 200 });

    const addParticipants = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const person = await makePerson(ctx().db, {
          organisationId: world.organisation.id,
          schoolId: i % 2 ? world.schoolA.id : world.schoolB.id,
          familyName: `Roster${String(i).padStart(3, '0')}${newId().slice(-4)}`,
        });
        const id = await enrol(ctx().db, { organisationId: world.organisation.id, cohortId: cohort.id, programmeId: programme.id, personId: person.id });
        if (i % 3 === 0)
          await ctx()
            .db.insertInto('enrolment_modules')
            .values({ enrolment_id: id, module_id: item(programme.moduleIds, 0), chosen_at: at, completed_at: at, completed_by: person.id, reflection: null })
            .execute();
      }
    };
    const measure = async () => {
      queries = 0;
      const page = await lead.get(`/cohorts/${cohort.id}/roster`);
      expect(page.status).toBe(200);
      return { queries, text: visibleText(page.text) };
    };

    await addParticipants(3);
    // The sign-in session statement is compiled on a handle's first request and reused after, so
    // the count starts from the second request.
    await measure();
    const small = await measure();
    await addParticipants(97);
    const large = await measure();
    expect(large.text).toContain('100 participants in Cohort 1');
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(12);
  }, 60_000);
});

describeEachEngine('fellow participants', (ctx) => {
  it('see who else is in their cohort: names, job titles and schools, nothing else', async () => {
    const world = await makeWorld(ctx().db);
    const { programme, cohort } = await modularProgramme(ctx().db, world);
    const ids = { organisationId: world.organisation.id, cohortId: cohort.id, programmeId: programme.id };
    const mine = await enrol(ctx().db, { ...ids, personId: world.report.id });
    const colleague = await makePerson(ctx().db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolB.id,
      givenName: 'Maya',
      familyName: 'Okafor',
      jobTitle: 'Head of science',
    });
    await enrol(ctx().db, { ...ids, personId: colleague.id });
    const leaver = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, familyName: 'Withdrawnson' });
    await enrol(ctx().db, { ...ids, personId: leaver.id, status: 'withdrawn' });

    const participant = await client(ctx, world.report.email);
    const enrolment = await participant.get(`/enrolments/${mine}`);
    expect(enrolment.text).toContain(`href="/cohorts/${cohort.id}/members"`);
    const page = await participant.get(`/cohorts/${cohort.id}/members`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Maya Okafor');
    expect(text).toContain(`Head of science, ${world.schoolB.name}`);
    expect(text).toContain(`${world.report.givenName} ${world.report.familyName} (you)`);
    expect(text).not.toContain('Withdrawnson');
    // Nothing else about them: no email, no links to records or enrolments.
    expect(page.text).not.toContain(colleague.email);
    expect(page.text).not.toContain('href="/enrolments/');
    expect(page.text).not.toContain(`href="/staff/${colleague.id}"`);

    // Someone not in the cohort finds nothing; the withdrawn participant no longer sees it.
    expect((await (await client(ctx, world.staff.email)).get(`/cohorts/${cohort.id}/members`)).status).toBe(404);
    expect((await (await client(ctx, leaver.email)).get(`/cohorts/${cohort.id}/members`)).status).toBe(404);
  });
});
