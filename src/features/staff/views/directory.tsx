import { type KeysetCursor, keysetLinks } from '../../../platform/db/keyset';
import { Button, Input, Pagination, Select, Table } from '../../../platform/ui/components';
import { LEADERSHIP_LEVELS, ROLE_NAMES, STAFF_TYPES, type DirectoryQuery } from '../staff.schemas';
import type { LeadershipLevel, PersonStatus, StaffType } from '../staff.tables';
import { DIRECTORY_HEADINGS, directoryFilterQuery } from './directory-csv';
import { PersonStatusTag } from './person-status-tag';

export interface DirectoryRow {
  id: string;
  given_name: string;
  family_name: string;
  email: string;
  job_title: string | null;
  staff_type: StaffType;
  leadership_level: LeadershipLevel;
  status: PersonStatus;
  school_name: string | null;
}

export interface DirectoryProps {
  filters: DirectoryQuery;
  rows: DirectoryRow[];
  total: number;
  /** How many matching people come before this page. */
  position: number;
  pageSize: number;
  schools: { id: string; name: string }[];
  canAdd: boolean;
  /** Admins may download everyone the search finds as CSV. */
  canDownload?: boolean;
  scopeDescription: string;
}

/** The directory's address with the same search and filters, from a point in the list. */
function queryString(filters: DirectoryQuery, from: KeysetCursor): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'school', 'staffType', 'level', 'role'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.status !== 'active') params.set('status', filters.status);
  if (from && 'after' in from) params.set('after', from.after);
  if (from && 'before' in from) params.set('before', from.before);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function DirectoryPage(props: DirectoryProps) {
  const f = props.filters;
  const first = props.total === 0 ? 0 : props.position + 1;
  const last = props.position + props.rows.length;
  // Previous and next by keyset (before the first row shown, after the last).
  const { previous, next } = keysetLinks(props, props.pageSize, (from) => `/staff${queryString(f, from)}`);
  const option = (value: string, text: string) => ({ value, text });
  return (
    <>
      <h1 class="govuk-heading-l">Staff</h1>
      <p class="govuk-body">{props.scopeDescription}</p>
      {props.canAdd ? (
        <div class="govuk-button-group">
          <Button text="Add a member of staff" href="/staff/new" />
          <Button text="Import staff from a CSV file" href="/import" classes="govuk-button--secondary" />
          <Button text="Invite staff to Waymark" href="/staff/invitations" classes="govuk-button--secondary" />
        </div>
      ) : null}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-third">
          {/* biome-ignore lint/a11y/useSemanticElements: the <search> element is too new for the older browsers GOV.UK services support; role="search" makes the same landmark. */}
          <form method="get" action="/staff" role="search" aria-label="Find staff">
            <Input
              id="q"
              name="q"
              label={{ text: 'Search', classes: 'govuk-label--s' }}
              hint={{ text: 'Name, email, job title or school' }}
              value={f.q}
              type="search"
              spellcheck={false}
            />
            <Select
              id="school"
              name="school"
              label={{ text: 'School', classes: 'govuk-label--s' }}
              items={[option('', 'All schools'), ...props.schools.map((s) => option(s.id, s.name))]}
              value={f.school ?? ''}
            />
            <Select
              id="staffType"
              name="staffType"
              label={{ text: 'Staff type', classes: 'govuk-label--s' }}
              items={[option('', 'All staff types'), ...Object.entries(STAFF_TYPES).map(([v, t]) => option(v, t))]}
              value={f.staffType ?? ''}
            />
            <Select
              id="level"
              name="level"
              label={{ text: 'Leadership level', classes: 'govuk-label--s' }}
              items={[option('', 'All levels'), ...Object.entries(LEADERSHIP_LEVELS).map(([v, t]) => option(v, t))]}
              value={f.level ?? ''}
            />
            <Select
              id="role"
              name="role"
              label={{ text: 'Waymark role', classes: 'govuk-label--s' }}
              items={[option('', 'Any role'), ...Object.entries(ROLE_NAMES).map(([v, t]) => option(v, t))]}
              value={f.role ?? ''}
            />
            <Select
              id="status"
              name="status"
              label={{ text: 'Status', classes: 'govuk-label--s' }}
              items={[option('active', 'Active'), option('deactivated', 'Deactivated'), option('all', 'Active and deactivated')]}
              value={f.status}
            />
            <div class="govuk-button-group">
              <Button text="Apply filters" classes="govuk-button--secondary" />
              <a class="govuk-link" href="/staff">
                Clear filters
              </a>
            </div>
          </form>
        </div>
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body" role="status">
            {props.total === 0 ? 'No staff match your search.' : `Showing ${first} to ${last} of ${props.total} ${props.total === 1 ? 'person' : 'people'}`}
          </p>
          {props.rows.length > 0 ? (
            <Table
              caption="Staff matching your search"
              captionClasses="govuk-visually-hidden"
              head={DIRECTORY_HEADINGS.map((text) => ({ text }))}
              rows={props.rows.map((row) => [
                {
                  html: (
                    <>
                      <a class="govuk-link" href={`/staff/${row.id}`}>
                        {row.family_name}, {row.given_name}
                      </a>
                      <br />
                      <span class="waymark-count">{row.email}</span>
                      {row.status !== 'active' ? (
                        <>
                          {' '}
                          <PersonStatusTag status={row.status} />
                        </>
                      ) : null}
                    </>
                  ),
                },
                {
                  html: (
                    <>
                      {row.job_title ?? ''}
                      <br />
                      <span class="waymark-count">
                        {STAFF_TYPES[row.staff_type]}
                        {row.leadership_level !== 'none' ? `, ${LEADERSHIP_LEVELS[row.leadership_level].toLowerCase()}` : ''}
                      </span>
                    </>
                  ),
                },
                { text: row.school_name ?? 'Central team' },
              ])}
            />
          ) : null}
          {previous || next ? <Pagination previous={previous} next={next} /> : null}
          {props.canDownload && props.total > 0 ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`/staff.csv${directoryFilterQuery(f)}`} download>
                Download as CSV
                <span class="govuk-visually-hidden">
                  : all {props.total} {props.total === 1 ? 'person' : 'people'} matching your search
                </span>
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
