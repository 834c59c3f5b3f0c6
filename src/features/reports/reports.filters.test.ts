import { parse } from 'csv-parse/sync';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { makePerson, makeWorld, signIn, type World } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeEnrolment, makeProgrammeWorld } from '../../../test/support/programme-world';

type ProgrammeWorld = Awaited<ReturnType<typeof makeProgrammeWorld>>;

describeEachEngine('report filters', (ctx) => {
  let world: World;
  let programmes: ProgrammeWorld;
  let lead: TestClient;

  beforeAll(async () => {
    const { db } = ctx();
    world = await makeWorld(db);
    programmes = await makeProgrammeWorld(db, world);
    // On Cohort 1 besides the world's Ravi (teaching, school A): a support assistant at school B, and
    // a teacher from a partner organisation (enrolments carry the participant's own organisation).
    const assistant = await makePerson(db, { organisationId: world.organisation.id, schoolId: world.schoolB.id, givenName: 'Ada', staffType: 'associate' });
    await makeEnrolment(db, {
      organisationId: world.organisation.id,
      cohortId: programmes.earlierCohortId,
      programmeId: programmes.programmeId,
      personId: assistant.id,
    });
    const partner = await makePerson(db, { organisationId: world.otherOrganisation.id, schoolId: world.otherSchool.id, givenName: 'Pip' });
    await makeEnrolment(db, {
      organisationId: world.otherOrganisation.id,
      cohortId: programmes.earlierCohortId,
      programmeId: programmes.programmeId,
      personId: partner.id,
    });
    lead = ctx().client();
    await signIn(lead, world.programmeLead.email);
  });

  const onItNow = async (query: string) => {
    const rows = parse((await lead.get(`/reports/pipeline/export.csv${query}`)).text, { bom: true }) as string[][];
    return rows[1]?.[1] ?? 'none';
  };

  it('offers organisation, school, programme, cohort, academic year and type of staff, as a form that works without JavaScript', async () => {
    const page = await lead.get('/reports');
    expect(page.text).toContain('method="get" action="/reports"');
    for (const name of ['organisation', 'school', 'programme', 'cohort', 'year', 'staffType']) expect(page.text).toContain(`name="${name}"`);
    const text = visibleText(page.text);
    expect(text).toContain('Participants’ organisation');
    expect(text).toContain(world.otherOrganisation.name);
    expect(await onItNow('')).toBe('3');
  });

  it('narrows every table to the participants’ organisation, school, type of staff or cohort, and the downloads follow', async () => {
    expect(await onItNow(`?organisation=${world.otherOrganisation.id}`)).toBe('1');
    expect(await onItNow(`?organisation=${world.organisation.id}`)).toBe('2');
    expect(await onItNow(`?school=${world.schoolB.id}`)).toBe('1');
    expect(await onItNow('?staffType=associate')).toBe('1');
    expect(await onItNow(`?cohort=${programmes.cohortId}`)).toBe('none');

    const page = await lead.get(`/reports?school=${world.schoolB.id}&staffType=associate`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`/reports/pipeline/export.csv?school=${world.schoolB.id}&amp;staffType=associate`);
    const byCohort = parse((await lead.get(`/reports/cohorts/export.csv?cohort=${programmes.earlierCohortId}`)).text, { bom: true }) as string[][];
    expect(byCohort.slice(1).map((r) => r[0]?.replace(/^.*, /, ''))).toEqual(['Cohort 1']);
    const file = await lead.get(`/reports/cohorts/export.csv?cohort=${programmes.earlierCohortId}&staffType=associate`);
    expect(file.headers.get('content-disposition')).toMatch(/filename="cohorts-towards-middle-leadership-[a-z0-9]+-cohort-1-associate\.csv"/);
  });

  it('says which filter is wrong, on the page and as a 400 for a download', async () => {
    const page = await lead.get('/reports?cohort=nope&organisation=nope&staffType=pilot');
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(
      'There is a problem Choose an organisation from the list Choose a cohort from the list Choose a type of staff from the list',
    );
    expect((await lead.get('/reports/pipeline/export.csv?cohort=nope')).status).toBe(400);
  });

  it('narrows the diversity report by academic year and cohort, counting in the database, and never offers another organisation’s staff', async () => {
    const page = await lead.get('/reports/diversity');
    expect(page.text).not.toContain('name="organisation"');
    expect(page.text).toContain('name="cohort"');
    const onProgramme = async (query: string) => {
      const rows = parse((await lead.get(`/reports/diversity/sex/export.csv${query}`)).text, { bom: true }) as string[][];
      return rows.find((r) => r[0] === 'Total')?.slice(7, 9);
    };
    // Two of the trust's own staff are on Cohort 1 (which started in the 2025 to 2026 year): below 5, hidden.
    expect(await onProgramme('')).toEqual(['c', 'c']);
    expect(await onProgramme('?year=2026')).toEqual(['0', 'z']);
    expect(await onProgramme(`?cohort=${programmes.cohortId}`)).toEqual(['0', 'z']);
    expect((await lead.get('/reports/diversity/sex/export.csv?cohort=nope')).status).toBe(400);
  });
});
