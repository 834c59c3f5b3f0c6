import { loadConfig } from '../../config';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { makeSessionWorld, type SessionWorldIds } from '../../../test/support/worlds/sessions';
import { newId } from '../../platform/db/ids';
import type { EnrolmentStatus } from '../enrolments';
import { features } from '../index';
import { findVisibleSession, sessionsForPerson } from './index';
import { sendSessionReminders } from './sessions.reminders';
import { item, part } from '../../../test/support/present';

const START = '2026-11-24T10:00:00.000Z';
let clientCount = 0;

async function clientFor(ctx: TestContext, person: { email: string }): Promise<TestClient> {
  clientCount += 1;
  const client = ctx.client({ address: `10.4.${Math.floor(clientCount / 250)}.${clientCount % 250}` });
  await signIn(client, person.email);
  return client;
}

async function enrol(ctx: TestContext, cohortId: string, programmeId: string, personId: string, status: EnrolmentStatus = 'active') {
  const at = '2026-11-01T09:00:00.000Z';
  await ctx.db
    .insertInto('enrolments')
    .values({
      id: newId(),
      organisation_id: (await ctx.db.selectFrom('cohorts').select('organisation_id').where('id', '=', cohortId).executeTakeFirstOrThrow()).organisation_id,
      application_id: null,
      cohort_id: cohortId,
      programme_id: programmeId,
      person_id: personId,
      status,
      return_cohort_id: null,
      status_reason: null,
      completed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Notifications queued for a person (outbox payloads), oldest first. */
async function notificationsFor(ctx: TestContext, personId: string, kind?: string) {
  const rows = await ctx.db
    .selectFrom('outbox')
    .select(['payload', 'created_at'])
    .where('kind', '=', 'notification')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows
    .map((r) => JSON.parse(r.payload) as { personId: string; kind: string; subject: string; paragraphs: string[]; link?: string })
    .filter((n) => n.personId === personId && (!kind || n.kind === kind));
}

async function sessionRow(ctx: TestContext, id: string) {
  return ctx.db.selectFrom('sessions_events').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

function sessionForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Session 2: Leading change',
    description: 'Bring your change plan.',
    'date-day': '26',
    'date-month': '10',
    'date-year': '2026',
    startTime: '4:15pm',
    endTime: '5:45pm',
    mode: 'in_person',
    venue: 'Aspen Academy, Room 12',
    onlineUrl: '',
    ...overrides,
  };
}

function idFrom(location: string | null): string {
  return item(part(location ?? '', '?', 0).split('/'), -1, 'id in the location');
}

interface Setting {
  world: World;
  programmes: ProgrammeWorld;
  ids: SessionWorldIds;
  lead: TestClient;
  participant: TestClient;
  facilitator: TestClient;
  staff: TestClient;
  otherCohortParticipant: { id: string; email: string };
  focusSkillId: string;
}

async function setting(ctx: TestContext): Promise<Setting> {
  ctx.clock.set(START);
  const world = await makeWorld(ctx.db);
  const programmes = await makeProgrammeWorld(ctx.db, world);
  const ids = await makeSessionWorld(ctx.db, world, programmes);
  const otherCohortParticipant = await makePerson(ctx.db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: 'Omar' });
  await enrol(ctx, programmes.cohortId, programmes.programmeId, otherCohortParticipant.id);
  const focus = await ctx.db
    .selectFrom('programme_focus_skills')
    .select('skill_id')
    .where('programme_id', '=', programmes.programmeId)
    .executeTakeFirstOrThrow();
  return {
    world,
    programmes,
    ids,
    lead: await clientFor(ctx, world.programmeLead),
    participant: await clientFor(ctx, world.report),
    facilitator: await clientFor(ctx, world.lineManager),
    staff: await clientFor(ctx, world.staff),
    otherCohortParticipant,
    focusSkillId: focus.skill_id,
  };
}

describeEachEngine('a programme lead plans a cohort’s sessions', (ctx) => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting(ctx());
  });

  it('a twilight session entered in UK time is stored in UTC on both sides of the October clock change', async () => {
    const after = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, {
      ...sessionForm(),
      facilitatorIds: s.world.lineManager.id,
      skillIds: s.focusSkillId,
    });
    expect(after.status).toBe(303);
    const afterId = idFrom(after.location);
    const before = await s.lead.post(
      `/cohorts/${s.programmes.earlierCohortId}/sessions`,
      sessionForm({ title: 'Session 1: Knowing your team', 'date-day': '23' }),
    );
    expect(before.status).toBe(303);
    const beforeId = idFrom(before.location);

    const stored = await sessionRow(ctx(), afterId);
    expect(stored.starts_at).toBe('2026-10-26T16:15:00.000Z');
    expect(stored.ends_at).toBe('2026-10-26T17:45:00.000Z');
    expect(stored.check_in_secret).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.sequence).toBe(0);
    expect((await sessionRow(ctx(), beforeId)).starts_at).toBe('2026-10-23T15:15:00.000Z');

    const page = visibleText((await s.lead.get(`/sessions/${afterId}`)).text);
    expect(page).toContain('Monday 26 October 2026, 4:15pm to 5:45pm');
    expect(page).toContain('Aspen Academy, Room 12');
    expect(page).toMatch(/Skill focus LP\d Skill LP\d/);
    expect(page).toMatch(/Facilitators Lena/);
    expect(visibleText((await s.lead.get(`/sessions/${beforeId}`)).text)).toContain('Friday 23 October 2026, 4:15pm to 5:45pm');

    const listed = visibleText((await s.lead.get(`/cohorts/${s.programmes.earlierCohortId}/sessions`)).text);
    expect(listed.indexOf('Session 1: Knowing your team')).toBeLessThan(listed.indexOf('Session 2: Leading change'));
    const audit = await ctx().db.selectFrom('audit_events').select('action').where('subject_id', '=', afterId).execute();
    expect(audit.map((a) => a.action)).toEqual(['session_created']);
  });

  it('a time the clocks skip in March is refused with a clear message, and nothing is saved', async () => {
    const count = async () => (await ctx().db.selectFrom('sessions_events').select('id').execute()).length;
    const before = await count();
    const page = await s.lead.post(
      `/cohorts/${s.programmes.earlierCohortId}/sessions`,
      sessionForm({ 'date-day': '28', 'date-month': '3', 'date-year': '2027', startTime: '1:30am', endTime: '3am' }),
    );
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Start time does not exist on 28 March 2027: the clocks go forward from 1am to 2am');
    expect(await count()).toBe(before);
  });

  it('other mistakes come back on the form: end before start, an online session without a proper link, a missing venue', async () => {
    const early = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, sessionForm({ endTime: '3pm' }));
    expect(early.status).toBe(400);
    expect(visibleText(early.text)).toContain('End time must be after the start time');
    const link = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, sessionForm({ mode: 'online', onlineUrl: 'javascript:alert(1)' }));
    expect(link.status).toBe(400);
    expect(visibleText(link.text)).toContain('Enter a full web address starting with https://');
    const venue = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, sessionForm({ venue: '' }));
    expect(venue.status).toBe(400);
    expect(visibleText(venue.text)).toContain('Enter the venue');
    const facilitator = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, { ...sessionForm(), facilitatorIds: s.world.otherAdmin.id });
    expect(facilitator.status).toBe(400);
    expect(visibleText(facilitator.text)).toContain('Select facilitators from the list of staff');
  });

  it('an online session shows its link', async () => {
    const created = await s.lead.post(
      `/cohorts/${s.programmes.earlierCohortId}/sessions`,
      sessionForm({ mode: 'online', venue: '', onlineUrl: 'https://meet.example.org/leading-change' }),
    );
    expect(created.status).toBe(303);
    const page = (await s.participant.get(`/sessions/${idFrom(created.location)}`)).text;
    expect(page).toContain('href="https://meet.example.org/leading-change"');
  });

  it('creating a session tells the cohort’s participants, by a kind they can turn off on their settings page', async () => {
    const created = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, sessionForm({ title: 'Session 5: Holding to account' }));
    expect(created.status).toBe(303);
    const told = await notificationsFor(ctx(), s.world.report.id, 'session_new');
    expect(told.map((n) => n.subject)).toContain('New session: “Session 5: Holding to account”, Monday 26 October 2026, 4:15pm to 5:45pm');
    expect(told.at(-1)?.link).toBe(`/sessions/${idFrom(created.location)}`);
    // Someone not in the cohort hears nothing.
    expect(await notificationsFor(ctx(), s.otherCohortParticipant.id, 'session_new')).toEqual([]);
    expect(visibleText((await s.participant.get('/notifications/settings')).text)).toContain('New sessions in your cohort');
  });

  it('a lead creates six fortnightly twilight sessions in one go, each at 4:15pm UK time, and participants hear of each', async () => {
    const before = (await notificationsFor(ctx(), s.world.report.id, 'session_new')).length;
    const form = await s.lead.get(`/cohorts/${s.programmes.earlierCohortId}/sessions/new`);
    expect(visibleText(form.text)).toContain('How many sessions?');
    const created = await s.lead.post(
      `/cohorts/${s.programmes.earlierCohortId}/sessions`,
      sessionForm({ title: 'Twilight', 'date-day': '14', 'date-month': '10', count: '6', everyWeeks: '2' }),
    );
    expect(created.status).toBe(303);
    const rows = await ctx()
      .db.selectFrom('sessions_events')
      .select(['starts_at', 'ends_at'])
      .where('title', '=', 'Twilight')
      .where('cohort_id', '=', s.programmes.earlierCohortId)
      .orderBy('starts_at')
      .execute();
    // 14 October is in summer time (UTC+1); the rest are after the clocks go back.
    expect(rows.map((r) => r.starts_at)).toEqual([
      '2026-10-14T15:15:00.000Z',
      '2026-10-28T16:15:00.000Z',
      '2026-11-11T16:15:00.000Z',
      '2026-11-25T16:15:00.000Z',
      '2026-12-09T16:15:00.000Z',
      '2026-12-23T16:15:00.000Z',
    ]);
    expect((await notificationsFor(ctx(), s.world.report.id, 'session_new')).length).toBe(before + 6);
    const tooMany = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, sessionForm({ title: 'Too many', count: '21' }));
    expect(tooMany.status).toBe(400);
    expect(visibleText(tooMany.text)).toContain('Number of sessions must be a whole number from 1 to 20');
    expect(await ctx().db.selectFrom('sessions_events').select('id').where('title', '=', 'Too many').execute()).toEqual([]);
  });

  it('the cohort page links to its sessions', async () => {
    expect((await s.lead.get(`/cohorts/${s.programmes.earlierCohortId}`)).text).toContain(`href="/cohorts/${s.programmes.earlierCohortId}/sessions"`);
  });
});

describeEachEngine('who can see a session and its materials', (ctx) => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting(ctx());
  });

  it('the cohort’s participant sees the session and downloads its materials; a participant of another cohort gets “not found” for both', async () => {
    const page = await s.participant.get(`/sessions/${s.ids.sessionId}`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Pre-reading');
    expect((await s.participant.get(`/sessions/${s.ids.sessionId}/materials/${s.ids.materialId}`)).status).toBe(200);

    const other = await clientFor(ctx(), s.otherCohortParticipant);
    expect((await other.get(`/sessions/${s.ids.sessionId}`)).status).toBe(404);
    expect((await other.get(`/sessions/${s.ids.sessionId}/materials/${s.ids.materialId}`)).status).toBe(404);
    expect(visibleText((await other.get('/sessions')).text)).not.toContain('Session 1: Leading a team');
  });

  it('the facilitator sees it; staff who are neither taking part nor facilitating get “not found”', async () => {
    expect((await s.facilitator.get(`/sessions/${s.ids.sessionId}`)).status).toBe(200);
    expect((await s.staff.get(`/sessions/${s.ids.sessionId}`)).status).toBe(404);
    expect((await s.staff.get(`/sessions/${s.ids.sessionId}/materials/${s.ids.materialId}`)).status).toBe(404);
  });

  it('participants who completed still see it; those who withdrew or deferred do not', async () => {
    for (const [status, code] of [
      ['completed', 200],
      ['withdrawn', 404],
      ['deferred', 404],
    ] as const) {
      const person = await makePerson(ctx().db, { organisationId: s.world.organisation.id, schoolId: s.world.schoolA.id, givenName: `Pat ${status}` });
      await enrol(ctx(), s.programmes.earlierCohortId, s.programmes.programmeId, person.id, status);
      expect((await (await clientFor(ctx(), person)).get(`/sessions/${s.ids.sessionId}`)).status, status).toBe(code);
    }
  });

  it('participants may not add materials', async () => {
    expect((await s.participant.get(`/sessions/${s.ids.sessionId}/materials/new`)).status).toBe(403);
    expect((await s.participant.post(`/sessions/${s.ids.sessionId}/materials`, { kind: 'link', linkTitle: 'Mine', url: 'https://example.org' })).status).toBe(
      403,
    );
  });

  it('findVisibleSession gives the calendar what the viewer may see, and nothing else', async () => {
    const viewerOf = (person: { id: string }, organisationId = s.world.organisation.id) => ({
      id: person.id,
      sessionId: 'x',
      organisationId,
      organisationName: 'Northern Lights Trust',
      schoolId: null,
      givenName: '',
      familyName: '',
      email: '',
      roles: [],
      isLineManager: false,
    });
    const seen = await findVisibleSession(ctx().db, viewerOf(s.world.report), s.ids.sessionId);
    expect(seen).toMatchObject({
      id: s.ids.sessionId,
      title: 'Session 1: Leading a team',
      status: 'scheduled',
      sequence: 0,
      organisationName: 'Northern Lights Trust',
      facilitatorNames: [expect.stringMatching(/^Lena /)],
    });
    await expect(findVisibleSession(ctx().db, viewerOf(s.world.staff), s.ids.sessionId)).rejects.toThrow('Page not found');
    await expect(findVisibleSession(ctx().db, viewerOf(s.world.otherAdmin, s.world.otherOrganisation.id), s.ids.sessionId)).rejects.toThrow('Page not found');
  });
});

describeEachEngine('materials', (ctx) => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting(ctx());
  });

  it('a facilitator uploads a PDF; participants download it as an attachment of the right type', async () => {
    const pdf = new Uint8Array(Buffer.from('%PDF-1.7\nslides for session one\n'));
    const uploaded = await s.facilitator.upload(
      `/sessions/${s.ids.sessionId}/materials`,
      { kind: 'file', fileTitle: 'Slides' },
      { field: 'file', name: 'slides “one”.pdf', content: pdf, type: 'text/html' },
    );
    expect(uploaded.status).toBe(303);
    const material = await ctx()
      .db.selectFrom('session_materials')
      .selectAll()
      .where('session_id', '=', s.ids.sessionId)
      .where('title', '=', 'Slides')
      .executeTakeFirstOrThrow();
    const download = await s.participant.get(`/sessions/${s.ids.sessionId}/materials/${material.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toMatch(
      /^attachment; filename="slides _one_.pdf"; filename\*=UTF-8''slides%20%E2%80%9Cone%E2%80%9D.pdf$/,
    );
    expect(download.text).toBe('%PDF-1.7\nslides for session one\n');
  });

  it('a file that is not what its name says, or not a kind we accept, is refused and nothing is stored', async () => {
    const before = (await ctx().db.selectFrom('stored_files').select('id').execute()).length;
    const fake = await s.facilitator.upload(
      `/sessions/${s.ids.sessionId}/materials`,
      { kind: 'file', fileTitle: '' },
      { field: 'file', name: 'notes.pdf', content: '<script>alert(1)</script>', type: 'application/pdf' },
    );
    expect(fake.status).toBe(400);
    expect(visibleText(fake.text)).toContain('The selected file must be a PDF, a Word, Excel or PowerPoint document, or a PNG, JPG or GIF image');
    const svg = await s.facilitator.upload(
      `/sessions/${s.ids.sessionId}/materials`,
      { kind: 'file', fileTitle: '' },
      { field: 'file', name: 'logo.svg', content: '<svg/>', type: 'image/svg+xml' },
    );
    expect(svg.status).toBe(400);
    const none = await s.facilitator.post(`/sessions/${s.ids.sessionId}/materials`, { kind: 'file', fileTitle: 'Nothing' });
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain('Select a file');
    expect((await ctx().db.selectFrom('stored_files').select('id').execute()).length).toBe(before);
  });

  it('a file over 10 MB gets the form again with a message', async () => {
    for (const [bytes, status] of [
      [10 * 1024 * 1024 + 1, 400],
      [11 * 1024 * 1024, 413],
    ] as const) {
      const big = new Uint8Array(bytes);
      big.set([0x25, 0x50, 0x44, 0x46]);
      const page = await s.facilitator.upload(
        `/sessions/${s.ids.sessionId}/materials`,
        { kind: 'file', fileTitle: 'Huge' },
        { field: 'file', name: 'huge.pdf', content: big, type: 'application/pdf' },
      );
      expect(page.status).toBe(status);
      expect(visibleText(page.text)).toContain('The selected file must be smaller than 10 MB');
    }
    expect(await ctx().db.selectFrom('session_materials').select('id').where('title', '=', 'Huge').execute()).toEqual([]);
  });

  it('a lead adds a link and removes a file; the stored file goes with it', async () => {
    const bad = await s.lead.post(`/sessions/${s.ids.sessionId}/materials`, { kind: 'link', linkTitle: 'Reading', url: 'ftp://example.org/file' });
    expect(bad.status).toBe(400);
    expect(
      (await s.lead.post(`/sessions/${s.ids.sessionId}/materials`, { kind: 'link', linkTitle: 'Reading', url: 'https://example.org/leading-change' })).status,
    ).toBe(303);
    expect((await s.participant.get(`/sessions/${s.ids.sessionId}`)).text).toContain('href="https://example.org/leading-change"');

    const material = await ctx().db.selectFrom('session_materials').selectAll().where('id', '=', s.ids.materialId).executeTakeFirstOrThrow();
    expect((await s.lead.post(`/sessions/${s.ids.sessionId}/materials/${s.ids.materialId}/remove`)).status).toBe(303);
    expect(await ctx().db.selectFrom('session_materials').select('id').where('id', '=', s.ids.materialId).execute()).toEqual([]);
    expect(
      await ctx()
        .db.selectFrom('stored_files')
        .select('id')
        .where('id', '=', material.file_id as string)
        .execute(),
    ).toEqual([]);
    expect((await s.participant.get(`/sessions/${s.ids.sessionId}/materials/${s.ids.materialId}`)).status).toBe(404);
  });
});

describeEachEngine('changing and cancelling a session', (ctx) => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting(ctx());
  });

  const edit = (overrides: Record<string, string> = {}) =>
    s.lead.post(`/sessions/${s.ids.sessionId}`, {
      title: 'Session 1: Leading a team',
      description: 'Bring a recent example of leading your team.',
      'date-day': '1',
      'date-month': '12',
      'date-year': '2026',
      startTime: '16:15',
      endTime: '17:45',
      mode: 'in_person',
      venue: 'Aspen Academy, Room 12',
      facilitatorIds: s.world.lineManager.id,
      ...overrides,
    });

  it('changing only the description tells nobody, but raises the calendar sequence so calendars take the new text', async () => {
    expect((await edit({ description: 'Bring two examples.' })).status).toBe(303);
    const row = await sessionRow(ctx(), s.ids.sessionId);
    expect(row.description).toBe('Bring two examples.');
    expect(row.sequence).toBe(1);
    expect(await notificationsFor(ctx(), s.world.report.id, 'session_change')).toEqual([]);
  });

  it('moving it tells the participants and the facilitator what changed, in UK time, and raises the sequence', async () => {
    expect(
      (await edit({ description: 'Bring two examples.', 'date-day': '8', startTime: '3:30pm', endTime: '5pm', venue: 'Birch Primary, Hall' })).status,
    ).toBe(303);
    const row = await sessionRow(ctx(), s.ids.sessionId);
    expect(row.starts_at).toBe('2026-12-08T15:30:00.000Z');
    expect(row.sequence).toBe(2);
    for (const person of [s.world.report, s.world.lineManager]) {
      const told = item(await notificationsFor(ctx(), person.id, 'session_change'), 0, 'session change notification');
      expect(told.subject).toBe('The time and place of “Session 1: Leading a team” has changed');
      expect(told.paragraphs).toContain('When: Tuesday 1 December 2026, 4:15pm to 5:45pm → Tuesday 8 December 2026, 3:30pm to 5pm (UK time)');
      expect(told.paragraphs).toContain('Where: in person at Aspen Academy, Room 12 → in person at Birch Primary, Hall');
    }
    expect(await notificationsFor(ctx(), s.otherCohortParticipant.id)).toEqual([]);
    expect(await notificationsFor(ctx(), s.world.staff.id)).toEqual([]);
    await ctx().deliverMail();
    expect(ctx().mailer.sent.filter((m) => m.to === s.world.report.email && m.subject.includes('has changed'))).toHaveLength(1);
  });

  it('cancelling needs a reason, tells everyone with it, and leaves the session visible, marked cancelled', async () => {
    const empty = await s.lead.post(`/sessions/${s.ids.sessionId}/cancel`, { reason: ' ' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Enter why the session is cancelled');
    expect((await sessionRow(ctx(), s.ids.sessionId)).status).toBe('scheduled');

    expect((await s.lead.post(`/sessions/${s.ids.sessionId}/cancel`, { reason: 'The facilitator is ill. We will rearrange.' })).status).toBe(303);
    const row = await sessionRow(ctx(), s.ids.sessionId);
    expect(row).toMatchObject({ status: 'cancelled', cancel_reason: 'The facilitator is ill. We will rearrange.', sequence: 3 });
    const told = item(
      (await notificationsFor(ctx(), s.world.report.id, 'session_change')).filter((x) => x.subject.startsWith('Cancelled')),
      0,
      'cancellation notification',
    );
    expect(told.subject).toBe('Cancelled: Session 1: Leading a team, Tuesday 8 December 2026, 3:30pm to 5pm');
    expect(told.paragraphs).toContain('The reason given: “The facilitator is ill. We will rearrange.”');
    expect(visibleText((await s.participant.get(`/sessions/${s.ids.sessionId}`)).text)).toMatch(
      /Session 1: Leading a team Cancelled.*The reason given: “The facilitator is ill. We will rearrange.”/,
    );

    const calendar = await sessionsForPerson(ctx().db, s.world.report.id);
    expect(calendar.find((c) => c.id === s.ids.sessionId)).toMatchObject({
      status: 'cancelled',
      sequence: 3,
      cancelReason: 'The facilitator is ill. We will rearrange.',
    });
    expect((await edit()).status).toBe(409);
    expect((await s.lead.post(`/sessions/${s.ids.sessionId}/cancel`, { reason: 'Again' })).status).toBe(409);
    const audit = await ctx().db.selectFrom('audit_events').select('action').where('subject_id', '=', s.ids.sessionId).orderBy('created_at').execute();
    expect(audit.map((a) => a.action)).toEqual(['session_updated', 'session_updated', 'session_cancelled']);
  });
});

describeEachEngine('open events: places and the waiting list', (ctx) => {
  let s: Setting;
  let eventId: string;
  let adminA: TestClient;
  beforeAll(async () => {
    s = await setting(ctx());
    adminA = await clientFor(ctx(), s.world.schoolAdminA);
  });

  it('a lead adds a taster session with one place', async () => {
    const created = await s.lead.post('/events', {
      ...sessionForm({ title: 'Leadership taster', 'date-day': '9', 'date-month': '12' }),
      kind: 'taster',
      capacity: '1',
    });
    expect(created.status).toBe(303);
    eventId = idFrom(created.location);
    expect(await sessionRow(ctx(), eventId)).toMatchObject({ cohort_id: null, kind: 'taster', capacity: 1 });
    expect(visibleText((await s.staff.get('/events')).text)).toContain('Leadership taster');
  });

  it('the first to book gets the place; the next join the waiting list in order', async () => {
    expect((await s.staff.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=booked`);
    ctx().clock.advance(1000);
    expect((await s.facilitator.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=waiting`);
    ctx().clock.advance(1000);
    expect((await adminA.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=waiting`);
    expect(visibleText((await s.facilitator.get(`/sessions/${eventId}`)).text)).toContain('You are on the waiting list (number 1)');
    expect(visibleText((await adminA.get(`/sessions/${eventId}`)).text)).toContain('You are on the waiting list (number 2)');
    expect(visibleText((await s.staff.get('/events')).text)).toContain('Full: join the waiting list');
    expect(item(await notificationsFor(ctx(), s.world.staff.id, 'session_booking'), 0).subject).toBe('You have a place at Leadership taster');
  });

  it('when a place is cancelled, only the first person waiting gets it, and is told', async () => {
    ctx().clock.advance(1000);
    expect((await s.staff.post(`/sessions/${eventId}/booking/cancel`)).status).toBe(303);
    const bookings = await ctx().db.selectFrom('session_bookings').select(['person_id', 'status']).where('session_id', '=', eventId).execute();
    const statusOf = (id: string) => bookings.find((b) => b.person_id === id)?.status;
    expect([statusOf(s.world.staff.id), statusOf(s.world.lineManager.id), statusOf(s.world.schoolAdminA.id)]).toEqual(['cancelled', 'booked', 'waiting']);
    const offers = await notificationsFor(ctx(), s.world.lineManager.id, 'waitlist_place');
    expect(offers.map((o) => o.subject)).toEqual(['A place has become free at Leadership taster — it is yours']);
    expect(await notificationsFor(ctx(), s.world.schoolAdminA.id, 'waitlist_place')).toEqual([]);
  });

  it('raising the number of places gives them to the people waiting', async () => {
    const page = await s.lead.post(`/sessions/${eventId}`, {
      ...sessionForm({ title: 'Leadership taster', 'date-day': '9', 'date-month': '12' }),
      kind: 'taster',
      capacity: '2',
    });
    expect(page.status).toBe(303);
    expect(
      (
        await ctx()
          .db.selectFrom('session_bookings')
          .select('status')
          .where('session_id', '=', eventId)
          .where('person_id', '=', s.world.schoolAdminA.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('booked');
    expect(await notificationsFor(ctx(), s.world.schoolAdminA.id, 'waitlist_place')).toHaveLength(1);
    const tooFew = await s.lead.post(`/sessions/${eventId}`, {
      ...sessionForm({ title: 'Leadership taster', 'date-day': '9', 'date-month': '12' }),
      kind: 'taster',
      capacity: '1',
    });
    expect(tooFew.status).toBe(400);
    expect(visibleText(tooFew.text)).toContain('Number of places cannot be less than the 2 already booked');
  });

  it('someone who cancelled can ask again, and can leave the waiting list', async () => {
    expect((await s.staff.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=waiting`);
    expect((await s.staff.post(`/sessions/${eventId}/booking/cancel`)).location).toBe(`/sessions/${eventId}?done=left-waiting-list`);
    expect(
      (
        await ctx()
          .db.selectFrom('session_bookings')
          .select('status')
          .where('session_id', '=', eventId)
          .where('person_id', '=', s.world.staff.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('cancelled');
    expect((await s.staff.post(`/sessions/${eventId}/booking/cancel`)).status).toBe(409);
  });

  it('the lead sees who is booked; someone from another organisation gets “not found”', async () => {
    expect(visibleText((await s.lead.get(`/sessions/${eventId}`)).text)).toMatch(/Bookings .*Lena.*Booked/);
    const other = await clientFor(ctx(), s.world.otherAdmin);
    expect((await other.get(`/sessions/${eventId}`)).status).toBe(404);
    expect((await other.post(`/sessions/${eventId}/book`)).status).toBe(404);
  });

  it('a cohort session cannot be booked', async () => {
    expect((await s.participant.post(`/sessions/${s.ids.sessionId}/book`)).status).toBe(404);
  });

  it('two cancellations at once fill the freed places from the waiting list without over-filling', async () => {
    const created = await s.lead.post('/events', {
      ...sessionForm({ title: 'Network meeting', 'date-day': '10', 'date-month': '12' }),
      kind: 'network',
      capacity: '2',
    });
    const networkId = idFrom(created.location);
    const people = await Promise.all(
      ['Ann', 'Bo', 'Cy', 'Di'].map((name) => makePerson(ctx().db, { organisationId: s.world.organisation.id, schoolId: s.world.schoolA.id, givenName: name })),
    );
    const clients: TestClient[] = [];
    for (const person of people) {
      const client = await clientFor(ctx(), person);
      ctx().clock.advance(1000);
      await client.post(`/sessions/${networkId}/book`);
      clients.push(client);
    }
    const results = await Promise.all([
      item(clients, 0).post(`/sessions/${networkId}/booking/cancel`),
      item(clients, 1).post(`/sessions/${networkId}/booking/cancel`),
    ]);
    expect(results.map((r) => r.status)).toEqual([303, 303]);
    const bookings = await ctx().db.selectFrom('session_bookings').select(['person_id', 'status']).where('session_id', '=', networkId).execute();
    const booked = bookings.filter((b) => b.status === 'booked').map((b) => b.person_id);
    expect(booked.sort()).toEqual([item(people, 2).id, item(people, 3).id].sort());
    for (const person of people.slice(2)) expect(await notificationsFor(ctx(), person.id, 'waitlist_place')).toHaveLength(1);
  });

  it('people booking the last place at the same moment never over-fill the event', async () => {
    const created = await s.lead.post('/events', {
      ...sessionForm({ title: 'Graduation', 'date-day': '11', 'date-month': '12' }),
      kind: 'graduation',
      capacity: '1',
    });
    const graduationId = idFrom(created.location);
    const people = await Promise.all(
      ['Eve', 'Fin', 'Gia', 'Hal'].map((name) =>
        makePerson(ctx().db, { organisationId: s.world.organisation.id, schoolId: s.world.schoolB.id, givenName: name }),
      ),
    );
    const clients = await Promise.all(people.map((person) => clientFor(ctx(), person)));
    const results = await Promise.all(clients.map((client) => client.post(`/sessions/${graduationId}/book`)));
    expect(results.map((r) => r.status)).toEqual([303, 303, 303, 303]);
    const bookings = await ctx().db.selectFrom('session_bookings').select('status').where('session_id', '=', graduationId).execute();
    expect(bookings.filter((b) => b.status === 'booked')).toHaveLength(1);
    expect(bookings.filter((b) => b.status === 'waiting')).toHaveLength(3);
  });
});

describeEachEngine('reminders and “Your sessions”', (ctx) => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting(ctx());
  });

  it('the day before, each participant and facilitator gets one reminder; a moved session reminds again', async () => {
    ctx().clock.set('2026-11-30T07:00:00.000Z');
    expect(await sendSessionReminders(ctx().db, ctx().clock)).toBeGreaterThan(0);
    expect(await sendSessionReminders(ctx().db, ctx().clock), 'the second run finds everyone already reminded').toBe(0);
    for (const person of [s.world.report, s.world.lineManager]) {
      const reminders = await notificationsFor(ctx(), person.id, 'session_reminder');
      expect(reminders.map((r) => r.subject)).toEqual(['Tomorrow: Session 1: Leading a team']);
      expect(item(reminders, 0).paragraphs[0]).toBe(
        'A reminder that “Session 1: Leading a team” is tomorrow, Tuesday 1 December 2026, 4:15pm to 5:45pm (UK time).',
      );
    }
    expect(await notificationsFor(ctx(), s.world.staff.id, 'session_reminder')).toEqual([]);
    expect(await notificationsFor(ctx(), s.otherCohortParticipant.id, 'session_reminder')).toEqual([]);

    await ctx()
      .db.updateTable('sessions_events')
      .set({ starts_at: '2026-12-02T16:15:00.000Z', ends_at: '2026-12-02T17:45:00.000Z' })
      .where('id', '=', s.ids.sessionId)
      .execute();
    ctx().clock.set('2026-12-01T07:00:00.000Z');
    await sendSessionReminders(ctx().db, ctx().clock);
    expect(await notificationsFor(ctx(), s.world.report.id, 'session_reminder')).toHaveLength(2);
    ctx().clock.set(START);
  });

  it('the worker runs the reminders every hour', () => {
    expect(features.sweeps(loadConfig({ BASE_URL: 'http://localhost' })).find((sweep) => sweep.name === 'session-reminders')?.everyMs).toBe(60 * 60_000);
  });

  it('cancelled sessions are not reminded', async () => {
    await ctx().db.updateTable('sessions_events').set({ status: 'cancelled' }).where('id', '=', s.ids.sessionId).execute();
    ctx().clock.set('2026-12-01T08:00:00.000Z');
    await ctx().db.updateTable('sessions_events').set({ starts_at: '2026-12-02T18:00:00.000Z' }).where('id', '=', s.ids.sessionId).execute();
    await sendSessionReminders(ctx().db, ctx().clock);
    expect(await notificationsFor(ctx(), s.world.report.id, 'session_reminder')).toHaveLength(2);
    await ctx()
      .db.updateTable('sessions_events')
      .set({ status: 'scheduled', starts_at: '2026-12-01T16:15:00.000Z', ends_at: '2026-12-01T17:45:00.000Z' })
      .where('id', '=', s.ids.sessionId)
      .execute();
    ctx().clock.set(START);
  });

  it('“Your sessions” lists a participant’s cohort sessions, a facilitator’s sessions and booked events, upcoming and past', async () => {
    await ctx()
      .db.insertInto('sessions_events')
      .values({
        ...(await sessionRow(ctx(), s.ids.sessionId)),
        id: newId(),
        title: 'Induction',
        starts_at: '2026-11-02T16:15:00.000Z',
        ends_at: '2026-11-02T17:45:00.000Z',
      })
      .execute();
    expect((await s.staff.post(`/sessions/${s.ids.eventId}/book`)).status).toBe(303);

    const mine = visibleText((await s.participant.get('/sessions')).text);
    expect(mine).toMatch(/Coming up .*Session 1: Leading a team.*Past sessions .*Induction/);
    expect(visibleText((await s.facilitator.get('/sessions')).text)).toMatch(/Session 1: Leading a team .*Facilitating/);
    const staff = visibleText((await s.staff.get('/sessions')).text);
    expect(staff).toMatch(/Leadership taster session .*Booked/);
    expect(staff).not.toContain('Session 1: Leading a team');

    const calendar = await sessionsForPerson(ctx().db, s.world.report.id);
    expect(calendar.map((c) => c.title)).toEqual(['Induction', 'Session 1: Leading a team']);
    // Events that have finished drop off the list of events to book.
    await ctx()
      .db.insertInto('sessions_events')
      .values({
        ...(await sessionRow(ctx(), s.ids.eventId)),
        id: newId(),
        title: 'Last year’s network meeting',
        kind: 'network',
        starts_at: '2026-11-03T16:00:00.000Z',
        ends_at: '2026-11-03T17:00:00.000Z',
      })
      .execute();
    const events = visibleText((await s.staff.get('/events')).text);
    expect(events).toContain('Leadership taster session');
    expect(events).not.toContain('Last year’s network meeting');
    expect((await sessionsForPerson(ctx().db, s.world.staff.id)).map((c) => c.title)).toEqual(['Leadership taster session']);
  });
});

describeEachEngine('the joining link of a full online event', (ctx) => {
  it('is shown only to those with a place, not to people on the waiting list', async () => {
    const s = await setting(ctx());
    const link = 'https://meet.example.org/taster-online';
    const created = await s.lead.post('/events', {
      ...sessionForm({ title: 'Online taster', 'date-day': '9', 'date-month': '12', mode: 'online', venue: '', onlineUrl: link }),
      kind: 'taster',
      capacity: '1',
    });
    expect(created.status).toBe(303);
    const eventId = idFrom(created.location);
    expect((await s.staff.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=booked`);
    expect((await s.participant.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=waiting`);

    const waiting = await s.participant.get(`/sessions/${eventId}`);
    expect(visibleText(waiting.text)).toContain('You are on the waiting list');
    expect(waiting.text).not.toContain(link);
    expect(visibleText(waiting.text)).toContain('the joining link is shown here to people with a place');
    expect((await s.participant.get(`/sessions/${eventId}/calendar.ics`)).text).not.toContain('taster-online');
    // Not booked at all: no link either.
    expect((await s.facilitator.get(`/sessions/${eventId}`)).text).not.toContain(link);

    expect((await s.staff.get(`/sessions/${eventId}`)).text).toContain(`href="${link}"`);
    expect((await s.lead.get(`/sessions/${eventId}`)).text).toContain(`href="${link}"`);

    // A new link is told to the person with a place, and not to the person waiting.
    const moved = 'https://meet.example.org/taster-moved';
    const edited = await s.lead.post(`/sessions/${eventId}`, {
      ...sessionForm({ title: 'Online taster', 'date-day': '9', 'date-month': '12', mode: 'online', venue: '', onlineUrl: moved }),
      kind: 'taster',
      capacity: '1',
    });
    expect(edited.status).toBe(303);
    const booked = await notificationsFor(ctx(), s.world.staff.id, 'session_change');
    expect(booked.at(-1)?.paragraphs.join(' ')).toContain(moved);
    const waited = await notificationsFor(ctx(), s.world.report.id, 'session_change');
    expect(waited).toHaveLength(1);
    expect(JSON.stringify(waited)).not.toContain('meet.example.org');
  });

  it('no calendar feed carries a joining link to people waiting, not booked, or no longer enrolled', async () => {
    const s = await setting(ctx());
    const eventLink = 'https://meet.example.org/online-network';
    const sessionLink = 'https://meet.example.org/cohort-twilight';
    const event = await s.lead.post('/events', {
      ...sessionForm({ title: 'Online network meeting', 'date-day': '10', 'date-month': '12', mode: 'online', venue: '', onlineUrl: eventLink }),
      kind: 'network',
      capacity: '1',
    });
    const eventId = idFrom(event.location);
    const session = await s.lead.post(`/cohorts/${s.programmes.earlierCohortId}/sessions`, {
      ...sessionForm({ title: 'Online twilight', 'date-day': '11', 'date-month': '12', mode: 'online', venue: '', onlineUrl: sessionLink }),
    });
    expect(session.status).toBe(303);
    expect((await s.staff.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=booked`);
    expect((await s.participant.post(`/sessions/${eventId}/book`)).location).toBe(`/sessions/${eventId}?done=waiting`);
    const withdrawn = await makePerson(ctx().db, { organisationId: s.world.organisation.id, schoolId: s.world.schoolA.id, givenName: 'Wendy' });
    await enrol(ctx(), s.programmes.earlierCohortId, s.programmes.programmeId, withdrawn.id, 'withdrawn');
    const withdrawnClient = await clientFor(ctx(), withdrawn);

    /** The person's own feed, lines unfolded (RFC 5545 folds long lines). */
    const feedOf = async (client: TestClient) => {
      await client.post('/calendar/reset');
      const path = /value="http:\/\/localhost(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec((await client.get('/calendar')).text)?.[1] ?? '';
      const feed = await ctx().client().get(path);
      expect(feed.status).toBe(200);
      return feed.text.replace(/\r\n[ \t]/g, '');
    };
    const booked = await feedOf(s.staff);
    expect(booked).toContain(eventLink);
    const waiting = await feedOf(s.participant);
    expect(waiting).not.toContain(eventLink);
    // Their own cohort's session, which they have a place at, keeps its link.
    expect(waiting).toContain(sessionLink);
    const notBooked = await feedOf(s.facilitator);
    expect(notBooked).not.toContain(eventLink);
    expect(notBooked).not.toContain(sessionLink);
    const noLongerEnrolled = await feedOf(withdrawnClient);
    expect(noLongerEnrolled).not.toContain(sessionLink);
    expect(noLongerEnrolled).not.toContain('Online twilight');
    // Giving up the place takes the event, and its link, out of the feed.
    expect((await s.staff.post(`/sessions/${eventId}/booking/cancel`)).status).toBe(303);
    expect(await feedOf(s.staff)).not.toContain(eventLink);
    // The place went to the person waiting: now their feed has the link.
    expect(await feedOf(s.participant)).toContain(eventLink);
    // The single-session file follows the same rule for someone just looking.
    expect((await s.facilitator.get(`/sessions/${eventId}/calendar.ics`)).text.replace(/\r\n[ \t]/g, '')).not.toContain(eventLink);
  });
});

describeEachEngine('a programme lead picks facilitators by searching staff, with or without JavaScript', (ctx) => {
  let s: Setting;
  beforeAll(async () => {
    s = await setting(ctx());
    await makePerson(ctx().db, { organisationId: s.world.organisation.id, schoolId: s.world.schoolB.id, givenName: 'Marguerite', familyName: 'Okonjo' });
    await makePerson(ctx().db, {
      organisationId: s.world.organisation.id,
      givenName: 'Margot',
      familyName: 'Left',
      status: 'deactivated',
    });
    await makePerson(ctx().db, { organisationId: s.world.otherOrganisation.id, givenName: 'Margaret', familyName: 'Elsewhere' });
  });

  it('the form has a staff search instead of dropdowns of everyone', async () => {
    const page = await s.lead.get(`/cohorts/${s.programmes.cohortId}/sessions/new`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<select id="facilitator-1"');
    expect(page.text).not.toContain(s.world.lineManager.familyName);
    expect(page.text).toContain('name="facilitatorSearch"');
    expect(visibleText(page.text)).toContain('Nobody chosen yet.');
  });

  it('searching shows the form again as typed, listing active staff of the organisation who match', async () => {
    const page = await s.lead.post(`/cohorts/${s.programmes.cohortId}/sessions`, {
      ...sessionForm({ title: 'Session 3: Coaching conversations' }),
      facilitatorSearch: 'marg',
      findFacilitators: 'search',
    });
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Staff matching “marg”');
    expect(text).toContain('Marguerite Okonjo');
    expect(text).not.toContain('Margot Left');
    expect(text).not.toContain('Margaret Elsewhere');
    expect(page.text).toContain('value="Session 3: Coaching conversations"');
    expect(await ctx().db.selectFrom('sessions_events').select('id').where('title', '=', 'Session 3: Coaching conversations').execute()).toEqual([]);
  });

  it('a search by school finds its staff; a search with no match says so', async () => {
    const bySchool = visibleText(
      (await s.lead.post(`/events`, { ...sessionForm(), kind: 'network', facilitatorSearch: s.world.schoolB.name, findFacilitators: 'search' })).text,
    );
    expect(bySchool).toContain('Marguerite Okonjo');
    const none = await s.lead.post(`/events`, { ...sessionForm(), kind: 'network', facilitatorSearch: 'zzqx', findFacilitators: 'search' });
    expect(none.status).toBe(200);
    expect(visibleText(none.text)).toContain('No active member of staff matches “zzqx”.');
  });

  it('an empty search asks for words, and saves nothing', async () => {
    const page = await s.lead.post(`/cohorts/${s.programmes.cohortId}/sessions`, {
      ...sessionForm({ title: 'Session 4: Empty search' }),
      facilitatorSearch: '  ',
      findFacilitators: 'search',
    });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('There is a problem');
    expect(visibleText(page.text)).toContain('Enter a name, email address, job title or school to search for');
    expect(await ctx().db.selectFrom('sessions_events').select('id').where('title', '=', 'Session 4: Empty search').execute()).toEqual([]);
  });

  it('people ticked stay chosen through another search, and are saved as facilitators', async () => {
    const marguerite = await ctx().db.selectFrom('people').select('id').where('given_name', '=', 'Marguerite').executeTakeFirstOrThrow();
    const form = new URLSearchParams({ ...sessionForm({ title: 'Session 5: Two facilitators' }), facilitatorSearch: 'lena', findFacilitators: 'search' });
    form.append('facilitatorIds', marguerite.id);
    const again = await s.lead.post(`/cohorts/${s.programmes.cohortId}/sessions`, form);
    expect(again.status).toBe(200);
    const text = visibleText(again.text);
    expect(text).toContain('Chosen facilitators');
    expect(again.text).toMatch(new RegExp(`value="${marguerite.id}" checked`));
    expect(text).toContain(`Lena ${s.world.lineManager.familyName}`);

    const save = new URLSearchParams(sessionForm({ title: 'Session 5: Two facilitators' }));
    save.append('facilitatorIds', marguerite.id);
    save.append('facilitatorIds', s.world.lineManager.id);
    const saved = await s.lead.post(`/cohorts/${s.programmes.cohortId}/sessions`, save);
    expect(saved.status).toBe(303);
    const rows = await ctx().db.selectFrom('session_facilitators').select('person_id').where('session_id', '=', idFrom(saved.location)).execute();
    expect(rows.map((r) => r.person_id).sort()).toEqual([marguerite.id, s.world.lineManager.id].sort());
  });

  it('someone outside the organisation can’t be made a facilitator by editing the form', async () => {
    const elsewhere = await ctx().db.selectFrom('people').select('id').where('given_name', '=', 'Margaret').executeTakeFirstOrThrow();
    const page = await s.lead.post(`/cohorts/${s.programmes.cohortId}/sessions`, {
      ...sessionForm({ title: 'Session 6: Outsider' }),
      facilitatorIds: elsewhere.id,
    });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Select facilitators from the list of staff');
    expect(page.text).not.toContain('Elsewhere');
  });
});
