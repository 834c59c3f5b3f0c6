import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { MINUTE } from '../../platform/db/clock';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeProgramme } from '../../../test/support/programme-world';
import { features } from '../index';
import { attendanceEvaluator } from './attendance.evaluators';
import { currentCheckInCode, checkInCodeFor, minuteNumber } from './check-in';
import { item } from '../../../test/support/present';

const at = '2026-09-01T09:00:00.000Z';

async function enrol(db: Db, options: { organisationId: string; cohortId: string; programmeId: string; personId: string; status?: 'active' | 'withdrawn' }) {
  const id = newId();
  await db
    .insertInto('enrolments')
    .values({
      id,
      organisation_id: options.organisationId,
      application_id: null,
      cohort_id: options.cohortId,
      programme_id: options.programmeId,
      person_id: options.personId,
      status: options.status ?? 'active',
      return_cohort_id: null,
      status_reason: null,
      completed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function makeSession(
  db: Db,
  options: {
    organisationId: string;
    cohortId: string | null;
    startsAt: string;
    endsAt?: string;
    title?: string;
    status?: 'scheduled' | 'cancelled';
    facilitatorIds?: string[];
    sequence?: number;
  },
) {
  const id = newId();
  const secret = newId();
  await db
    .insertInto('sessions_events')
    .values({
      id,
      organisation_id: options.organisationId,
      cohort_id: options.cohortId,
      kind: options.cohortId ? 'session' : 'taster',
      title: options.title ?? `Session ${id.slice(-4)}`,
      description: 'Leading change in your team.',
      skill_ids: '[]',
      starts_at: options.startsAt,
      ends_at: options.endsAt ?? new Date(new Date(options.startsAt).getTime() + 120 * MINUTE).toISOString(),
      mode: 'in_person',
      venue: 'Aspen Academy, Room 4',
      online_url: null,
      capacity: null,
      status: options.status ?? 'scheduled',
      cancel_reason: options.status === 'cancelled' ? 'The venue flooded' : null,
      cancelled_at: options.status === 'cancelled' ? at : null,
      sequence: options.sequence ?? 0,
      check_in_secret: secret,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const personId of options.facilitatorIds ?? []) await db.insertInto('session_facilitators').values({ session_id: id, person_id: personId }).execute();
  return { id, secret };
}

async function marks(db: Db, sessionId: string) {
  const rows = await db.selectFrom('session_attendance').select(['person_id', 'status', 'reason', 'method']).where('session_id', '=', sessionId).execute();
  return new Map(rows.map((r) => [r.person_id, r]));
}

describeEachEngine('attendance, check-in and calendars', (ctx) => {
  let world: World;
  let programmeId: string;
  let cohortId: string;
  let otherCohortId: string;
  let facilitator: TestPerson;
  let second: TestPerson;
  let clients: { lead: TestClient; facilitator: TestClient; teacher: TestClient; second: TestClient; staff: TestClient; otherOrg: TestClient };

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      title: 'Towards Middle Leadership',
      requirements: [{ kind: 'attendance', settings: { percent: 75 } }, { kind: 'sign_off' }],
    });
    programmeId = programme.id;
    cohortId = (await makeCohort(db, { organisationId: world.organisation.id, programmeId, name: 'Cohort 7', leadIds: [world.programmeLead.id] })).id;
    otherCohortId = (await makeCohort(db, { organisationId: world.organisation.id, programmeId, name: 'Cohort 8' })).id;
    facilitator = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: 'Fola', familyName: 'Adeyemi' });
    second = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Sam', familyName: 'Brook' });
    await enrol(db, { organisationId: world.organisation.id, cohortId, programmeId, personId: world.report.id });
    await enrol(db, { organisationId: world.organisation.id, cohortId, programmeId, personId: second.id });
    await enrol(db, { organisationId: world.organisation.id, cohortId: otherCohortId, programmeId, personId: world.staff.id });
    const signedIn = async (email: string, n: number) => {
      const client = ctx().client({ address: `10.1.0.${n}` });
      await signIn(client, email);
      return client;
    };
    clients = {
      lead: await signedIn(world.programmeLead.email, 1),
      facilitator: await signedIn(facilitator.email, 2),
      teacher: await signedIn(world.report.email, 3),
      second: await signedIn(second.email, 4),
      staff: await signedIn(world.staff.email, 5),
      otherOrg: await signedIn(world.otherAdmin.email, 6),
    };
  });

  // ----- Register -----

  it('the facilitator sees everyone in the cohort on the register; participants may not take it; others cannot see it', async () => {
    const { db } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    const page = await clients.facilitator.get(`/sessions/${session.id}/register`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`${world.report.givenName} ${world.report.familyName}`);
    expect(text).toContain('Sam Brook');
    expect(text).not.toContain(`${world.staff.givenName} ${world.staff.familyName}`);
    expect(text).toContain('2 people expected: 0 present, 0 late, 0 absent with reason, 0 absent, 2 not marked yet.');
    expect((await clients.lead.get(`/sessions/${session.id}/register`)).status).toBe(200);
    expect((await clients.teacher.get(`/sessions/${session.id}/register`)).status).toBe(403);
    expect((await clients.staff.get(`/sessions/${session.id}/register`)).status).toBe(404);
    expect((await clients.otherOrg.get(`/sessions/${session.id}/register`)).status).toBe(404);
  });

  it('saving the register records each mark in one go, with the reason for an absence', async () => {
    const { db } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    const saved = await clients.facilitator.post(`/sessions/${session.id}/register`, {
      [`status-${world.report.id}`]: 'late',
      [`reason-${world.report.id}`]: 'ignored unless absent with reason',
      [`status-${second.id}`]: 'absent_with_reason',
      [`reason-${second.id}`]: 'Year 11 parents’ evening',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/sessions/${session.id}/register?done=saved`);
    const stored = await marks(db, session.id);
    expect(stored.get(world.report.id)).toMatchObject({ status: 'late', reason: null, method: 'register' });
    expect(stored.get(second.id)).toMatchObject({ status: 'absent_with_reason', reason: 'Year 11 parents’ evening' });
    const page = visibleText((await clients.facilitator.get(saved.location ?? '')).text);
    expect(page).toContain('The register is saved');
    expect(page).toContain('0 present, 1 late, 1 absent with reason, 0 absent, 0 not marked yet');
  });

  it('bad input on the register shows the problems and writes nothing', async () => {
    const { db } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    const missingReason = await clients.facilitator.post(`/sessions/${session.id}/register`, {
      [`status-${world.report.id}`]: 'present',
      [`status-${second.id}`]: 'absent_with_reason',
      [`reason-${second.id}`]: '  ',
    });
    expect(missingReason.status).toBe(400);
    expect(missingReason.text).toContain('govuk-error-summary');
    expect(visibleText(missingReason.text)).toContain('Enter why Sam Brook was absent');
    expect(missingReason.text).toContain(`href="#reason-${second.id}"`);
    const unknown = await clients.facilitator.post(`/sessions/${session.id}/register`, { [`status-${world.report.id}`]: 'asleep' });
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain(`Select present, late, absent with reason or absent for ${world.report.givenName} ${world.report.familyName}`);
    expect((await marks(db, session.id)).size).toBe(0);
  });

  it('“mark all present” marks only those not marked yet', async () => {
    const { db } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    await clients.facilitator.post(`/sessions/${session.id}/register`, { [`status-${second.id}`]: 'absent' });
    const page = await clients.facilitator.get(`/sessions/${session.id}/register`);
    expect(visibleText(page.text)).toContain('Mark the 1 not marked yet as present');
    const done = await clients.facilitator.post(`/sessions/${session.id}/register/all-present`);
    expect(done.status).toBe(303);
    const stored = await marks(db, session.id);
    expect(stored.get(world.report.id)?.status).toBe('present');
    expect(stored.get(second.id)?.status).toBe('absent');
    expect((await clients.teacher.post(`/sessions/${session.id}/register/all-present`)).status).toBe(403);
  });

  // ----- Check-in -----

  it('the facilitator’s screen shows the current code and a QR code, and updates itself until asked not to', async () => {
    const { db, clock } = ctx();
    clock.set('2026-11-24T16:05:20.000Z');
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    const page = await clients.facilitator.get(`/sessions/${session.id}/check-in-code`);
    expect(page.status).toBe(200);
    const code = currentCheckInCode(session.secret, clock.now());
    expect(visibleText(page.text)).toContain(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(page.headers.get('refresh')).toBe('41');
    expect(page.text).not.toContain('http-equiv');
    expect(page.text).toMatch(/<svg role="img" aria-label="QR code[^"]*"/);
    expect(visibleText(page.text)).toContain('The code changes every minute');
    const still = await clients.facilitator.get(`/sessions/${session.id}/check-in-code?refresh=off`);
    expect(still.headers.get('refresh')).toBeNull();
    expect(visibleText(still.text)).toContain('no longer updates itself');
    expect((await clients.teacher.get(`/sessions/${session.id}/check-in-code`)).status).toBe(403);
    clock.set('2026-11-24T15:00:00.000Z');
    expect(visibleText((await clients.facilitator.get(`/sessions/${session.id}/check-in-code`)).text)).toContain(
      'Checking in opens 15 minutes before the session starts',
    );
  });

  it('a participant checks in with the code while the session runs; late after 10 minutes', async () => {
    const { db, clock } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    clock.set('2026-11-24T15:40:00.000Z');
    const early = await clients.teacher.get(`/sessions/${session.id}/check-in`);
    expect(visibleText(early.text)).toContain('Checking in opens on 24 November 2026 at 3:45pm');
    expect((await clients.teacher.post(`/sessions/${session.id}/check-in`, { code: currentCheckInCode(session.secret, clock.now()) })).status).toBe(409);

    clock.set('2026-11-24T15:50:30.000Z');
    const form = await clients.teacher.get(`/sessions/${session.id}/check-in?code=123456`);
    expect(form.text).toContain('value="123456"');
    const ok = await clients.teacher.post(`/sessions/${session.id}/check-in`, { code: currentCheckInCode(session.secret, clock.now()) });
    expect(ok.status).toBe(303);
    expect(visibleText((await clients.teacher.get(ok.location ?? '')).text)).toContain('You’re checked in Present at 3:50pm');
    expect((await marks(db, session.id)).get(world.report.id)).toMatchObject({ status: 'present', method: 'check_in' });

    clock.set('2026-11-24T16:12:00.000Z');
    // The code from the minute before still works.
    const previous = checkInCodeFor(session.secret, minuteNumber(clock.now()) - 1);
    expect((await clients.second.post(`/sessions/${session.id}/check-in`, { code: previous })).status).toBe(303);
    expect((await marks(db, session.id)).get(second.id)).toMatchObject({ status: 'late', method: 'check_in' });

    clock.set('2026-11-24T18:01:00.000Z');
    const closed = await clients.teacher.get(`/sessions/${session.id}/check-in`);
    expect(visibleText(closed.text)).toContain('You checked in at 3:50pm and are marked present');
  });

  it('scanning the QR code while signed out leads through sign-in back to check-in with the code', async () => {
    const { db } = ctx();
    const session = await makeSession(db, { organisationId: world.organisation.id, cohortId, startsAt: '2026-11-24T16:00:00.000Z' });
    const page = await ctx().client().get(`/sessions/${session.id}/check-in?code=123456`);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`/sign-in?next=${encodeURIComponent(`/sessions/${session.id}/check-in?code=123456`)}`);
  });

  it('wrong and expired codes get clear messages, and repeated wrong codes are slowed down', async () => {
    const { db, clock } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    clock.set('2026-11-24T16:03:00.000Z');
    const expired = await clients.second.post(`/sessions/${session.id}/check-in`, { code: checkInCodeFor(session.secret, minuteNumber(clock.now()) - 3) });
    expect(expired.status).toBe(400);
    expect(visibleText(expired.text)).toContain('That code has expired');
    const empty = await clients.second.post(`/sessions/${session.id}/check-in`, {});
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('Enter the 6-digit code shown by the facilitator');
    const current = currentCheckInCode(session.secret, clock.now());
    const wrongCode = current === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) {
      const wrong = await clients.second.post(`/sessions/${session.id}/check-in`, { code: wrongCode });
      expect(wrong.status).toBe(400);
      expect(visibleText(wrong.text)).toContain('That code is not right');
    }
    const fifth = await clients.second.post(`/sessions/${session.id}/check-in`, { code: wrongCode });
    expect(visibleText(fifth.text)).toContain('too many wrong codes');
    const locked = await clients.second.post(`/sessions/${session.id}/check-in`, { code: current });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    expect((await marks(db, session.id)).size).toBe(0);
    clock.advance(31_000);
    expect((await clients.second.post(`/sessions/${session.id}/check-in`, { code: currentCheckInCode(session.secret, clock.now()) })).status).toBe(303);
  });

  it('wrong codes sent all at once are tried no more often than one after another', async () => {
    const { db, clock } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    clock.set('2026-11-24T16:03:00.000Z');
    const current = currentCheckInCode(session.secret, clock.now());
    const wrongCode = current === '000000' ? '000001' : '000000';
    const pages = await Promise.all(Array.from({ length: 20 }, () => clients.second.post(`/sessions/${session.id}/check-in`, { code: wrongCode })));
    const tried = pages.filter((p) => visibleText(p.text).includes('That code is not right'));
    expect(tried).toHaveLength(5);
    expect(pages.filter((p) => p.status === 429)).toHaveLength(15);
    const key = `check-in:${second.id}`;
    expect((await db.selectFrom('sign_in_throttles').select('failures').where('key', '=', key).executeTakeFirst())?.failures).toBe(5);
    await db.deleteFrom('sign_in_throttles').where('key', '=', key).execute();
  });

  it('check-in never overrides the facilitator’s mark, and only people expected can check in', async () => {
    const { db, clock } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    clock.set('2026-11-24T16:20:00.000Z');
    await clients.facilitator.post(`/sessions/${session.id}/register`, {
      [`status-${world.report.id}`]: 'absent_with_reason',
      [`reason-${world.report.id}`]: 'Ill',
    });
    const tried = await clients.teacher.post(`/sessions/${session.id}/check-in`, { code: currentCheckInCode(session.secret, clock.now()) });
    expect(tried.status).toBe(409);
    expect(visibleText(tried.text)).toContain('The facilitator has marked you absent with reason on the register');
    expect((await marks(db, session.id)).get(world.report.id)).toMatchObject({ status: 'absent_with_reason', method: 'register' });
    // A programme lead can see the session but isn't on its register.
    const lead = await clients.lead.post(`/sessions/${session.id}/check-in`, { code: currentCheckInCode(session.secret, clock.now()) });
    expect(lead.status).toBe(409);
    expect(visibleText(lead.text)).toContain('You are not on the register for this session');
    // Someone from another cohort can't see it at all.
    expect((await clients.staff.get(`/sessions/${session.id}/check-in`)).status).toBe(404);
  });

  it('at an open event, the people with a place are on the register and can check in; others cannot', async () => {
    const { db, clock } = ctx();
    const event = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId: null,
      title: 'Leadership taster session',
      startsAt: '2026-11-26T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    const booking = (personId: string, status: 'booked' | 'waiting') =>
      db
        .insertInto('session_bookings')
        .values({
          id: newId(),
          session_id: event.id,
          person_id: personId,
          status,
          waiting_since: status === 'waiting' ? at : null,
          booked_at: status === 'booked' ? at : null,
          cancelled_at: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    await booking(world.staff.id, 'booked');
    await booking(second.id, 'waiting');
    const register = visibleText((await clients.facilitator.get(`/sessions/${event.id}/register`)).text);
    expect(register).toContain(`${world.staff.givenName} ${world.staff.familyName}`);
    expect(register).not.toContain('Sam Brook');
    clock.set('2026-11-26T16:02:00.000Z');
    const code = currentCheckInCode(event.secret, clock.now());
    expect((await clients.staff.post(`/sessions/${event.id}/check-in`, { code })).status).toBe(303);
    const waiting = await clients.second.post(`/sessions/${event.id}/check-in`, { code });
    expect(waiting.status).toBe(409);
    expect(visibleText(waiting.text)).toContain('You are not on the register for this session');
    expect((await marks(db, event.id)).get(world.staff.id)).toMatchObject({ status: 'present', method: 'check_in' });
  });

  it('a facilitator’s register replaces a self check-in', async () => {
    const { db, clock } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      startsAt: '2026-11-24T16:00:00.000Z',
      facilitatorIds: [facilitator.id],
    });
    clock.set('2026-11-24T16:01:00.000Z');
    await clients.teacher.post(`/sessions/${session.id}/check-in`, { code: currentCheckInCode(session.secret, clock.now()) });
    const register = visibleText((await clients.facilitator.get(`/sessions/${session.id}/register`)).text);
    expect(register).toContain('Checked in at 4:01pm');
    await clients.facilitator.post(`/sessions/${session.id}/register`, { [`status-${world.report.id}`]: 'late' });
    expect((await marks(db, session.id)).get(world.report.id)).toMatchObject({ status: 'late', method: 'register' });
  });

  // ----- Attendance percentage and the completion engine -----

  it('attendance counts held, uncancelled sessions of the cohort; present and late both count', async () => {
    const { db } = ctx();
    const programme = await makeProgramme(db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id });
    const a = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Ada' });
    const b = await makePerson(db, { organisationId: world.organisation.id, givenName: 'Bea' });
    const enrolA = await enrol(db, { organisationId: world.organisation.id, cohortId: cohort.id, programmeId: programme.id, personId: a.id });
    const enrolB = await enrol(db, { organisationId: world.organisation.id, cohortId: cohort.id, programmeId: programme.id, personId: b.id });
    const held = [];
    for (const day of ['2026-02-10', '2026-03-10', '2026-04-21', '2026-05-19'])
      held.push(await makeSession(db, { organisationId: world.organisation.id, cohortId: cohort.id, startsAt: `${day}T15:30:00.000Z` }));
    await makeSession(db, { organisationId: world.organisation.id, cohortId: cohort.id, startsAt: '2026-06-16T15:30:00.000Z', status: 'cancelled' });
    const mark = (sessionId: string, personId: string, status: 'present' | 'late' | 'absent' | 'absent_with_reason') =>
      db
        .insertInto('session_attendance')
        .values({
          session_id: sessionId,
          person_id: personId,
          status,
          reason: status === 'absent_with_reason' ? 'Ill' : null,
          method: 'register',
          marked_by: null,
          marked_at: at,
        })
        .execute();
    await mark(item(held, 0).id, a.id, 'present');
    await mark(item(held, 1).id, a.id, 'late');
    await mark(item(held, 2).id, a.id, 'present');
    await mark(item(held, 3).id, a.id, 'absent_with_reason');
    await mark(item(held, 0).id, b.id, 'present');
    await mark(item(held, 1).id, b.id, 'absent');

    const evaluator = attendanceEvaluator;
    const facts = [
      { id: enrolA, organisationId: world.organisation.id, personId: a.id, cohortId: cohort.id, programmeId: programme.id },
      { id: enrolB, organisationId: world.organisation.id, personId: b.id, cohortId: cohort.id, programmeId: programme.id },
    ];
    const context = { db, earlier: new Map(), programme: { id: programme.id, modulesRequired: null }, now: new Date('2026-07-01T00:00:00.000Z') };
    const results = await evaluator.evaluate(facts, { percent: 75 }, context);
    expect(results.get(enrolA)).toEqual({ status: 'met', reason: 'Attended 3 of 4 sessions (75%)' });
    expect(results.get(enrolB)).toEqual({ status: 'in_progress', reason: 'Attended 1 of 4 sessions (25%); at least 75% was needed' });
    expect(evaluator.describe({ percent: 75 }, context.programme, 'participant')).toBe('Attend at least 75% of your cohort’s sessions');
    expect(evaluator.describe({ percent: 75 }, context.programme, 'others')).toBe('The participant attends at least 75% of the cohort’s sessions');

    // With a session still to come, nobody has met it yet.
    await makeSession(db, { organisationId: world.organisation.id, cohortId: cohort.id, startsAt: '2026-07-14T15:30:00.000Z' });
    const midway = await evaluator.evaluate(facts, { percent: 75 }, context);
    expect(midway.get(enrolA)).toEqual({ status: 'in_progress', reason: 'Attended 3 of 4 sessions (75%) so far; at least 75% needed' });
    const before = await evaluator.evaluate(facts, { percent: 75 }, { ...context, now: new Date('2026-01-01T00:00:00.000Z') });
    expect(before.get(enrolA)).toEqual({ status: 'not_started', reason: 'No sessions held yet' });
  });

  it('participants see their attendance on My programme', async () => {
    const { clock } = ctx();
    clock.set('2026-11-25T09:00:00.000Z');
    const page = visibleText((await clients.teacher.get('/my-programme')).text);
    expect(page).toContain('Sessions attended');
    expect(page).toMatch(/Towards Middle Leadership Cohort 7 .* \d+ of \d+ sessions \(\d+%\)/);
  });

  it('the completion engine offers "attendance" with a percentage setting (80% unless set)', () => {
    const engine = features.completion(ctx().clock);
    expect(engine.evaluator('attendance')?.title).toBe('Session attendance');
    expect(engine.settingsFor('attendance', '{}')).toEqual({ percent: 80 });
    expect(engine.settingsFor('attendance', '{"percent":150}')).toEqual({ percent: 100 });
  });

  // ----- Calendars -----

  it('each person gets a private calendar address that shows only their sessions, and resetting it stops the old one at once', async () => {
    const { db, clock } = ctx();
    clock.set('2026-11-24T10:00:00.000Z');
    const mine = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      title: 'Session 5: Coaching conversations',
      startsAt: '2027-01-12T16:00:00.000Z',
    });
    const theirs = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId: otherCohortId,
      title: 'Cohort 8 only',
      startsAt: '2027-01-13T16:00:00.000Z',
    });
    const empty = await clients.teacher.get('/calendar');
    expect(visibleText(empty.text)).toContain('You do not have a calendar address yet');
    const created = await clients.teacher.post('/calendar/reset');
    expect(created.status).toBe(303);
    const page = await clients.teacher.get(created.location ?? '');
    const url = /value="(http:\/\/localhost\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(page.text)?.[1];
    expect(url).toBeDefined();
    expect(visibleText(page.text)).toContain('Outlook');
    expect(visibleText(page.text)).toContain('Google Calendar');
    const path = new URL(url ?? '').pathname;

    const anonymous = ctx().client();
    const feed = await anonymous.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(feed.text));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    const uids = calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toContain(`${mine.id}@localhost`);
    expect(uids).not.toContain(`${theirs.id}@localhost`);

    // Someone else's feed has their sessions, not the teacher's.
    await clients.staff.post('/calendar/reset');
    const staffUrl = /value="http:\/\/localhost(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec((await clients.staff.get('/calendar')).text)?.[1] ?? '';
    const staffUids = new ICAL.Component(ICAL.parse((await anonymous.get(staffUrl)).text))
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('uid'));
    expect(staffUids).toContain(`${theirs.id}@localhost`);
    expect(staffUids).not.toContain(`${mine.id}@localhost`);

    const reset = await clients.teacher.post('/calendar/reset');
    expect(reset.location).toBe('/calendar?done=reset');
    expect((await anonymous.get(path)).status).toBe(404);
    const newUrl = /value="http:\/\/localhost(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec((await clients.teacher.get('/calendar')).text)?.[1] ?? '';
    expect(newUrl).not.toBe(path);
    expect((await anonymous.get(newUrl)).status).toBe(200);
    expect((await anonymous.get(`/calendar/${'x'.repeat(43)}.ics`)).status).toBe(404);

    // Cancelling a session keeps it in the feed, cancelled, under the same UID with a higher SEQUENCE.
    await db.updateTable('sessions_events').set({ status: 'cancelled', cancel_reason: 'Snow', sequence: 1 }).where('id', '=', mine.id).execute();
    const after = new ICAL.Component(ICAL.parse((await anonymous.get(newUrl)).text))
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === `${mine.id}@localhost`);
    expect(after?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(after?.getFirstPropertyValue('sequence')).toBe(1);
    expect((await anonymous.get('/calendar/not-a-token.ics')).status).toBe(404);
  });

  it('a session downloads as a file for those who can see it; once cancelled, the file cancels it (same UID, higher SEQUENCE)', async () => {
    const { db } = ctx();
    const session = await makeSession(db, {
      organisationId: world.organisation.id,
      cohortId,
      title: 'Session 6: Reflection',
      startsAt: '2026-10-27T16:30:00.000Z',
    });
    const file = await clients.teacher.get(`/sessions/${session.id}/calendar.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="session-6-reflection.ics"');
    const parsed = new ICAL.Component(ICAL.parse(file.text));
    expect(parsed.getFirstPropertyValue('method')).toBe('PUBLISH');
    const event = parsed.getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(file.text).toContain('DTSTART;TZID=Europe/London:20261027T163000');
    expect((await clients.staff.get(`/sessions/${session.id}/calendar.ics`)).status).toBe(404);

    await db
      .updateTable('sessions_events')
      .set({ status: 'cancelled', cancel_reason: 'The venue flooded', sequence: 1, updated_at: '2026-10-20T09:00:00.000Z' })
      .where('id', '=', session.id)
      .execute();
    const cancelled = new ICAL.Component(ICAL.parse((await clients.teacher.get(`/sessions/${session.id}/calendar.ics`)).text));
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    const gone = cancelled.getFirstSubcomponent('vevent');
    expect(gone?.getFirstPropertyValue('uid')).toBe(event?.getFirstPropertyValue('uid'));
    expect(gone?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(Number(gone?.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(event?.getFirstPropertyValue('sequence')));
    expect(gone?.getFirstProperty('attendee')?.getFirstValue()).toBe(`mailto:${world.report.email}`);
  });
});
