import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/app';
import { buildApplication, buildCohort, buildPerson, buildSchool, type BuiltCohort } from '../../../test/support/build';
import { signIn } from '../../../test/support/factories';
import { type TestClient, visibleText } from '../../../test/support/http';

/** What one page of the review queue shows: the applications linked, the count line and the page links. */
function queuePage(html: string) {
  return {
    ids: [...html.matchAll(/<a class="govuk-link" href="\/applications\/([^"/]+)">/g)].map((m) => m[1] ?? ''),
    showing: /Showing (\d+) to (\d+) of (\d+) applications/.exec(visibleText(html))?.slice(1).map(Number) ?? null,
    next: /href="([^"]*)" rel="next"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null,
    previous: /href="([^"]*)" rel="prev"/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null,
  };
}

describeEachEngine('the review queue of a large round, a page at a time', (ctx) => {
  let cohort: BuiltCohort;
  let lead: TestClient;
  let elsewhere: string;
  let otherCohortsApplication: string;

  beforeAll(async () => {
    const { db } = ctx();
    cohort = await buildCohort(db, { name: 'Cohort 12', capacity: 200 });
    const school = await buildSchool(db, { organisation: cohort.organisation });
    // 120 applications in 40 distinct submission times (three to each), so pages end inside runs of equal times;
    // a quarter waitlisted, the rest waiting for a decision; and one draft withdrawn before it was ever sent.
    for (let i = 0; i < 120; i++) {
      const applicant = await buildPerson(db, { school, givenName: `Applicant${i}` });
      const app = await buildApplication(db, i % 4 === 0 ? 'waitlisted' : 'submitted', { cohort, applicant });
      const second = String(i % 40).padStart(2, '0');
      await db
        .updateTable('applications')
        .set({ submitted_at: `2026-11-01T09:00:${second}.000Z` })
        .where('id', '=', app.id)
        .execute();
    }
    const unsent = await buildApplication(db, 'withdrawn', { cohort, applicant: await buildPerson(db, { school, givenName: 'Unsent' }) });
    await db.updateTable('applications').set({ submitted_at: null }).where('id', '=', unsent.id).execute();
    elsewhere = (await buildApplication(db)).id;
    otherCohortsApplication = (await buildApplication(db, 'submitted', { cohort: await buildCohort(db, { programme: cohort.programme, lead: cohort.lead }) }))
      .id;
    lead = ctx().client({ address: '10.12.0.1' });
    await signIn(lead, cohort.lead.email);
  });

  /** The queue's order as the database gives it: oldest submission first (never-sent first of all), then id. */
  async function expectedOrder(status?: string) {
    let query = ctx().db.selectFrom('applications').select('id').where('cohort_id', '=', cohort.id).where('status', '!=', 'draft');
    if (status) query = query.where('status', '=', status as 'submitted');
    return (await query.orderBy(sql`coalesce(submitted_at, '')`).orderBy('id').execute()).map((r) => r.id);
  }

  /** Follows the "Next" links from `path` to the end; the pages and the address of the last. */
  async function walkForward(path: string) {
    const pages: ReturnType<typeof queuePage>[] = [];
    let at: string | null = path;
    let last = path;
    while (at) {
      const response = await lead.get(at);
      expect(response.status).toBe(200);
      const page = queuePage(response.text);
      pages.push(page);
      last = at;
      at = page.next;
    }
    return { pages, last };
  }

  it('pages forward and back over runs of equal submission times, without repeating or missing an application', async () => {
    const { pages, last } = await walkForward(`/cohorts/${cohort.id}/applications`);
    expect(pages.map((p) => p.showing)).toEqual([
      [1, 50, 121],
      [51, 100, 121],
      [101, 121, 121],
    ]);
    expect(pages.flatMap((p) => p.ids)).toEqual(await expectedOrder());
    expect(visibleText((await lead.get(`/cohorts/${cohort.id}/applications`)).text)).toContain('121 applications');

    // Back from the last page by "Previous": the same pages in reverse, the first at the plain address.
    const back: string[][] = [];
    let at = queuePage((await lead.get(last)).text).previous;
    while (at) {
      const page = queuePage((await lead.get(at)).text);
      back.push(page.ids);
      if (!page.previous) expect(at).toBe(`/cohorts/${cohort.id}/applications`);
      at = page.previous;
    }
    expect(back).toEqual([pages[1]?.ids, pages[0]?.ids]);
  });

  it('keeps the filters on every page, and the CSV holds every application that matches', async () => {
    const { pages } = await walkForward(`/cohorts/${cohort.id}/applications?status=submitted`);
    expect(pages.map((p) => p.showing)).toEqual([
      [1, 50, 90],
      [51, 90, 90],
    ]);
    expect(pages[0]?.next).toContain('status=submitted');
    expect(pages[1]?.previous).toContain('status=submitted');
    expect(pages.flatMap((p) => p.ids)).toEqual(await expectedOrder('submitted'));

    const csv = await lead.get(`/cohorts/${cohort.id}/applications.csv?status=submitted`);
    expect(csv.status).toBe(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(91);
  });

  it('starts at the first page when a page link names an application of another cohort or organisation, or is garbled', async () => {
    const first = queuePage((await lead.get(`/cohorts/${cohort.id}/applications`)).text).ids;
    for (const cursor of [
      `after=${elsewhere}`,
      `before=${elsewhere}`,
      `after=${otherCohortsApplication}`,
      'after=%27%20or%201%3D1',
      `before=${'x'.repeat(500)}`,
      'after=',
    ]) {
      const response = await lead.get(`/cohorts/${cohort.id}/applications?${cursor}`);
      expect(response.status).toBe(200);
      const page = queuePage(response.text);
      expect(page.ids).toEqual(first);
      expect(page.ids).not.toContain(elsewhere);
      expect(page.ids).not.toContain(otherCohortsApplication);
    }
  });

  describe('a small round', () => {
    it('shows every application on one page, without page links', async () => {
      const small = await buildCohort(ctx().db, { programme: cohort.programme, lead: cohort.lead, name: 'Cohort 13' });
      await buildApplication(ctx().db, 'submitted', { cohort: small });
      const page = queuePage((await lead.get(`/cohorts/${small.id}/applications`)).text);
      expect(page.ids).toHaveLength(1);
      expect(page.showing).toBeNull();
      expect(page.next).toBeNull();
      expect(page.previous).toBeNull();
    });
  });
});
