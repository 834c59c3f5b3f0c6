import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { describeEachEngine } from '../../../test/support/app';
import { makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeFramework, makeProgramme } from '../../../test/support/programme-world';
import { buildImpactChart } from './impact-chart';
import { parseFigure } from './projects.schemas';
import { renderProjectPdf } from './projects.pdf';
import { projectPublicSummary } from './projects.summary';
import { ImpactTable, impactTableHtml } from './views/impact-chart';

const at = '2026-11-01T09:00:00.000Z';

/** An accepted application naming a coach, and the active enrolment it led to. */
async function enrol(db: Db, o: { organisationId: string; cohortId: string; programmeId: string; personId: string; schoolId: string; coachId: string | null }) {
  const applicationId = newId();
  await db
    .insertInto('applications')
    .values({
      id: applicationId,
      organisation_id: o.organisationId,
      cohort_id: o.cohortId,
      person_id: o.personId,
      school_id: o.schoolId,
      status: 'accepted',
      live_slot: 'live',
      current_role: 'Teacher',
      experience: 'Some',
      motivation: 'To lead',
      declarations: '[]',
      coach_person_id: o.coachId,
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
      organisation_id: o.organisationId,
      application_id: applicationId,
      cohort_id: o.cohortId,
      programme_id: o.programmeId,
      person_id: o.personId,
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

const projectForm = {
  title: 'Reducing persistent absence in Year 9',
  rationale: 'Attendance is the first priority of our school development plan.',
  peopleAffected: 'Year 9 pupils eligible for pupil premium',
  criteria: 'Persistent absence falls to 12% or below\nForm tutors call home on the first day of absence',
};

const measureForm = {
  name: 'Persistent absence',
  unit: '%',
  baseline: '18.2',
  'baselineOn-day': '15',
  'baselineOn-month': '9',
  'baselineOn-year': '2026',
  target: '12',
};

describeEachEngine('change projects with their impact', (ctx) => {
  let world: World;
  let participant: TestClient;
  let lineManager: TestClient;
  let coach: TestClient;
  let lead: TestClient;
  let otherStaff: TestClient;
  let schoolAdmin: TestClient;
  let enrolmentId: string;
  let projectId: string;
  let measureId: string;
  let skillIds: string[];

  const as = async (email: string) => {
    const c = ctx().client();
    await signIn(c, email);
    return c;
  };
  const stored = () => ctx().db.selectFrom('projects').selectAll().where('id', '=', projectId).executeTakeFirstOrThrow();
  const outcomes = () => ctx().db.selectFrom('project_outcomes').selectAll().where('measure_id', '=', measureId).orderBy('measured_on').execute();

  beforeAll(async () => {
    const db = ctx().db;
    ctx().clock.set(new Date('2027-03-20T10:00:00Z'));
    world = await makeWorld(db);
    const framework = await makeFramework(db, world.organisation.id, { skills: ['LP1', 'LP2'] });
    skillIds = framework.skillIds;
    const programme = await makeProgramme(db, {
      organisationId: world.organisation.id,
      frameworkVersionId: framework.versionId,
      requirements: [{ kind: 'project_assessed' }],
    });
    for (const skillId of skillIds) await db.insertInto('programme_focus_skills').values({ programme_id: programme.id, skill_id: skillId }).execute();
    const cohort = await makeCohort(db, { organisationId: world.organisation.id, programmeId: programme.id, leadIds: [world.programmeLead.id] });
    // The coach is the organisation admin here, so that `staff` is simply another member of staff.
    enrolmentId = await enrol(db, {
      organisationId: world.organisation.id,
      cohortId: cohort.id,
      programmeId: programme.id,
      personId: world.report.id,
      schoolId: world.schoolA.id,
      coachId: world.schoolAdminB.id,
    });
    // The project's coach comes from mentoring: the in-school coach paired with the participant for
    // this enrolment (here the coach the application named, assigned as the suggestion).
    await db
      .insertInto('mentoring_pairings')
      .values({
        id: newId(),
        organisation_id: world.organisation.id,
        kind: 'in_school_coach',
        mentor_id: world.schoolAdminB.id,
        mentee_id: world.report.id,
        enrolment_id: enrolmentId,
        status: 'active',
        assigned_by: world.programmeLead.id,
        started_at: '2026-11-01T09:00:00.000Z',
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by_id: null,
        signed_off_at: null,
        signed_off_comment: null,
      })
      .execute();
    participant = await as(world.report.email);
    lineManager = await as(world.lineManager.email);
    coach = await as(world.schoolAdminB.email);
    lead = await as(world.programmeLead.email);
    otherStaff = await as(world.staff.email);
    schoolAdmin = await as(world.schoolAdminA.email);
  });

  it('a participant plans a project for their programme: bad input is shown with the error summary and nothing is saved', async () => {
    const path = `/projects/new?enrolment=${enrolmentId}`;
    const form = await participant.get(path);
    expect(form.status).toBe(200);
    expect(visibleText(form.text)).toContain('LP1 Skill LP1');

    const bad = await participant.post(path, { ...projectForm, title: '', criteria: ' \n ' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect(visibleText(bad.text)).toContain('Enter a title for your project');
    expect(visibleText(bad.text)).toContain('Enter at least one success criterion');
    expect(await ctx().db.selectFrom('projects').select('id').where('person_id', '=', world.report.id).execute()).toEqual([]);

    const body = new URLSearchParams({ ...projectForm });
    body.append('skills', skillIds[0] ?? '');
    const created = await participant.post(path, body);
    expect(created.status).toBe(303);
    projectId = (created.location ?? '').split('/')[2]?.split('?')[0] ?? '';
    const page = visibleText((await participant.get(`/projects/${projectId}`)).text);
    expect(page).toContain('Reducing persistent absence in Year 9');
    expect(page).toContain('Planning');
    expect(page).toContain('Year 9 pupils eligible for pupil premium');
    expect(page).toContain('Form tutors call home on the first day of absence');
    expect(page).toContain('LP1 Skill LP1');
    expect(page).toContain('your line manager confirms it is part of your role');

    // A second attempt for the same enrolment goes to the project already there.
    expect((await participant.get(path)).location).toBe(`/projects/${projectId}`);
  });

  it('the line manager, coach and programme lead can see it; other staff and the school admin cannot', async () => {
    const path = `/projects/${projectId}`;
    const seen = visibleText((await lineManager.get(path)).text);
    expect(seen).toContain(`${world.report.givenName}`);
    expect(seen).toContain('Reducing persistent absence in Year 9');
    expect((await coach.get(path)).status).toBe(200);
    expect((await lead.get(path)).status).toBe(200);
    expect((await otherStaff.get(path)).status).toBe(404);
    expect((await schoolAdmin.get(path)).status).toBe(404);
  });

  it('an impact measure with a target that is not a number shows the error summary and changes nothing', async () => {
    const bad = await participant.post(`/projects/${projectId}/measures/new`, { ...measureForm, target: 'twelve', 'baselineOn-month': '13' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect(visibleText(bad.text)).toContain('The target must be a number, like 12');
    expect(visibleText(bad.text)).toContain('The date of the baseline must be a real date');
    expect(await ctx().db.selectFrom('project_measures').select('id').where('project_id', '=', projectId).execute()).toEqual([]);

    expect((await participant.post(`/projects/${projectId}/measures/new`, measureForm)).status).toBe(303);
    measureId = (await ctx().db.selectFrom('project_measures').select('id').where('project_id', '=', projectId).executeTakeFirstOrThrow()).id;
  });

  it('outcomes wait until the line manager confirms the project is part of the role; only they can confirm', async () => {
    const outcome = { 'measuredOn-day': '1', 'measuredOn-month': '3', 'measuredOn-year': '2027', value: '14.1' };
    expect((await participant.post(`/projects/${projectId}/measures/${measureId}/outcomes`, outcome)).status).toBe(409);
    expect((await participant.post(`/projects/${projectId}/confirm`)).status).toBe(403);
    expect((await otherStaff.post(`/projects/${projectId}/confirm`)).status).toBe(404);
    expect((await stored()).status).toBe('draft');

    const confirmed = await lineManager.post(`/projects/${projectId}/confirm`);
    expect(confirmed.status).toBe(303);
    const project = await stored();
    expect(project.status).toBe('in_progress');
    expect(project.role_confirmed_by).toBe(world.lineManager.id);
    expect(visibleText((await participant.get(`/projects/${projectId}`)).text)).toMatch(/Confirmed by Lena \S+ on 20 March 2027/);
  });

  it('an outcome dated before the baseline, or not a number, shows the error summary and is not saved', async () => {
    const path = `/projects/${projectId}/measures/${measureId}/outcomes`;
    const early = await participant.post(path, { 'measuredOn-day': '1', 'measuredOn-month': '9', 'measuredOn-year': '2026', value: '14.1' });
    expect(early.status).toBe(400);
    expect(early.text).toContain('govuk-error-summary');
    expect(visibleText(early.text)).toContain('must be on or after the date of the baseline');
    const words = await participant.post(path, { 'measuredOn-day': '1', 'measuredOn-month': '3', 'measuredOn-year': '2027', value: '14.1%' });
    expect(visibleText(words.text)).toContain('The figure must be a number, like 14.1');
    const future = await participant.post(path, { 'measuredOn-day': '1', 'measuredOn-month': '7', 'measuredOn-year': '2027', value: '11.8' });
    expect(visibleText(future.text)).toContain('must be today or in the past');
    expect(await outcomes()).toEqual([]);

    expect((await participant.post(path, { 'measuredOn-day': '1', 'measuredOn-month': '3', 'measuredOn-year': '2027', value: '14.1' })).status).toBe(303);
    expect((await outcomes()).map((o) => Number(o.value))).toEqual([14.1]);
  });

  it('the project page shows each measure as an accessible chart with the same figures in a table beside it', async () => {
    const html = (await lineManager.get(`/projects/${projectId}`)).text;
    expect(html).toMatch(/<svg role="img" aria-labelledby="measure-1-title measure-1-desc"/);
    const text = visibleText(html);
    expect(text).toContain('Persistent absence: baseline, target and outcomes');
    expect(text).toContain('Baseline 18.2% on 15 September 2026; target 12% (the dashed line). Outcomes: 14.1% on 1 March 2027.');
    expect(text).toMatch(/15 September 2026 \(baseline\) 18\.2% 1 March 2027 14\.1% Target 12%/);
  });

  it('milestones and updates are the participant’s; the coach and line manager comment, others cannot', async () => {
    const bad = await participant.post(`/projects/${projectId}/milestones/new`, { title: '', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' });
    expect(visibleText(bad.text)).toContain('Enter the milestone');
    expect(
      (
        await participant.post(`/projects/${projectId}/milestones/new`, {
          title: 'Review with form tutors',
          'dueOn-day': '27',
          'dueOn-month': '3',
          'dueOn-year': '2027',
        })
      ).status,
    ).toBe(303);
    const milestone = await ctx().db.selectFrom('project_milestones').select('id').where('project_id', '=', projectId).executeTakeFirstOrThrow();
    expect((await participant.post(`/projects/${projectId}/milestones/${milestone.id}`, { status: 'done' })).status).toBe(303);
    expect((await lineManager.post(`/projects/${projectId}/milestones/${milestone.id}`, { status: 'not_started' })).status).toBe(403);

    expect((await participant.post(`/projects/${projectId}/updates/new`, { body: 'Tutors now call home on day one.', reflection: '' })).status).toBe(400);
    expect(
      (await participant.post(`/projects/${projectId}/updates/new`, { body: 'Tutors now call home on day one.', reflection: 'Starting small worked.' })).status,
    ).toBe(303);
    expect((await coach.post(`/projects/${projectId}/comments`, { comment: 'Lovely progress.' })).status).toBe(303);
    expect((await lineManager.post(`/projects/${projectId}/comments`, { comment: '' })).status).toBe(400);
    expect((await lineManager.post(`/projects/${projectId}/comments`, { comment: 'Let’s share this at SLT.' })).status).toBe(303);
    expect((await lead.post(`/projects/${projectId}/comments`, { comment: 'Hello' })).status).toBe(403);
    expect((await otherStaff.post(`/projects/${projectId}/comments`, { comment: 'Hello' })).status).toBe(404);

    const page = visibleText((await participant.get(`/projects/${projectId}`)).text);
    expect(page).toContain('Review with form tutors 27 March 2027');
    expect(page).toContain('Starting small worked.');
    expect(page).toContain('Coach’s comment by');
    expect(page).toContain('Line manager’s comment by');
  });

  it('a programme lead names an assessor, who can then see the project; never the participant themselves', async () => {
    const path = `/projects/${projectId}/assessor`;
    const self = await lead.post(path, { assessorEmail: world.report.email });
    expect(self.status).toBe(400);
    expect(visibleText(self.text)).toContain('A participant cannot assess their own project');
    expect(visibleText((await lead.post(path, { assessorEmail: 'nobody@example.org' })).text)).toContain(
      'Enter the email address of someone in your organisation',
    );
    expect((await stored()).assessor_id).toBeNull();
    expect((await participant.post(path, { assessorEmail: world.schoolAdminA.email })).status).toBe(403);

    expect((await lead.post(path, { assessorEmail: world.schoolAdminA.email.toUpperCase() })).status).toBe(303);
    expect((await stored()).assessor_id).toBe(world.schoolAdminA.id);
    expect((await schoolAdmin.get(`/projects/${projectId}`)).status).toBe(200);
  });

  it('a final report is assessed criterion by criterion; not yet leads to a resubmission, and the history is kept', async () => {
    const report = { whatChanged: 'Absence fell.', forWhom: 'Year 9 pupil premium pupils.', evidence: 'Termly figures.', learned: 'Patience.' };
    expect((await participant.post(`/projects/${projectId}/submit`, { ...report, evidence: '' })).status).toBe(400);
    expect((await participant.post(`/projects/${projectId}/submit`, report)).status).toBe(303);
    expect((await stored()).status).toBe('submitted');
    // Submitted: the plan is frozen until it is assessed.
    expect((await participant.get(`/projects/${projectId}/edit`)).status).toBe(409);
    expect((await participant.get(`/projects/${projectId}/assess`)).status).toBe(403);
    expect((await lineManager.get(`/projects/${projectId}/assess`)).status).toBe(403);

    const criteria = await ctx().db.selectFrom('project_criteria').select('id').where('project_id', '=', projectId).orderBy('position').execute();
    const [first, second] = criteria.map((c) => c.id);
    const missing = await lead.post(`/projects/${projectId}/assess`, { [`judgement-${first}`]: 'met', [`feedback-${first}`]: 'Clear.' });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain('Select met or not yet for success criterion 2');
    expect((await stored()).status).toBe('submitted');

    // The named assessor judges the first submission.
    const notYet = await schoolAdmin.post(`/projects/${projectId}/assess`, {
      [`judgement-${first}`]: 'met',
      [`feedback-${first}`]: 'Clear fall.',
      [`judgement-${second}`]: 'not_yet',
      [`feedback-${second}`]: 'Show the calls log summary.',
    });
    expect(notYet.status).toBe(303);
    expect((await stored()).status).toBe('not_yet');
    expect(visibleText((await participant.get(`/projects/${projectId}`)).text)).toContain('Resubmit your final report');

    expect((await participant.post(`/projects/${projectId}/submit`, { ...report, evidence: 'Termly figures and the calls log summary.' })).status).toBe(303);
    expect(
      (
        await lead.post(`/projects/${projectId}/assess`, {
          [`judgement-${first}`]: 'met',
          [`feedback-${first}`]: 'Clear fall.',
          [`judgement-${second}`]: 'met',
          [`feedback-${second}`]: 'Now shown.',
        })
      ).status,
    ).toBe(303);
    expect((await stored()).status).toBe('met');
    const page = visibleText((await participant.get(`/projects/${projectId}`)).text);
    expect(page).toContain('Final report, submitted');
    expect(page).toContain('Show the calls log summary.');
    expect(page).toContain('Resubmission 1, submitted');
    expect(page).toContain('Now shown.');
    expect(page).toContain('Assessed as met');
  });

  it('the PDF summary and the public summary hold the title, aim, measures, outcomes and assessment, and none of the private working', async () => {
    const pdf = await lineManager.get(`/projects/${projectId}/summary.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-1.7')).toBe(true);
    expect((await otherStaff.get(`/projects/${projectId}/summary.pdf`)).status).toBe(404);

    const summary = await projectPublicSummary(ctx().db, world.organisation.id, projectId);
    expect(summary?.title).toBe('Reducing persistent absence in Year 9');
    expect(summary?.measures[0]?.outcomes).toEqual([{ measuredOn: '2027-03-01', value: 14.1 }]);
    expect(summary?.assessment?.outcome).toBe('met');
    expect(summary?.assessment?.criteria.map((c) => c.judgement)).toEqual(['met', 'met']);
    const text = JSON.stringify(summary);
    for (const privateWorking of ['Starting small worked.', 'Lovely progress.', 'Show the calls log summary.', 'Patience.', 'Review with form tutors'])
      expect(text).not.toContain(privateWorking);

    const uncompressed = (
      await renderProjectPdf(
        summary as NonNullable<typeof summary>,
        { participantName: 'Ravi', organisationName: 'Trust', programmeTitle: null },
        { compress: false },
      )
    ).toString('latin1');
    expect(uncompressed).toContain('/Alt (A line chart of Persistent absence');
    expect(pdfText(Buffer.from(uncompressed, 'latin1'))).toContain('Reducing persistent absence in Year 9');
    expect(pdfText(Buffer.from(uncompressed, 'latin1'))).not.toContain('Starting small');
  });

  it('the programme’s requirement “project assessed as met” is met', async () => {
    const page = visibleText((await participant.get(`/enrolments/${enrolmentId}`)).text);
    expect(page).toMatch(/Project assessed as met.{0,200}Met/);
  });

  it('a participant discards a project still being planned, after confirming; not one that has started, and nobody else can', async () => {
    const created = await participant.post('/projects/new', { ...projectForm, title: 'A project I will not go ahead with' });
    expect(created.status).toBe(303);
    const draftId = (created.location ?? '').split('/')[2]?.split('?')[0] ?? '';
    expect((await participant.post(`/projects/${draftId}/measures/new`, measureForm)).status).toBe(303);
    expect(
      (await participant.post(`/projects/${draftId}/milestones/new`, { title: 'First step', 'dueOn-day': '1', 'dueOn-month': '5', 'dueOn-year': '2027' }))
        .status,
    ).toBe(303);
    expect((await lineManager.post(`/projects/${draftId}/comments`, { comment: 'Is this the right priority?' })).status).toBe(303);
    expect(visibleText((await participant.get(`/projects/${draftId}`)).text)).toContain('Discard this project');

    // Only the participant: their line manager may see the project but not discard it; others do not know it exists.
    expect((await lineManager.get(`/projects/${draftId}/discard`)).status).toBe(403);
    expect((await lineManager.post(`/projects/${draftId}/discard`, {})).status).toBe(403);
    expect((await otherStaff.post(`/projects/${draftId}/discard`, {})).status).toBe(404);

    const confirm = await participant.get(`/projects/${draftId}/discard`);
    expect(confirm.status).toBe(200);
    expect(visibleText(confirm.text)).toContain('Are you sure you want to discard your project?');
    expect(visibleText(confirm.text)).toContain('You cannot undo this.');
    const discarded = await participant.post(`/projects/${draftId}/discard`, {});
    expect(discarded.status).toBe(303);
    expect(discarded.location).toBe('/projects?done=discarded');
    const list = visibleText((await participant.get('/projects?done=discarded')).text);
    expect(list).toContain('Project discarded');
    expect(list).not.toContain('A project I will not go ahead with');
    expect((await participant.get(`/projects/${draftId}`)).status).toBe(404);
    const db = ctx().db;
    for (const table of ['project_criteria', 'project_measures', 'project_milestones', 'project_notes'] as const)
      expect(await db.selectFrom(table).select('project_id').where('project_id', '=', draftId).execute(), table).toEqual([]);
    expect(await db.selectFrom('projects').select('id').where('id', '=', draftId).execute()).toEqual([]);
    const audit = await db.selectFrom('audit_events').select(['action', 'actor_id']).where('subject_id', '=', draftId).execute();
    expect(audit).toEqual([{ action: 'project_discarded', actor_id: world.report.id }]);

    // A project the line manager has confirmed is part of the participant's record: it stays.
    expect(visibleText((await participant.get(`/projects/${projectId}`)).text)).not.toContain('Discard this project');
    expect((await participant.get(`/projects/${projectId}/discard`)).status).toBe(409);
    expect((await participant.post(`/projects/${projectId}/discard`, {})).status).toBe(409);
    expect((await stored()).id).toBe(projectId);
  });

  it('the coach is taken from the mentoring pairing, not the application: a new coach paired takes over, and the old one loses access', async () => {
    const path = `/projects/${projectId}`;
    expect((await coach.get(path)).status).toBe(200);
    // The programme lead pairs another in-school coach (the old pairing ends and is kept as history).
    const newCoach = await as(world.staff.email);
    expect((await newCoach.post('/mentoring/profile', { places: '2' })).status).toBe(303);
    const reassigned = await lead.post(`/people/${world.report.id}/mentoring`, { mentorId: world.staff.id, kind: 'in_school_coach', enrolmentId });
    expect(reassigned.status).toBe(303);
    expect((await newCoach.get(path)).status).toBe(200);
    expect((await newCoach.post(`${path}/comments`, { comment: 'Glad to be coaching this.' })).status).toBe(303);
    // The application still names the first coach, but that no longer makes them the project's coach.
    expect((await coach.get(path)).status).toBe(404);
    expect((await coach.post(`${path}/comments`, { comment: 'Still here?' })).status).toBe(404);
    // A mentor (not a coach) is not the project's coach.
    await ctx()
      .db.updateTable('mentoring_pairings')
      .set({ status: 'ended', ended_at: '2026-11-24T09:00:00.000Z' })
      .where('mentor_id', '=', world.staff.id)
      .execute();
    expect((await newCoach.get(path)).status).toBe(404);
  });
});

describe('impact figures', () => {
  it('reads figures people type, and refuses words and percentage signs', () => {
    expect(parseFigure('18.2')).toBe(18.2);
    expect(parseFigure(' 1,250 ')).toBe(1250);
    expect(parseFigure('-3')).toBe(-3);
    expect(parseFigure('12%')).toBeNull();
    expect(parseFigure('twelve')).toBeNull();
    expect(parseFigure('')).toBeNull();
  });

  it('draws the baseline, each outcome in date order and the target, every point labelled', () => {
    const chart = buildImpactChart({
      name: 'Persistent absence',
      unit: '%',
      baselineValue: 18.2,
      baselineOn: '2026-09-15',
      targetValue: 12,
      outcomes: [
        { measuredOn: '2027-03-01', value: 14.1 },
        { measuredOn: '2027-07-01', value: 11.8 },
      ],
    });
    expect(chart.points.map((p) => p.label)).toEqual(['18.2%', '14.1%', '11.8%']);
    expect(chart.points[0]?.baseline).toBe(true);
    expect(chart.points.map((p) => p.x)).toEqual([...chart.points.map((p) => p.x)].sort((a, b) => a - b));
    // Lower figures are drawn lower: 11.8 below the 12 target line, 18.2 above it.
    expect(chart.points[2]?.y).toBeGreaterThan(chart.target.y);
    expect(chart.points[0]?.y).toBeLessThan(chart.target.y);
    expect(chart.target.label).toBe('Target 12%');
  });

  it('writes each measure’s table exactly as the GOV.UK table component does, text escaped', async () => {
    const series = {
      name: 'Pupils’ "persistent" absence <Year 9> & Year 10',
      unit: "% (o'clock)",
      baselineValue: 18.2,
      baselineOn: '2026-09-15',
      targetValue: 1250.5,
      outcomes: [
        { measuredOn: '2027-03-01', value: 14.1 },
        { measuredOn: '2027-07-01', value: -3 },
      ],
    };
    const component = await ImpactTable({ series }).toString();
    expect(impactTableHtml(series)).toBe(component);
    expect(impactTableHtml({ ...series, outcomes: [] })).toBe(await ImpactTable({ series: { ...series, outcomes: [] } }).toString());
  });
});
