import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeEnrolment, makeProgrammeWorld, type ProgrammeWorld } from '../../../test/support/programme-world';
import { makeCohortSession } from '../../../test/support/worlds/sessions';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';

const at = '2026-11-01T09:00:00.000Z';

/** A closed 360 round for an enrolment: each group's answers as ratings of one skill (null: not observed). */
async function closedRound(
  db: Db,
  organisationId: string,
  personId: string,
  enrolmentId: string,
  versionId: string,
  skillId: string,
  answers: Record<string, (number | null)[]>,
) {
  const roundId = newId();
  await db
    .insertInto('feedback_rounds')
    .values({
      id: roundId,
      organisation_id: organisationId,
      person_id: personId,
      enrolment_id: enrolmentId,
      framework_version_id: versionId,
      closes_on: '2026-10-01',
      closed_at: at,
      margin: 1.3,
      self_ratings: null,
      class_token: null,
      class_open: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db.insertInto('feedback_round_skills').values({ round_id: roundId, skill_id: skillId, position: 1 }).execute();
  for (const [group, ratings] of Object.entries(answers)) {
    const lm = group === 'line_manager';
    await db
      .insertInto('feedback_round_groups')
      .values({ round_id: roundId, rater_group: group as 'peer', minimum: lm ? 1 : 3, anonymous: lm ? 0 : 1 })
      .execute();
    for (const rating of ratings) {
      const suffix = newId();
      await db
        .insertInto('feedback_respondents')
        .values({
          id: newId(),
          round_id: roundId,
          rater_group: group as 'peer',
          name: 'Someone',
          email: `r-${suffix}@example.org`,
          email_normalised: `r-${suffix}@example.org`,
          token_hash: suffix,
          status: 'submitted',
          draft: null,
          decline_reason: null,
          invited_at: '2026-09-01',
          reminded_on: null,
          person_id: null,
          approved_by: null,
        })
        .execute();
      await db
        .insertInto('feedback_responses')
        .values({ id: newId(), round_id: roundId, rater_group: group as 'peer', ratings: JSON.stringify({ [skillId]: rating }), strengths: '', develop: '' })
        .execute();
    }
  }
}

describeEachEngine('attendance, mentoring, projects and 360 reports', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let lead: TestClient;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
  });

  it('counts attendance by cohort and by session, with a chart, and narrows by type of staff', async () => {
    const { db } = ctx();
    const assistant = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: 'Ada', staffType: 'associate' });
    await makeEnrolment(db, {
      organisationId: world.organisation.id,
      cohortId: programmes.earlierCohortId,
      programmeId: programmes.programmeId,
      personId: assistant.id,
    });
    const day1 = await makeCohortSession(db, world.organisation.id, programmes.earlierCohortId, 'Day 1', '2026-10-10T09:00:00.000Z');
    const day2 = await makeCohortSession(db, world.organisation.id, programmes.earlierCohortId, 'Day 2', '2026-11-10T09:00:00.000Z');
    for (const [session, person, status] of [
      [day1, world.report.id, 'present'],
      [day1, assistant.id, 'late'],
      [day2, world.report.id, 'present'],
      [day2, assistant.id, 'absent'],
    ] as const)
      await db
        .insertInto('session_attendance')
        .values({ session_id: session, person_id: person, status, reason: null, method: 'register', marked_by: null, marked_at: at })
        .execute();

    const page = await lead.get('/reports/attendance');
    expect(page.status).toBe(200);
    expect(page.text).toContain('role="img"');
    expect(visibleText(page.text)).toMatch(/Cohort 1 2 4 2 1 0 1 75/);
    const rows = parse((await lead.get('/reports/attendance/by-cohort/export.csv')).text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Cohort', 'Sessions held', 'Marks recorded', 'Present', 'Late', 'Absent with reason', 'Absent', 'Attendance (%)']);
    expect(rows[1]?.slice(1)).toEqual(['2', '4', '2', '1', '0', '1', '75']);
    const support = parse((await lead.get('/reports/attendance/by-cohort/export.csv?staffType=associate')).text, { bom: true }) as string[][];
    expect(support[1]?.slice(1)).toEqual(['2', '2', '0', '1', '0', '1', '50']);
    const sessions = parse((await lead.get('/reports/attendance/by-session/export.csv')).text, { bom: true }) as string[][];
    expect(sessions.slice(1).map((r) => r[1])).toEqual(['Day 2', 'Day 1']);
    expect((await lead.get('/reports/attendance/nothing/export.csv')).status).toBe(404);
  });

  it('counts mentoring meetings and each mentor’s places used, and projects’ measures met', async () => {
    const { db } = ctx();
    await db
      .insertInto('mentoring_profiles')
      .values({ person_id: world.lineManager.id, organisation_id: world.organisation.id, places: 2, strengths: '[]', updated_at: at })
      .execute();
    const pairingId = newId();
    await db
      .insertInto('mentoring_pairings')
      .values({
        id: pairingId,
        organisation_id: world.organisation.id,
        kind: 'mentor',
        mentor_id: world.lineManager.id,
        mentee_id: world.report.id,
        enrolment_id: programmes.enrolmentId,
        status: 'active',
        assigned_by: world.programmeLead.id,
        started_at: at,
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by_id: null,
        signed_off_at: null,
        signed_off_comment: null,
      })
      .execute();
    for (const [heldOn, status] of [
      ['2026-10-01', 'confirmed'],
      ['2026-11-01', 'recorded'],
      ['2027-03-01', 'recorded'],
    ] as const)
      await db
        .insertInto('mentoring_meetings')
        .values({
          id: newId(),
          pairing_id: pairingId,
          held_on: heldOn,
          duration_minutes: 45,
          focus_skills: '[]',
          shared_notes: '',
          next_meeting_on: null,
          status,
          added_by: world.report.id,
          added_at: at,
          confirmed_by: null,
          confirmed_at: null,
        })
        .execute();
    const projectId = newId();
    await db
      .insertInto('projects')
      .values({
        id: projectId,
        organisation_id: world.organisation.id,
        person_id: world.report.id,
        enrolment_id: programmes.enrolmentId,
        title: 'Attendance in Year 9',
        rationale: '',
        people_affected: 'Year 9',
        status: 'submitted',
        assessor_id: null,
        role_confirmed_by: null,
        role_confirmed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    // Persistent absence down from 20% to 8% against a target of 10%: met. Reading ages: not measured yet.
    const absence = newId();
    for (const [id, name, baseline, target] of [
      [absence, 'Persistent absence', 20, 10],
      [newId(), 'Reading age', 9, 11],
    ] as const)
      await db
        .insertInto('project_measures')
        .values({
          id,
          project_id: projectId,
          position: 1,
          name,
          unit: '%',
          baseline_value: baseline,
          baseline_on: '2026-09-01',
          target_value: target,
          created_at: at,
        })
        .execute();
    await db.insertInto('project_outcomes').values({ id: newId(), measure_id: absence, measured_on: '2026-10-01', value: 12, created_at: at }).execute();
    await db.insertInto('project_outcomes').values({ id: newId(), measure_id: absence, measured_on: '2026-11-01', value: 8, created_at: at }).execute();

    const page = await lead.get('/reports/mentoring');
    expect(page.status).toBe(200);
    expect(page.text).toContain('role="img"');
    const mentors = parse((await lead.get('/reports/mentoring/mentors/export.csv')).text, { bom: true }) as string[][];
    expect(mentors[0]).toEqual(['Mentor or coach', 'School', 'Places', 'Supporting now', 'Places used (%)', 'Pairings on these cohorts', 'Meetings held']);
    // Two meetings held by today (24 November 2026 in tests); the one in March is still to come.
    expect(mentors.find((r) => r[0] === `Lena ${world.lineManager.familyName}`)?.slice(2)).toEqual(['2', '1', '50', '1', '2']);
    const byCohort = parse((await lead.get('/reports/mentoring/mentoring-by-cohort/export.csv')).text, { bom: true }) as string[][];
    expect(byCohort.find((r) => r[0]?.endsWith('Cohort 1'))?.slice(2)).toEqual(['1', '2', '1', '2']);
    const projects = parse((await lead.get('/reports/mentoring/projects/export.csv')).text, { bom: true }) as string[][];
    expect(projects.find((r) => r[0]?.endsWith('Cohort 1'))?.slice(1)).toEqual(['1', '1', '0', '2', '1', '1', '50']);
  });

  it('pools 360 feedback by cohort only as the anonymity rules allow: no group below its minimum, nothing worked out by subtraction', async () => {
    const { db } = ctx();
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    expect((await admin.post('/reports/settings', { threshold: '2' })).status).toBe(303);
    const skill = await db
      .selectFrom('feedback_round_skills')
      .select('skill_id')
      .executeTakeFirst()
      .then(async (found) => found?.skill_id ?? (await db.selectFrom('framework_skills').select('id').executeTakeFirstOrThrow()).id);
    const second = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Bea' });
    const secondEnrolment = await makeEnrolment(db, {
      organisationId: world.organisation.id,
      cohortId: programmes.earlierCohortId,
      programmeId: programmes.programmeId,
      personId: second.id,
    });
    const version = programmes.publishedVersionId;
    // Round one: three peers and the line manager. Round two: two peers (below their minimum of 3,
    // so in no figure) and the line manager. Pooled, the line managers are two: below 3, hidden.
    await closedRound(db, world.organisation.id, world.report.id, programmes.enrolmentId, version, skill, { peer: [4, 4, 5], line_manager: [3] });
    await closedRound(db, world.organisation.id, second.id, secondEnrolment, version, skill, { peer: [1, 1], line_manager: [5] });

    const rows = parse((await lead.get('/reports/feedback/skills/export.csv')).text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Cohort', 'Skill', 'Participants', 'Line managers', 'Peers', 'Direct reports', 'Others', 'All colleagues']);
    const row = rows.find((r) => r[0]?.endsWith('Cohort 1')) as string[];
    // Peers (3 scores) would give the line managers' two away by subtraction from "All colleagues",
    // so they are folded too; "All colleagues" is the five scores: (4 + 4 + 5 + 3 + 5) / 5 = 4.2.
    expect(row.slice(2)).toEqual(['2', 'c', 'c', 'z', 'z', '4.2']);
    // The two peers of round two (1 and 1) are in no figure.
    expect(rows.flat()).not.toContain('3.0');

    // Below the report threshold of participants, nothing is shown.
    await admin.post('/reports/settings', { threshold: '5' });
    const few = parse((await lead.get('/reports/feedback/skills/export.csv')).text, { bom: true }) as string[][];
    expect(few.find((r) => r[0]?.endsWith('Cohort 1'))?.slice(2)).toEqual(['c', 'c', 'c', 'c', 'c', 'c']);
    expect(visibleText((await lead.get('/reports/feedback')).text)).toContain('360 feedback by cohort');
  });

  it('is for programme leads and organisation admins: not line managers, not headteachers', async () => {
    for (const email of [world.lineManager.email, world.schoolAdminA.email]) {
      const client = ctx().client();
      await signIn(client, email);
      for (const path of ['/reports/attendance', '/reports/mentoring/mentors/export.csv', '/reports/feedback'])
        expect((await client.get(path)).status).toBe(403);
    }
  });
});
