import { isProgrammeLead } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, Invalid } from '../../platform/http/errors';
import { parseStaffType, STAFF_TYPES, type StaffType } from '../staff';
import * as q from './reports.queries';

/** The filters a report may offer, as named in the address (`?programme=…&year=2026`). */
export const FILTERS = ['organisation', 'school', 'programme', 'cohort', 'year', 'staffType'] as const;
export type FilterName = (typeof FILTERS)[number];

/** What a report page was asked for: each filter's value from the address. */
export type ReportQuery = Partial<Record<FilterName, string | undefined>>;

/** "2026 to 2027" for the academic year starting in September 2026. */
export const academicYearText = (year: number) => `${year} to ${year + 1}`;

/** The academic year (its first calendar year) a cohort starting on `startsOn` belongs to. */
export function academicYearOf(startsOn: string): number {
  const year = Number(startsOn.slice(0, 4));
  return startsOn.slice(5, 7) >= '09' ? year : year - 1;
}

/**
 * Reads a report's filters from the address: each one the page offers, whose value must be one of
 * the choices (an organisation whose staff are on the organisation's cohorts, one of its schools,
 * programmes, cohorts or academic years, a type of staff), or nothing. Values of filters the page
 * does not offer are ignored. Returns the scope to count, the choices to offer, and an error for each
 * value that is not one of them. For programme leads and organisation admins.
 */
export async function reportChoices(deps: Pick<AppDeps, 'db'>, viewer: Viewer, query: ReportQuery, offered: readonly FilterName[] = FILTERS) {
  if (!isProgrammeLead(viewer)) throw new Forbidden();
  const org = viewer.organisationId;
  const [cohorts, schools, organisations] = await Promise.all([
    q.cohortsOfOrganisation(deps.db, org),
    offered.includes('school') ? q.schoolsOfOrganisation(deps.db, org) : [],
    offered.includes('organisation') ? q.participantOrganisations(deps.db, org) : [],
  ]);
  const programmes = [...new Map(cohorts.map((c) => [c.programme_id, c.programme_title])).entries()]
    .map(([id, title]) => ({ id, title }))
    .sort((a, b) => a.title.localeCompare(b.title));
  const years = [...new Set(cohorts.map((c) => academicYearOf(c.starts_on)))].sort((a, b) => b - a);
  const options = {
    // The organisation is a choice only when staff of another (a partner) are on its cohorts.
    organisation: organisations.length > 1 ? organisations.map((o) => ({ value: o.id, text: o.name })) : null,
    school: offered.includes('school') ? schools.map((s) => ({ value: s.id, text: s.name })) : null,
    programme: programmes.map((p) => ({ value: p.id, text: p.title })),
    cohort: offered.includes('cohort') ? cohorts.map((c) => ({ value: c.id, text: `${c.programme_title}, ${c.name}` })) : null,
    year: years.map((y) => ({ value: String(y), text: academicYearText(y) })),
    staffType: offered.includes('staffType') ? Object.entries(STAFF_TYPES).map(([value, text]) => ({ value, text })) : null,
  } satisfies Record<FilterName, { value: string; text: string }[] | null>;
  const errors: Record<string, string> = {};
  const chosen = (name: FilterName, words: string): string | null => {
    const value = (query[name] ?? '').trim();
    if (value === '' || !offered.includes(name)) return null;
    if (options[name]?.some((o) => o.value === value)) return value;
    // An organisation with no partners offers no choice, but its own id still means itself.
    if (name === 'organisation' && value === org) return value;
    errors[name] = `Choose ${words} from the list`;
    return null;
  };
  // In the form's order, so the error summary lists them as the page does.
  const organisation = chosen('organisation', 'an organisation');
  const school = chosen('school', 'a school');
  const programme = chosen('programme', 'a programme');
  const cohort = chosen('cohort', 'a cohort');
  const year = chosen('year', 'an academic year');
  const staffType = chosen('staffType', 'a type of staff');
  const scope: q.ReportScope = {
    organisationId: org,
    participantOrganisationId: organisation,
    schoolId: school,
    programmeId: programme,
    cohortId: cohort,
    year: year === null ? null : Number(year),
    staffType: staffType === null ? null : (parseStaffType(staffType) as StaffType),
  };
  return { scope, errors, options, offered, query: queryOf(scope) };
}

export type ReportChoices = Awaited<ReturnType<typeof reportChoices>>;

/** The chosen filters as an address's query, for downloads and links: "?programme=…&year=2026", or "". */
export function queryOf(scope: q.ReportScope): string {
  const parts: [FilterName, string | number | null][] = [
    ['organisation', scope.participantOrganisationId],
    ['school', scope.schoolId],
    ['programme', scope.programmeId],
    ['cohort', scope.cohortId],
    ['year', scope.year],
    ['staffType', scope.staffType],
  ];
  const text = parts
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return text ? `?${text}` : '';
}

/** A download's filters must all be valid: a 400 otherwise (the page shows the errors instead). */
export function requireValid(choices: ReportChoices) {
  if (Object.keys(choices.errors).length > 0) throw new Invalid(choices.errors, Object.values(choices.errors)[0]);
}

/** Whether a cohort (of the organisation) is in the scope's programme, year and cohort. */
export function cohortInScope(scope: q.ReportScope, c: { id: string; programme_id: string; starts_on: string }): boolean {
  return (
    (scope.programmeId === null || c.programme_id === scope.programmeId) &&
    (scope.year === null || academicYearOf(c.starts_on) === scope.year) &&
    (scope.cohortId === null || c.id === scope.cohortId)
  );
}

/** Reads a report's query from the address. */
export const queryFrom = (read: (name: string) => string | undefined): ReportQuery => Object.fromEntries(FILTERS.map((f) => [f, read(f)]));
