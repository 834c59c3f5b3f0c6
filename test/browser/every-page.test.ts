import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/ids';
import { expected, matrix, type Row, type Viewer } from '../support/matrix';
import { makeFramework } from '../support/programme-world';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary, type Journey } from './support/journey';
import { layoutProblems } from './support/layout';
import { heading, signInWithPassword } from './support/pages';
import { item } from '../support/present';

/** Each feature's demo records for its pages (`support/page-ids/<feature>.ts`), found by name. */
const pageIdFinders = import.meta.glob<{ pageIds: (h: Harness) => Promise<{ ids: Record<string, string>; owners: Record<string, string> }> }>(
  './support/page-ids/*.ts',
  { eager: true },
);

/** Routes that answer with something other than a page (and the framework exports, which download files). */
const NOT_PAGES = new Set([
  'GET /assets/app.css',
  'GET /assets/:file',
  'GET /health',
  'GET /ready' /* JSON for load balancers */,
  'GET /sessions/:sessionId/materials/:materialId' /* a file download */,
  'GET /enrolments/:enrolmentId/self-assessment/:checkpoint/evidence/:evidenceId' /* a file download */,
  'GET /feedback/:roundId/report.pdf' /* a PDF download */,
  'GET /projects/:projectId/summary.pdf' /* a PDF download */,
  'GET /record/record.pdf' /* a PDF download */,
  'GET /certificates/:code/certificate.pdf' /* a PDF download */,
  'GET /certificates/:code/credential.json' /* a credential download */,
  'GET /.well-known/did.json' /* JSON for credential verifiers */,
  'GET /issuers/:organisationId/did.json' /* JSON for credential verifiers */,
  'GET /issuers/:organisationId/status-list' /* JSON for credential verifiers */,
  'GET /portfolio/entries/:entryId/attachments/:attachmentId' /* a file download */,
  'GET /portfolio/verifications/:verificationId/attachments/:attachmentId' /* a file download */,
  'GET /portfolio/verify/:verifyToken/attachments/:attachmentId' /* a file download */,
  'GET /subject-rights/exports/:exportId/download' /* a ZIP download */,
]);

/** Every page in the authorisation matrix: its GET rows, less files, feeds and downloads. */
function pagesToVisit(): Row[] {
  return matrix.filter(
    (row) =>
      row.route.startsWith('GET ') &&
      // A row nobody may open (a refusal proved, such as another's endorsement) is no page to walk.
      row.expect.some((e) => e === 'allowed') &&
      !NOT_PAGES.has(row.route) &&
      !/(\/export\.json|\.csv)$/.test(row.route) /* JSON exports and every CSV download */ &&
      !/\.ics\b/.test(row.route) /* calendar files and feeds download */,
  );
}

/** The matrix's kind of viewer each demo sign-in stands for, by the words the demo prints for it. */
const DEMO_VIEWERS: [RegExp, Viewer][] = [
  [/^Organisation admin/, 'orgAdmin'],
  [/^School admin/, 'schoolAdminHere'],
  [/^Line manager/, 'lineManager'],
  [/^Member of staff/, 'staff'],
  [/^Programme lead/, 'programmeLead'],
];

describeInBrowser('every page, in a browser', () => {
  let h: Harness;
  const ids: Record<string, string> = {};

  /** Pages only a record's owner may open (the applicant, the endorser, the participant): who to visit them as. */
  const owners: Record<string, string> = {};

  /** Pages the layout walk also opens with other records (a roster with people in it), by route. */
  const alsoWith: Record<string, Record<string, string>[]> = {};

  beforeAll(async () => {
    h = await startHarness();
    const db = h.db;
    const person = await db
      .selectFrom('people')
      .select(['id', 'organisation_id'])
      .where('email_normalised', '=', item(h.signIns, 3).email)
      .executeTakeFirstOrThrow();
    const school = await db.selectFrom('schools').select('id').where('name', '=', 'Riverside Academy').executeTakeFirstOrThrow();
    ids[':personId'] = person.id;
    ids[':schoolId'] = school.id;
    ids[':token'] = 'x'.repeat(43);
    ids[':importId'] = newId();
    await db
      .insertInto('staff_imports')
      .values({
        id: ids[':importId'],
        organisation_id: person.organisation_id,
        created_by: null,
        file_name: 'arbor-staff.csv',
        content: 'Legal Forename,Legal Surname,Work Email,Staff Type\r\nAda,Lovelace,ada.lovelace@riverside-academy.example.org,Teacher\r\n',
        column_mapping: JSON.stringify({ givenName: 'Legal Forename', familyName: 'Legal Surname', email: 'Work Email', staffType: 'Staff Type' }),
        default_school_id: school.id,
        status: 'previewed',
        summary: null,
        created_at: new Date().toISOString(),
        applied_at: null,
      })
      .execute();

    // Programmes: the demo's own records, plus a draft framework version to edit.
    const framework = await db
      .selectFrom('frameworks')
      .select('id')
      .where('organisation_id', '=', person.organisation_id)
      .where('builtin_key', '=', 'associate')
      .executeTakeFirstOrThrow();
    const draft = await makeFramework(db, person.organisation_id, { frameworkId: framework.id, status: 'draft', number: 2 });
    ids[':frameworkId'] = framework.id;
    ids[':versionId'] = draft.versionId;
    ids[':domainId'] = draft.domainId;
    ids[':skillId'] = item(draft.skillIds, 0);
    ids[':pathwayId'] = (await db.selectFrom('pathways').select('id').executeTakeFirstOrThrow()).id;
    const modular = await db.selectFrom('programmes').select('id').where('title', '=', 'Leadership Pathways').executeTakeFirstOrThrow();
    ids[':programmeId'] = modular.id;
    ids[':moduleId'] = (
      await db.selectFrom('programme_modules').select('id').where('programme_id', '=', modular.id).where('position', '=', 3).executeTakeFirstOrThrow()
    ).id; // chosen by the participant below, not yet completed
    const cohort8 = await db.selectFrom('cohorts').select('id').where('name', '=', 'Cohort 8').executeTakeFirstOrThrow();
    ids[':cohortId'] = cohort8.id;
    // Cohort 8 has applications but nobody enrolled yet; Cohort 7 of Towards Middle Leadership is under way.
    const cohort7 = await db
      .selectFrom('cohorts')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select('cohorts.id')
      .where('programmes.title', '=', 'Towards Middle Leadership')
      .where('cohorts.name', '=', 'Cohort 7')
      .executeTakeFirstOrThrow();
    alsoWith['GET /cohorts/:cohortId/roster'] = [{ ':cohortId': cohort7.id }];
    alsoWith['GET /cohorts/:cohortId/members'] = [{ ':cohortId': cohort7.id }];
    // The member of staff has a draft application to Cohort 8; the line manager is asked to support another.
    ids[':applicationId'] = newId();
    await db
      .insertInto('applications')
      .values({
        id: ids[':applicationId'],
        organisation_id: person.organisation_id,
        cohort_id: cohort8.id,
        person_id: person.id,
        school_id: school.id,
        status: 'draft',
        live_slot: 'live',
        current_role: 'Early Career Teacher, English',
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
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .execute();
    owners['/applications/:applicationId'] = item(h.signIns, 3).email;
    const lineManager = await db.selectFrom('people').select('id').where('email_normalised', '=', item(h.signIns, 2).email).executeTakeFirstOrThrow();
    ids[':endorsementId'] = (
      await db.selectFrom('endorsements').select('id').where('endorser_id', '=', lineManager.id).where('status', '=', 'requested').executeTakeFirstOrThrow()
    ).id;
    owners['/endorsements/:endorsementId'] = item(h.signIns, 2).email;
    // A participant on the modular programme, part way through.
    const participant = await db
      .selectFrom('enrolments')
      .innerJoin('people', 'people.id', 'enrolments.person_id')
      .select(['enrolments.id', 'people.email'])
      .where('enrolments.programme_id', '=', modular.id)
      .where('people.given_name', '=', 'Hannah')
      .executeTakeFirstOrThrow();
    ids[':enrolmentId'] = participant.id;
    owners['/enrolments/:enrolmentId'] = participant.email;
    for (const file of Object.keys(pageIdFinders).sort()) {
      const found = await pageIdFinders[file]?.pageIds(h);
      if (!found) continue;
      Object.assign(ids, found.ids);
      Object.assign(owners, found.owners);
    }
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  it('an organisation admin can open every page in the authorisation matrix (owners open their own), and each passes axe', async () => {
    const admin = await h.journey({ name: 'every page' });
    await signInWithPassword(admin, h.orgAdminEmail, DEMO_PASSWORD);
    const journeys = new Map<string, Journey>();
    const pages = pagesToVisit();
    expect(pages.length).toBeGreaterThan(60);
    for (const row of pages) {
      const route = row.route.slice(4);
      const path = (row.path ?? route).replace(/:[A-Za-z]+/g, (param) => ids[param] ?? param);
      const owner = expected(row, 'orgAdmin') === 'allowed' ? undefined : Object.entries(owners).find(([prefix]) => route.startsWith(prefix))?.[1];
      let j = admin;
      if (owner) {
        j = journeys.get(owner) ?? (await h.journey({ name: `every page as ${owner}` }));
        if (!journeys.has(owner)) await signInWithPassword(j, owner, DEMO_PASSWORD);
        journeys.set(owner, j);
      }
      await j.goto(path);
      expect(await heading(j.page), `${row.route} has a heading`).not.toBe('');
      if (owner) expect(await heading(j.page), `${row.route} opens for its owner`).not.toMatch(/permission|not found/i);
    }
    // About 180 pages, each loaded and checked with axe: on a busy two-core machine that is more than
    // the suite's five minutes for one test.
  }, 900_000);

  /**
   * Signs `email` in (or nobody, for anonymous) and opens every page in the matrix that `viewer` may
   * open, less other people's records (pages with an owner are opened by their owner, and by admins
   * and leads who may see them), checking each at a phone's width and a laptop's with layoutProblems.
   */
  async function layoutWalk(viewer: Viewer, email: string | null): Promise<{ pages: number; problems: string[] }> {
    const context = await h.browser.newContext({ baseURL: h.baseUrl, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(45_000);
    const problems: string[] = [];
    let pages = 0;
    try {
      const page = await context.newPage();
      if (email) {
        await page.goto('/sign-in');
        await page.getByLabel('Email address').fill(email);
        await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
        await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.getByRole('button', { name: 'Sign in' }).click()]);
      }
      const seesOthersRecords = viewer === 'orgAdmin' || viewer === 'schoolAdminHere' || viewer === 'programmeLead';
      for (const row of pagesToVisit()) {
        const route = row.route.slice(4);
        const owner = Object.entries(owners).find(([prefix]) => route.startsWith(prefix))?.[1];
        const allowed = expected(row, viewer) === 'allowed';
        if (owner ? owner !== email && !(allowed && seesOthersRecords) : !allowed) continue;
        for (const records of [ids, ...(alsoWith[row.route] ?? []).map((also) => ({ ...ids, ...also }))]) {
          const path = (row.path ?? route).replace(/:[A-Za-z]+/g, (param) => records[param] ?? param);
          await page.setViewportSize({ width: 1280, height: 900 });
          const response = await page.goto(path);
          if ((response?.status() ?? 0) >= 500) problems.push(`${row.route} (${path}): the server answered ${response?.status()}`);
          pages++;
          for (const problem of await layoutProblems(page)) problems.push(`${row.route} (${new URL(page.url()).pathname}): ${problem}`);
        }
      }
    } finally {
      await context.close();
    }
    return { pages, problems };
  }

  const layoutRoles: { viewer: Viewer; name: string }[] = [
    { viewer: 'anonymous', name: 'someone not signed in' },
    ...DEMO_VIEWERS.map(([, viewer]) => ({ viewer, name: viewer })),
    { viewer: 'staff', name: 'participants (the owners of the records the walk opens)' },
  ];
  for (const role of layoutRoles) {
    it(`every page ${role.name} can open fits a 375 px and a 1280 px window, with no words run together and all in GOV.UK's font`, async () => {
      const emails =
        role.viewer === 'anonymous'
          ? [null]
          : role.name.startsWith('participants')
            ? [...new Set(Object.values(owners))].filter((email) => !h.signIns.some((s) => s.email === email))
            : h.signIns.filter((s) => DEMO_VIEWERS.some(([who, viewer]) => viewer === role.viewer && who.test(s.who))).map((s) => s.email);
      expect(emails.length).toBeGreaterThan(0);
      const problems: string[] = [];
      for (const email of emails) {
        const walk = await layoutWalk(role.viewer, email);
        console.log(`layout: ${walk.pages} pages as ${email ?? 'anonymous'}, ${walk.problems.length} problems`);
        expect(walk.pages).toBeGreaterThan(0);
        problems.push(...walk.problems.map((problem) => `as ${email ?? 'anonymous'}: ${problem}`));
      }
      expect(problems).toEqual([]);
    });
  }

  it('error pages and forms showing their errors pass axe too', async () => {
    const admin = await h.journey({ name: 'errors' });
    await signInWithPassword(admin, h.orgAdminEmail, DEMO_PASSWORD);
    await admin.goto('/no/such/page');
    expect(await heading(admin.page)).toBe('Page not found');
    await admin.goto('/schools/new');
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Save school' }).click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);
    await admin.goto('/staff/new');
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Add member of staff' }).click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);
    await admin.goto('/frameworks/new');
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Create framework' }).click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);
    await admin.goto('/frameworks/import');
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Import' }).click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);
    await admin.goto('/programmes/new');
    await admin.navigate(() => admin.page.locator('form[method="post"] button.govuk-button').first().click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);
    await admin.goto(`/programmes/${ids[':programmeId']}/cohorts/new`);
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Create cohort' }).click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);
    await admin.goto('/organisation/single-sign-on');
    await admin.navigate(() => admin.page.getByRole('button', { name: 'Set up Microsoft sign-in' }).click());
    expect(await admin.page.locator('.govuk-error-summary').count()).toBe(1);

    const staff = await h.journey({ name: 'forbidden' });
    await signInWithPassword(staff, item(h.signIns, 3).email, DEMO_PASSWORD);
    await staff.goto('/schools');
    expect(await heading(staff.page)).toBe('You do not have permission to see this page');
  });
});
