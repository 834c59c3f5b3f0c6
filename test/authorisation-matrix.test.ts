import { beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_RULE } from '../src/platform/http/access';
import { describeEachEngine, type TestContext } from './support/app';
import { makePerson, makeWorld, signIn, type World } from './support/factories';
import { makeProgrammeWorld, type ProgrammeWorld } from './support/programme-world';
import type { TestClient } from './support/http';
import { expected, leaverOutcome, matrix, viewers, type Outcome, type Row, type Viewer } from './support/matrix';
import type { Db } from '../src/platform/db/database';
import { part, present } from './support/present';

/** Each feature's records for its rows (`test/support/worlds/<feature>.ts`), found by name so adding a feature registers nothing here. */
const recordMakers = import.meta.glob<{ matrixRecords: (db: Db, world: World, programmes: ProgrammeWorld) => Promise<Record<string, string>> }>(
  './support/worlds/*.ts',
  { eager: true },
);

/**
 * The signed-in pages (beyond those anyone may open) a member of staff of a school not on Waymark
 * reaches, as an applicant to one of the organisation's programmes: their own account, applications,
 * notifications, portfolio and record, and the programmes and careers pages every member of staff
 * sees. Nothing of anyone else's: no staff records, schools, cohorts, rosters, applications or
 * endorsements. The matrix walk checks every GET row against this list.
 */
const OUTSIDE_APPLICANT_REACHES: readonly string[] = [
  // Their own: home, account (with their school and role), applications, endorsement requests (none), notifications, calendar, record and portfolio.
  'GET /',
  'GET /account',
  'GET /account/linked-accounts',
  'GET /account/personal',
  'GET /account/school-and-role',
  'GET /applications',
  'GET /endorsements',
  'GET /notifications',
  'GET /notifications/settings',
  'GET /calendar',
  'GET /my-programme',
  'GET /equality',
  'GET /certificates',
  'GET /graduations',
  'GET /record',
  'GET /record/export.json',
  'GET /record/import',
  'GET /record/record.pdf',
  'GET /record/shares/new',
  'GET /portfolio',
  'GET /portfolio/new',
  'GET /projects',
  'GET /projects/new',
  'GET /feedback',
  'GET /feedback/new',
  'GET /feedback/approvals',
  'GET /mentoring',
  'GET /mentoring/profile',
  'GET /careers',
  'GET /careers/aspiration',
  // What every member of staff of the organisation sees alike: its programmes (the one they apply to), sessions and events, careers pages, the school list.
  'GET /careers/directory',
  'GET /careers/directory/:itemId',
  'GET /careers/opportunities',
  'GET /careers/opportunities/:opportunityId',
  'GET /careers/roles',
  'GET /careers/roles/:roleId',
  'GET /careers/vacancies',
  'GET /events',
  'GET /partner-programmes',
  'GET /programmes',
  'GET /programmes/:programmeId',
  'GET /programmes/is-this-for-me',
  'GET /school-list (/school-list?q=primary)',
  'GET /sessions',
];

function outcomeOf(status: number, location: string | null): Outcome {
  if (status === 303 && location?.startsWith('/sign-in') && !location.startsWith('/sign-in?signed-out')) return 'sign-in';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  return 'allowed';
}

describe('the authorisation matrix', () => {
  it('has a row for every route, and every route declares who may use it', async () => {
    const { createTestContext } = await import('./support/app');
    const context = await createTestContext('sqlite');
    const routes = new Map<string, boolean>();
    for (const r of context.app.routes) {
      if (r.method === 'ALL') continue;
      const key = `${r.method} ${r.path}`;
      const declared = Object.getOwnPropertySymbols(r.handler).includes(ACCESS_RULE);
      routes.set(key, (routes.get(key) ?? false) || declared);
    }
    await context.database.destroy();
    const rows = new Set<string>(matrix.map((row) => row.route));
    const missingRows = [...routes.keys()].filter((route) => !rows.has(route));
    const staleRows = [...rows].filter((route) => !routes.has(route));
    const undeclared = [...routes].filter(([, declared]) => !declared).map(([route]) => route);
    expect(missingRows, 'routes with no row in the authorisation matrix').toEqual([]);
    expect(staleRows, 'matrix rows for routes that no longer exist').toEqual([]);
    expect(undeclared, 'routes without an access(...) rule').toEqual([]);
  });
});

describeEachEngine('every route gives each kind of person what the matrix says', (ctx) => {
  let world: World;
  let clients: Record<Viewer, TestClient>;
  /** A former member of staff at school A, signed in to their personal account only (their own record). */
  let leaver: TestClient;
  let leaverWorlds = 0;
  let subjectSessionId: string;
  let grantId: string;
  let importId: string;
  let programmes: ProgrammeWorld;
  let featureIds: Record<string, string>;
  /** A member of staff of a school not on Waymark who joined the organisation to apply (the headteacher-support world's). */
  let outsideApplicant: TestClient;
  /** What the outside applicant got from each GET row. */
  const outsideOutcomes = new Map<string, Outcome>();

  async function freshWorld(context: TestContext) {
    world = await makeWorld(context.db);
    programmes = await makeProgrammeWorld(context.db, world);
    featureIds = {};
    for (const file of Object.keys(recordMakers).sort()) Object.assign(featureIds, await recordMakers[file]?.matrixRecords(context.db, world, programmes));
    const grant = await context.db.selectFrom('people').select('id').where('id', '=', world.report.id).executeTakeFirstOrThrow();
    grantId = (
      await context.db
        .insertInto('role_grants')
        .values({
          id: `grant-${grant.id}`,
          person_id: grant.id,
          role: 'programme_lead',
          school_id: null,
          scope_key: 'organisation',
          granted_by: null,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    importId = `import-${grant.id}`;
    await context.db
      .insertInto('staff_imports')
      .values({
        id: importId,
        organisation_id: world.organisation.id,
        created_by: world.schoolAdminA.id,
        file_name: 'staff.csv',
        content: `Forename,Surname,Email,Staff Type\nAda,Lovelace,ada-${grant.id}@example.org,Teacher\n`,
        column_mapping: JSON.stringify({ givenName: 'Forename', familyName: 'Surname', email: 'Email', staffType: 'Staff Type' }),
        default_school_id: world.schoolA.id,
        status: 'previewed',
        summary: null,
        created_at: new Date().toISOString(),
        applied_at: null,
      })
      .execute();
    // The data protection officer: a member of staff at school A with the role, and nothing else of theirs in the world.
    const dpo = await makePerson(context.db, {
      organisationId: world.organisation.id,
      schoolId: world.schoolA.id,
      givenName: 'Dara',
      roles: [{ role: 'data_protection_officer' }],
    });
    const subject = context.client();
    await signIn(subject, world.report.email);
    subjectSessionId = (await context.db.selectFrom('sign_in_sessions').select('id').where('person_id', '=', world.report.id).executeTakeFirstOrThrow()).id;
    const people: Record<Exclude<Viewer, 'anonymous'>, string> = {
      staff: world.staff.email,
      lineManager: world.lineManager.email,
      schoolAdminHere: world.schoolAdminA.email,
      schoolAdminOther: world.schoolAdminB.email,
      orgAdmin: world.orgAdmin.email,
      otherOrgAdmin: world.otherAdmin.email,
      programmeLead: world.programmeLead.email,
      dataProtectionOfficer: dpo.email,
    };
    outsideApplicant = context.client({ address: '10.0.1.99' });
    await signIn(outsideApplicant, present(featureIds.outsideApplicantEmail, 'the outside applicant of the headteacher-support world'));
    leaver = await signInLeaver(context);
    clients = { anonymous: context.client() } as Record<Viewer, TestClient>;
    for (const [viewer, email] of Object.entries(people)) {
      const client = context.client({ address: `10.0.0.${Object.keys(clients).length}` });
      await signIn(client, email);
      clients[viewer as Viewer] = client;
    }
  }

  /** A leaver of school A with a confirmed personal address, signed in with the link sent to it. */
  async function signInLeaver(context: TestContext): Promise<TestClient> {
    const person = await makePerson(context.db, { organisationId: world.organisation.id, schoolId: world.schoolA.id, givenName: 'Lee', status: 'deactivated' });
    const accountId = `account-${person.id}`;
    const personalEmail = `lee-${person.id}@personal.example.net`;
    const at = new Date().toISOString();
    await context.db
      .insertInto('personal_accounts')
      .values({
        id: accountId,
        personal_email: personalEmail,
        personal_email_normalised: personalEmail,
        confirmed_at: at,
        pending_email: null,
        trn: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await context.db.insertInto('personal_account_people').values({ person_id: person.id, account_id: accountId, linked_at: at }).execute();
    // Its own address each world: links asked for from one address are limited.
    leaverWorlds++;
    const client = context.client({ address: `10.1.${Math.floor(leaverWorlds / 250)}.${leaverWorlds % 250}` });
    await client.post('/sign-in/personal', { email: personalEmail });
    await context.deliverMail();
    const text = context.mailer.sent.filter((e) => e.to === personalEmail).at(-1)?.text ?? '';
    const link = /http:\/\/localhost(\/sign-in\/personal\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
    if (!link || (await client.post(link)).status !== 303) throw new Error('the leaver could not sign in to their personal account');
    return client;
  }

  function pathFor(row: Row): string {
    const ids: Record<string, string> = {
      personId: world.report.id,
      schoolId: world.schoolA.id,
      grantId,
      signInId: subjectSessionId,
      importId,
      token: 'x'.repeat(43),
      frameworkId: programmes.frameworkId,
      versionId: programmes.versionId,
      domainId: programmes.domainId,
      skillId: programmes.skillId,
      pathwayId: programmes.pathwayId,
      programmeId: programmes.programmeId,
      moduleId: programmes.moduleId,
      cohortId: programmes.cohortId,
      applicationId: programmes.applicationId,
      endorsementId: programmes.endorsementId,
      enrolmentId: programmes.enrolmentId,
      ...featureIds,
    };
    const path = row.path ?? part(row.route, ' ', 1, 'the path of the route');
    return path.replace(/:([A-Za-z]+)/g, (param, name: string) => {
      return present(ids[name], `a record for ${param} in ${row.route} (the matrix test has none)`);
    });
  }

  beforeAll(async () => {
    await freshWorld(ctx());
  });

  for (const row of matrix) {
    it(`${row.route}`, async () => {
      const [method] = row.route.split(' ');
      // Actions change things; each POST row starts from a fresh world so earlier rows can't decide later ones.
      if (method === 'POST') await freshWorld(ctx());
      const got: Record<string, Outcome> = {};
      const want: Record<string, Outcome> = {};
      // Sign-out ends the session, so it runs last for each viewer.
      for (const viewer of viewers) {
        const client = clients[viewer];
        const page = method === 'GET' ? await client.get(pathFor(row)) : await client.post(pathFor(row), {});
        got[viewer] = outcomeOf(page.status, page.location);
        want[viewer] = present(expected(row, viewer), `the expected outcome for ${viewer} in ${row.route}`);
        if (page.status >= 500) throw new Error(`${row.route} as ${viewer} gave ${page.status}`);
      }
      // The leaver, signed in to their personal account only: their own record, and nothing of the school's.
      const page = method === 'GET' ? await leaver.get(pathFor(row)) : await leaver.post(pathFor(row), {});
      if (page.status >= 500) throw new Error(`${row.route} as the leaver gave ${page.status}`);
      got.leaver = outcomeOf(page.status, page.location);
      want.leaver = leaverOutcome(row);
      expect(got).toEqual(want);
      if (method === 'GET') {
        const outsidePage = await outsideApplicant.get(pathFor(row));
        if (outsidePage.status >= 500) throw new Error(`${row.route} as the outside applicant gave ${outsidePage.status}`);
        outsideOutcomes.set(`${row.route}${row.path ? ` (${row.path})` : ''}`, outcomeOf(outsidePage.status, outsidePage.location));
      }
    });
  }

  it('a member of staff of a school not on Waymark reaches only public pages, their own, and the programmes open to them', () => {
    const reached = [...outsideOutcomes].filter(([, outcome]) => outcome === 'allowed').map(([route]) => route);
    const publicRows = matrix
      .filter((row) => row.route.startsWith('GET') && row.expect[0] === 'allowed')
      .map((row) => `${row.route}${row.path ? ` (${row.path})` : ''}`);
    expect(reached.filter((route) => !publicRows.includes(route)).sort()).toEqual([...OUTSIDE_APPLICANT_REACHES].sort());
  });
});
