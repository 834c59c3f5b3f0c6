import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/platform/db/ids';
import { matrix } from '../support/matrix';
import { DEMO_PASSWORD, describeInBrowser, startHarness, type Harness } from './support/harness';
import { auditSummary } from './support/journey';
import { heading, signInWithPassword } from './support/pages';

/** Routes that answer with something other than a page. */
const NOT_PAGES = new Set(['GET /assets/app.css', 'GET /assets/:file', 'GET /health']);

describeInBrowser('every page, in a browser', () => {
  let h: Harness;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    const person = await h.db.selectFrom('people').select(['id', 'organisation_id']).where('email_normalised', '=', h.signIns[3].email).executeTakeFirstOrThrow();
    const school = await h.db.selectFrom('schools').select('id').where('name', '=', 'Riverside Academy').executeTakeFirstOrThrow();
    ids[':personId'] = person.id;
    ids[':schoolId'] = school.id;
    ids[':token'] = 'x'.repeat(43);
    ids[':importId'] = newId();
    await h.db
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
  });
  afterAll(async () => {
    await h?.close();
    console.log(auditSummary());
  });

  it('an organisation admin can open every page in the authorisation matrix, and each passes axe', async () => {
    const j = await h.journey({ name: 'every page' });
    await signInWithPassword(j, h.orgAdminEmail, DEMO_PASSWORD);
    const pages = matrix.filter((row) => row.route.startsWith('GET ') && !NOT_PAGES.has(row.route));
    expect(pages.length).toBeGreaterThan(15);
    for (const row of pages) {
      const path = (row.path ?? row.route.slice(4)).replace(/:[A-Za-z]+/g, (param) => ids[param] ?? param);
      await j.goto(path);
      expect(await heading(j.page), `${row.route} has a heading`).not.toBe('');
    }
  });

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

    const staff = await h.journey({ name: 'forbidden' });
    await signInWithPassword(staff, h.signIns[3].email, DEMO_PASSWORD);
    await staff.goto('/schools');
    expect(await heading(staff.page)).toBe('You do not have permission to see this page');
  });
});
