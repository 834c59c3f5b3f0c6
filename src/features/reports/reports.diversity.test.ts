import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeEnrolment, makeProgrammeWorld } from '../../../test/support/programme-world';
import { installStarterRoles } from '../careers/careers.queries';

const at = '2026-11-01T09:00:00.000Z';

describeEachEngine('diversity and barriers reports', (ctx) => {
  let world: World;
  let lead: TestClient;
  let orgAdmin: TestClient;
  let manager: TestClient;
  let headteacher: TestClient;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    const programmes = await makeProgrammeWorld(db, world);
    const organisationId = world.organisation.id;
    await installStarterRoles(db, organisationId, at);
    const role = await db.selectFrom('careers_roles').select('id').where('organisation_id', '=', organisationId).executeTakeFirstOrThrow();
    // 24 women (8 on a programme), 10 men (2 on a programme), 3 who prefer not to say; the world's
    // nine people gave nothing.
    const answers: [string, string, boolean][] = [
      ...Array.from({ length: 24 }, (_, i) => ['female', i % 3 === 0 ? 'asian_pakistani' : 'white_british', i < 8] as [string, string, boolean]),
      ...Array.from({ length: 10 }, (_, i) => ['male', 'white_british', i < 2] as [string, string, boolean]),
      ...Array.from({ length: 3 }, () => ['prefer_not', 'prefer_not', false] as [string, string, boolean]),
    ];
    for (const [i, [sex, ethnicity, enrolled]] of answers.entries()) {
      const person = await makePerson(db, { organisationId, schoolId: world.schoolA.id, givenName: `Person${i}` });
      await db
        .insertInto('equality_answers')
        .values({
          person_id: person.id,
          organisation_id: organisationId,
          sex,
          ethnicity,
          disability: 'no',
          age_band: null,
          working_pattern: 'full_time',
          updated_at: at,
        })
        .execute();
      if (enrolled) await makeEnrolment(db, { organisationId, cohortId: programmes.earlierCohortId, programmeId: programmes.programmeId, personId: person.id });
      // Aspirations: everyone with an even number names workload; two name confidence.
      if (i % 2 === 0)
        await db
          .insertInto('careers_aspirations')
          .values({
            person_id: person.id,
            organisation_id: organisationId,
            role_id: role.id,
            timeframe: '1_to_3',
            barriers: JSON.stringify(i < 4 ? ['workload', 'confidence'] : ['workload']),
            support: '',
            sharing: 'only_me',
            updated_at: at,
          })
          .execute();
    }
    lead = ctx().client({ address: '10.4.0.1' });
    orgAdmin = ctx().client({ address: '10.4.0.2' });
    manager = ctx().client({ address: '10.4.0.3' });
    headteacher = ctx().client({ address: '10.4.0.4' });
    await signIn(lead, world.programmeLead.email);
    await signIn(orgAdmin, world.orgAdmin.email);
    await signIn(manager, world.lineManager.email);
    await signIn(headteacher, world.schoolAdminA.email);
  });

  const row = (rows: string[][], group: string) => rows.find((r) => r[0] === group) as string[];

  it('counts the pipeline against the staff body by group, hiding every count below 5 and whatever would give one away', async () => {
    const page = await lead.get('/reports/diversity');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Diversity of the pipeline');
    expect(text).toContain('Numbers below 5 are hidden');
    expect(text).toContain('What c means');
    expect(page.text).toContain('role="img"');

    const file = await lead.get('/reports/diversity/sex/export.csv');
    expect(file.headers.get('content-type')).toContain('text/csv');
    const rows: string[][] = parse(file.text, { bom: true });
    expect(rows[0]).toEqual([
      'Group',
      'All staff',
      'All staff (%)',
      'Not applied',
      'Not applied (%)',
      'Applied',
      'Applied (%)',
      'On a programme',
      'On a programme (%)',
      'Completed',
      'Completed (%)',
    ]);
    // 24 women, 8 on a programme: shown. 2 men on a programme: hidden, and so is another count in
    // that column and in the men's row, so neither can be worked out from the totals.
    expect(row(rows, 'Female').slice(0, 2)).toEqual(['Female', '24']);
    expect(row(rows, 'Male')[7]).toBe('c');
    expect(row(rows, 'Male')[8]).toBe('c');
    const onProgramme = rows.slice(1).map((r) => r[7]);
    expect(onProgramme.filter((v) => v === 'c').length).toBeGreaterThanOrEqual(2);
    expect(row(rows, 'Male').filter((v) => v === 'c').length).toBeGreaterThanOrEqual(4);
    // Three who prefer not to say, and nobody completed: hidden.
    expect(row(rows, 'Prefer not to say')[1]).toBe('c');
    // Nobody's name or answers appear: only groups.
    expect(file.text).not.toContain('Person');
  });

  it('groups ethnicity into the census’s five broad groups', async () => {
    const rows: string[][] = parse((await lead.get('/reports/diversity/ethnicity/export.csv')).text, { bom: true });
    expect(rows.map((r) => r[0])).toEqual([
      'Group',
      'White',
      'Mixed or multiple ethnic groups',
      'Asian or Asian British',
      'Black, Black British, Caribbean or African',
      'Other ethnic group',
      'Prefer not to say',
      'Not given',
      'Total',
    ]);
    expect(row(rows, 'Asian or Asian British')[1]).toBe('8');
  });

  it('narrows to a school and a type of staff, and says which filter is wrong', async () => {
    const other = await lead.get(`/reports/diversity?school=${world.schoolB.id}`);
    expect(visibleText(other.text)).not.toContain('Female24');
    const bad = await lead.get('/reports/diversity?school=nowhere&staffType=pilot');
    expect(visibleText(bad.text)).toContain('Choose a school from the list');
    expect(visibleText(bad.text)).toContain('Choose a type of staff from the list');
    expect((await lead.get('/reports/diversity/sex/export.csv?school=nowhere')).status).toBe(400);
    expect((await lead.get('/reports/diversity/religion/export.csv')).status).toBe(404);
  });

  it('is for programme leads and organisation admins only: not line managers, not headteachers', async () => {
    for (const client of [manager, headteacher]) {
      expect((await client.get('/reports/diversity')).status).toBe(403);
      expect((await client.get('/reports/diversity/sex/export.csv')).status).toBe(403);
      expect((await client.get('/reports/barriers')).status).toBe(403);
    }
  });

  it('counts barriers to aspiring, hiding the small ones', async () => {
    const text = visibleText((await lead.get('/reports/barriers')).text);
    expect(text).toContain('Barriers to aspiring');
    const rows: string[][] = parse((await lead.get('/reports/barriers/export.csv')).text, { bom: true });
    expect(rows[0]).toEqual(['Group', 'Teaching staff', 'Teaching staff (%)', 'Associate or support staff', 'Associate or support staff (%)']);
    expect(row(rows, 'Workload').slice(1, 3)).toEqual(['19', '100']);
    // Two name confidence: hidden.
    expect(row(rows, 'Confidence')[1]).toBe('c');
    expect(row(rows, 'People with an aspiration')[1]).toBe('19');
  });

  it('lets an organisation admin change the threshold, within its limits', async () => {
    const bad = await orgAdmin.post('/reports/settings', { threshold: '1' });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain('Enter a whole number from 2 to 50');
    expect((await lead.post('/reports/settings', { threshold: '2' })).status).toBe(403);
    expect((await orgAdmin.post('/reports/settings', { threshold: '2' })).status).toBe(303);
    const rows: string[][] = parse((await lead.get('/reports/barriers/export.csv')).text, { bom: true });
    expect(row(rows, 'Confidence')[1]).toBe('2');
    expect(visibleText((await lead.get('/reports/diversity')).text)).toContain('Numbers below 2 are hidden');
    await orgAdmin.post('/reports/settings', { threshold: '5' });
  });
});
