import { z } from 'zod';
import type { Clock } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import type { Logger } from '../../platform/log';
import { replaceVacancies } from './careers.queries';
import type { CareersVacanciesTable } from './careers.tables';

/**
 * The feed's job-role values (Teaching Vacancies' `job_roles`) mapped to the starter roles of the
 * role map. Values not listed (teacher, teaching assistant, …) are not leadership and are not kept.
 */
export const JOB_ROLE_TO_ROLES: Record<string, string[]> = {
  headteacher: ['headteacher'],
  deputy_headteacher: ['deputy_head'],
  assistant_headteacher: ['assistant_head'],
  head_of_year_or_phase: ['head_of_year', 'subject_leader'],
  head_of_department_or_curriculum: ['subject_leader'],
  sendco: ['senco'],
  other_leadership: ['assistant_head', 'deputy_head'],
};

/** The outward code of a UK postcode ("LS11 5QB" → "LS11"), or null when it isn't one. */
export function postcodeDistrict(postcode: string | null | undefined): string | null {
  const compact = (postcode ?? '').toUpperCase().replace(/\s+/g, '');
  const match = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})?$/.exec(compact);
  return match ? (match[1] ?? null) : null;
}

const text = z.string().trim().min(1);
const roles = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
const address = z.object({ postalCode: z.string().optional() }).passthrough();
const location = z.object({ address: address.optional() }).passthrough();

/** One schema.org `JobPosting` as the feed gives it: what we need, and nothing else is required. */
const jobPosting = z
  .object({
    url: z.url({ protocol: /^https?$/ }), // shown as a link: never javascript: or data:
    title: text,
    validThrough: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'validThrough is not a date'),
    datePosted: z.string().optional(),
    hiringOrganization: z.object({ name: z.string().optional() }).passthrough().optional(),
    jobLocation: z.union([location, z.array(location)]).optional(),
    job_roles: roles.optional(),
    jobRoles: roles.optional(),
    occupationalCategory: roles.optional(),
  })
  .passthrough();

const page = z.object({
  data: z.array(z.unknown()),
  links: z.object({ next: z.string().nullish() }).passthrough().optional(),
  meta: z.object({ totalPages: z.number().int().optional() }).passthrough().optional(),
});

/** Something went wrong fetching the feed: nothing from this run is stored, and the next sweep tries again. */
export class FeedError extends Error {}

export interface ImportOptions {
  /** The feed's base address, e.g. https://teaching-vacancies.service.gov.uk. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Politeness: at least this long between requests (the feed allows about 10 in 4 seconds). */
  minIntervalMs?: number;
  /** Tries per page before giving up on the run. */
  attempts?: number;
  maxPages?: number;
  sleep?: (ms: number) => Promise<void>;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

export interface ImportResult {
  pages: number;
  imported: number;
  skipped: number;
  removed: number;
  /** Time spent waiting politely or backing off, not processing. */
  waitedMs: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Turns one feed item into a row, or null (with why) when it lacks what we need or is not a leadership role. */
export function vacancyRow(item: unknown, importedAt: string): { row: CareersVacanciesTable } | { skip: string } {
  const parsed = jobPosting.safeParse(item);
  if (!parsed.success) return { skip: parsed.error.issues[0]?.message ?? 'invalid' };
  const v = parsed.data;
  const jobRoles = [...new Set([...(v.job_roles ?? []), ...(v.jobRoles ?? []), ...(v.occupationalCategory ?? [])].map((r) => r.trim().toLowerCase()))];
  const roleKeys = [...new Set(jobRoles.flatMap((r) => JOB_ROLE_TO_ROLES[r] ?? []))];
  if (roleKeys.length === 0) return { skip: 'not a leadership role' };
  const locations = Array.isArray(v.jobLocation) ? v.jobLocation : v.jobLocation ? [v.jobLocation] : [];
  const postcode = locations.map((l) => l.address?.postalCode).find((p): p is string => !!p) ?? null;
  return {
    row: {
      url: v.url,
      title: v.title,
      employer: v.hiringOrganization?.name?.trim() || 'A school',
      postcode,
      district: postcodeDistrict(postcode),
      job_roles: JSON.stringify(jobRoles),
      role_keys: JSON.stringify(roleKeys),
      date_posted: v.datePosted ?? null,
      valid_through: new Date(v.validThrough).toISOString(),
      imported_at: importedAt,
      first_seen_at: importedAt,
    },
  };
}

/**
 * Imports every page of the feed politely (spaced requests; retries with back-off on 429, 5xx and
 * network errors), then stores them in one transaction: new and changed postings by their `url`,
 * and expired ones removed. A page that is not the feed's shape, or one that keeps failing, stops
 * the run with nothing stored.
 */
export async function importVacancies(db: Db, clock: Clock, options: ImportOptions): Promise<ImportResult> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;
  const interval = options.minIntervalMs ?? 400;
  const attempts = options.attempts ?? 4;
  const maxPages = options.maxPages ?? 500;
  const importedAt = clock.now().toISOString();
  let waitedMs = 0;
  let lastRequestAt = 0;
  const wait = async (ms: number) => {
    if (ms <= 0) return;
    waitedMs += ms;
    await sleep(ms);
  };

  async function getPage(n: number): Promise<z.infer<typeof page>> {
    const address = `${options.baseUrl}/api/v1/jobs.json?page=${n}`;
    let problem = '';
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await wait(lastRequestAt + interval - Date.now());
      lastRequestAt = Date.now();
      let response: Response;
      try {
        response = await doFetch(address, { headers: { accept: 'application/json' } });
      } catch (error) {
        problem = `could not reach the feed (${(error as Error).message})`;
        await wait(interval * 2 ** attempt);
        continue;
      }
      if (response.status === 429 || response.status >= 500) {
        problem = `the feed answered ${response.status}`;
        const retryAfter = Number(response.headers.get('retry-after'));
        await response.body?.cancel();
        await wait(Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter * 1000, 60_000) : interval * 2 ** attempt);
        continue;
      }
      if (!response.ok) throw new FeedError(`Page ${n} of the vacancies feed answered ${response.status}`);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new FeedError(`Page ${n} of the vacancies feed is not JSON`);
      }
      const parsed = page.safeParse(body);
      if (!parsed.success) throw new FeedError(`Page ${n} of the vacancies feed is not in the expected shape (no "data" list)`);
      return parsed.data;
    }
    throw new FeedError(`Page ${n} of the vacancies feed failed ${attempts} times: ${problem}`);
  }

  const rows = new Map<string, CareersVacanciesTable>();
  let skipped = 0;
  let pages = 0;
  for (let n = 1; n <= maxPages; n++) {
    const body = await getPage(n);
    pages = n;
    for (const item of body.data) {
      const result = vacancyRow(item, importedAt);
      if ('row' in result) rows.set(result.row.url, result.row);
      else skipped++;
    }
    const more = body.data.length > 0 && (body.links?.next ? true : body.meta?.totalPages !== undefined ? n < body.meta.totalPages : false);
    if (!more) break;
  }
  const now = clock.now().toISOString();
  const current = [...rows.values()].filter((r) => r.valid_through >= now);
  const removed = await db.transaction().execute((trx) => replaceVacancies(trx, current, now));
  options.logger?.info({ pages, imported: current.length, skipped, removed }, 'vacancies imported');
  return { pages, imported: current.length, skipped, removed, waitedMs };
}
