import { beforeAll, expect, it } from 'vitest';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { auditLogRows } from '../../../test/support/audit-log';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeFramework, makeProgramme } from '../../../test/support/programme-world';

const at = '2026-11-01T09:00:00.000Z';

/** An accepted application naming a coach, and the enrolment it led to. */
async function enrolWithCoach(
  db: Db,
  options: { organisationId: string; cohortId: string; programmeId: string; personId: string; schoolId: string; coachId: string | null },
) {
  const applicationId = newId();
  await db
    .insertInto('applications')
    .values({
      id: applicationId,
      organisation_id: options.organisationId,
      cohort_id: options.cohortId,
      person_id: options.personId,
      school_id: options.schoolId,
      status: 'accepted',
      live_slot: 'live',
      current_role: 'Teacher',
      experience: 'Some',
      motivation: 'To lead',
      declarations: '[]',
      coach_person_id: options.coachId,
      coach_name: null,
      coach_email: null,
      project_idea: null,
      eligible: 1,
      eligibility_notes: '[]',
      recommendation_id: null,
      decision_reason: null,
      submitted_at: at,
      decided_at: at,
      waitlisted_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const id = newId();
  await db
    .insertInto('enrolments')
    .values({
      id,
      organisation_id: options.organisationId,
      application_id: applicationId,
      cohort_id: options.cohortId,
      programme_id: options.programmeId,
      person_id: options.personId,
      status: 'active',
      return_cohort_id: null,
      status_reason: null,
      completed_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function client(ctx: () => { client(): TestClient }, email: string) {
  const c = ctx().client();
  await signIn(c, email);
  return c;
}

describeEachEngine('self-assessment at the programme’s checkpoints', (ctx) => {
  let world: World;
  let participant: TestClient;
  let lead: TestClient;
  let coach: TestClient;
  let enrolmentId: string;
  let programmeId: string;
  let cohortId: string;
  let skillIds: string[];
  let domainId: string;
  let section: string;
  let base: string;

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    const framework = await makeFramework(db, world.organisation.id, { skills: ['LP1', 'LP2', 'LP3'] });
    skillIds = framework.skillIds;
    domainId = framework.domainId;
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      frameworkVersionId: framework.versionId,
      requirements: [{ kind: 'baseline_self_assessment' }, { kind: 'sign_off' }],
    });
    programmeId = programme.id;
    // Two focus skills of three: only those are rated.
    for (const skillId of skillIds.slice(0, 2))
      await db.insertInto('programme_focus_skills').values({ programme_id: programme.id, skill_id: skillId }).execute();
    cohortId = (await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id, name: 'Cohort 1', leadIds: [world.programmeLead.id] }))
      .id;
    enrolmentId = await enrolWithCoach(db, {
      organisationId: world.organisation.id,
      cohortId,
      programmeId: programme.id,
      personId: world.report.id,
      schoolId: world.schoolA.id,
      coachId: world.staff.id,
    });
    participant = await client(ctx, world.report.email);
    lead = await client(ctx, world.programmeLead.email);
    coach = await client(ctx, world.staff.email);
    base = `/enrolments/${enrolmentId}/self-assessment`;
    section = `${base}/baseline/${domainId}`;
  });

  const stored = async () => {
    const db = ctx().db;
    const assessments = await db.selectFrom('self_assessments').selectAll().where('enrolment_id', '=', enrolmentId).orderBy('checkpoint').execute();
    const ratings = await db
      .selectFrom('self_assessment_ratings')
      .select(['self_assessment_id', 'skill_id', 'rating', 'not_sure', 'note', 'evidence_url'])
      .where('self_assessment_id', 'in', assessments.map((a) => a.id).concat(['-']))
      .orderBy('skill_id')
      .execute();
    return {
      assessments: assessments.map((a) => [a.checkpoint, a.status]),
      ratings: ratings.map((r) => ({ ...r, rating: r.rating === null ? null : Number(r.rating), not_sure: Number(r.not_sure) })),
    };
  };

  it('shows the participant the checkpoints, with the programme’s requirement not started', async () => {
    const page = await participant.get(base);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Your self-assessment');
    expect(text).toContain('Baseline self-assessment The programme requires this. Not started');
    expect(text).toContain('Final self-assessment Opens on 4 June 2027. Cannot start yet');
    expect(page.text).toContain(`href="${base}/baseline"`);
    expect(page.text).not.toContain(`href="${base}/final"`);
    const programmePage = visibleText((await participant.get(`/enrolments/${enrolmentId}`)).text);
    expect(programmePage).toContain(
      'Baseline self-assessment done Complete and submit your baseline self-assessment. No baseline self-assessment yet. Not started',
    );
    const tasks = await participant.get(`${base}/baseline`);
    expect(tasks.status).toBe(200);
    expect(visibleText(tasks.text)).toContain('You have answered 0 of 2 skills. Leading people 0 of 2 skills answered Not started');
    expect(tasks.text).toContain(`href="${section}"`);
    const form = await participant.get(section);
    expect(form.status).toBe(200);
    // The two focus skills only, with the level's descriptor and the scale's words.
    expect(visibleText(form.text)).toContain('LP1 Skill LP1');
    expect(visibleText(form.text)).toContain('What it looks like at this stage: At middle leadership, LP1.');
    expect(visibleText(form.text)).toContain('5: Strong I lead others in this');
    expect(form.text).not.toContain('LP3');
  });

  it('saves a draft, and the participant comes back to their answers', async () => {
    const [s1] = skillIds;
    const saved = await participant.post(section, {
      [`rating-${s1}`]: '3',
      [`note-${s1}`]: 'I run our department meetings.',
      [`evidence-${s1}`]: 'https://drive.example.org/minutes',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${base}/baseline?done=saved`);
    expect(visibleText((await participant.get(saved.location ?? '')).text)).toContain('Your answers are saved: you can come back and finish later');
    expect(visibleText((await participant.get(base)).text)).toContain('Baseline self-assessment The programme requires this. In progress');
    expect(visibleText((await participant.get(`${base}/baseline`)).text)).toContain('Leading people 1 of 2 skills answered In progress');
    const back = await participant.get(section);
    expect(back.text).toMatch(new RegExp(`id="rating-${s1}-3"[^>]*value="3" checked|value="3" checked[^>]*`));
    expect(back.text).toContain('I run our department meetings.');
    expect(back.text).toContain('value="https://drive.example.org/minutes"');
    expect((await stored()).assessments).toEqual([['baseline', 'draft']]);
    expect(visibleText((await participant.get(`/enrolments/${enrolmentId}`)).text)).toContain('Started: saved but not submitted yet. In progress');
  });

  it('a stray NUL character in a note or evidence link is dropped rather than failing the save', async () => {
    const [s1] = skillIds;
    const before = await stored();
    // PostgreSQL refuses NUL in text: this was a server error there. The same answers, NULs dropped.
    const saved = await participant.post(section, {
      [`rating-${s1}`]: '3',
      [`note-${s1}`]: 'I run our department\u0000 meetings.',
      [`evidence-${s1}`]: 'https://drive.example.org/minutes\u0000',
    });
    expect(saved.status).toBe(303);
    expect(await stored()).toEqual(before);
  });

  it('refuses to submit until every skill has an answer, and keeps the draft as it was', async () => {
    const before = await stored();
    const page = await participant.post(`${base}/baseline`, {});
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem Answer every skill in Leading people (1 still to do), or choose ‘Not sure yet’');
    expect(page.text).toContain(`href="${section}"`);
    expect(await stored()).toEqual(before);
  });

  it('bad input changes nothing', async () => {
    const [s1, s2] = skillIds;
    const before = await stored();
    const page = await participant.post(section, { [`rating-${s1}`]: '9', [`evidence-${s2}`]: 'my shared drive', [`note-${s2}`]: 'x'.repeat(1001) });
    expect(page.status).toBe(400);
    expect(page.text).toContain(`href="#rating-${s1}"`);
    const text = visibleText(page.text);
    expect(text).toContain('Select a rating for LP1 Skill LP1 from the list');
    expect(text).toContain('LP2: Enter the evidence link as a web address');
    expect(text).toContain('Your note on LP2 must be 1,000 characters or fewer');
    expect(await stored()).toEqual(before);
    expect((await participant.post(`/enrolments/${enrolmentId}/self-assessment/halfway`, {})).status).toBe(404);
    expect((await participant.post(`${base}/baseline/${skillIds[0]}`, { [`rating-${s1}`]: '2' })).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it('a line manager and a school admin cannot see it, unlike the enrolment', async () => {
    for (const email of [world.lineManager.email, world.schoolAdminA.email]) {
      const other = await client(ctx, email);
      const enrolment = await other.get(`/enrolments/${enrolmentId}`);
      expect(enrolment.status).toBe(200);
      // Someone else's enrolment reads about the participant, not as if it were the reader's own.
      expect(visibleText(enrolment.text)).toContain('The participant completes and submits their baseline self-assessment');
      expect(visibleText(enrolment.text)).not.toContain('Complete and submit your baseline');
      expect((await other.get(base)).status).toBe(404);
      expect((await other.get(`${base}/baseline`)).status).toBe(404);
      expect((await other.get(section)).status).toBe(404);
      expect((await other.post(section, {})).status).toBe(404);
      expect((await other.post(`${base}/baseline`, {})).status).toBe(404);
    }
  });

  it('submits with “not sure yet” as an answer that is not a score; the evaluator is then met', async () => {
    const [s1, s2] = skillIds;
    expect((await participant.post(section, { [`rating-${s1}`]: 'not_sure', [`note-${s1}`]: 'Too early to say.', [`rating-${s2}`]: '2' })).status).toBe(303);
    expect(visibleText((await participant.get(`${base}/baseline`)).text)).toContain('Leading people 2 of 2 skills answered Completed');
    const page = await participant.post(`${base}/baseline`, {});
    expect(page.status).toBe(303);
    expect(page.location).toBe(`${base}?done=submitted`);
    const overview = await participant.get(page.location ?? '');
    const text = visibleText(overview.text);
    expect(text).toContain('Self-assessment submitted');
    expect(text).toContain('Baseline self-assessment The programme requires this. Submitted on 24 November 2026. Submitted');
    // The chart: one bar (LP2), none for "not sure yet"; then the table alternative.
    const svg = overview.text.match(/<svg role="img"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(svg).toContain('<title id="progress-title">');
    expect(svg.match(/<rect /g)?.length).toBe(1);
    expect(overview.text.indexOf('</svg>')).toBeLessThan(overview.text.indexOf('Ratings by skill and checkpoint'));
    expect(text).toContain('Ratings by skill and checkpoint Skill Baseline LP1 Skill LP1 Not sure yet LP2 Skill LP2 2: Beginning');
    const rows = (await stored()).ratings;
    expect(rows.find((r) => r.skill_id === s1)).toMatchObject({ rating: null, not_sure: 1, note: 'Too early to say.' });
    expect(rows.find((r) => r.skill_id === s2)).toMatchObject({ rating: 2, not_sure: 0 });
    expect(visibleText((await participant.get(`/enrolments/${enrolmentId}`)).text)).toContain(
      'Baseline self-assessment done Complete and submit your baseline self-assessment. Submitted on 24 November 2026. Met',
    );
    const roster = visibleText((await lead.get(`/cohorts/${cohortId}/roster`)).text);
    expect(roster).toContain('Baseline self-assessment done');
    expect(roster).toMatch(/Ravi \w+.*Met/);
    // The coach is told, with a link to it.
    await ctx().deliverMail();
    const told = await ctx().db.selectFrom('notifications').selectAll().where('person_id', '=', world.staff.id).where('kind', '=', 'coaching_update').execute();
    expect(told.map((n) => [n.subject, n.link])).toEqual([
      [`${world.report.givenName} ${world.report.familyName} has submitted their baseline self-assessment`, base],
    ]);
  });

  it('is read-only once submitted', async () => {
    const before = await stored();
    const page = await participant.get(`${base}/baseline`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(`action="${base}/baseline"`);
    expect(visibleText(page.text)).toContain('Submitted on 24 November 2026. It cannot be changed now');
    expect(visibleText(page.text)).toContain('Rating Not sure yet Note Too early to say.');
    const again = await participant.post(section, { [`rating-${skillIds[0]}`]: '5', [`rating-${skillIds[1]}`]: '5' });
    expect(again.status).toBe(409);
    expect((await participant.post(`${base}/baseline`, {})).status).toBe(409);
    const readSection = await participant.get(section);
    expect(readSection.status).toBe(200);
    expect(readSection.text).not.toContain(`action="${section}"`);
    expect(await stored()).toEqual(before);
  });

  it('the coach named on the application sees it, read-only, and the view is audited', async () => {
    const overview = await coach.get(base);
    expect(overview.status).toBe(200);
    expect(visibleText(overview.text)).toContain(`${world.report.givenName} ${world.report.familyName}: self-assessment`);
    const baseline = await coach.get(`${base}/baseline`);
    expect(baseline.status).toBe(200);
    expect(baseline.text).not.toContain('<form method="post" action="/enrolments');
    expect((await coach.get(section)).status).toBe(200);
    expect((await coach.post(section, {})).status).toBe(403);
    expect((await coach.post(`${base}/baseline`, {})).status).toBe(403);
    const audits = await ctx()
      .db.selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('subject_id', '=', enrolmentId)
      .where('action', '=', 'self_assessment_viewed')
      .execute();
    expect(audits.filter((a) => a.actor_id === world.staff.id)).toHaveLength(3);
    // The participant's own views are not recorded.
    expect(audits.some((a) => a.actor_id === world.report.id)).toBe(false);
    // The programme lead sees it too.
    expect((await lead.get(`${base}/baseline`)).status).toBe(200);
  });

  it('a programme lead chooses the checkpoints; required ones stay on; a bad form saves nothing', async () => {
    const page = await lead.get(`/programmes/${programmeId}/self-assessment`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Always used, because the programme’s requirements ask for it: baseline.');
    expect(page.text).not.toContain('value="baseline"');
    expect((await lead.get(`/programmes/${programmeId}`)).text).toContain(`href="/programmes/${programmeId}/self-assessment"`);
    const bad = await lead.post(`/programmes/${programmeId}/self-assessment`, {
      'opens-baseline': 'enrolment',
      'opens-midpoint': 'weeks_before_end',
      'weeks-midpoint': '',
      checkpoints: 'midpoint',
    });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Enter how many weeks before the end the midpoint self-assessment opens');
    expect(await ctx().db.selectFrom('self_assessment_plans').selectAll().where('programme_id', '=', programmeId).execute()).toEqual([]);
    // Baseline has no box (the programme requires it, so it is always used); final is dropped.
    const saved = await lead.post(`/programmes/${programmeId}/self-assessment`, {
      'opens-baseline': 'cohort_start',
      'opens-midpoint': 'halfway',
      checkpoints: 'midpoint',
    });
    expect(saved.status).toBe(303);
    const text = visibleText((await participant.get(base)).text);
    expect(text).toContain('Baseline self-assessment The programme requires this. Submitted on 24 November 2026. Submitted');
    expect(text).toContain('Midpoint self-assessment Opens on 14 April 2027. Cannot start yet');
    expect(text).not.toContain('Final self-assessment');
    expect((await participant.get(`${base}/final`)).status).toBe(404);
  });

  it('says self-assessment is unavailable when the programme has no framework', async () => {
    const db = ctx().db;
    const programme = await makeProgramme(db, { organisationId: world.organisation.id });
    const cohort = await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id });
    const id = await enrolWithCoach(db, {
      organisationId: world.organisation.id,
      cohortId: cohort.id,
      programmeId: programme.id,
      personId: world.report.id,
      schoolId: world.schoolA.id,
      coachId: null,
    });
    const page = await participant.get(`/enrolments/${id}/self-assessment`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain('Self-assessment is not available for this programme: it has no skills framework');
    expect((await participant.get(`/enrolments/${id}/self-assessment/baseline`)).status).toBe(404);
    expect(visibleText((await lead.get(`/programmes/${programme.id}/self-assessment`)).text)).toContain('Self-assessment is not available for this programme');
  });
});

describeEachEngine('evidence files on a self-assessment, stored as session materials are', (ctx) => {
  let world: World;
  let participant: TestClient;
  let lead: TestClient;
  let enrolmentId: string;
  let skillIds: string[];
  let section: string;
  let base: string;
  const pdf = new TextEncoder().encode('%PDF-1.4\nminutes of the department meeting\n%%EOF\n');

  beforeAll(async () => {
    const db = ctx().db;
    world = await makeWorld(db);
    const framework = await makeFramework(db, world.organisation.id, { skills: ['LP1', 'LP2'] });
    skillIds = framework.skillIds;
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      frameworkVersionId: framework.versionId,
      requirements: [{ kind: 'baseline_self_assessment' }],
    });
    const cohortId = (
      await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id, name: 'Cohort 1', leadIds: [world.programmeLead.id] })
    ).id;
    enrolmentId = await enrolWithCoach(db, {
      organisationId: world.organisation.id,
      cohortId,
      programmeId: programme.id,
      personId: world.report.id,
      schoolId: world.schoolA.id,
      coachId: null,
    });
    participant = await client(ctx, world.report.email);
    lead = await client(ctx, world.programmeLead.email);
    base = `/enrolments/${enrolmentId}/self-assessment`;
    section = `${base}/baseline/${framework.domainId}`;
  });

  const evidenceRows = () => ctx().db.selectFrom('self_assessment_evidence_files').selectAll().execute();

  it('the section form offers a file beside the link, and a PDF is kept with the answers', async () => {
    const [s1 = '', s2 = ''] = skillIds;
    const form = await participant.get(section);
    expect(form.text).toContain('enctype="multipart/form-data"');
    expect(visibleText(form.text)).toContain('Add a file as evidence for LP1 (optional)');
    const saved = await participant.uploadMany(
      section,
      [
        [`rating-${s1}`, '3'],
        [`rating-${s2}`, '2'],
      ],
      [
        { field: `evidenceFile-${s1}`, name: 'Department minutes.pdf', content: pdf },
        { field: `evidenceFile-${s2}`, name: '', content: '' },
      ],
    );
    expect(saved.status).toBe(303);
    const rows = await evidenceRows();
    expect(rows.map((r) => [r.skill_id, r.file_name, r.size_bytes])).toEqual([[s1, 'Department minutes.pdf', pdf.byteLength]]);
    const again = await participant.get(section);
    const link = `${base}/baseline/evidence/${rows[0]?.id}`;
    expect(again.text).toContain(`href="${link}"`);
    expect(visibleText(again.text)).toContain('Files you have attached for LP1');
    const download = await participant.get(link);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="Department minutes.pdf"');
    expect(download.text).toContain('minutes of the department meeting');
  });

  it('a file of an unknown kind, one pretending to be a PDF, or an empty one is refused with a clear error, and nothing is saved', async () => {
    const [s1 = ''] = skillIds;
    const before = await evidenceRows();
    const ratingBefore = await ctx().db.selectFrom('self_assessment_ratings').selectAll().execute();
    for (const [file, message] of [
      [{ name: 'notes.txt', content: 'plain text' }, 'LP1: The selected file must be a PDF, a Word, Excel or PowerPoint document, or a PNG, JPG or GIF image'],
      [{ name: 'script.pdf', content: 'MZ not a pdf' }, 'LP1: The selected file must be a PDF'],
      [{ name: 'empty.pdf', content: '' }, 'LP1: The selected file is empty'],
    ] as const) {
      const page = await participant.uploadMany(section, [[`rating-${s1}`, '5']], [{ field: `evidenceFile-${s1}`, ...file }]);
      expect(page.status).toBe(400);
      const text = visibleText(page.text);
      expect(text).toContain('There is a problem');
      expect(text).toContain(message);
      expect(page.text).toContain(`href="#evidenceFile-${s1}"`);
    }
    expect(await evidenceRows()).toEqual(before);
    expect(await ctx().db.selectFrom('self_assessment_ratings').selectAll().execute()).toEqual(ratingBefore);
  });

  it('an upload over 10 MB is refused from its announced size, before it is read, with the form again', async () => {
    const page = await participant.postAnnounced(section, 12 * 1024 * 1024);
    expect(page.status).toBe(413);
    expect(page.bytesRead).toBeLessThan(1024 * 1024);
    expect(visibleText(page.text)).toContain('The selected files must be smaller than 10 MB in all');
  });

  it('at most five files for a skill', async () => {
    const [, s2 = ''] = skillIds;
    for (let i = 1; i <= 5; i += 1) {
      const page = await participant.uploadMany(section, [], [{ field: `evidenceFile-${s2}`, name: `note-${i}.pdf`, content: pdf }]);
      expect(page.status).toBe(303);
    }
    const sixth = await participant.uploadMany(section, [], [{ field: `evidenceFile-${s2}`, name: 'note-6.pdf', content: pdf }]);
    expect(sixth.status).toBe(400);
    expect(visibleText(sixth.text)).toContain('LP2: You can attach up to 5 files to a skill. Remove one before you add another');
  });

  it('ticking a file removes it and its stored bytes', async () => {
    const [, s2 = ''] = skillIds;
    const rows = (await evidenceRows()).filter((r) => r.skill_id === s2);
    const gone = rows[0];
    if (!gone) throw new Error('expected a file');
    const page = await participant.uploadMany(section, [['removeEvidence', gone.id]], []);
    expect(page.status).toBe(303);
    expect((await evidenceRows()).some((r) => r.id === gone.id)).toBe(false);
    expect(await ctx().db.selectFrom('stored_files').select('id').where('id', '=', gone.file_id).execute()).toEqual([]);
    expect((await participant.get(`${base}/baseline/evidence/${gone.id}`)).status).toBe(404);
  });

  it('others can’t open a file of a draft; once submitted, a programme lead can, and other staff still can’t', async () => {
    const row = (await evidenceRows())[0];
    if (!row) throw new Error('expected a file');
    const link = `${base}/baseline/evidence/${row.id}`;
    expect((await lead.get(link)).status).toBe(404);
    const [s1 = '', s2 = ''] = skillIds;
    expect(
      (
        await participant.uploadMany(
          section,
          [
            [`rating-${s1}`, '3'],
            [`rating-${s2}`, '2'],
          ],
          [],
        )
      ).status,
    ).toBe(303);
    expect((await participant.post(`${base}/baseline`, {})).status).toBe(303);
    const read = await lead.get(`${base}/baseline`);
    expect(read.text).toContain(`href="${link}"`);
    expect(visibleText(read.text)).toContain('Evidence file Department minutes.pdf');
    expect((await lead.get(link)).status).toBe(200);
    for (const email of [world.staff.email, world.lineManager.email]) {
      const other = await client(ctx, email);
      expect((await other.get(link)).status).toBe(404);
    }
    // The lead's download is in the audit log, with the participant as the person affected; the participant's own is not.
    expect((await participant.get(link)).status).toBe(200);
    const admin = await client(ctx, world.orgAdmin.email);
    const downloads = await auditLogRows(admin, world.report.email, 'file_downloaded');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]).toContain(`${world.programmeLead.givenName} ${world.programmeLead.familyName}`);
    expect(downloads[0]).toContain(`${world.report.givenName} ${world.report.familyName}`);
    // Submitted: no more files.
    expect((await participant.uploadMany(section, [], [{ field: `evidenceFile-${s1}`, name: 'late.pdf', content: pdf }])).status).toBe(409);
  });
});
