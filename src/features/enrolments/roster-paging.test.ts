import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { buildCohort, buildPerson, buildSchool, type BuiltCohort } from '../../../test/support/build';
import { signIn } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';
import { makeEnrolment } from '../../../test/support/programme-world';

/** What one page of the roster shows: the participants linked, its caption, the count line and the page links. */
function rosterPage(html: string) {
  const text = visibleText(html);
  return {
    ids: [...html.matchAll(/<a class="govuk-link" href="\/enrolments\/([^"/]+)">/g)].map((m) => m[1] ?? ''),
    caption: /(\d+) (?:[a-z]+ )?participants? in Cohort 14/.exec(text)?.[0] ?? null,
    showing: /Showing (\d+) to (\d+) of (\d+)/.exec(text)?.slice(1).map(Number) ?? null,
    next: /href="([^"]*)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null,
    previous: /href="([^"]*)" rel="prev"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null,
  };
}

describeEachEngine('the roster of a large cohort, a page at a time', (ctx) => {
  let cohort: BuiltCohort;
  let lead: TestClient;
  let elsewhere: string;

  beforeAll(async () => {
    const { db } = ctx();
    cohort = await buildCohort(db, { name: 'Cohort 14', capacity: 200 });
    const school = await buildSchool(db, { organisation: cohort.organisation });
    // 120 participants in runs of six with the same name (only the id tells them apart); a quarter deferred.
    for (let i = 0; i < 120; i++) {
      const person = await buildPerson(db, { school, givenName: 'Sam', familyName: `Family${String(Math.floor(i / 6)).padStart(2, '0')}` });
      const id = await makeEnrolment(db, {
        organisationId: cohort.organisation.id,
        cohortId: cohort.id,
        programmeId: cohort.programme.id,
        personId: person.id,
      });
      if (i % 4 === 0) await db.updateTable('enrolments').set({ status: 'deferred' }).where('id', '=', id).execute();
    }
    const other = await buildCohort(db, { name: 'Cohort 15' });
    const outsider = await buildPerson(db, { organisation: other.organisation, givenName: 'Sam', familyName: 'Family00' });
    elsewhere = await makeEnrolment(db, { organisationId: other.organisation.id, cohortId: other.id, programmeId: other.programme.id, personId: outsider.id });
    lead = ctx().client({ address: '10.14.0.1' });
    await signIn(lead, cohort.lead.email);
  });

  /** The roster's order as the database gives it: family name, given name, then id. */
  async function expectedOrder(status?: 'active') {
    let query = ctx()
      .db.selectFrom('enrolments')
      .innerJoin('people', 'people.id', 'enrolments.person_id')
      .select('enrolments.id')
      .where('enrolments.cohort_id', '=', cohort.id);
    if (status) query = query.where('enrolments.status', '=', status);
    return (await query.orderBy('people.family_name').orderBy('people.given_name').orderBy('enrolments.id').execute()).map((r) => r.id);
  }

  async function walkForward(path: string) {
    const pages: ReturnType<typeof rosterPage>[] = [];
    let at: string | null = path;
    let last = path;
    while (at) {
      const response = await lead.get(at);
      expect(response.status).toBe(200);
      pages.push(rosterPage(response.text));
      last = at;
      at = pages[pages.length - 1]?.next ?? null;
    }
    return { pages, last };
  }

  it('pages forward and back by plain links over runs of the same name, showing the whole count on every page', async () => {
    const { pages, last } = await walkForward(`/cohorts/${cohort.id}/roster`);
    expect(pages.map((p) => p.showing)).toEqual([
      [1, 50, 120],
      [51, 100, 120],
      [101, 120, 120],
    ]);
    expect(pages.every((p) => p.caption === '120 participants in Cohort 14')).toBe(true);
    expect(pages.flatMap((p) => p.ids)).toEqual(await expectedOrder());

    const back: string[][] = [];
    let at = rosterPage((await lead.get(last)).text).previous;
    while (at) {
      const page = rosterPage((await lead.get(at)).text);
      back.push(page.ids);
      if (!page.previous) expect(at).toBe(`/cohorts/${cohort.id}/roster`);
      at = page.previous;
    }
    expect(back).toEqual([pages[1]?.ids, pages[0]?.ids]);
  });

  it('keeps the status chosen on every page, and the CSV holds everyone who matches', async () => {
    const { pages } = await walkForward(`/cohorts/${cohort.id}/roster?status=active`);
    expect(pages.map((p) => p.showing)).toEqual([
      [1, 50, 90],
      [51, 90, 90],
    ]);
    expect(pages[0]?.caption).toBe('90 active participants in Cohort 14');
    expect(pages[0]?.next).toContain('status=active');
    expect(pages[1]?.previous).toContain('status=active');
    expect(pages.flatMap((p) => p.ids)).toEqual(await expectedOrder('active'));

    const csv = await lead.get(`/cohorts/${cohort.id}/roster.csv?status=active`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(91);
  });

  it('starts at the first page when a page link names another organisation’s participant, or is garbled', async () => {
    const first = rosterPage((await lead.get(`/cohorts/${cohort.id}/roster`)).text).ids;
    for (const cursor of [`after=${elsewhere}`, `before=${elsewhere}`, 'after=%27%20or%201%3D1', `before=${'x'.repeat(500)}`, 'after=']) {
      const response = await lead.get(`/cohorts/${cohort.id}/roster?${cursor}`);
      expect(response.status).toBe(200);
      const page = rosterPage(response.text);
      expect(page.ids).toEqual(first);
      expect(page.ids).not.toContain(elsewhere);
      expect(page.caption).toBe('120 participants in Cohort 14');
    }
  });
});
