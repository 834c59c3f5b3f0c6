import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine, type TestContext } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { makeSessionWorld, type SessionWorldIds } from '../../../test/support/worlds/sessions';
import { item, part } from '../../../test/support/present';

// Edge cases of changing sessions and events: what calendars are told, places on events that are
// over, and dates no session can have.

const START = '2026-11-24T10:00:00.000Z';
let clientCount = 0;

async function clientFor(ctx: TestContext, person: { email: string }): Promise<TestClient> {
  clientCount += 1;
  const client = ctx.client({ address: `10.7.${Math.floor(clientCount / 250)}.${clientCount % 250}` });
  await signIn(client, person.email);
  return client;
}

function idFrom(location: string | null): string {
  return item(part(location ?? '', '?', 0).split('/'), -1, 'id in the location');
}

/** The session form as the world's session (`makeSessionWorld`) has it: 1 December 2026, 4:15pm to 5:45pm. */
function theSession(world: World, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: 'Session 1: Leading a team',
    description: 'Bring a recent example of leading your team.',
    'date-day': '1',
    'date-month': '12',
    'date-year': '2026',
    startTime: '16:15',
    endTime: '17:45',
    mode: 'in_person',
    venue: 'Aspen Academy, Room 12',
    facilitatorIds: world.lineManager.id,
    ...overrides,
  };
}

describeEachEngine('what calendars see when a session changes', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let ids: SessionWorldIds;
  let lead: TestClient;
  let feedPath: string;

  /** The session's SEQUENCE and SUMMARY in the teacher's calendar feed, as a calendar program reads it. */
  async function inFeed(): Promise<{ sequence: number; summary: string; description: string }> {
    const feed = await ctx().client().get(feedPath);
    expect(feed.status).toBe(200);
    const event = new ICAL.Component(ICAL.parse(feed.text))
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === `${ids.sessionId}@localhost`);
    if (!event) throw new Error('the session is not in the feed');
    return {
      sequence: Number(event.getFirstPropertyValue('sequence')),
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description')),
    };
  }

  const sequenceNow = async () =>
    Number((await ctx().db.selectFrom('sessions_events').select('sequence').where('id', '=', ids.sessionId).executeTakeFirstOrThrow()).sequence);

  beforeAll(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    programmes = await makeProgrammeWorld(ctx().db, world);
    ids = await makeSessionWorld(ctx().db, world, programmes);
    lead = await clientFor(ctx(), world.programmeLead);
    feedPath = `/calendar/${ids.calendarToken}.ics`;
  });

  it('a new title reaches calendars with a higher SEQUENCE, without telling anyone', async () => {
    expect((await inFeed()).sequence).toBe(0);
    expect((await lead.post(`/sessions/${ids.sessionId}`, theSession(world, { title: 'Session 1: Leading your team' }))).status).toBe(303);
    expect(await inFeed()).toMatchObject({ sequence: 1, summary: 'Session 1: Leading your team' });
    const told = await ctx().db.selectFrom('outbox').select('payload').where('kind', '=', 'notification').execute();
    expect(told.filter((r) => r.payload.includes('session_change'))).toEqual([]);
  });

  it('a new description or facilitator raises it too', async () => {
    await lead.post(`/sessions/${ids.sessionId}`, theSession(world, { title: 'Session 1: Leading your team', description: 'Bring two examples.' }));
    expect((await inFeed()).sequence).toBe(2);
    await lead.post(
      `/sessions/${ids.sessionId}`,
      theSession(world, { title: 'Session 1: Leading your team', description: 'Bring two examples.', facilitatorIds: world.schoolAdminA.id }),
    );
    const after = await inFeed();
    expect(after.sequence).toBe(3);
    expect(after.description).toContain(`Facilitated by ${world.schoolAdminA.givenName}`);
    const audit = await ctx()
      .db.selectFrom('audit_events')
      .select('detail')
      .where('subject_id', '=', ids.sessionId)
      .where('action', '=', 'session_updated')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail ?? '{}')).toMatchObject({ changed: ['facilitators'], sequence: 3 });
  });

  it('saving without changing anything, or changing only the skill focus, leaves it alone', async () => {
    await lead.post(
      `/sessions/${ids.sessionId}`,
      theSession(world, { title: 'Session 1: Leading your team', description: 'Bring two examples.', facilitatorIds: world.schoolAdminA.id }),
    );
    expect(await sequenceNow()).toBe(3);
    const focus = await ctx()
      .db.selectFrom('programme_focus_skills')
      .select('skill_id')
      .where('programme_id', '=', programmes.programmeId)
      .executeTakeFirstOrThrow();
    await lead.post(
      `/sessions/${ids.sessionId}`,
      theSession(world, {
        title: 'Session 1: Leading your team',
        description: 'Bring two examples.',
        facilitatorIds: world.schoolAdminA.id,
        skillIds: focus.skill_id,
      }),
    );
    expect(await sequenceNow()).toBe(3);
  });
});

describeEachEngine('places at an event that is over', (ctx) => {
  it('raising the number of places after the event gives nobody waiting a place, and tells nobody', async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    const lead = await clientFor(ctx(), world.programmeLead);
    const event = {
      title: 'Network meeting',
      description: '',
      'date-day': '1',
      'date-month': '12',
      'date-year': '2026',
      startTime: '4pm',
      endTime: '5pm',
      mode: 'in_person',
      venue: 'Aspen Academy',
      kind: 'network',
    };
    const eventId = idFrom((await lead.post('/events', { ...event, capacity: '1' })).location);
    const people = await Promise.all(
      ['Ann', 'Bo'].map((givenName) => makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName })),
    );
    for (const person of people) {
      ctx().clock.advance(1000);
      await (await clientFor(ctx(), person)).post(`/sessions/${eventId}/book`);
    }

    ctx().clock.set('2026-12-02T09:00:00.000Z');
    const later = await clientFor(ctx(), world.programmeLead);
    expect((await later.post(`/sessions/${eventId}`, { ...event, capacity: '5' })).status).toBe(303);
    const statuses = await ctx().db.selectFrom('session_bookings').select(['person_id', 'status']).where('session_id', '=', eventId).execute();
    expect(statuses.find((b) => b.person_id === item(people, 1).id)?.status).toBe('waiting');
    const offers = await ctx().db.selectFrom('outbox').select('payload').where('kind', '=', 'notification').execute();
    expect(offers.filter((r) => r.payload.includes('"waitlist_place"'))).toEqual([]);
  });
});

describeEachEngine('dates no session can have', (ctx) => {
  let lead: TestClient;
  let cohortId: string;
  beforeAll(async () => {
    ctx().clock.set(START);
    const world = await makeWorld(ctx().db);
    cohortId = (await makeProgrammeWorld(ctx().db, world)).earlierCohortId;
    lead = await clientFor(ctx(), world.programmeLead);
  });

  it('a year outside 2000 to 2099 is refused on the date, with nothing saved', async () => {
    for (const year of ['0026', '1999', '2100', '9999']) {
      const page = await lead.post(`/cohorts/${cohortId}/sessions`, {
        title: 'Session 1',
        description: '',
        'date-day': '3',
        'date-month': '12',
        'date-year': year,
        startTime: '4pm',
        endTime: '5pm',
        mode: 'in_person',
        venue: 'Aspen Academy',
      });
      expect(page.status, year).toBe(400);
      const text = visibleText(page.text);
      expect(text, year).toContain('Date must be between 2000 and 2099');
      expect(text, year).not.toContain('clocks go forward');
    }
    const saved = await ctx().db.selectFrom('sessions_events').select('id').where('cohort_id', '=', cohortId).execute();
    expect(saved).toEqual([]);
  });
});
