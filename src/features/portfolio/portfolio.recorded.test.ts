import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { newId } from '../../platform/db/ids';
import { features } from '../index';
import { programmeFocusSkills } from '../programmes';

describeEachEngine('portfolio entries recorded by Waymark, evidence per skill and the completion requirement', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let teacher: TestClient;
  let mentor: TestClient;
  let lead: TestClient;
  let manager: TestClient;
  let focus: { id: string; code: string; title: string }[];

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    focus = await programmeFocusSkills(db, programmes.programmeId);
    await db
      .insertInto('programme_requirements')
      .values({ id: newId(), programme_id: programmes.programmeId, kind: 'portfolio_evidence', position: 3, settings: JSON.stringify({ entries: 1 }) })
      .execute();
    teacher = ctx().client({ address: '10.3.0.1' });
    mentor = ctx().client({ address: '10.3.0.2' });
    lead = ctx().client({ address: '10.3.0.3' });
    manager = ctx().client({ address: '10.3.0.4' });
    await signIn(teacher, world.report.email);
    await signIn(mentor, world.staff.email);
    await signIn(lead, world.programmeLead.email);
    await signIn(manager, world.lineManager.email);
  });

  it('mentoring given as a mentor is recorded in the mentor’s portfolio once the mentee confirms a meeting, and kept up to date', async () => {
    expect((await mentor.post('/mentoring/profile', { places: '1' })).status).toBe(303);
    expect(
      (await lead.post(`/people/${world.report.id}/mentoring`, { mentorId: world.staff.id, kind: 'mentor', enrolmentId: programmes.enrolmentId })).status,
    ).toBe(303);
    const pairing = await ctx().db.selectFrom('mentoring_pairings').select('id').executeTakeFirstOrThrow();
    const meet = async (day: string) => {
      await mentor.post(`/mentoring/pairings/${pairing.id}/meetings`, {
        'held-day': day,
        'held-month': '11',
        'held-year': '2026',
        duration: '45',
        sharedNotes: 'Notes',
      });
      const meeting = await ctx().db.selectFrom('mentoring_meetings').select('id').where('status', '=', 'recorded').executeTakeFirstOrThrow();
      expect((await teacher.post(`/mentoring/meetings/${meeting.id}/confirm`)).status).toBe(303);
      await ctx().deliverMail();
    };
    await meet('10');
    let page = visibleText((await mentor.get('/portfolio')).text);
    expect(page).toContain(`Mentoring ${world.report.givenName} ${world.report.familyName} (1 meeting)`);
    expect(page).toContain('Recorded by Waymark');
    const entry = await ctx().db.selectFrom('portfolio_entries').selectAll().where('person_id', '=', world.staff.id).executeTakeFirstOrThrow();
    const entryPage = visibleText((await mentor.get(`/portfolio/entries/${entry.id}`)).text);
    expect(entryPage).toContain('Waymark recorded this entry from its own records');
    expect((await mentor.get(`/portfolio/entries/${entry.id}/verification`)).status).toBe(409);
    expect((await mentor.post(`/portfolio/entries/${entry.id}/edit`, { reflection: 'Ravi now runs his own reading group.', title: 'Changed' })).status).toBe(
      303,
    );
    await meet('17');
    page = visibleText((await mentor.get('/portfolio')).text);
    expect(page).toContain('(2 meetings)');
    expect(page).toContain('1.5 hours');
    expect(page).toContain('Ravi now runs his own reading group.');
    expect(await ctx().db.selectFrom('portfolio_entries').select('id').where('person_id', '=', world.staff.id).execute()).toHaveLength(1);
  });

  it('a session attended is recorded once, however often the message arrives', async () => {
    const events = features.events(ctx().clock);
    const payload = {
      organisationId: world.organisation.id,
      personId: world.report.id,
      sessionId: newId(),
      title: 'Session 1: Leading a team',
      programmeTitle: 'Towards Middle Leadership',
      startsAt: '2026-11-03T09:00:00.000Z',
      endsAt: '2026-11-03T12:30:00.000Z',
      skillIds: [focus[0]?.id ?? ''],
    };
    for (let i = 0; i < 2; i += 1)
      await ctx()
        .db.transaction()
        .execute((trx) => events.publish(trx, 'session.attended', payload));
    await ctx().deliverMail();
    const page = visibleText((await teacher.get('/portfolio')).text);
    expect(page).toContain('Session 1: Leading a team (Towards Middle Leadership)');
    expect(page).toContain('3.5 hours');
    expect(await ctx().db.selectFrom('portfolio_entries').select('id').where('kind', '=', 'session_attended').execute()).toHaveLength(1);
  });

  it('the skills profile shows, per skill, the entries that evidence it; the requirement counts verified entries per focus skill', async () => {
    const before = visibleText((await teacher.get(`/enrolments/${programmes.enrolmentId}`)).text);
    expect(before).toContain(`Portfolio evidence for each focus skill (1 verified entry)`);
    expect(before).toContain(`0 of ${focus.length} focus skills have 1 verified entry`);

    // The session entry has no reflection yet, so it is not evidence; the teacher's own entry needs verifying.
    const added = await teacher.post('/portfolio/new', {
      kind: 'course',
      title: 'NPQ for Leading Teacher Development',
      reflection: 'I now coach two early-career teachers each week; both report planning more confidently.',
      'startedOn-day': '1',
      'startedOn-month': '9',
      'startedOn-year': '2026',
      skills: focus[1]?.id ?? '',
    });
    const entryId = new URL(added.headers.get('location') ?? '', 'http://x').pathname.split('/')[3] ?? '';
    let profile = visibleText((await teacher.get(`/enrolments/${programmes.enrolmentId}/self-assessment`)).text);
    expect(profile).toContain('Evidence from your portfolio');
    expect(profile).toContain('NPQ for Leading Teacher Development (not verified yet)');
    expect(profile).toContain('Session 1: Leading a team (Towards Middle Leadership) (recorded by Waymark)');

    await teacher.post(`/portfolio/entries/${entryId}/verification`, { relationship: 'line_manager' });
    const request = await ctx().db.selectFrom('portfolio_verifications').select('id').where('entry_id', '=', entryId).executeTakeFirstOrThrow();
    await manager.post(`/portfolio/verifications/${request.id}`, { decision: 'confirm', role: 'Head of English', statement: 'I have seen the coaching.' });
    const session = await ctx().db.selectFrom('portfolio_entries').select('id').where('kind', '=', 'session_attended').executeTakeFirstOrThrow();
    await teacher.post(`/portfolio/entries/${session.id}/edit`, {
      reflection: 'I now open team meetings with the agreed priorities.',
      skills: focus[0]?.id ?? '',
    });

    profile = visibleText((await teacher.get(`/enrolments/${programmes.enrolmentId}/self-assessment`)).text);
    expect(profile).toContain('NPQ for Leading Teacher Development (verified)');
    const after = visibleText((await teacher.get(`/enrolments/${programmes.enrolmentId}`)).text);
    const covered = Math.min(2, focus.length);
    expect(after).toContain(`${covered} of ${focus.length} focus ${focus.length === 1 ? 'skill has' : 'skills have'} 1 verified entry`);
    // A programme lead reads only the evidence on the participant's skills profile.
    const leads = visibleText((await lead.get(`/enrolments/${programmes.enrolmentId}/self-assessment`)).text);
    expect(leads).toContain('NPQ for Leading Teacher Development (verified)');
  });
});
