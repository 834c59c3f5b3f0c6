import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { auditLogRows } from '../../../test/support/audit-log';
import { type TestClient, visibleText } from '../../../test/support/http';
import { londonDate } from '../../platform/dates';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';

describeEachEngine('mentoring and coaching', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let lead: TestClient;
  let mentor: TestClient;
  let mentee: TestClient;
  let orgAdmin: TestClient;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    lead = ctx().client({ address: '10.1.0.1' });
    mentor = ctx().client({ address: '10.1.0.2' });
    mentee = ctx().client({ address: '10.1.0.3' });
    orgAdmin = ctx().client({ address: '10.1.0.4' });
    await signIn(lead, world.programmeLead.email);
    await signIn(mentor, world.staff.email);
    await signIn(mentee, world.report.email);
    await signIn(orgAdmin, world.orgAdmin.email);
    expect((await mentor.post('/mentoring/profile', { places: '1' })).status).toBe(303);
  });

  it('refuses to make someone their own mentor, and leaves nothing behind', async () => {
    const page = await lead.post(`/people/${world.report.id}/mentoring`, { mentorId: world.report.id, kind: 'mentor', enrolmentId: programmes.enrolmentId });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('There is a problem');
    expect(visibleText(page.text)).toContain('cannot be their own mentor or coach');
    expect(await ctx().db.selectFrom('mentoring_pairings').selectAll().execute()).toHaveLength(0);
  });

  let pairingId: string;
  it('pairs the teacher with a mentor from the suggestions, and then refuses a mentor with no places free', async () => {
    const suggestions = await lead.get(`/people/${world.report.id}/mentoring`);
    expect(visibleText(suggestions.text)).toContain('1 of 1 place free');
    const made = await lead.post(`/people/${world.report.id}/mentoring`, { mentorId: world.staff.id, kind: 'mentor', enrolmentId: programmes.enrolmentId });
    expect(made.status).toBe(303);
    pairingId = (await ctx().db.selectFrom('mentoring_pairings').select('id').executeTakeFirstOrThrow()).id;
    const other = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Omar' });
    const full = await lead.post(`/people/${other.id}/mentoring`, { mentorId: world.staff.id, kind: 'mentor', enrolmentId: '' });
    expect(full.status).toBe(400);
    expect(visibleText(full.text)).toContain('has no places free (1 of 1 used)');
    expect(await ctx().db.selectFrom('mentoring_pairings').selectAll().execute()).toHaveLength(1);
  });

  it('shows the mentor the people they support, and nobody else', async () => {
    const page = visibleText((await mentor.get('/mentoring')).text);
    expect(page).toContain(`${world.report.givenName} ${world.report.familyName}`);
    expect(page).toContain('You are using 1 of your 1 place');
    const theirs = visibleText((await mentee.get('/mentoring')).text);
    expect(theirs).toContain('You do not support anyone at the moment.');
    expect(theirs).toContain(`${world.staff.givenName} ${world.staff.familyName}`);
  });

  it('refuses a meeting in the future marked as held', async () => {
    const page = await mentee.post(`/mentoring/pairings/${pairingId}/meetings`, {
      'held-day': '1',
      'held-month': '1',
      'held-year': '2027',
      duration: '45',
    });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('The date of the meeting must be today or in the past');
    expect(await ctx().db.selectFrom('mentoring_meetings').selectAll().execute()).toHaveLength(0);
  });

  let meetingId: string;
  it('keeps private notes for their author alone: not the other person, not leads, not admins', async () => {
    const added = await mentee.post(`/mentoring/pairings/${pairingId}/meetings`, {
      'held-day': '20',
      'held-month': '11',
      'held-year': '2026',
      duration: '50',
      sharedNotes: 'We talked about leading the reading group.',
      privateNotes: 'I felt nervous about the department meeting.',
    });
    expect(added.status).toBe(303);
    meetingId = (await ctx().db.selectFrom('mentoring_meetings').select('id').executeTakeFirstOrThrow()).id;
    const own = visibleText((await mentee.get(`/mentoring/meetings/${meetingId}`)).text);
    expect(own).toContain('I felt nervous about the department meeting.');
    expect(own).toContain('Only you will ever see these notes');
    const theirs = visibleText((await mentor.get(`/mentoring/meetings/${meetingId}`)).text);
    expect(theirs).toContain('We talked about leading the reading group.');
    expect(theirs).not.toContain('nervous');
    for (const client of [lead, orgAdmin]) {
      expect((await client.get(`/mentoring/meetings/${meetingId}`)).status).toBe(404);
      const summary = visibleText((await client.get(`/mentoring/pairings/${pairingId}`)).text);
      expect(summary).toContain('20 November 2026');
      expect(summary).not.toContain('nervous');
      expect(summary).not.toContain('reading group');
    }
  });

  it('puts the mentor’s reading of the mentee’s log in the audit log, with the mentee as the person affected; the mentee’s and a lead’s summary are not', async () => {
    const rows = () => auditLogRows(orgAdmin, world.report.email, 'mentoring_log_viewed');
    const before = (await rows()).length;
    await mentee.get(`/mentoring/pairings/${pairingId}`);
    await mentee.get(`/mentoring/meetings/${meetingId}`);
    await lead.get(`/mentoring/pairings/${pairingId}`);
    expect(await rows()).toHaveLength(before);
    await mentor.get(`/mentoring/pairings/${pairingId}`);
    await mentor.get(`/mentoring/meetings/${meetingId}`);
    const after = await rows();
    expect(after).toHaveLength(before + 2);
    for (const row of after.slice(0, 2)) {
      expect(row).toContain(`${world.staff.givenName} ${world.staff.familyName}`);
      expect(row).toContain(`${world.report.givenName} ${world.report.familyName}`);
    }
  });

  it('counts a meeting towards the requirement once the other person confirms it, and not before', async () => {
    const { countConfirmedMeetings } = await import('./mentoring.queries');
    expect((await countConfirmedMeetings(ctx().db, [programmes.enrolmentId])).get(programmes.enrolmentId)).toBeUndefined();
    expect((await mentee.post(`/mentoring/meetings/${meetingId}/confirm`)).status).toBe(403);
    expect((await mentor.post(`/mentoring/meetings/${meetingId}/confirm`)).status).toBe(303);
    expect((await countConfirmedMeetings(ctx().db, [programmes.enrolmentId])).get(programmes.enrolmentId)).toBe(1);
  });

  it('carries an action forward until it is done', async () => {
    expect(
      (
        await mentor.post(`/mentoring/meetings/${meetingId}/actions`, {
          description: 'Observe a lesson',
          owner: world.report.id,
          'due-day': '1',
          'due-month': '12',
          'due-year': '2026',
        })
      ).status,
    ).toBe(303);
    expect(visibleText((await mentee.get(`/mentoring/pairings/${pairingId}`)).text)).toContain('Observe a lesson');
    // The mentor's list counts it (overdue once its day has passed), and stops counting it once done.
    const name = `${world.report.givenName} ${world.report.familyName}`;
    const row = async () =>
      visibleText((await mentor.get('/mentoring')).text)
        .split(name)[1]
        ?.split('Who supports you')[0] ?? '';
    const overdue = londonDate(ctx().clock.now()) > '2026-12-01';
    expect((await row()).trim()).toMatch(overdue ? /\s1 \(1 overdue\)$/ : /\s1$/);
    const action = await ctx().db.selectFrom('mentoring_actions').select('id').executeTakeFirstOrThrow();
    expect((await mentee.post(`/mentoring/actions/${action.id}/done`)).status).toBe(303);
    expect(visibleText((await mentee.get(`/mentoring/pairings/${pairingId}`)).text)).not.toContain('Open actions');
    expect((await row()).trim()).toMatch(/\sNone$/);
  });

  it('records who agreed to the agreement and when', async () => {
    const form = { goals: 'Lead the reading group well', frequency: 'Every three weeks', how: 'In person', confidentiality: 'What we say stays between us' };
    expect((await mentor.post(`/mentoring/pairings/${pairingId}/agreement`, form)).status).toBe(303);
    let page = visibleText((await mentee.get(`/mentoring/pairings/${pairingId}`)).text);
    expect(page).toContain(`${world.staff.givenName} ${world.staff.familyName} agreed on 24 November 2026`);
    expect(page).toContain(`${world.report.givenName} ${world.report.familyName} has not agreed yet`);
    expect((await mentee.post(`/mentoring/pairings/${pairingId}/agreement/agree`)).status).toBe(303);
    page = visibleText((await mentee.get(`/mentoring/pairings/${pairingId}`)).text);
    expect(page).toContain(`${world.report.givenName} ${world.report.familyName} agreed on 24 November 2026`);
  });

  it('keeps the history when the teacher is reassigned', async () => {
    const newMentor = await makePerson(ctx().db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolB.id,
      givenName: 'Nia',
      leadershipLevel: 'senior',
    });
    const client = ctx().client({ address: '10.1.0.9' });
    await signIn(client, newMentor.email);
    await client.post('/mentoring/profile', { places: '3' });
    expect(
      (await lead.post(`/people/${world.report.id}/mentoring`, { mentorId: newMentor.id, kind: 'mentor', enrolmentId: programmes.enrolmentId })).status,
    ).toBe(303);
    const rows = await ctx()
      .db.selectFrom('mentoring_pairings')
      .select(['mentor_id', 'status', 'replaced_by_id'])
      .where('mentee_id', '=', world.report.id)
      .execute();
    expect(rows.map((r) => r.status).sort()).toEqual(['active', 'ended']);
    const history = visibleText((await lead.get(`/people/${world.report.id}/mentoring`)).text);
    expect(history).toContain('Reassigned');
    expect(history).toContain(`${world.staff.givenName} ${world.staff.familyName}`);
  });
});
