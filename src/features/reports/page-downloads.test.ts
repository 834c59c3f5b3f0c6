import { parse } from 'csv-parse/sync';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn } from '../../../test/support/factories';
import { makeCohortSession } from '../../../test/support/worlds/sessions';
import { textContent, visibleText, type Page } from '../../../test/support/http';
import { makeEnrolment, makeProgrammeWorld } from '../../../test/support/programme-world';
import type { Db } from '../../platform/db/database';

const at = '2026-11-01T09:00:00.000Z';

/** The column headings of the page's (first) table, as a reader sees them (visually hidden ones left out). */
function pageHeadings(html: string): string[] {
  const head = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(html)?.[1] ?? '';
  return [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)]
    .map((m) => m[1] ?? '')
    .filter((cell) => !cell.includes('govuk-visually-hidden'))
    .map((cell) => textContent(cell).trim());
}

/** The download as rows, after checking it is a CSV file as the other downloads are. */
function csvRows(file: Page, fileName: RegExp): string[][] {
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(file.headers.get('content-disposition')).toMatch(fileName);
  expect(file.headers.get('cache-control')).toBe('private, no-store');
  expect(file.text.endsWith('\r\n')).toBe(true);
  return parse(file.text, { bom: true }) as string[][];
}

/** A name with a comma and a name a spreadsheet would run as a formula. */
async function awkwardNames(db: Db, commaId: string, formulaId: string) {
  await db.updateTable('people').set({ family_name: 'Okafor, Jr' }).where('id', '=', commaId).execute();
  await db.updateTable('people').set({ family_name: '=HYPERLINK("http://evil.example")' }).where('id', '=', formulaId).execute();
}

describeEachEngine('downloading a page’s table as CSV', (ctx) => {
  it('a programme lead downloads a cohort’s roster with the page’s columns and status filter, and awkward names come back intact', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    await makeEnrolment(db, {
      organisationId: world.organisation.id,
      cohortId: programmes.earlierCohortId,
      programmeId: programmes.programmeId,
      personId: world.staff.id,
    });
    await awkwardNames(db, world.report.id, world.staff.id);

    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const page = await lead.get(`/cohorts/${programmes.earlierCohortId}/roster`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/cohorts/${programmes.earlierCohortId}/roster.csv"`);
    const rows = csvRows(
      await lead.get(`/cohorts/${programmes.earlierCohortId}/roster.csv`),
      /^attachment; filename="towards-middle-leadership-[a-z0-9]+-cohort-1-roster\.csv"$/,
    );
    expect(rows[0]).toEqual(pageHeadings(page.text));
    expect(rows[0]).toEqual(['Participant', 'Status', 'Requirements', 'May graduate']);
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get('Ravi Okafor, Jr')?.slice(1, 2)).toEqual(['Active']);
    expect(byName.get('Ravi Okafor, Jr')?.[3]).toBe('No');
    expect(byName.get('Ravi Okafor, Jr')?.[2]?.split('\n')).toHaveLength(2);
    // The formula is shown as text: an apostrophe before it, the name otherwise as it is.
    expect(byName.has(`'Sian =HYPERLINK("http://evil.example")`)).toBe(false);
    expect(rows.slice(1).map((r) => r[0])).toContain('Sian =HYPERLINK("http://evil.example")');

    // UTF-8 with a byte-order mark, as the other downloads are (the text read above has it taken off).
    const bytes = await lead.getBytes(`/cohorts/${programmes.earlierCohortId}/roster.csv`);
    expect([...bytes.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    // The status chosen on the page is kept in the link and the file.
    await db.updateTable('enrolments').set({ status: 'deferred' }).where('person_id', '=', world.staff.id).execute();
    const deferred = await lead.get(`/cohorts/${programmes.earlierCohortId}/roster?status=deferred`);
    expect(deferred.text).toContain(`href="/cohorts/${programmes.earlierCohortId}/roster.csv?status=deferred"`);
    const only = csvRows(await lead.get(`/cohorts/${programmes.earlierCohortId}/roster.csv?status=deferred`), /-roster-deferred\.csv"$/);
    expect(only.slice(1).map((r) => r.slice(0, 2))).toEqual([['Sian =HYPERLINK("http://evil.example")', 'Deferred']]);

    const teacher = ctx().client();
    await signIn(teacher, world.staff.email);
    expect((await teacher.get(`/cohorts/${programmes.earlierCohortId}/roster.csv`)).status).toBe(403);
    const outsider = ctx().client();
    await signIn(outsider, world.otherAdmin.email);
    expect((await outsider.get(`/cohorts/${programmes.earlierCohortId}/roster.csv`)).status).toBe(404);
  });

  it('a formula at the start of a cell is defused, and a name with a comma is quoted', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    await db.updateTable('people').set({ given_name: '=1+2', family_name: 'Okafor, Jr' }).where('id', '=', world.report.id).execute();
    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const file = await lead.get(`/cohorts/${programmes.earlierCohortId}/roster.csv`);
    expect(file.text).toContain(`\r\n"'=1+2 Okafor, Jr",Active,`);
    expect(csvRows(file, /roster\.csv"$/)[1]?.[0]).toBe(`'=1+2 Okafor, Jr`);
  });

  it('a session’s register downloads with each person’s mark, reason and check-in time', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    await makeEnrolment(db, {
      organisationId: world.organisation.id,
      cohortId: programmes.earlierCohortId,
      programmeId: programmes.programmeId,
      personId: world.staff.id,
    });
    await awkwardNames(db, world.report.id, world.staff.id);
    const sessionId = await makeCohortSession(db, world.organisation.id, programmes.earlierCohortId, 'Day 1, the basics', '2026-11-10T09:00:00.000Z');
    await db
      .insertInto('session_attendance')
      .values([
        {
          session_id: sessionId,
          person_id: world.report.id,
          status: 'absent_with_reason',
          reason: 'Ill, "flu"\nback Monday',
          method: 'register',
          marked_by: null,
          marked_at: at,
        },
        {
          session_id: sessionId,
          person_id: world.staff.id,
          status: 'present',
          reason: null,
          method: 'check_in',
          marked_by: null,
          marked_at: '2026-11-10T08:55:00.000Z',
        },
      ])
      .execute();

    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const page = await lead.get(`/sessions/${sessionId}/register`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/sessions/${sessionId}/register.csv"`);
    const rows = csvRows(await lead.get(`/sessions/${sessionId}/register.csv`), /^attachment; filename="day-1-the-basics-2026-11-10-register\.csv"$/);
    expect(rows[0]).toEqual(['Name', 'School', 'Attendance', 'Reason absent', 'Checked in at']);
    expect(rows.slice(1)).toEqual(
      expect.arrayContaining([
        ['Ravi Okafor, Jr', world.schoolA.name, 'Absent with reason', 'Ill, "flu"\nback Monday', ''],
        ['Sian =HYPERLINK("http://evil.example")', world.schoolA.name, 'Present', '', '8:55am'],
      ]),
    );
    // Everyone the page lists, in its order.
    const text = visibleText(page.text);
    const names = rows.slice(1).map((r) => r[0] ?? '');
    expect(names).toHaveLength(2);
    expect(names.map((n) => text.indexOf(n.replace(/^'/, '')))).toEqual([...names.map((n) => text.indexOf(n.replace(/^'/, '')))].sort((a, b) => a - b));

    // Like the register itself: not for a teacher who can see the session, nor another trust.
    const outsider = ctx().client();
    await signIn(outsider, world.otherAdmin.email);
    expect((await outsider.get(`/sessions/${sessionId}/register.csv`)).status).toBe(404);
  });

  it('a cohort’s application list downloads with the page’s columns and filters', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    await db.updateTable('people').set({ family_name: 'Okafor, Jr' }).where('id', '=', world.report.id).execute();
    const lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
    const page = await lead.get(`/cohorts/${programmes.cohortId}/applications`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/cohorts/${programmes.cohortId}/applications.csv"`);
    const rows = csvRows(
      await lead.get(`/cohorts/${programmes.cohortId}/applications.csv`),
      /^attachment; filename="towards-middle-leadership-[a-z0-9]+-cohort-2-applications\.csv"$/,
    );
    expect(rows[0]).toEqual(pageHeadings(page.text));
    expect(rows.slice(1)).toEqual([
      [
        'Ravi Okafor, Jr',
        world.schoolA.name,
        'Awaiting endorsement',
        'Line manager: waiting for an answer\nHeadteacher: not asked yet',
        'Eligible',
        '2026-11-01',
      ],
    ]);

    const filtered = await lead.get(`/cohorts/${programmes.cohortId}/applications?status=awaiting_endorsement&eligibility=eligible`);
    expect(filtered.text).toContain(`href="/cohorts/${programmes.cohortId}/applications.csv?status=awaiting_endorsement&amp;eligibility=eligible"`);
    expect(csvRows(await lead.get(`/cohorts/${programmes.cohortId}/applications.csv?eligibility=not_eligible`), /-not-eligible\.csv"$/)).toEqual([rows[0]]);

    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    expect((await manager.get(`/cohorts/${programmes.cohortId}/applications.csv`)).status).toBe(403);
  });

  it('an admin downloads everyone the staff directory finds (every page) with its columns; others can’t', async () => {
    const { db } = ctx();
    const world = await makeWorld(db);
    await awkwardNames(db, world.report.id, world.staff.id);
    for (let i = 0; i < 26; i += 1)
      await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: `Birch${i}`, withPassword: false });

    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    const page = await admin.get(`/staff?school=${world.schoolB.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/staff.csv?school=${world.schoolB.id}"`);
    const birch = csvRows(await admin.get(`/staff.csv?school=${world.schoolB.id}`), /^attachment; filename="staff-filtered\.csv"$/);
    expect(birch[0]).toEqual(pageHeadings(page.text));
    expect(birch[0]).toEqual(['Name', 'Job title', 'School']);
    // All 28 of school B's staff (the page shows 25 at a time): 26 made here, its admin and the programme lead.
    expect(birch.length - 1).toBe(28);
    expect(new Set(birch.slice(1).map((r) => r[2]))).toEqual(new Set([world.schoolB.name]));

    const everyone = csvRows(await admin.get('/staff.csv'), /^attachment; filename="staff\.csv"$/);
    expect(everyone.slice(1).map((r) => r[0])).toEqual(expect.arrayContaining(['Okafor, Jr, Ravi', `'=HYPERLINK("http://evil.example"), Sian`]));
    expect(everyone.slice(1).map((r) => r[0])).not.toContain(expect.stringContaining('Zed'));

    // A school admin gets their school's staff; a line manager sees the directory but no download.
    const head = ctx().client();
    await signIn(head, world.schoolAdminA.email);
    const theirs = csvRows(await head.get('/staff.csv'), /staff\.csv"$/);
    expect(new Set(theirs.slice(1).map((r) => r[2]))).toEqual(new Set([world.schoolA.name]));
    const manager = ctx().client();
    await signIn(manager, world.lineManager.email);
    expect((await manager.get('/staff')).text).not.toContain('/staff.csv');
    expect((await manager.get('/staff.csv')).status).toBe(403);
  });
});
