import { beforeAll, expect, it } from 'vitest';
import { DAY } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { sweepMentoringReminders } from './mentoring.service';

// Sign-off, progress reviews and reminders, through HTTP where a person does them. The fixed clock
// reads 24 November 2026.
describeEachEngine('mentoring: sign-off, progress reviews and reminders', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let lead: TestClient;
  let mentor: TestClient;
  let mentee: TestClient;
  let pairingId: string;
  let skillId: string;
  const mentorName = () => `${world.staff.givenName} ${world.staff.familyName}`;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    // The programme also asks for the mentor's or coach's sign-off.
    await db
      .insertInto('programme_requirements')
      .values({ id: newId(), programme_id: programmes.programmeId, kind: 'mentoring_signoff', position: 3, settings: '{}' })
      .execute();
    lead = ctx().client({ address: '10.2.0.1' });
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
    skillId = (await db.selectFrom('programme_focus_skills').select('skill_id').where('programme_id', '=', programmes.programmeId).executeTakeFirstOrThrow())
      .skill_id;
  });

  it('meets "Mentor or coach sign-off" only when the mentor signs off, saying who and when', async () => {
    const before = visibleText((await mentee.get(`/enrolments/${programmes.enrolmentId}`)).text);
    expect(before).toContain('Mentor or coach sign-off');
    expect(before).toContain('Your mentor or coach signs off your mentoring. Not signed off yet.');
    // Neither the mentee nor the lead can sign it off.
    expect((await mentee.post(`/mentoring/pairings/${pairingId}/sign-off`, { comment: 'All done' })).status).toBe(403);
    expect((await lead.post(`/mentoring/pairings/${pairingId}/sign-off`, { comment: 'All done' })).status).toBe(403);
    expect(visibleText((await mentee.get(`/enrolments/${programmes.enrolmentId}`)).text)).toContain('Not signed off yet');

    expect((await mentor.post(`/mentoring/pairings/${pairingId}/sign-off`, { comment: 'Ravi has met every goal we agreed.' })).status).toBe(303);
    const after = visibleText((await mentee.get(`/enrolments/${programmes.enrolmentId}`)).text);
    expect(after).toContain(`Signed off by ${mentorName()} on 24 November 2026`);
    expect(after).not.toContain('Not signed off yet');
    // The lead sees it on the enrolment too.
    expect(visibleText((await lead.get(`/enrolments/${programmes.enrolmentId}`)).text)).toContain(`Signed off by ${mentorName()} on 24 November 2026`);
    // Once only.
    expect((await mentor.post(`/mentoring/pairings/${pairingId}/sign-off`, {})).status).toBe(409);
    // People I support shows the mentee's programme and requirements, counting the sign-off.
    const supported = visibleText((await mentor.get('/mentoring')).text);
    expect(supported).toContain('Cohort 1');
    expect(supported).toContain('1 of 3 requirements met');
  });

  it('shows a progress review to the mentee and the lead, and never the meeting notes to the lead', async () => {
    expect(
      (
        await mentor.post(`/mentoring/pairings/${pairingId}/meetings`, {
          'held-day': '20',
          'held-month': '11',
          'held-year': '2026',
          duration: '45',
          sharedNotes: 'We planned the department briefing together.',
          privateNotes: 'Ravi seemed anxious about presenting.',
        })
      ).status,
    ).toBe(303);

    // Only the mentor writes one; a review without its checkpoint is refused with nothing written.
    expect((await mentee.get(`/mentoring/pairings/${pairingId}/review`)).status).toBe(403);
    expect((await mentee.post(`/mentoring/pairings/${pairingId}/review`, { checkpoint: 'Midpoint', overall: 'on_track' })).status).toBe(403);
    const empty = await mentor.post(`/mentoring/pairings/${pairingId}/review`, { checkpoint: '', overall: '' });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain('There is a problem');
    expect(visibleText(empty.text)).toContain('Enter the checkpoint this review is for');
    expect(await ctx().db.selectFrom('mentoring_reviews').selectAll().execute()).toHaveLength(0);

    const saved = await mentor.post(`/mentoring/pairings/${pairingId}/review`, {
      checkpoint: 'Midpoint',
      overall: 'needs_support',
      [`comment-${skillId}`]: 'Growing in confidence leading the team meeting.',
    });
    expect(saved.status).toBe(303);

    for (const client of [mentee, lead]) {
      const page = visibleText((await client.get(`/mentoring/pairings/${pairingId}`)).text);
      expect(page).toContain('Midpoint: Needs support');
      expect(page).toContain(`By ${mentorName()} on 24 November 2026`);
      expect(page).toContain('Growing in confidence leading the team meeting.');
      expect(page).not.toContain('anxious');
    }
    const leadsView = visibleText((await lead.get(`/mentoring/pairings/${pairingId}`)).text);
    expect(leadsView).toContain('20 November 2026');
    expect(leadsView).not.toContain('department briefing');
    // The mentee is told.
    const told = await ctx()
      .db.selectFrom('outbox')
      .select('payload')
      .where('payload', 'like', '%wrote a progress review%')
      .where('payload', 'like', `%${world.report.id}%`)
      .execute();
    expect(told).toHaveLength(1);
  });

  it('reminds about an action due and a meeting without notes, once each', async () => {
    const { db, clock } = ctx();
    // A meeting on 18 November with no shared notes, and two actions: one due tomorrow, one next month.
    expect(
      (await mentee.post(`/mentoring/pairings/${pairingId}/meetings`, { 'held-day': '18', 'held-month': '11', 'held-year': '2026', duration: '30' })).status,
    ).toBe(303);
    const bare = await db.selectFrom('mentoring_meetings').select('id').where('held_on', '=', '2026-11-18').executeTakeFirstOrThrow();
    for (const [description, day, month] of [
      ['Draft the briefing slides', '25', '11'],
      ['Observe a lesson', '20', '12'],
    ] as const)
      expect(
        (
          await mentor.post(`/mentoring/meetings/${bare.id}/actions`, {
            description,
            owner: world.report.id,
            'due-day': day,
            'due-month': month,
            'due-year': '2026',
          })
        ).status,
      ).toBe(303);

    expect(await sweepMentoringReminders(db, clock)).toBe(2);
    expect(await sweepMentoringReminders(db, clock)).toBe(0);
    await ctx().deliverMail();
    const reminders = await db
      .selectFrom('notifications')
      .select(['person_id', 'subject', 'body', 'link'])
      .where('kind', '=', 'mentoring_reminder')
      .orderBy('subject')
      .execute();
    expect(reminders).toEqual([
      {
        person_id: world.report.id,
        subject: 'A mentoring action is due soon',
        body: '“Draft the briefing slides”\n\nDue on 2026-11-25.',
        link: `/mentoring/meetings/${bare.id}`,
      },
      {
        person_id: world.report.id,
        subject: 'Add notes to your mentoring meeting',
        body: 'The meeting on 2026-11-18 has no shared notes yet.',
        link: `/mentoring/meetings/${bare.id}`,
      },
    ]);

    // Once it is overdue, one more reminder says so; a done action is never reminded of.
    clock.advance(3 * DAY);
    expect(await sweepMentoringReminders(db, clock)).toBe(1);
    expect(await sweepMentoringReminders(db, clock)).toBe(0);
    await db.updateTable('mentoring_actions').set({ done_at: clock.now().toISOString() }).execute();
    clock.advance(30 * DAY);
    expect(await sweepMentoringReminders(db, clock)).toBe(0);
  });
});
