import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeCohort, makeEnrolment, makeProgramme } from '../../../test/support/programme-world';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import type { LeadershipLevel } from '../staff';
import { PROGRESSION_HEADERS } from './reports.more';

/** A role someone held, as the staff record's history keeps it. */
async function roleHeld(db: Db, organisationId: string, personId: string, jobTitle: string, level: LeadershipLevel, from: string, to: string | null) {
  await db
    .insertInto('roles_held')
    .values({
      id: newId(),
      organisation_id: organisationId,
      person_id: personId,
      job_title: jobTitle,
      leadership_level: level,
      school_id: null,
      started_on: from,
      ended_on: to,
      created_at: `${from}T09:00:00.000Z`,
    })
    .execute();
}

describeEachEngine('the progression report', (ctx) => {
  let world: World;
  let lead: TestClient;
  let first: { id: string; title: string };
  let second: { id: string; title: string };

  /** Someone who completed the programme's cohort on the day given. */
  async function completer(programme: { id: string }, cohortId: string, completedOn: string) {
    const { db } = ctx();
    const person = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolA.id });
    const enrolmentId = await makeEnrolment(db, { organisationId: world.organisation.id, cohortId, programmeId: programme.id, personId: person.id });
    await db
      .updateTable('enrolments')
      .set({ status: 'completed', completed_at: `${completedOn}T15:00:00.000Z` })
      .where('id', '=', enrolmentId)
      .execute();
    return person;
  }

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    const org = world.organisation.id;
    first = { ...(await makeProgramme(db, { organisationId: org, title: 'Middle leadership', stagePosition: 1 })), title: 'Middle leadership' };
    second = { ...(await makeProgramme(db, { organisationId: org, title: 'Senior leadership', stagePosition: 2 })), title: 'Senior leadership' };
    const cohortA = await makeCohort(db, { organisationId: org, programmeId: first.id, startsOn: '2023-09-11', endsOn: '2024-07-12' });
    const cohortB = await makeCohort(db, { organisationId: org, programmeId: second.id, startsOn: '2023-09-11', endsOn: '2024-07-12' });

    // Middle leadership: six completed in July 2024; four were promoted within the year, one moved
    // school as a teacher within two years, one stayed put. One more completed in June 2026: too
    // recently to count in either window.
    for (let i = 0; i < 6; i++) {
      const person = await completer(first, cohortA.id, '2024-07-12');
      if (i < 4) {
        await roleHeld(db, org, person.id, 'Teacher of English', 'none', '2019-09-01', '2025-01-06');
        await roleHeld(db, org, person.id, 'Head of English', 'middle', '2025-01-06', null);
      } else if (i === 4) {
        await roleHeld(db, org, person.id, 'Teacher of English', 'none', '2019-09-01', '2026-04-20');
        await roleHeld(db, org, person.id, 'Teacher of English and Drama', 'none', '2026-04-20', null);
      } else await roleHeld(db, org, person.id, 'Teacher of English', 'none', '2019-09-01', null);
    }
    await completer(first, cohortA.id, '2026-06-30');
    // Senior leadership: two completed, one promoted: too few to show.
    const promoted = await completer(second, cohortB.id, '2024-07-12');
    await roleHeld(db, org, promoted.id, 'Head of Maths', 'middle', '2019-09-01', '2024-11-04');
    await roleHeld(db, org, promoted.id, 'Deputy Headteacher', 'senior', '2024-11-04', null);
    await completer(second, cohortB.id, '2024-07-12');

    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
  });

  it('counts role changes and promotions within 1 and 2 years of completing, only of people whose window has ended', async () => {
    const page = await lead.get('/reports/progression');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Progression after programmes');
    expect(text).toContain('Each window counts only the people who completed at least that long ago');
    // Completed 7; of the 6 a year on, 4 changed role (67%), all 4 to a more senior level; of the 6
    // two years on, 5 changed role (83%), 4 more senior (67%). Fewer than 5 is hidden, so the 4s are c.
    expect(text).toContain('Middle leadership 7 6 c c c c 6 5 83 c c');
    expect(page.text).toContain('role="img"');
    expect(page.text).toContain('Middle leadership: within 2 years');
  });

  it('a promotion within a year counts, and small counts are hidden', async () => {
    const admin = ctx().client();
    await signIn(admin, world.orgAdmin.email);
    // With the threshold at 2, the Senior leadership promotion of one person is still hidden; the counts of 2 are shown.
    await admin.post('/reports/settings', { threshold: '2' });
    try {
      const rows = parse((await lead.get('/reports/progression/by-programme/export.csv')).text, { bom: true }) as string[][];
      expect(rows.find((r) => r[0] === 'Middle leadership')).toEqual(['Middle leadership', '7', '6', '4', '67', '4', '67', '6', '5', '83', '4', '67']);
      expect(rows.find((r) => r[0] === 'Senior leadership')).toEqual(['Senior leadership', '2', '2', 'c', 'c', 'c', 'c', '2', 'c', 'c', 'c', 'c']);
    } finally {
      await admin.post('/reports/settings', { threshold: '5' });
    }
  });

  it('the CSV has the table’s columns and rows, in pathway order', async () => {
    const rows = parse((await lead.get('/reports/progression/by-programme/export.csv')).text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(PROGRESSION_HEADERS);
    expect(rows.slice(1)).toEqual([
      ['Middle leadership', '7', '6', 'c', 'c', 'c', 'c', '6', '5', '83', 'c', 'c'],
      ['Senior leadership', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c'],
    ]);
    const page = visibleText((await lead.get('/reports/progression')).text);
    for (const row of rows.slice(1)) expect(page).toContain(row.join(' '));
  });

  it('a filter value that is not one of the choices is refused: the page says so with a 400, the download is a 400', async () => {
    const page = await lead.get('/reports/progression?programme=not-a-programme&year=1066');
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain('There is a problem');
    expect(text).toContain('Choose a programme from the list');
    expect(text).toContain('Choose an academic year from the list');
    expect((await lead.get('/reports/progression/by-programme/export.csv?programme=not-a-programme')).status).toBe(400);
    expect((await lead.get('/reports/progression/nothing/export.csv')).status).toBe(404);
  });

  it('a filter narrows the counts: one programme, one academic year', async () => {
    const rows = parse((await lead.get(`/reports/progression/by-programme/export.csv?programme=${second.id}&year=2023`)).text, { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[0])).toEqual(['Senior leadership']);
  });

  it('is for programme leads and organisation admins: not line managers or headteachers', async () => {
    for (const email of [world.lineManager.email, world.schoolAdminA.email, world.staff.email]) {
      const client = ctx().client();
      await signIn(client, email);
      expect((await client.get('/reports/progression')).status).toBe(403);
      expect((await client.get('/reports/progression/by-programme/export.csv')).status).toBe(403);
    }
  });
});
