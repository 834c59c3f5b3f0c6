import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeEnrolment, makeProgramme } from '../../../test/support/programme-world';
import { present } from '../../../test/support/present';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import type { WorkerContext } from '../../platform/module';
import { inviteNewGraduate } from './graduation.service';

const at = '2026-11-01T09:00:00.000Z';

async function enrol(db: Db, world: World, cohortId: string, programmeId: string, personId: string) {
  const id = await makeEnrolment(db, { organisationId: world.organisation.id, cohortId, programmeId, personId });
  await db.insertInto('enrolment_signoffs').values({ enrolment_id: id, signed_off_by: personId, note: 'Done', created_at: at }).execute();
  return id;
}

async function addCeremony(db: Db, world: World): Promise<string> {
  const id = newId();
  await db
    .insertInto('sessions_events')
    .values({
      id,
      organisation_id: world.organisation.id,
      cohort_id: null,
      kind: 'graduation',
      title: 'Graduation ceremony 2027',
      description: 'Celebrating this year’s graduates.',
      skill_ids: '[]',
      starts_at: '2027-07-01T17:00:00.000Z',
      ends_at: '2027-07-01T18:30:00.000Z',
      mode: 'in_person',
      venue: 'Aspen Academy, Main Hall',
      online_url: null,
      capacity: null,
      status: 'scheduled',
      cancel_reason: null,
      cancelled_at: null,
      sequence: 0,
      check_in_secret: 'g'.repeat(64),
      created_by: world.programmeLead.id,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

describeEachEngine('graduation ceremonies: graduates, invitations and the programme', (ctx) => {
  let world: World;
  let lead: TestClient;
  let cohortId: string;
  let eventId: string;
  let ada: TestPerson;
  let bo: TestPerson;
  let cy: TestPerson;
  const enrolments: Record<string, string> = {};
  const clientOf = async (email: string) => {
    const c = ctx().client();
    await signIn(c, email);
    return c;
  };
  const invitationsTo = (email: string) => ctx().mailer.sent.filter((m) => m.to === email && m.subject.startsWith('Invitation:')).length;

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Towards Middle Leadership',
      requirements: [{ kind: 'sign_off' }],
    });
    cohortId = (await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id, name: 'Cohort 6', leadIds: [world.programmeLead.id] }))
      .id;
    ada = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Ada', familyName: 'Ng', lineManagerId: world.lineManager.id });
    bo = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Bo', familyName: 'Ødegård' });
    cy = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Cy', familyName: 'Ward' });
    for (const p of [ada, bo, cy]) enrolments[p.givenName] = await enrol(db, world, cohortId, programme.id, p.id);
    eventId = await addCeremony(db, world);
    lead = await clientOf(world.programmeLead.email);
    expect((await lead.post(`/cohorts/${cohortId}/completion`, { enrolmentIds: present(enrolments.Ada, 'the enrolment') })).status).toBe(303);
    await ctx().deliverMail();
  });

  it('refuses a form without cohorts or proceedings, says why, and stores nothing', async () => {
    const refused = await lead.post(`/graduations/${eventId}/edit`, { proceedings: '  ' });
    expect(refused.status).toBe(400);
    const text = visibleText(refused.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Select the cohorts whose graduates this ceremony celebrates');
    expect(text).toContain('Enter the order of proceedings');
    const unknown = await lead.post(`/graduations/${eventId}/edit`, { cohortIds: 'not-a-cohort', proceedings: 'Welcome' });
    expect(unknown.status).toBe(400);
    expect(await ctx().db.selectFrom('graduations').select('event_id').execute()).toEqual([]);
    expect(await ctx().db.selectFrom('graduation_invitations').select('person_id').execute()).toEqual([]);
  });

  it('lets only leads link cohorts', async () => {
    const staff = await clientOf(cy.email);
    expect((await staff.get(`/graduations/${eventId}/edit`)).status).toBe(403);
    expect((await staff.post(`/graduations/${eventId}/edit`, { cohortIds: cohortId, proceedings: 'x' })).status).toBe(403);
  });

  it('lists the graduates and invites them, and their line managers as guests, but nobody who has not completed', async () => {
    const saved = await lead.post(`/graduations/${eventId}/edit`, {
      cohortIds: cohortId,
      proceedings: '6pm: welcome\n\n6:30pm: certificates',
      inviteLineManagers: 'yes',
    });
    expect(saved.status).toBe(303);
    await ctx().deliverMail();
    expect(invitationsTo(ada.email)).toBe(1);
    expect(invitationsTo(world.lineManager.email)).toBe(1);
    expect(invitationsTo(cy.email)).toBe(0);
    expect(invitationsTo(bo.email)).toBe(0);

    const programme = visibleText((await lead.get(`/graduations/${eventId}`)).text);
    expect(programme).toContain('Invitations sent: 1 graduate, 1 guest');
    const mine = await clientOf(ada.email);
    const page = await mine.get(`/graduations/${eventId}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('You are graduating at this ceremony');
    expect(text).toContain('Aspen Academy, Main Hall');
    expect(text).toContain('6pm: welcome');
    expect(text).toContain('Towards Middle Leadership');
    expect(text).toContain('Ada Ng');
    expect(text).not.toContain('Cy Ward');
    expect((await (await clientOf(world.lineManager.email)).get(`/graduations/${eventId}`)).status).toBe(200);
    expect((await (await clientOf(cy.email)).get(`/graduations/${eventId}`)).status).toBe(404);
  });

  it('puts the ceremony in an invited graduate’s calendar feed', async () => {
    const mine = await clientOf(ada.email);
    await mine.post('/calendar/reset');
    const path = /value="http:\/\/localhost(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec((await mine.get('/calendar')).text)?.[1] ?? '';
    const feed = (await ctx().client().get(path)).text;
    expect(feed).toContain('SUMMARY:Graduation ceremony 2027');
    expect(feed).toContain('Aspen Academy');
  });

  it('marks a cancelled ceremony cancelled in the feed, with the same UID and a higher sequence, so calendars take it down', async () => {
    const mine = await clientOf(ada.email);
    const path = /value="http:\/\/localhost(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec((await mine.get('/calendar')).text)?.[1] ?? '';
    const before = ICAL.Component.fromString((await ctx().client().get(path)).text);
    const ceremony = (c: typeof before) =>
      c.getAllSubcomponents('vevent').find((e) => String(e.getFirstPropertyValue('uid')).includes(`graduation-${eventId}`));
    const was = ceremony(before);
    expect(was?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const state = await ctx().db.selectFrom('sessions_events').select(['starts_at', 'sequence']).where('id', '=', eventId).executeTakeFirstOrThrow();
    await ctx()
      .db.updateTable('sessions_events')
      .set({ status: 'cancelled', cancel_reason: 'The hall is closed for repairs', sequence: state.sequence + 1 })
      .where('id', '=', eventId)
      .execute();
    try {
      const after = ceremony(ICAL.Component.fromString((await ctx().client().get(path)).text));
      expect(after?.getFirstPropertyValue('status')).toBe('CANCELLED');
      expect(after?.getFirstPropertyValue('summary')).toBe('Cancelled: Graduation ceremony 2027');
      expect(String(after?.getFirstPropertyValue('description'))).toContain('The hall is closed for repairs');
      expect(Number(after?.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(was?.getFirstPropertyValue('sequence')));
      expect(after?.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    } finally {
      await ctx()
        .db.updateTable('sessions_events')
        .set({ status: 'scheduled', cancel_reason: null, sequence: state.sequence })
        .where('id', '=', eventId)
        .execute();
    }
  });

  it('invites a graduate confirmed later, once, even when the worker runs the invitation again', async () => {
    expect((await lead.post(`/cohorts/${cohortId}/completion`, { enrolmentIds: present(enrolments.Bo, 'the enrolment') })).status).toBe(303);
    await ctx().deliverMail();
    expect(invitationsTo(bo.email)).toBe(1);
    // The worker retries the completion message (say it died before marking it done).
    const { db, clock } = ctx();
    const payload = {
      enrolmentId: present(enrolments.Bo, 'the enrolment'),
      organisationId: world.organisation.id,
      personId: bo.id,
      programmeId: '',
      cohortId,
      completedAt: at,
    };
    await inviteNewGraduate({ db, clock } as unknown as WorkerContext, payload);
    await inviteNewGraduate({ db, clock } as unknown as WorkerContext, payload);
    await ctx().deliverMail();
    expect(invitationsTo(bo.email)).toBe(1);
    expect(invitationsTo(ada.email)).toBe(1);
    // Saving the form again invites nobody twice.
    expect((await lead.post(`/graduations/${eventId}/edit`, { cohortIds: cohortId, proceedings: 'Welcome', inviteLineManagers: 'yes' })).status).toBe(303);
    await ctx().deliverMail();
    expect(invitationsTo(ada.email)).toBe(1);
    expect(invitationsTo(world.lineManager.email)).toBe(1);
    const listed = visibleText((await lead.get(`/graduations/${eventId}`)).text);
    expect(listed).toContain('Bo Ødegård');
  });
});
