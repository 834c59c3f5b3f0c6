import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { newId } from '../../platform/db/ids';
import { DEFAULT_PUPIL_QUESTIONS } from './feedback.model';
import { MAX_RESPONDENTS, sweepFeedbackRounds } from './feedback.service';
import { item, part } from '../../../test/support/present';

const START = '2026-11-24T10:00:00.000Z';

describeEachEngine('360 feedback', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let participant: TestClient;
  let skillIds: string[];

  beforeEach(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    programmes = await makeProgrammeWorld(ctx().db, world);
    participant = ctx().client({ address: '10.1.0.1' });
    await signIn(participant, world.report.email);
    skillIds = (
      await ctx().db.selectFrom('framework_skills').select('id').where('version_id', '=', programmes.publishedVersionId).orderBy('position').execute()
    ).map((s) => s.id);
  });

  const source = () => `enrolment:${programmes.enrolmentId}`;
  const roundForm = (extra: Record<string, string> = {}) => ({
    source: source(),
    skills: item(skillIds, 0),
    'closesOn-day': '10',
    'closesOn-month': '12',
    'closesOn-year': '2026',
    minimumPeer: '3',
    minimumDirectReport: '3',
    minimumStudent: '5',
    minimumOther: '3',
    margin: '1.3',
    ...extra,
  });

  /** Opens a round on the teacher's enrolment asking about every focus skill; returns its id. */
  async function openRound(): Promise<string> {
    const body = new URLSearchParams({ ...roundForm(), skills: item(skillIds, 0) });
    body.append('skills', item(skillIds, 1));
    const response = await ctx().app.request('/feedback', {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: cookieOf(participant) },
    });
    expect(response.status).toBe(303);
    return item(part(response.headers.get('location') ?? '', '?', 0).split('/'), -1, 'round id');
  }

  function cookieOf(client: TestClient): string {
    return [...(client as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /**
   * Invites someone and returns the raw token from the email they were sent. An address that isn't a
   * colleague's on Waymark waits for approval: the line manager approves it here.
   */
  async function invite(roundId: string, group: string, name: string, email: string): Promise<string> {
    const page = await participant.post(`/feedback/${roundId}/respondents`, { group, name, email });
    expect(page.status).toBe(303);
    if ((page.headers.get('location') ?? '').includes('done=awaiting')) {
      const respondent = await ctx()
        .db.selectFrom('feedback_respondents')
        .select('id')
        .where('round_id', '=', roundId)
        .where('email_normalised', '=', email.toLowerCase())
        .executeTakeFirstOrThrow();
      const manager = ctx().client();
      await signIn(manager, world.lineManager.email);
      expect((await manager.post(`/feedback/approvals/${respondent.id}`, { decision: 'approve' })).status).toBe(303);
    }
    await ctx().deliverMail();
    return tokenIn(email);
  }

  function tokenIn(email: string): string {
    const mail = ctx()
      .mailer.sent.filter((m) => m.to === email)
      .at(-1);
    const match = /\/feedback\/respond\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '');
    if (!match) throw new Error(`no feedback link sent to ${email}`);
    return item(match, 1);
  }

  const answers = (rating: string, extra: Record<string, string> = {}) => ({
    [`rating-${skillIds[0]}`]: rating,
    [`rating-${skillIds[1]}`]: 'n',
    strengths: 'Calm and clear in meetings.',
    develop: 'Delegate more.',
    ...extra,
  });

  /** A pupil's answers to the default pupil questions: `rating` on each, "I don't know" on the last. */
  const pupilAnswers = (rating: string) => ({
    ...Object.fromEntries(
      DEFAULT_PUPIL_QUESTIONS.map((question, index) => [`rating-${question.id}`, index === DEFAULT_PUPIL_QUESTIONS.length - 1 ? 'n' : rating]),
    ),
    strengths: 'Explains things well.',
    develop: '',
  });

  /** Opens the round's class link and returns its path. */
  async function openClassLinkOf(id: string): Promise<string> {
    expect((await participant.post(`/feedback/${id}/class-link`, { action: 'open' })).status).toBe(303);
    const url = /http:\/\/localhost\/feedback\/class\/([A-Za-z0-9_-]{43})/.exec((await participant.get(`/feedback/${id}`)).text);
    return `/feedback/class/${url?.[1]}`;
  }

  const count = async (table: 'feedback_responses' | 'feedback_respondents' | 'feedback_rounds', roundId?: string) => {
    let query = ctx()
      .db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'));
    if (roundId) query = query.where(table === 'feedback_rounds' ? 'id' : 'round_id', '=', roundId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  it('a participant opens a round from their enrolment with the programme’s focus skills ticked, and a bad form writes nothing', async () => {
    const unchosen = await participant.get('/feedback/new?step=source');
    expect(unchosen.status).toBe(400);
    expect(visibleText(unchosen.text)).toContain('Select what the feedback is for');
    const form = await participant.get(`/feedback/new?source=${encodeURIComponent(source())}`);
    expect(form.status).toBe(200);
    for (const id of skillIds) expect(form.text).toMatch(new RegExp(`value="${id}"[^>]*checked`));
    const before = await count('feedback_rounds');
    const past = await participant.post('/feedback', roundForm({ 'closesOn-day': '20', 'closesOn-month': '11' }));
    expect(past.status).toBe(400);
    expect(visibleText(past.text)).toContain('Closing date must be in the future');
    const low = await participant.post('/feedback', roundForm({ minimumPeer: '2' }));
    expect(low.status).toBe(400);
    expect(visibleText(low.text)).toContain('must be 3 or more');
    const noSkills = await participant.post('/feedback', { ...roundForm(), skills: '' });
    expect(noSkills.status).toBe(400);
    expect(await count('feedback_rounds')).toBe(before);
    const id = await openRound();
    const page = visibleText((await participant.get(`/feedback/${id}`)).text);
    expect(page).toContain('Your feedback round');
    expect(page).toContain('Ask at least 8 people in all');
  });

  it('someone else’s enrolment cannot be used for a round, and nobody but the participant opens the round', async () => {
    const stranger = ctx().client();
    await signIn(stranger, world.staff.email);
    expect((await stranger.get(`/feedback/new?source=${encodeURIComponent(source())}`)).status).toBe(404);
    expect((await stranger.post('/feedback', roundForm())).status).toBe(404);
    const id = await openRound();
    expect((await stranger.get(`/feedback/${id}`)).status).toBe(404);
    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    expect((await lead.get(`/feedback/${id}/report`)).status).toBe(404);
  });

  it('a respondent link opens one form (named for the line manager, anonymous for peers) and nothing else', async () => {
    const id = await openRound();
    const lmToken = await invite(id, 'line_manager', `${world.lineManager.givenName} M`, world.lineManager.email);
    const peerToken = await invite(id, 'peer', 'Pat Peer', 'pat@example.org');
    const emailText =
      ctx()
        .mailer.sent.filter((m) => m.to === 'pat@example.org')
        .at(-1)?.text ?? '';
    expect(emailText).toContain('anonymous');
    // Greeted by first name, as every other Waymark email greets people; a name with a title is used whole.
    expect(emailText).toMatch(/^Hello Pat,\n/);
    await invite(id, 'other', 'Dr Amina Shah', 'amina@example.org');
    expect(
      ctx()
        .mailer.sent.filter((m) => m.to === 'amina@example.org')
        .at(-1)?.text,
    ).toMatch(/^Hello Dr Amina Shah,\n/);
    expect(await ctx().db.selectFrom('feedback_respondents').select('token_hash').where('token_hash', '=', peerToken).executeTakeFirst()).toBeUndefined();

    const stranger = ctx().client({ address: '10.2.0.1' });
    const lmForm = visibleText((await stranger.get(`/feedback/respond/${lmToken}`)).text);
    expect(lmForm).toContain(`Feedback for ${world.report.givenName} ${world.report.familyName}`);
    expect(lmForm).toContain('your answers are named');
    expect(lmForm).toContain('10 December 2026');
    const peerForm = visibleText((await stranger.get(`/feedback/respond/${peerToken}`)).text);
    expect(peerForm).toContain('Your answers are anonymous');
    expect(peerForm).toContain(`What does ${world.report.givenName} do well?`);
    expect(peerForm).toContain('Not observed');
    // The link is the key to that form only: no session, no round, no report.
    expect(stranger.hasSession()).toBe(false);
    expect((await stranger.get(`/feedback/${id}`)).status).toBe(303);
    expect((await stranger.get(`/feedback/${id}/report`)).status).toBe(303);
    expect((await stranger.get(`/feedback/respond/${'y'.repeat(43)}`)).status).toBe(404);
    expect((await stranger.get(`/feedback/class/${peerToken}`)).status).toBe(404);
  });

  it('a respondent saves and comes back, then submits once: the answers are stored with the group only, and the link stops working', async () => {
    const id = await openRound();
    const token = await invite(id, 'peer', 'Pat Peer', 'pat@example.org');
    const respondent = ctx().client({ address: '10.3.0.1' });
    const saved = await respondent.post(`/feedback/respond/${token}`, { [`rating-${skillIds[0]}`]: '4', strengths: 'Draft words', action: 'save' });
    expect(saved.status).toBe(303);
    const again = await respondent.get(saved.location ?? '');
    expect(visibleText(again.text)).toContain('Your answers are saved');
    expect(again.text).toMatch(new RegExp(`name="rating-${skillIds[0]}"[^>]*value="4"[^>]*checked`));
    expect(again.text).toContain('Draft words');
    expect(await count('feedback_responses', id)).toBe(0);

    const incomplete = await respondent.post(`/feedback/respond/${token}`, { [`rating-${skillIds[0]}`]: '4', action: 'submit' });
    expect(incomplete.status).toBe(400);
    expect(await count('feedback_responses', id)).toBe(0);

    expect((await respondent.post(`/feedback/respond/${token}`, { ...answers('5'), action: 'submit' })).status).toBe(303);
    const rows = await ctx().db.selectFrom('feedback_responses').selectAll().where('round_id', '=', id).execute();
    expect(rows).toHaveLength(1);
    expect(Object.keys(item(rows, 0)).sort()).toEqual(['develop', 'id', 'rater_group', 'ratings', 'round_id', 'strengths']);
    expect(item(rows, 0).rater_group).toBe('peer');
    expect(JSON.parse(item(rows, 0).ratings)).toEqual({ [item(skillIds, 0)]: 5, [item(skillIds, 1)]: null });
    const person = await ctx().db.selectFrom('feedback_respondents').selectAll().where('round_id', '=', id).executeTakeFirstOrThrow();
    expect(person.status).toBe('submitted');
    expect(person.draft).toBeNull();

    const used = await respondent.get(`/feedback/respond/${token}`);
    expect(visibleText(used.text)).toContain('This link has been used');
    const repeat = await respondent.post(`/feedback/respond/${token}`, { ...answers('1'), action: 'submit' });
    expect(repeat.status).toBe(409);
    expect((await respondent.post(`/feedback/respond/${token}/decline`, {})).status).toBe(409);
    expect(await count('feedback_responses', id)).toBe(1);
  });

  it('a respondent can decline; their reason stays private and the participant sees counts per group, never who', async () => {
    const id = await openRound();
    const tokens = [
      await invite(id, 'peer', 'Pat Peer', 'pat@example.org'),
      await invite(id, 'peer', 'Quinn Peer', 'quinn@example.org'),
      await invite(id, 'peer', 'Rowan Peer', 'rowan@example.org'),
    ];
    const respondent = ctx().client({ address: '10.4.0.1' });
    expect((await respondent.post(`/feedback/respond/${tokens[0]}/decline`, { reason: 'I have only just joined the school' })).status).toBe(303);
    expect(visibleText((await respondent.get(`/feedback/respond/${tokens[0]}`)).text)).toContain('You have declined');
    await respondent.post(`/feedback/respond/${tokens[1]}`, { ...answers('3'), action: 'submit' });
    const page = visibleText((await participant.get(`/feedback/${id}`)).text);
    expect(page).toContain('Peers 3 1 3');
    expect(page).toContain('Pat Peer');
    expect(page).not.toContain('I have only just joined');
    expect(page).not.toMatch(/declined|submitted|not answered/i);
  });

  it('students answer once per browser through the class link, which the participant can close', async () => {
    const id = await openRound();
    expect((await participant.post(`/feedback/${id}/class-link`, { action: 'open' })).status).toBe(303);
    const page = await participant.get(`/feedback/${id}`);
    const url = /http:\/\/localhost\/feedback\/class\/([A-Za-z0-9_-]{43})/.exec(page.text);
    expect(url).not.toBeNull();
    expect(page.text).toContain('aria-label="QR code for the class link"');
    const link = `/feedback/class/${url?.[1]}`;
    const first = ctx().client({ address: '10.5.0.1' });
    const second = ctx().client({ address: '10.5.0.1' });
    const form = visibleText((await first.get(link)).text);
    expect(form).toContain('we don’t ask your name');
    expect((await first.post(link, pupilAnswers('4'))).status).toBe(303);
    expect(visibleText((await first.get(link)).text)).toContain('Each device can answer once');
    expect((await first.post(link, pupilAnswers('1'))).status).toBe(409);
    expect((await second.post(link, pupilAnswers('2'))).status).toBe(303);
    const rows = await ctx().db.selectFrom('feedback_responses').select('rater_group').where('round_id', '=', id).execute();
    expect(rows.map((r) => r.rater_group)).toEqual(['student', 'student']);
    expect(await ctx().db.selectFrom('feedback_class_browsers').select('browser_hash').where('round_id', '=', id).execute()).toHaveLength(2);

    expect((await participant.post(`/feedback/${id}/class-link`, { action: 'close' })).status).toBe(303);
    const third = ctx().client({ address: '10.5.0.2' });
    expect(visibleText((await third.get(link)).text)).toContain('This class link is closed');
    expect((await third.post(link, pupilAnswers('3'))).status).toBe(409);
    expect(await count('feedback_responses', id)).toBe(2);
  });

  it('links that match nothing are refused for a while after many tries from one address', async () => {
    const prober = ctx().client({ address: '10.6.0.1' });
    let last = 0;
    for (let i = 0; i < 45; i += 1) last = (await prober.get(`/feedback/respond/${newId().replace(/-/g, '').padEnd(43, 'a')}`)).status;
    expect(last).toBe(429);
  });

  it('closing the round stops every link, and the report is ready with a PDF', async () => {
    const id = await openRound();
    const lm = await invite(id, 'line_manager', 'Lena M', world.lineManager.email);
    const peers = [
      await invite(id, 'peer', 'Pat Peer', 'pat@example.org'),
      await invite(id, 'peer', 'Quinn Peer', 'quinn@example.org'),
      await invite(id, 'peer', 'Rowan Peer', 'rowan@example.org'),
    ];
    const late = await invite(id, 'other', 'Gail Governor', 'gail@example.org');
    const respondent = ctx().client({ address: '10.7.0.1' });
    for (const token of [lm, ...peers]) expect((await respondent.post(`/feedback/respond/${token}`, { ...answers('4'), action: 'submit' })).status).toBe(303);
    expect((await participant.post(`/feedback/${id}/self`, { [`rating-${skillIds[0]}`]: '5', [`rating-${skillIds[1]}`]: '3' })).status).toBe(303);

    expect((await respondent.post(`/feedback/respond/${late}`, { strengths: 'Half-written thought', action: 'save' })).status).toBe(303);
    const notReady = await participant.get(`/feedback/${id}/report`);
    expect(visibleText(notReady.text)).toContain('The report will be ready when the round closes at the end of 10 December 2026');

    expect((await participant.post(`/feedback/${id}/close`)).status).toBe(303);
    const closedLink = await respondent.get(`/feedback/respond/${late}`);
    expect(visibleText(closedLink.text)).toContain('This feedback round has closed');
    expect((await respondent.post(`/feedback/respond/${late}`, { ...answers('1'), action: 'submit' })).status).toBe(409);
    expect((await respondent.post(`/feedback/respond/${late}/decline`, {})).status).toBe(409);
    expect(await count('feedback_responses', id)).toBe(4);
    // Gail never submitted: her saved draft goes when the round closes.
    expect(
      await ctx()
        .db.selectFrom('feedback_respondents')
        .select(['status', 'draft'])
        .where('email', '=', 'gail@example.org')
        .where('round_id', '=', id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ status: 'started', draft: null });

    const report = await participant.get(`/feedback/${id}/report`);
    expect(report.status).toBe(200);
    expect(visibleText(report.text)).toContain(`360 feedback report: ${world.report.givenName} ${world.report.familyName}`);
    expect(visibleText(report.text)).toContain('Calm and clear in meetings.');
    const pdf = await participant.get(`/feedback/${id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);
  });

  it('the participant shares the report with their line manager and stops; the line manager is told, and nobody else sees it', async () => {
    const id = await openRound();
    const lineManager = ctx().client();
    await signIn(lineManager, world.lineManager.email);
    expect((await lineManager.get(`/feedback/${id}/report`)).status).toBe(404);
    expect((await participant.post(`/feedback/${id}/sharing`, { with: 'line_manager', action: 'share' })).status).toBe(303);
    await ctx().deliverMail();
    const told = await ctx().db.selectFrom('notifications').select(['kind', 'subject']).where('person_id', '=', world.lineManager.id).execute();
    expect(told.map((n) => n.kind)).toContain('feedback_update');
    expect((await lineManager.get(`/feedback/${id}/report`)).status).toBe(200);
    expect(visibleText((await lineManager.get('/feedback')).text)).toContain('Reports shared with you');
    expect((await lineManager.get(`/feedback/${id}`)).status).toBe(404);
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    expect((await admin.get(`/feedback/${id}/report`)).status).toBe(404);
    expect((await participant.post(`/feedback/${id}/sharing`, { with: 'line_manager', action: 'stop' })).status).toBe(303);
    expect((await lineManager.get(`/feedback/${id}/report`)).status).toBe(404);
    // No coach on the enrolment's application: nothing to share with.
    expect((await participant.post(`/feedback/${id}/sharing`, { with: 'coach', action: 'share' })).status).toBe(409);
  });

  it('a share stays visible and can be stopped after the line manager on the staff record changes or goes', async () => {
    const id = await openRound();
    const oldManager = ctx().client();
    await signIn(oldManager, world.lineManager.email);
    expect((await participant.post(`/feedback/${id}/sharing`, { with: 'line_manager', action: 'share' })).status).toBe(303);
    // Ravi's line manager changes: Lena can still read the report, so the page must say so (not name the new one).
    await ctx().db.updateTable('people').set({ line_manager_id: world.staff.id }).where('id', '=', world.report.id).execute();
    const lena = `${world.lineManager.givenName} ${world.lineManager.familyName}`;
    const changed = visibleText((await participant.get(`/feedback/${id}`)).text);
    expect(changed).toContain(`${lena}, who was your line manager when you shared it: can read your report.`);
    expect(changed).toContain(`Stop sharing with ${lena}`);
    expect(changed).not.toContain(`Stop sharing with ${world.staff.givenName}`);
    // With no line manager on the record at all, the share is still listed and can still be stopped.
    await ctx().db.updateTable('people').set({ line_manager_id: null }).where('id', '=', world.report.id).execute();
    const gone = visibleText((await participant.get(`/feedback/${id}`)).text);
    expect(gone).toContain(`Stop sharing with ${lena}`);
    expect(gone).not.toContain('You have no coach or line manager in Waymark');
    expect((await oldManager.get(`/feedback/${id}/report`)).status).toBe(200);
    expect((await participant.post(`/feedback/${id}/sharing`, { with: 'line_manager', action: 'stop' })).status).toBe(303);
    expect((await oldManager.get(`/feedback/${id}/report`)).status).toBe(404);
  });

  it('a shared report read by the line manager, as a page or a PDF, is kept in the audit log; the participant’s own reads are not', async () => {
    const id = await openRound();
    expect((await participant.post(`/feedback/${id}/sharing`, { with: 'line_manager', action: 'share' })).status).toBe(303);
    const peerToken = await invite(id, 'peer', 'Pat Peer', 'pat@example.org');
    expect((await ctx().client().post(`/feedback/respond/${peerToken}`, answers('4'))).status).toBe(303);
    expect((await participant.post(`/feedback/${id}/close`)).status).toBe(303);
    const lineManager = ctx().client();
    await signIn(lineManager, world.lineManager.email);
    expect((await lineManager.get(`/feedback/${id}/report`)).status).toBe(200);
    expect((await lineManager.get(`/feedback/${id}/report.pdf`)).status).toBe(200);
    expect((await participant.get(`/feedback/${id}/report`)).status).toBe(200);
    const audits = await ctx()
      .db.selectFrom('audit_events')
      .select(['actor_id', 'detail'])
      .where('subject_id', '=', id)
      .where('action', '=', 'feedback_report_viewed')
      .execute();
    expect(audits.map((a) => [a.actor_id, JSON.parse(a.detail).format]).sort((a, b) => a[1].localeCompare(b[1]))).toEqual([
      [world.lineManager.id, 'page'],
      [world.lineManager.id, 'pdf'],
    ]);
  });

  it('someone invited in the last three days before closing is not sent a reminder that kills the link they were just sent', async () => {
    const id = await openRound();
    ctx().clock.set('2026-12-08T09:00:00.000Z');
    const token = await invite(id, 'peer', 'Lee Late', 'lee-late@example.org');
    await sweepFeedbackRounds(ctx().db, ctx().clock, 'http://localhost');
    ctx().clock.set('2026-12-09T09:00:00.000Z');
    await sweepFeedbackRounds(ctx().db, ctx().clock, 'http://localhost');
    await ctx().deliverMail();
    expect(ctx().mailer.sent.filter((m) => m.to === 'lee-late@example.org' && m.subject.startsWith('Reminder'))).toHaveLength(0);
    expect((await ctx().client().get(`/feedback/respond/${token}`)).status).toBe(200);
  });

  it('odd characters in the respondent form, a decline or an invitation are not a server error', async () => {
    const id = await openRound();
    // PostgreSQL refuses NUL in text; they are dropped from what was sent.
    const token = await invite(id, 'peer', 'Nul\u0000 Peer', 'nul@example.org');
    expect(await ctx().db.selectFrom('feedback_respondents').select('name').where('round_id', '=', id).executeTakeFirstOrThrow()).toEqual({ name: 'Nul Peer' });
    const respondent = ctx().client({ address: '10.10.0.1' });
    expect((await respondent.post(`/feedback/respond/${token}`, { ...answers('4', { strengths: 'Clear\u0000 and calm' }), action: 'save' })).status).toBe(303);
    expect((await respondent.post(`/feedback/respond/${token}`, { ...answers('4', { strengths: 'Clear\u0000 and calm' }), action: 'submit' })).status).toBe(
      303,
    );
    expect(await ctx().db.selectFrom('feedback_responses').select('strengths').where('round_id', '=', id).execute()).toEqual([{ strengths: 'Clear and calm' }]);
    const other = await invite(id, 'peer', 'Dee Decline', 'dee@example.org');
    expect((await respondent.post(`/feedback/respond/${other}/decline`, { reason: 'Too\u0000 busy' })).status).toBe(303);
  });

  it('the sweep reminds those who have not answered three days before closing, once, with a new link; then closes the round', async () => {
    const id = await openRound();
    const token = await invite(id, 'peer', 'Pat Peer', 'pat-sweep@example.org');
    const answered = await invite(id, 'peer', 'Quinn Peer', 'quinn-sweep@example.org');
    await ctx()
      .client({ address: '10.8.0.1' })
      .post(`/feedback/respond/${answered}`, { ...answers('4'), action: 'submit' });
    ctx().clock.set('2026-12-06T09:00:00.000Z');
    await sweepFeedbackRounds(ctx().db, ctx().clock, 'http://localhost');
    await ctx().deliverMail();
    expect(ctx().mailer.sent.filter((m) => m.to === 'pat-sweep@example.org' && m.subject.startsWith('Reminder'))).toHaveLength(0);
    ctx().clock.set('2026-12-07T09:00:00.000Z');
    await sweepFeedbackRounds(ctx().db, ctx().clock, 'http://localhost');
    await sweepFeedbackRounds(ctx().db, ctx().clock, 'http://localhost');
    await ctx().deliverMail();
    expect(ctx().mailer.sent.filter((m) => m.to === 'pat-sweep@example.org' && m.subject.startsWith('Reminder'))).toHaveLength(1);
    expect(ctx().mailer.sent.find((m) => m.to === 'pat-sweep@example.org' && m.subject.startsWith('Reminder'))?.text).toMatch(/^Hello Pat,\n/);
    expect(ctx().mailer.sent.filter((m) => m.to === 'quinn-sweep@example.org' && m.subject.startsWith('Reminder'))).toHaveLength(0);
    const fresh = tokenIn('pat-sweep@example.org');
    expect(fresh).not.toBe(token);
    expect((await ctx().client().get(`/feedback/respond/${token}`)).status).toBe(404);
    expect((await ctx().client().get(`/feedback/respond/${fresh}`)).status).toBe(200);

    ctx().clock.set('2026-12-11T09:00:00.000Z');
    expect(visibleText((await ctx().client().get(`/feedback/respond/${fresh}`)).text)).toContain('This feedback round has closed');
    await sweepFeedbackRounds(ctx().db, ctx().clock, 'http://localhost');
    const round = await ctx().db.selectFrom('feedback_rounds').select('closed_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(round.closed_at).not.toBeNull();
    await ctx().deliverMail();
    expect(ctx().mailer.sent.filter((m) => m.to === world.report.email && m.subject === 'Your 360 feedback report is ready')).toHaveLength(1);
  });

  it('one round can invite at most 40 people; the 41st is refused on the same page and not emailed', async () => {
    const id = await openRound();
    const already = await count('feedback_respondents', id);
    for (let i = already; i < MAX_RESPONDENTS; i++) {
      await ctx()
        .db.insertInto('feedback_respondents')
        .values({
          id: newId(),
          round_id: id,
          rater_group: 'other',
          name: `Person ${i}`,
          email: `person${i}@example.org`,
          email_normalised: `person${i}@example.org`,
          token_hash: `hash-${id}-${i}`,
          status: 'invited',
          draft: null,
          decline_reason: null,
          invited_at: '2026-11-24',
          reminded_on: null,
        })
        .execute();
    }
    const page = await participant.post(`/feedback/${id}/respondents`, { group: 'peer', name: 'One Too Many', email: 'one.too.many@example.org' });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('You have invited 40 people, the most one round can have');
    expect(await count('feedback_respondents', id)).toBe(MAX_RESPONDENTS);
    await ctx().deliverMail();
    expect(ctx().mailer.sent.some((m) => m.to === 'one.too.many@example.org')).toBe(false);
  });

  it('the programme lead sees whether 360 feedback is done and how many answered, not the scores', async () => {
    await ctx()
      .db.insertInto('programme_requirements')
      .values({ id: newId(), programme_id: programmes.programmeId, kind: 'feedback_360', position: 0, settings: JSON.stringify({ respondents: 2 }) })
      .execute();
    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    expect(visibleText((await lead.get(`/enrolments/${programmes.enrolmentId}`)).text)).toContain('No feedback round yet');
    const id = await openRound();
    expect(visibleText((await lead.get(`/enrolments/${programmes.enrolmentId}`)).text)).toContain('A feedback round is open');
    const respondent = ctx().client({ address: '10.9.0.1' });
    for (const [name, email] of [
      ['Pat', 'pat@example.org'],
      ['Quinn', 'quinn@example.org'],
    ] as const) {
      const token = await invite(id, 'peer', name, email);
      await respondent.post(`/feedback/respond/${token}`, { ...answers('4'), action: 'submit' });
    }
    await participant.post(`/feedback/${id}/close`);
    const page = visibleText((await lead.get(`/enrolments/${programmes.enrolmentId}`)).text);
    expect(page).toContain('A round closed with 2 answers');
    expect((await lead.get(`/feedback/${id}/report`)).status).toBe(404);
  });

  it('a member of staff with no programme opens a round for their own development from a published framework', async () => {
    const person = await makePerson(ctx().db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Nia' });
    const client = ctx().client();
    await signIn(client, person.email);
    const choose = await client.get('/feedback/new');
    expect(choose.text).toContain(`version:${programmes.publishedVersionId}`);
    expect(choose.text).not.toContain(`version:${programmes.versionId}`);
    const page = await client.post('/feedback', { ...roundForm(), source: `version:${programmes.publishedVersionId}` });
    expect(page.status).toBe(303);
    const round = await ctx().db.selectFrom('feedback_rounds').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
    expect(round.enrolment_id).toBeNull();
    expect(await ctx().db.selectFrom('feedback_round_skills').select('skill_id').where('round_id', '=', round.id).execute()).toEqual([
      { skill_id: skillIds[0] },
    ]);
  });

  it('pupils answer questions worded for them about their teacher, named as they know them, and the report shows them apart from the skills', async () => {
    await ctx().db.updateTable('people').set({ title: 'Mr' }).where('id', '=', world.report.id).execute();
    const skill = await ctx().db.selectFrom('framework_skills').select('title').where('id', '=', item(skillIds, 0)).executeTakeFirstOrThrow();
    const id = await openRound();
    const link = await openClassLinkOf(id);
    const pupil = ctx().client({ address: '10.5.1.1' });
    const form = visibleText((await pupil.get(link)).text);
    expect(form).toContain(`Feedback for Mr ${world.report.familyName}`);
    expect(form).toContain('My teacher explains things so I understand');
    expect(form).toContain('Hardly ever');
    expect(form).toContain('I don’t know');
    expect(form).not.toContain(skill.title);
    expect(form).not.toContain(world.report.givenName);
    // Every question needs an answer: ratings of the skills are not answers to the pupils' questions.
    const missing = await pupil.post(link, answers('4'));
    expect(missing.status).not.toBe(303);
    expect(visibleText(missing.text)).toContain('Select how often for ‘My teacher explains things so I understand’, or ‘I don’t know’');
    expect(await count('feedback_responses', id)).toBe(0);

    for (const [index, rating] of ['4', '4', '5', '3', '4'].entries())
      expect(
        (
          await ctx()
            .client({ address: `10.5.1.${index + 2}` })
            .post(link, pupilAnswers(rating))
        ).status,
      ).toBe(303);
    const peers = [
      await invite(id, 'peer', 'Pat Peer', 'pat@example.org'),
      await invite(id, 'peer', 'Quinn Peer', 'quinn@example.org'),
      await invite(id, 'peer', 'Rowan Peer', 'rowan@example.org'),
    ];
    for (const token of peers)
      expect(
        (
          await ctx()
            .client()
            .post(`/feedback/respond/${token}`, { ...answers('2'), action: 'submit' })
        ).status,
      ).toBe(303);
    expect((await participant.post(`/feedback/${id}/close`, { confirm: 'yes' })).status).toBe(303);

    const report = visibleText((await participant.get(`/feedback/${id}/report`)).text);
    expect(report).toContain('What students said');
    expect(report).toMatch(/My teacher explains things so I understand\s+4\.0\s+5 students/);
    expect(report).toContain('No students answered this question');
    // The skills carry colleagues' figures only: no row for students, and "All others" is the peers' 2.0.
    const skillTable = part(report, `Figures for ${skill.title}`, 1).split('What students said')[0] ?? '';
    expect(skillTable).not.toMatch(/Students/);
    expect(skillTable).toMatch(/All others\s+2\.0/);
    const pdf = await participant.get(`/feedback/${id}/report.pdf`);
    expect(pdf.status).toBe(200);
  });

  it('without a title on the staff record the class link names the teacher in full', async () => {
    const id = await openRound();
    const form = visibleText(
      (
        await ctx()
          .client()
          .get(await openClassLinkOf(id))
      ).text,
    );
    expect(form).toContain(`Feedback for ${world.report.givenName} ${world.report.familyName}`);
  });

  it('a programme lead rewords, reorders, removes and adds pupil questions; bad input writes nothing; new rounds use them', async () => {
    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const path = `/feedback/programmes/${programmes.programmeId}/pupil-questions`;
    const page = await lead.get(path);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('This programme uses Waymark’s default questions');
    expect(page.text).toContain('value="My teacher explains things so I understand"');

    const defaults = Object.fromEntries(DEFAULT_PUPIL_QUESTIONS.map((question, index) => [`question-${index + 1}`, question.text]));
    // A blank question, and a question over the limit, are refused on the same page; nothing is saved.
    const blank = await lead.post(path, { ...defaults, 'question-2': '  ', added: 'x'.repeat(151) });
    expect(blank.status).toBe(400);
    const blankText = visibleText(blank.text);
    expect(blankText).toContain('There is a problem');
    expect(blankText).toContain('Enter question 2, or tick ‘Remove’ to remove it');
    expect(blankText).toContain('The new question must be 150 characters or fewer');
    const none = await lead.post(path, Object.fromEntries(DEFAULT_PUPIL_QUESTIONS.map((_, index) => [`remove-${index + 1}`, 'yes'])));
    expect(visibleText(none.text)).toContain('Keep at least one question');
    expect(await ctx().db.selectFrom('feedback_pupil_questions').select('id').execute()).toHaveLength(0);

    // Reword the first, remove the second, move the third up, add one.
    const saved = await lead.post(path, {
      ...defaults,
      'question-1': 'My teacher explains new ideas clearly',
      'remove-2': 'yes',
      move: 'up-3',
      added: 'My teacher makes lessons interesting',
    });
    expect(saved.status).toBe(303);
    const texts = (
      await ctx().db.selectFrom('feedback_pupil_questions').select('text').where('programme_id', '=', programmes.programmeId).orderBy('position').execute()
    ).map((row) => row.text);
    expect(texts).toEqual([
      'My teacher listens to what I have to say',
      'My teacher explains new ideas clearly',
      ...DEFAULT_PUPIL_QUESTIONS.slice(3).map((question) => question.text),
      'My teacher makes lessons interesting',
    ]);
    expect(visibleText((await lead.get(`${path}?done=saved`)).text)).toContain('Rounds started from now on use them');

    // A new round on the programme asks pupils the programme's questions.
    const form = visibleText(
      (
        await ctx()
          .client()
          .get(await openClassLinkOf(await openRound()))
      ).text,
    );
    expect(form).toContain('My teacher makes lessons interesting');
    expect(form).not.toContain('My teacher helps me when I am stuck');

    // Staff who don't lead programmes can't.
    const staff = ctx().client();
    await signIn(staff, world.staff.email);
    expect((await staff.get(path)).status).toBe(403);
    expect((await staff.post(path, { ...defaults })).status).toBe(403);
  });

  it('the directory picker offers the line manager from the staff record, ticked, in the line manager group', async () => {
    const id = await openRound();
    const html = (await participant.get(`/feedback/${id}`)).text;
    const form = /<form method="post" action="\/feedback\/[^"]+\/colleagues"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
    expect(form).toContain('name="group" value="line_manager"');
    const box = new RegExp(`<input[^>]*value="${world.lineManager.id}"[^>]*>`).exec(form)?.[0] ?? '';
    expect(box).toContain('checked');
    expect(visibleText(form)).toContain(`Line manager`);
    expect(visibleText(form)).toContain(`${world.lineManager.givenName}`);
    // Sending it as it stands asks the line manager, in their group.
    expect((await participant.post(`/feedback/${id}/colleagues`, { group: 'line_manager', people: world.lineManager.id })).status).toBe(303);
    expect(await ctx().db.selectFrom('feedback_respondents').select(['rater_group', 'person_id']).where('round_id', '=', id).execute()).toEqual([
      { rater_group: 'line_manager', person_id: world.lineManager.id },
    ]);
    await ctx().deliverMail();
    expect(ctx().mailer.sent.some((m) => m.to === world.lineManager.email)).toBe(true);
    expect((await participant.get(`/feedback/${id}`)).text).not.toContain(`value="${world.lineManager.id}"`);
  });
});
