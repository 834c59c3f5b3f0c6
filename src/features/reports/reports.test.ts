import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn } from '../../../test/support/factories';
import { makeCohortSession } from '../../../test/support/worlds/sessions';
import { visibleText } from '../../../test/support/http';
import { makeCohort, makeProgrammeWorld } from '../../../test/support/programme-world';
import { csvCell, toCsvFile } from '../../platform/csv';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';

const at = '2026-11-01T09:00:00.000Z';

async function enrol(db: Db, organisationId: string, cohortId: string, programmeId: string, personId: string, status: 'active' | 'completed' = 'active') {
  const id = newId();
  await db
    .insertInto('enrolments')
    .values({
      id,
      organisation_id: organisationId,
      application_id: null,
      cohort_id: cohortId,
      programme_id: programmeId,
      person_id: personId,
      status,
      return_cohort_id: null,
      status_reason: null,
      completed_at: status === 'completed' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

describe('CSV files for download', () => {
  it('quote what needs quoting, as RFC 4180 says, and start with a byte-order mark so Excel reads UTF-8', () => {
    const file = toCsvFile(
      ['Name', 'Note'],
      [
        ['Siân O’Neill', 'Said "yes", then\nleft'],
        ['Plain', null],
      ],
    );
    expect(file.startsWith('\uFEFF')).toBe(true);
    expect(file).toBe('\uFEFFName,Note\r\nSiân O’Neill,"Said ""yes"", then\nleft"\r\nPlain,\r\n');
    expect(parse(file, { bom: true })).toEqual([
      ['Name', 'Note'],
      ['Siân O’Neill', 'Said "yes", then\nleft'],
      ['Plain', ''],
    ]);
  });

  it('never let a cell run as a formula in a spreadsheet, but leave numbers as numbers', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+44 7700 900123')).toBe("'+44 7700 900123");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('12.5')).toBe('12.5');
    expect(csvCell(0)).toBe('0');
  });
});

describeEachEngine('oversight and reports', (ctx) => {
  it('a programme lead’s home page says what waits for them, each linking to where it is done, and offers them no application to finish', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    const organisationId = world.organisation.id;
    // The teacher's application has its support and waits for a decision.
    await db.updateTable('applications').set({ status: 'endorsed' }).where('id', '=', programmes.applicationId).execute();
    // A session of the running cohort was held yesterday and nobody took the register.
    const sessionId = await makeCohortSession(db, organisationId, programmes.earlierCohortId, 'Leading a team: day 2', '2026-11-23T09:00:00.000Z');
    // A cohort that ended last month with a participant still active.
    const ended = await makeCohort(db, {
      organisationId,
      programmeId: programmes.programmeId,
      name: 'Cohort 0',
      opensOn: '2025-09-01',
      closesOn: '2025-10-01',
      startsOn: '2025-11-01',
      endsOn: '2026-10-30',
    });
    await enrol(db, organisationId, ended.id, programmes.programmeId, world.staff.id);
    // The lead once started an application to a round that has closed since.
    const closed = await makeCohort(db, {
      organisationId,
      programmeId: programmes.programmeId,
      name: 'Cohort 9',
      opensOn: '2026-09-01',
      closesOn: '2026-10-01',
    });
    await db
      .insertInto('applications')
      .values({
        id: newId(),
        organisation_id: organisationId,
        cohort_id: closed.id,
        person_id: world.programmeLead.id,
        school_id: world.schoolB.id,
        status: 'draft',
        live_slot: 'live',
        current_role: null,
        experience: null,
        motivation: null,
        declarations: '[]',
        coach_person_id: null,
        coach_name: null,
        coach_email: null,
        project_idea: null,
        eligible: null,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: null,
        submitted_at: null,
        decided_at: null,
        waitlisted_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();

    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const page = await lead.get('/');
    const home = visibleText(page.text);
    expect(home).toContain('Things to do');
    expect(home).toMatch(/1 application is ready for your decision: Towards Middle Leadership \S+, Cohort 2/);
    expect(page.text).toContain(`href="/cohorts/${programmes.cohortId}/applications"`);
    expect(home).toContain('Take the register for Leading a team: day 2 (Cohort 1, 23 November 2026)');
    expect(page.text).toContain(`href="/sessions/${sessionId}/register"`);
    expect(home).toMatch(/Confirm completion for Towards Middle Leadership \S+, Cohort 0/);
    expect(home).toContain('The cohort has ended and 1 participant is still active.');
    expect(page.text).toContain(`href="/cohorts/${ended.id}/completion"`);
    expect(home).not.toContain('Finish your application');
    expect(home).toMatch(/Applications to Towards Middle Leadership \S+ \(Cohort 9\) closed before your draft was sent/);
    expect(page.text).toContain('href="/reports"');

    // Once the register is taken, it is no longer asked for.
    await db
      .insertInto('session_attendance')
      .values({
        session_id: sessionId,
        person_id: world.report.id,
        status: 'present',
        reason: null,
        method: 'register',
        marked_by: world.programmeLead.id,
        marked_at: at,
      })
      .execute();
    expect(visibleText((await lead.get('/')).text)).not.toContain('Take the register');

    // None of it is a teacher's to do.
    const teacher = ctx().client();
    await signIn(teacher, world.staff.email);
    const theirs = visibleText((await teacher.get('/')).text);
    expect(theirs).not.toContain('ready for your decision');
    expect(theirs).not.toContain('Confirm completion');
  });

  it('a line manager finds their report’s programme, progress and attendance from My team and from the staff record', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    const sessionId = await makeCohortSession(db, world.organisation.id, programmes.earlierCohortId, 'Managing change', '2026-11-10T09:00:00.000Z');
    await db
      .insertInto('session_attendance')
      .values({ session_id: sessionId, person_id: world.report.id, status: 'late', reason: null, method: 'register', marked_by: null, marked_at: at })
      .execute();

    const projectId = newId();
    await db
      .insertInto('projects')
      .values({
        id: projectId,
        organisation_id: world.organisation.id,
        person_id: world.report.id,
        enrolment_id: programmes.enrolmentId,
        title: 'Reading for pleasure in Year 8',
        rationale: 'A school priority',
        people_affected: 'Year 8 pupils',
        status: 'draft',
        assessor_id: null,
        role_confirmed_by: null,
        role_confirmed_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();

    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    const home = await manager.get('/');
    expect(home.text).toContain('href="/team"');
    expect(visibleText(home.text)).toContain(`Confirm Ravi ${world.report.familyName}’s project is part of their role: Reading for pleasure in Year 8`);
    expect(home.text).toContain(`href="/projects/${projectId}"`);
    const team = await manager.get('/team');
    expect(team.status).toBe(200);
    const text = visibleText(team.text);
    expect(text).toContain(`Ravi ${world.report.familyName}`);
    expect(text).toMatch(/Towards Middle Leadership \S+, Cohort 1 – Active/);
    expect(text).toContain('0 of 2 requirements met');
    expect(text).toContain('Sessions attended: 1 of 1 session');
    expect(text).toMatch(/Applied: Towards Middle Leadership \S+, Cohort 2 \(awaiting endorsement\)/);
    expect(team.text).toContain(`href="/people/${world.report.id}/programmes"`);

    const record = await manager.get(`/staff/${world.report.id}`);
    expect(record.text).toContain(`href="/people/${world.report.id}/programmes"`);
    const detail = visibleText((await manager.get(`/people/${world.report.id}/programmes`)).text);
    expect(detail).toContain(`Ravi ${world.report.familyName}: programmes and progress`);
    expect(detail).toContain('Still to do');
    expect(detail).toContain('Chosen modules completed: No modules chosen yet: choose 2 modules');

    // Someone else's line manager doesn't learn the person exists.
    const other = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Omar' });
    await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Nell', lineManagerId: other.id });
    const stranger = ctx().client();
    await signIn(stranger, other.email);
    expect(visibleText((await stranger.get('/team')).text)).not.toContain('Ravi');
    expect((await stranger.get(`/people/${world.report.id}/programmes`)).status).toBe(404);
  });

  it('a headteacher sees who in their school is on which programme, and no other school’s', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    const finished = await makeCohort(db, {
      organisationId: world.organisation.id,
      programmeId: programmes.programmeId,
      name: 'Cohort 0',
      endsOn: '2026-07-17',
    });
    await enrol(db, world.organisation.id, finished.id, programmes.programmeId, world.staff.id, 'completed');

    const head = ctx().client();
    await signIn(head, world.schoolAdminA.email);
    expect((await head.get('/')).text).toContain(`href="/schools/${world.schoolA.id}/programmes"`);
    const page = await head.get(`/schools/${world.schoolA.id}/programmes`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('On a programme now 1');
    expect(text).toContain('Completed a programme 1');
    expect(text).toMatch(/Ravi \S+ .*Towards Middle Leadership \S+, Cohort 1 – Active/);
    expect(text).toMatch(/Sian \S+ .*Cohort 0 – Completed/);
    expect(text).not.toContain('Lena'); // on no programme

    // The headteacher downloads their school's staff list; the organisation admin gets everyone's.
    const list = parse((await head.get('/reports/staff/export.csv')).text, { bom: true }) as string[][];
    expect(list[0]).toEqual(['Given name', 'Family name', 'Email', 'Job title', 'School', 'Line manager']);
    expect(new Set(list.slice(1).map((r) => r[4]))).toEqual(new Set([world.schoolA.name]));
    expect(list.slice(1).find((r) => r[0] === 'Ravi')?.[5]).toBe(`Lena ${world.lineManager.familyName}`);
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const everyone = parse((await admin.get('/reports/staff/export.csv')).text, { bom: true }) as string[][];
    expect(everyone.slice(1).map((r) => r[4])).toContain(world.schoolB.name);
    expect(everyone.slice(1).map((r) => r[2])).not.toContain(world.otherAdmin.email);

    const otherHead = ctx().client();
    await signIn(otherHead, world.schoolAdminB.email);
    expect((await otherHead.get(`/schools/${world.schoolA.id}/programmes`)).status).toBe(404);
  });

  it('a programme lead downloads a cohort’s roster, attendance and progress as CSV files that open cleanly in a spreadsheet', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    await db.updateTable('people').set({ job_title: '=HYPERLINK("http://evil.example","Click")' }).where('id', '=', world.report.id).execute();
    const sessionId = await makeCohortSession(db, world.organisation.id, programmes.earlierCohortId, 'Day 1, the basics', '2026-11-10T09:00:00.000Z');
    await db
      .insertInto('session_attendance')
      .values({ session_id: sessionId, person_id: world.report.id, status: 'present', reason: null, method: 'register', marked_by: null, marked_at: at })
      .execute();

    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const index = await lead.get('/reports');
    expect(index.status).toBe(200);
    expect(index.text).toContain(`href="/reports/cohorts/${programmes.earlierCohortId}/roster/export.csv"`);

    const roster = await lead.get(`/reports/cohorts/${programmes.earlierCohortId}/roster/export.csv`);
    expect(roster.status).toBe(200);
    expect(roster.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(roster.headers.get('content-disposition')).toMatch(/^attachment; filename="towards-middle-leadership-[a-z0-9]+-cohort-1-roster\.csv"$/);
    const rows = parse(roster.text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Given name', 'Family name', 'Email', 'Job title', 'School', 'Line manager', 'Enrolment status', 'Completed on']);
    expect(rows[1]?.slice(0, 2)).toEqual(['Ravi', world.report.familyName]);
    expect(rows[1]?.[3]).toBe(`'=HYPERLINK("http://evil.example","Click")`);
    expect(rows[1]?.[5]).toBe(`Lena ${world.lineManager.familyName}`);

    const attendance = parse((await lead.get(`/reports/cohorts/${programmes.earlierCohortId}/attendance/export.csv`)).text, { bom: true }) as string[][];
    expect(attendance[0]).toContain('Day 1, the basics (2026-11-10)');
    expect(attendance[1]?.slice(-4)).toEqual(['Present', '1', '1', '100']);

    const progress = parse((await lead.get(`/reports/cohorts/${programmes.earlierCohortId}/progress/export.csv`)).text, { bom: true }) as string[][];
    expect(progress[0]?.slice(0, 6)).toEqual(['Given name', 'Family name', 'School', 'Enrolment status', 'Requirements', 'May graduate']);
    expect(progress[1]?.slice(3, 6)).toEqual(['Active', '0 of 2 requirements met', 'No']);

    const applications = parse((await lead.get(`/reports/cohorts/${programmes.cohortId}/applications/export.csv`)).text, { bom: true }) as string[][];
    expect(applications[0]).toEqual([
      'Given name',
      'Family name',
      'Email',
      'School',
      'Role when applying',
      'Status',
      'Sent on',
      'Line manager’s support',
      'Headteacher’s support',
      'Decided on',
    ]);
    expect(applications[1]?.slice(3)).toEqual([world.schoolA.name, 'Teacher of English', 'Awaiting endorsement', '2026-11-01', 'Asked', 'Not asked yet', '']);

    // Another organisation's admin can't reach this cohort; a teacher can't download at all.
    const outsider = ctx().client();
    await signIn(outsider, world.otherAdmin.email);
    expect((await outsider.get(`/reports/cohorts/${programmes.earlierCohortId}/roster/export.csv`)).status).toBe(404);
    const teacher = ctx().client();
    await signIn(teacher, world.staff.email);
    expect((await teacher.get(`/reports/cohorts/${programmes.earlierCohortId}/roster/export.csv`)).status).toBe(403);
  });

  it('the trust report shows the pipeline and each cohort’s rates, and downloads them with the same columns', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    const finished = await makeCohort(db, {
      organisationId: world.organisation.id,
      programmeId: programmes.programmeId,
      name: 'Cohort 0',
      endsOn: '2026-07-17',
    });
    await enrol(db, world.organisation.id, finished.id, programmes.programmeId, world.staff.id, 'completed');
    const left = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: 'Wren' });
    const leftId = await enrol(db, world.organisation.id, finished.id, programmes.programmeId, left.id);
    await db.updateTable('enrolments').set({ status: 'withdrawn', status_reason: 'Workload this term' }).where('id', '=', leftId).execute();
    const held = await makeCohortSession(db, world.organisation.id, programmes.earlierCohortId, 'Day 1', '2026-11-10T09:00:00.000Z');
    await db
      .insertInto('session_attendance')
      .values({ session_id: held, person_id: world.report.id, status: 'absent_with_reason', reason: 'Ill', method: 'register', marked_by: null, marked_at: at })
      .execute();

    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const page = await admin.get('/reports');
    const text = visibleText(page.text);
    expect(page.text).toContain('role="img"');
    expect(text).toMatch(/Towards Middle Leadership \S+ 1 0 1 1/);
    expect(text).toContain(world.schoolA.name);

    expect(text).toContain('Workload this term');
    expect(text).toMatch(/Day 1 10 November 2026 1 0 0 1 0 0/);

    const pipeline = parse((await admin.get('/reports/pipeline-by-school/export.csv')).text, { bom: true }) as string[][];
    expect(pipeline[0]).toEqual(['School', 'Programme', 'On it now', 'Completed']);
    expect(pipeline.slice(1).map((r) => [r[0], r[2], r[3]])).toEqual([[world.schoolA.name, '1', '1']]);
    const withdrawals = parse((await admin.get('/reports/withdrawals/export.csv')).text, { bom: true }) as string[][];
    expect(withdrawals.slice(1)).toEqual([[expect.stringMatching(/^Towards Middle Leadership/), 'Workload this term', '1']]);
    const attendance = parse((await admin.get('/reports/attendance/export.csv')).text, { bom: true }) as string[][];
    expect(attendance[1]?.slice(1)).toEqual(['Day 1', '2026-11-10', '1', '0', '0', '1', '0', '0']);
    expect((await admin.get('/reports/no-such-table/export.csv')).status).toBe(404);

    // Narrowed to the academic year Cohort 1 started in (April 2026 is in 2025 to 2026), on the page and in the download.
    const narrowed = visibleText((await admin.get('/reports?year=2025')).text);
    expect(narrowed).toMatch(/Towards Middle Leadership \S+ 1 0 0 0/);
    expect(narrowed).not.toContain('Workload this term');
    const yearFile = await admin.get(`/reports/cohorts/export.csv?year=2025&programme=${programmes.programmeId}`);
    expect(yearFile.headers.get('content-disposition')).toMatch(/filename="cohorts-towards-middle-leadership-[a-z0-9]+-2025-2026\.csv"/);
    expect((parse(yearFile.text, { bom: true }) as string[][]).slice(1).map((r) => r[0]?.replace(/^.*, /, ''))).toEqual(['Cohort 1']);
    const wrong = await admin.get('/reports?year=1999&programme=nonsense');
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain('There is a problem Choose a programme from the list Choose an academic year from the list');
    expect((await admin.get('/reports/cohorts/export.csv?year=x')).status).toBe(400);

    const cohorts = parse((await admin.get('/reports/cohorts/export.csv')).text, { bom: true }) as string[][];
    const cohort0 = cohorts.find((r) => r[0]?.endsWith(', Cohort 0'));
    expect(cohort0?.slice(5)).toEqual(['2', '1', '50']);
    const cohort2 = cohorts.find((r) => r[0]?.endsWith(', Cohort 2'));
    expect(cohort2?.slice(2, 5)).toEqual(['1', '0', '0']);
  });
});
