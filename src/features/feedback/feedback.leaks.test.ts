import { beforeEach, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type TestPerson, type World } from '../../../test/support/factories';
import { visibleText, type TestClient } from '../../../test/support/http';
import { makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { DEFAULT_PUPIL_QUESTIONS, type Rating, type SubmittedResponse } from './feedback.model';
import { renderReportPdf } from './feedback.pdf';
import { buildReport } from './feedback.report';

// The three ways a participant recovered one direct report's exact scores (issue 11), tried through
// the web interface as the participant would. Each test shows that two different answers of the direct
// report leave everything the participant can see the same, or that the attack can't be set up at all.

const START = '2026-11-24T10:00:00.000Z';

describeEachEngine('360 anonymity against the participant', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let participant: TestClient;
  let skillIds: string[];
  let peers: TestPerson[];
  let directReport: TestPerson;

  beforeEach(async () => {
    ctx().clock.set(START);
    world = await makeWorld(ctx().db);
    programmes = await makeProgrammeWorld(ctx().db, world);
    participant = ctx().client({ address: '10.1.0.1' });
    await signIn(participant, world.report.email);
    skillIds = (
      await ctx().db.selectFrom('framework_skills').select('id').where('version_id', '=', programmes.publishedVersionId).orderBy('position').execute()
    ).map((s) => s.id);
    const organisationId = world.organisation.id;
    peers = [];
    for (const givenName of ['Pia', 'Pete', 'Pearl']) peers.push(await makePerson(ctx().db, { organisationId, schoolId: world.schoolA.id, givenName }));
    directReport = await makePerson(ctx().db, { organisationId, schoolId: world.schoolA.id, givenName: 'Dara', lineManagerId: world.report.id });
  });

  function cookieOf(client: TestClient): string {
    return [...(client as unknown as { cookies: Map<string, string> }).cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** POSTs the new-round form asking about the first two skills; returns the response. */
  async function postRound(): Promise<Response> {
    const body = new URLSearchParams({
      source: `enrolment:${programmes.enrolmentId}`,
      skills: skillIds[0] ?? '',
      'closesOn-day': '10',
      'closesOn-month': '12',
      'closesOn-year': '2026',
      minimumPeer: '3',
      minimumDirectReport: '3',
      minimumStudent: '5',
      minimumOther: '3',
      margin: '1.3',
    });
    body.append('skills', skillIds[1] ?? '');
    return ctx().app.request('/feedback', {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: cookieOf(participant) },
    });
  }

  async function openRound(): Promise<string> {
    const response = await postRound();
    expect(response.status).toBe(303);
    return ((response.headers.get('location') ?? '').split('?')[0] ?? '').split('/').pop() as string;
  }

  async function invite(roundId: string, group: string, person: { givenName: string; familyName: string; email: string }): Promise<string> {
    const page = await participant.post(`/feedback/${roundId}/respondents`, { group, name: `${person.givenName} ${person.familyName}`, email: person.email });
    expect(page.status).toBe(303);
    await ctx().deliverMail();
    const mail = ctx()
      .mailer.sent.filter((m) => m.to === person.email)
      .at(-1);
    const match = /\/feedback\/respond\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? '');
    if (!match) throw new Error(`no feedback link sent to ${person.email}`);
    return match[1] ?? '';
  }

  /** The same rating on both skills ('n' is "Not observed"). */
  const answers = (rating: string) => ({
    [`rating-${skillIds[0]}`]: rating,
    [`rating-${skillIds[1]}`]: rating,
    strengths: 'Calm and clear in meetings.',
    develop: 'Delegate more.',
  });

  async function answer(token: string, rating: string) {
    expect((await ctx().client().post(`/feedback/respond/${token}`, answers(rating))).status).toBe(303);
  }

  /**
   * A round with the line manager, three peers and one direct report, answered as given; the
   * participant pads it with `padding` class-link answers of their own; closed now. Returns what the
   * participant reads on the report page (with the round's own id taken out).
   */
  async function roundReport(ratings: { lineManager: string; peers: string[]; directReport: string }, padding: number): Promise<string> {
    const id = await openRound();
    await answer(await invite(id, 'line_manager', world.lineManager), ratings.lineManager);
    for (const [index, peer] of peers.entries()) await answer(await invite(id, 'peer', peer), ratings.peers[index] ?? 'n');
    await answer(await invite(id, 'direct_report', directReport), ratings.directReport);
    if (padding > 0) {
      expect((await participant.post(`/feedback/${id}/class-link`, { action: 'open' })).status).toBe(303);
      const token = /\/feedback\/class\/([A-Za-z0-9_-]{43})/.exec((await participant.get(`/feedback/${id}`)).text)?.[1];
      // Cookie-less browsers: each is a new "student" as far as the link can tell.
      // They answer every question the class form asks (the pupil questions) and rate the skills as well.
      const pupil = Object.fromEntries(DEFAULT_PUPIL_QUESTIONS.map((question) => [`rating-${question.id}`, '5']));
      for (let i = 0; i < padding; i += 1)
        expect(
          (
            await ctx()
              .client()
              .post(`/feedback/class/${token}`, { ...answers('5'), ...pupil })
          ).status,
        ).toBe(303);
    }
    expect((await participant.post(`/feedback/${id}/close`, {})).status).toBe(303);
    const page = await participant.get(`/feedback/${id}/report`);
    expect(page.status).toBe(200);
    return visibleText(page.text).replaceAll(id, 'ROUND');
  }

  it('A: padding with class-link answers the participant controls does not give away a direct report’s score', async () => {
    // Two rounds, months apart in effect (the first is closed before the second opens), alike but for
    // the direct report, who answers 1 in one and 2 in the other: the participant reads the same report.
    const first = await roundReport({ lineManager: '5', peers: ['5', '5', '4'], directReport: '1' }, 3);
    const second = await roundReport({ lineManager: '5', peers: ['5', '5', '4'], directReport: '2' }, 3);
    expect(second).toEqual(first);
    // The padded answers are in no figure: fewer than 5 students, so nothing from students is shown.
    expect(first).toContain('nothing from students is shown');
    expect(first).not.toMatch(/Students\s+\d\.\d/);
  });

  it('A: an outside address the participant might own is not sent an invitation until the line manager approves it', async () => {
    const id = await openRound();
    const sent = ctx().mailer.sent.length;
    const invited = await participant.post(`/feedback/${id}/respondents`, { group: 'other', name: 'Alex Outside', email: 'alex.outside@example.net' });
    expect(invited.status).toBe(303);
    expect(invited.headers.get('location')).toContain('done=awaiting');
    await ctx().deliverMail();
    expect(
      ctx()
        .mailer.sent.slice(sent)
        .filter((m) => m.to === 'alex.outside@example.net'),
    ).toHaveLength(0);
    const page = visibleText((await participant.get(`/feedback/${id}?done=awaiting`)).text);
    expect(page).toContain('awaits approval by your line manager or a programme lead');
    expect(page).toMatch(/Alex Outside\s+alex\.outside@example\.net\s+Other\s+Awaits approval/);

    // Someone else (not the line manager, not a programme lead) can't approve it.
    const stranger = ctx().client();
    await signIn(stranger, world.staff.email);
    expect(visibleText((await stranger.get('/feedback/approvals')).text)).toContain('There is nothing to approve');
    const respondent = await ctx().db.selectFrom('feedback_respondents').select('id').where('round_id', '=', id).executeTakeFirstOrThrow();
    expect((await stranger.post(`/feedback/approvals/${respondent.id}`, { decision: 'approve' })).status).toBe(404);
    // Nor can the participant.
    expect((await participant.post(`/feedback/approvals/${respondent.id}`, { decision: 'approve' })).status).toBe(404);

    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    const list = visibleText((await manager.get('/feedback/approvals')).text);
    expect(list).toContain('alex.outside@example.net');
    expect((await manager.post(`/feedback/approvals/${respondent.id}`, { decision: 'approve' })).status).toBe(303);
    await ctx().deliverMail();
    expect(ctx().mailer.sent.filter((m) => m.to === 'alex.outside@example.net')).toHaveLength(1);
    expect(visibleText((await participant.get(`/feedback/${id}`)).text)).toMatch(/Alex Outside\s+alex\.outside@example\.net\s+Other\s+Sent/);
  });

  it('B: a direct report choosing "Not observed" is not stated, and moves no count, on the page or in the PDF', async () => {
    const observed = await roundReport({ lineManager: '4', peers: ['4', '4', '4'], directReport: '4' }, 0);
    const notObserved = await roundReport({ lineManager: '4', peers: ['4', '4', '4'], directReport: 'n' }, 0);
    expect(notObserved).not.toContain('No direct reports rated this skill');
    expect(notObserved).toEqual(observed);

    // The PDF is made from the same report: the same for both, and saying nothing about it either.
    const response = (group: SubmittedResponse['group'], rating: Rating): SubmittedResponse => ({
      group,
      ratings: { a: rating },
      strengths: '',
      develop: '',
    });
    const input = (dr: Rating) => ({
      skills: [{ id: 'a', code: '1', title: 'Vision' }],
      groups: [
        { group: 'line_manager' as const, minimum: 1, anonymous: false },
        { group: 'peer' as const, minimum: 3, anonymous: true },
        { group: 'direct_report' as const, minimum: 3, anonymous: true },
      ],
      self: null,
      responses: [response('line_manager', 4), response('peer', 4), response('peer', 4), response('peer', 4), response('direct_report', dr)],
      margin: 1.3,
      seed: 'round',
    });
    const meta = { participantName: 'Ravi T', roundTitle: 'NPQ', closedOn: '2026-12-01', organisationName: 'Trust' };
    const text = async (dr: Rating) =>
      (await renderReportPdf(buildReport(input(dr)), meta, { compress: false }))
        .toString('latin1')
        // When it was made (the info dictionary and the XMP metadata, to the second) and its ID differ by nature.
        .replace(/\/(CreationDate|ID) [^\n]*/g, '')
        .replace(/\(D:\d{14}Z\)/g, '')
        .replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</g, '<');
    expect(await text(null)).toEqual(await text(4));
  });

  it('C: a second round cannot be opened while one is open, so two rounds can’t be differenced', async () => {
    const first = await openRound();
    for (const peer of peers) await invite(first, 'peer', peer);
    const second = await postRound();
    expect(second.status).toBe(400);
    const text = visibleText(await second.text());
    expect(text).toContain('There is a problem');
    expect(text).toContain('You already have a feedback round open');
    const rounds = await ctx().db.selectFrom('feedback_rounds').select('id').where('person_id', '=', world.report.id).execute();
    expect(rounds.map((r) => r.id)).toEqual([first]);
  });

  it('the participant picks colleagues from the staff directory, and closing early asks first and needs an answer', async () => {
    const id = await openRound();
    const first = peers[0] as TestPerson;
    const search = visibleText((await participant.get(`/feedback/${id}?find=${encodeURIComponent(first.familyName)}`)).text);
    expect(search).toContain(`${first.givenName} ${first.familyName}`);
    const none = await participant.post(`/feedback/${id}/colleagues`, { group: 'peer', find: first.familyName });
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain('Select at least one colleague to ask');
    const body = new URLSearchParams({ group: 'peer' });
    for (const peer of peers) body.append('people', peer.id);
    const picked = await ctx().app.request(`/feedback/${id}/colleagues`, {
      method: 'POST',
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', cookie: cookieOf(participant) },
    });
    expect(picked.status).toBe(303);
    await ctx().deliverMail();
    for (const peer of peers) expect(ctx().mailer.sent.filter((m) => m.to === peer.email)).toHaveLength(1);
    // Already asked: no longer offered.
    expect(visibleText((await participant.get(`/feedback/${id}?find=${encodeURIComponent(first.familyName)}`)).text)).toContain(
      'No colleague you haven’t asked yet matches',
    );

    // Nobody has answered: closing isn't offered, and can't be done.
    expect(visibleText((await participant.get(`/feedback/${id}`)).text)).not.toContain('Close the round now');
    expect(visibleText((await participant.get(`/feedback/${id}/close`)).text)).toContain('Nobody has answered yet');
    expect((await participant.post(`/feedback/${id}/close`, {})).status).toBe(409);
    const token =
      /\/feedback\/respond\/([A-Za-z0-9_-]{43})/.exec(
        ctx()
          .mailer.sent.filter((m) => m.to === first.email)
          .at(-1)?.text ?? '',
      )?.[1] ?? '';
    await answer(token, '4');
    const confirm = visibleText((await participant.get(`/feedback/${id}/close`)).text);
    expect(confirm).toContain('Close your feedback round now?');
    expect(confirm).toContain('nobody else can answer');
    expect((await participant.post(`/feedback/${id}/close`, {})).status).toBe(303);
  });
});
