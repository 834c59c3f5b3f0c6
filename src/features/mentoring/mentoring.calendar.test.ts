import ICAL from 'ical.js';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import type { TestClient } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';

describeEachEngine('the next mentoring meeting in both people’s calendar feeds', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let mentor: TestClient;
  let mentee: TestClient;
  let pairingId: string;

  const paths = new Map<TestClient, string>();
  /** The person's private feed: the address from "Your calendar", fetched as a calendar program would (no sign-in). */
  async function feedOf(client: TestClient) {
    let path = paths.get(client);
    if (!path) {
      await client.post('/calendar/reset');
      path = /value="http:\/\/localhost(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec((await client.get('/calendar')).text)?.[1] ?? '';
      paths.set(client, path);
    }
    const feed = await ctx().client().get(path);
    expect(feed.status).toBe(200);
    return feed.text;
  }

  const mentoringEvents = (text: string) =>
    new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').filter((v) => String(v.getFirstPropertyValue('uid')).startsWith('mentoring-next-'));

  beforeAll(async () => {
    const { db, clock } = ctx();
    clock.set('2026-11-24T10:00:00.000Z');
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    const lead = ctx().client({ address: '10.2.0.1' });
    mentor = ctx().client({ address: '10.2.0.2' });
    mentee = ctx().client({ address: '10.2.0.3' });
    await signIn(lead, world.programmeLead.email);
    await signIn(mentor, world.staff.email);
    await signIn(mentee, world.report.email);
    expect((await mentor.post('/mentoring/profile', { places: '2' })).status).toBe(303);
    expect(
      (await lead.post(`/people/${world.report.id}/mentoring`, { mentorId: world.staff.id, kind: 'mentor', enrolmentId: programmes.enrolmentId })).status,
    ).toBe(303);
    pairingId = (await db.selectFrom('mentoring_pairings').select('id').executeTakeFirstOrThrow()).id;
  });

  it('no meeting set: nothing in either feed', async () => {
    expect(mentoringEvents(await feedOf(mentor))).toHaveLength(0);
    expect(mentoringEvents(await feedOf(mentee))).toHaveLength(0);
  });

  it('a meeting that sets the next date puts a whole-day event in the mentor’s and the mentee’s feeds, with no notes', async () => {
    const added = await mentee.post(`/mentoring/pairings/${pairingId}/meetings`, {
      'held-day': '20',
      'held-month': '11',
      'held-year': '2026',
      duration: '50',
      sharedNotes: 'We talked about the reading group; confidential detail here.',
      privateNotes: 'Private worry about the department.',
      'next-day': '8',
      'next-month': '12',
      'next-year': '2026',
    });
    expect(added.status).toBe(303);
    for (const [client, other, text] of [
      [mentor, `${world.report.givenName} ${world.report.familyName}`, 'whom you support as their mentor'],
      [mentee, `${world.staff.givenName} ${world.staff.familyName}`, 'your mentor'],
    ] as const) {
      const raw = await feedOf(client);
      // RFC 5545: CRLF line endings, no line over 75 octets.
      expect(raw.split('\r\n').every((line) => Buffer.byteLength(line, 'utf8') <= 75)).toBe(true);
      expect(raw.replace(/\r\n/g, '')).not.toMatch(/\n/);
      const unfolded = raw.replace(/\r\n[ \t]/g, '');
      expect(unfolded).not.toContain('confidential detail');
      expect(unfolded).not.toContain('Private worry');
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20261208');
      expect(unfolded).toContain('DTEND;VALUE=DATE:20261209');
      const [event, ...more] = mentoringEvents(raw);
      expect(more).toHaveLength(0);
      expect(event?.getFirstPropertyValue('uid')).toBe(`mentoring-next-${pairingId}@localhost`);
      expect(event?.getFirstPropertyValue('summary')).toBe(`Mentoring meeting with ${other}`);
      expect(String(event?.getFirstPropertyValue('description'))).toContain(text);
      expect(event?.getFirstPropertyValue('url')).toBe(`http://localhost/mentoring/pairings/${pairingId}`);
      expect(event?.getFirstPropertyValue('sequence')).toBe(1);
      expect(unfolded).toMatch(/ORGANIZER;CN="[^"]+":mailto:/);
    }
  });

  it('nobody else’s feed has it', async () => {
    const other = ctx().client({ address: '10.2.0.4' });
    await signIn(other, world.lineManager.email);
    expect(mentoringEvents(await feedOf(other))).toHaveLength(0);
  });
  it('a later meeting with a new date keeps the UID and raises the SEQUENCE; a date that has passed leaves the feed', async () => {
    const added = await mentor.post(`/mentoring/pairings/${pairingId}/meetings`, {
      'held-day': '24',
      'held-month': '11',
      'held-year': '2026',
      duration: '30',
      'next-day': '5',
      'next-month': '1',
      'next-year': '2027',
    });
    expect(added.status).toBe(303);
    ctx().clock.set('2026-12-10T10:00:00.000Z');
    const [event] = mentoringEvents(await feedOf(mentee));
    expect(event?.getFirstPropertyValue('uid')).toBe(`mentoring-next-${pairingId}@localhost`);
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('2027-01-05');
    expect(event?.getFirstPropertyValue('sequence')).toBe(2);
    ctx().clock.set('2027-01-06T10:00:00.000Z');
    expect(mentoringEvents(await feedOf(mentee))).toHaveLength(0);
    expect(mentoringEvents(await feedOf(mentor))).toHaveLength(0);
  });
});
