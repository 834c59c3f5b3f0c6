import { formatDate, formatDateRange } from '../../../platform/dates';
import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, errorList, type FormValues } from '../../../platform/http/forms';
import { keysetLinks } from '../../../platform/db/keyset';
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Input,
  NotificationBanner,
  Pagination,
  Select,
  StatusTag,
  SummaryList,
  Table,
} from '../../../platform/ui/components';
import type { getCohortOverview, getReviewQueue } from '../cohorts.service';
import { APPLICATION_STATUSES, COHORT_DATE_FIELDS, ENDORSEMENT_STATUSES, type QueueQuery } from '../cohorts.schemas';
import type { ApplicationStatus } from '../cohorts.tables';
import { QUEUE_HEADINGS, queueQueryString } from './queue-csv';
import { ApplicationStatusTag } from './status-tags';

const DATE_HINTS: Record<keyof typeof COHORT_DATE_FIELDS, string> = {
  opensOn: 'Applications can be submitted from the start of this day. For example, 27 4 2027',
  closesOn: 'Applications can be submitted until the end of this day (UK time). For example, 12 6 2027',
  endorsementDeadline: 'Line managers and headteachers are asked to answer by this day. If you leave it blank, it is 14 days after applications close',
  startsOn: 'For example, 6 9 2027',
  endsOn: 'For example, 15 7 2028',
};

const DATE_LEGENDS: Record<keyof typeof COHORT_DATE_FIELDS, string> = {
  opensOn: 'When do applications open?',
  closesOn: 'When do applications close?',
  endorsementDeadline: 'Endorsement deadline (optional)',
  startsOn: 'When does the cohort start?',
  endsOn: 'When does the cohort end?',
};

export function CohortFormPage(props: {
  heading: string;
  programmeTitle: string;
  action: string;
  values: FormValues;
  leadIds: string[];
  errors?: FieldErrors;
  leads: { id: string; given_name: string; family_name: string; job_title: string | null }[];
  cancelHref: string;
  isNew: boolean;
}) {
  const errors = props.errors ?? {};
  const v = props.values;
  const err = (field: string) => errorFor(errors, field);
  const summaryIds = Object.fromEntries([...Object.keys(COHORT_DATE_FIELDS).map((f) => [f, `${f}-day`]), ['leadIds', 'leadIds']]);
  const dateInput = (field: keyof typeof COHORT_DATE_FIELDS) => {
    const cls = (width: number) => `govuk-input--width-${width}${errors[field] ? ' govuk-input--error' : ''}`;
    return (
      <DateInput
        id={field}
        namePrefix={field}
        fieldset={{ legend: { text: DATE_LEGENDS[field], classes: 'govuk-fieldset__legend--s' } }}
        hint={{ text: DATE_HINTS[field] }}
        errorMessage={err(field)}
        items={[
          { name: 'day', classes: cls(2), value: v[`${field}-day`] },
          { name: 'month', classes: cls(2), value: v[`${field}-month`] },
          { name: 'year', classes: cls(4), value: v[`${field}-year`] },
        ]}
      />
    );
  };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {Object.keys(errors).length > 0 ? <ErrorSummary titleText="There is a problem" errorList={errorList(errors, summaryIds)} /> : null}
        <span class="govuk-caption-l">{props.programmeTitle}</span>
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <form method="post" action={props.action} novalidate>
          <Input
            id="name"
            name="name"
            label={{ text: 'Name', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, Cohort 8' }}
            classes="govuk-input--width-20"
            value={v.name}
            errorMessage={err('name')}
          />
          <h2 class="govuk-heading-m">Application round</h2>
          {dateInput('opensOn')}
          {dateInput('closesOn')}
          {dateInput('endorsementDeadline')}
          <h2 class="govuk-heading-m">The cohort</h2>
          {dateInput('startsOn')}
          {dateInput('endsOn')}
          <Input
            id="capacity"
            name="capacity"
            label={{ text: 'Number of places', classes: 'govuk-label--s' }}
            hint={props.isNew ? undefined : { text: 'If you add places, they are offered to the people on the waiting list, in order' }}
            classes="govuk-input--width-4"
            inputmode="numeric"
            value={v.capacity}
            errorMessage={err('capacity')}
          />
          {props.leads.length > 0 ? (
            <Checkboxes
              idPrefix="leadIds"
              name="leadIds"
              fieldset={{ legend: { text: 'Programme leads', classes: 'govuk-fieldset__legend--s' } }}
              hint={{ text: 'People with the programme lead role who run this cohort' }}
              values={props.leadIds}
              errorMessage={err('leadIds')}
              items={props.leads.map((p) => ({ value: p.id, text: `${p.given_name} ${p.family_name}`, hint: p.job_title ? { text: p.job_title } : undefined }))}
            />
          ) : (
            <p class="govuk-body">
              Nobody in your organisation has the programme lead role yet. An organisation admin can give it from a person’s staff record.
            </p>
          )}
          <Checkboxes
            idPrefix="support"
            name="support"
            fieldset={{ legend: { text: 'Support needed for a place', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Who is asked, by email, to support each application' }}
            items={[
              {
                name: 'needsLineManager',
                value: 'yes',
                text: 'The applicant’s line manager’s endorsement',
                checked: v.needsLineManager === 'yes',
                id: 'needsLineManager',
              },
              {
                name: 'needsHeadteacher',
                value: 'yes',
                text: 'The headteacher’s support (asked after the line manager)',
                checked: v.needsHeadteacher === 'yes',
                id: 'needsHeadteacher',
              },
            ]}
          />
          <div class="govuk-button-group">
            <Button text={props.isNew ? 'Create cohort' : 'Save changes'} />
            <a class="govuk-link" href={props.cancelHref}>
              Cancel
            </a>
          </div>
        </form>
      </div>
    </div>
  );
}

type Overview = Awaited<ReturnType<typeof getCohortOverview>>;

const ORDER: ApplicationStatus[] = ['draft', 'submitted', 'awaiting_endorsement', 'endorsed', 'accepted', 'waitlisted', 'declined', 'withdrawn'];

export function CohortPage(props: { overview: Overview; banner?: string; today: string }) {
  const { cohort, leads, placesTaken, counts, waitlist } = props.overview;
  const window = props.today < cohort.applications_open_on ? 'Not open yet' : props.today > cohort.applications_close_on ? 'Closed' : 'Open';
  return (
    <>
      {props.banner ? <NotificationBanner type="success" text={props.banner} /> : null}
      <span class="govuk-caption-l">
        <a class="govuk-link" href={`/programmes/${cohort.programme_id}`}>
          {cohort.programme_title}
        </a>
      </span>
      <h1 class="govuk-heading-l">{cohort.name}</h1>
      <div class="govuk-button-group">
        <Button text="Review applications" href={`/cohorts/${cohort.id}/applications`} />
        <Button text="Roster" href={`/cohorts/${cohort.id}/roster`} classes="govuk-button--secondary" />
        <Button text="Message applicants" href={`/cohorts/${cohort.id}/messages`} classes="govuk-button--secondary" />
        <Button text="Sessions" href={`/cohorts/${cohort.id}/sessions`} classes="govuk-button--secondary" />
        <Button text="Change cohort details" href={`/cohorts/${cohort.id}/edit`} classes="govuk-button--secondary" />
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: { text: 'Programme' }, value: { text: cohort.programme_title } },
              {
                key: { text: 'Applications' },
                value: { text: `${formatDateRange(cohort.applications_open_on, cohort.applications_close_on)} (${window.toLowerCase()})` },
              },
              { key: { text: 'Endorsement deadline' }, value: { text: cohort.endorsement_deadline ? formatDate(cohort.endorsement_deadline) : 'None' } },
              { key: { text: 'Runs' }, value: { text: formatDateRange(cohort.starts_on, cohort.ends_on) } },
              { key: { text: 'Places taken' }, value: { text: `${placesTaken} of ${cohort.capacity}` } },
              {
                key: { text: 'Support needed' },
                value: {
                  text:
                    [cohort.needs_line_manager ? 'line manager’s endorsement' : null, cohort.needs_headteacher ? 'headteacher’s support' : null]
                      .filter(Boolean)
                      .join(', then ')
                      .replace(/^./, (first) => first.toUpperCase()) || 'None',
                },
              },
              {
                key: { text: 'Programme leads' },
                value:
                  leads.length === 0
                    ? { text: 'None named' }
                    : {
                        html: (
                          <ul class="govuk-list">
                            {leads.map((l) => (
                              <li>
                                {l.given_name} {l.family_name}
                              </li>
                            ))}
                          </ul>
                        ),
                      },
              },
            ]}
          />
          <Table
            caption="Applications by status"
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[{ text: 'Status' }, { text: 'Applications', format: 'numeric' }]}
            rows={ORDER.map((status) => [{ text: APPLICATION_STATUSES[status] }, { text: String(counts[status] ?? 0), format: 'numeric' }])}
          />
          <h2 class="govuk-heading-m">Waiting list</h2>
          {waitlist.length === 0 ? (
            <p class="govuk-body">Nobody is on the waiting list.</p>
          ) : (
            <>
              <p class="govuk-body">When a place becomes free, it is offered to the first person on the list.</p>
              <ol class="govuk-list govuk-list--number">
                {waitlist.map((w) => (
                  <li>
                    <a class="govuk-link" href={`/applications/${w.id}`}>
                      {w.given_name} {w.family_name}
                    </a>
                    {w.school_name ? `, ${w.school_name}` : ''} (since {formatDate(w.waitlisted_at)})
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
    </>
  );
}

type Queue = Awaited<ReturnType<typeof getReviewQueue>>;

export function QueuePage(props: { queue: Queue; filters: QueueQuery; errors?: FieldErrors; selected: string[]; accepted?: number }) {
  const { cohort, rows, schools, placesTaken, total, position, pageSize } = props.queue;
  const f = props.filters;
  // Previous and next by keyset (before the first application shown, after the last), keeping the filters.
  const { previous, next } = keysetLinks({ rows, total, position }, pageSize, (from) => {
    const filters = queueQueryString(f);
    const cursor = from ? `${'after' in from ? 'after' : 'before'}=${encodeURIComponent('after' in from ? from.after : from.before)}` : '';
    return `/cohorts/${cohort.id}/applications${filters}${cursor ? `${filters ? '&' : '?'}${cursor}` : ''}`;
  });
  const applications = (n: number) => `${n} ${n === 1 ? 'application' : 'applications'}`;
  const option = (value: string, text: string) => ({ value, text });
  // Ready to accept: decided on by nobody yet (or waiting), with every endorsement the cohort asked for given.
  const ready = (row: (typeof rows)[number]) =>
    (row.status === 'submitted' || row.status === 'endorsed' || row.status === 'waitlisted') && row.endorsements.every((e) => e.status === 'supported');
  const acceptable = rows.filter(ready);
  const error = props.errors?.applicationIds;
  return (
    <>
      {props.accepted !== undefined ? (
        <NotificationBanner type="success" text={`${props.accepted} ${props.accepted === 1 ? 'application' : 'applications'} accepted`} />
      ) : null}
      {props.errors ? <ErrorSummary titleText="There is a problem" errorList={errorList(props.errors, { applicationIds: 'accept-selected' })} /> : null}
      <span class="govuk-caption-l">
        {cohort.programme_title}, {cohort.name}
      </span>
      <h1 class="govuk-heading-l">Applications</h1>
      <p class="govuk-body">
        Places taken: <strong>{placesTaken}</strong> of {cohort.capacity}. Applications close on {formatDate(cohort.applications_close_on)}.
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-quarter">
          <form method="get" action={`/cohorts/${cohort.id}/applications`} aria-label="Filter applications">
            <Select
              id="school"
              name="school"
              label={{ text: 'School', classes: 'govuk-label--s' }}
              items={[option('', 'All schools'), ...schools.map((s) => option(s.id, s.name)), option('none', 'No school (central team)')]}
              value={f.school ?? ''}
            />
            <Select
              id="status"
              name="status"
              label={{ text: 'Status', classes: 'govuk-label--s' }}
              items={[
                option('', 'All statuses'),
                ...(Object.entries(APPLICATION_STATUSES) as [ApplicationStatus, string][]).filter(([s]) => s !== 'draft').map(([s, t]) => option(s, t)),
              ]}
              value={f.status ?? ''}
            />
            <Select
              id="eligibility"
              name="eligibility"
              label={{ text: 'Eligibility', classes: 'govuk-label--s' }}
              items={[option('', 'Any'), option('eligible', 'Eligible'), option('not_eligible', 'Not eligible')]}
              value={f.eligibility ?? ''}
            />
            <div class="govuk-button-group">
              <Button text="Apply filters" classes="govuk-button--secondary" />
              <a class="govuk-link" href={`/cohorts/${cohort.id}/applications`}>
                Clear filters
              </a>
            </div>
          </form>
        </div>
        <div class="govuk-grid-column-three-quarters">
          {rows.length === 0 ? (
            <p class="govuk-body">No submitted applications match.</p>
          ) : (
            <form method="post" action={`/cohorts/${cohort.id}/applications/accept`} novalidate>
              <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`} id="accept-selected" tabindex={-1}>
                {error ? (
                  <p class="govuk-error-message">
                    <span class="govuk-visually-hidden">Error:</span> {error}
                  </p>
                ) : null}
                <Table
                  caption={applications(total)}
                  captionClasses="govuk-table__caption--s"
                  head={[
                    ...(acceptable.length > 0 ? [{ html: <span class="govuk-visually-hidden">Select to accept</span> }] : []),
                    ...QUEUE_HEADINGS.map((text) => ({ text })),
                  ]}
                  rows={rows.map((row) => [
                    ...(acceptable.length > 0
                      ? [
                          {
                            html: ready(row) ? (
                              <div class="govuk-checkboxes govuk-checkboxes--small">
                                <div class="govuk-checkboxes__item">
                                  <input
                                    class="govuk-checkboxes__input"
                                    id={`accept-${row.id}`}
                                    name="applicationIds"
                                    type="checkbox"
                                    value={row.id}
                                    checked={props.selected.includes(row.id)}
                                  />
                                  <label class="govuk-label govuk-checkboxes__label" for={`accept-${row.id}`}>
                                    <span class="govuk-visually-hidden">
                                      Accept {row.given_name} {row.family_name}
                                    </span>
                                  </label>
                                </div>
                              </div>
                            ) : (
                              ''
                            ),
                          },
                        ]
                      : []),
                    {
                      html: (
                        <a class="govuk-link" href={`/applications/${row.id}`}>
                          {row.given_name} {row.family_name}
                        </a>
                      ),
                    },
                    { text: row.school_name ?? 'Central team' },
                    { html: <ApplicationStatusTag status={row.status} /> },
                    row.endorsements.length === 0
                      ? { text: 'None needed' }
                      : {
                          html: (
                            <ul class="govuk-list govuk-!-margin-bottom-0">
                              {[...row.endorsements]
                                .sort((a, b) => (a.kind === 'line_manager' ? -1 : b.kind === 'line_manager' ? 1 : 0))
                                .map((e) => (
                                  <li>
                                    {e.kind === 'line_manager' ? 'Line manager' : 'Headteacher'}: {ENDORSEMENT_STATUSES[e.status].toLowerCase()}
                                  </li>
                                ))}
                            </ul>
                          ),
                        },
                    row.eligible === 0 ? { html: <StatusTag text="Not eligible" colour="red" /> } : { text: row.eligible === 1 ? 'Eligible' : 'Not checked' },
                    { text: formatDate(row.submitted_at) },
                  ])}
                />
              </div>
              {acceptable.length > 0 ? (
                <>
                  <p class="govuk-body">
                    Accepting gives each person selected a place and emails them; no reason is needed. To decline or waitlist, open the application.
                  </p>
                  <Button text="Accept selected applications" />
                </>
              ) : null}
            </form>
          )}
          {total > pageSize && rows.length > 0 ? (
            <p class="govuk-body" role="status">
              Showing {position + 1} to {position + rows.length} of {applications(total)}
            </p>
          ) : null}
          {previous || next ? <Pagination previous={previous} next={next} landmarkLabel="Application pages" /> : null}
          {rows.length > 0 ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`/cohorts/${cohort.id}/applications.csv${queueQueryString(f)}`} download>
                Download as CSV<span class="govuk-visually-hidden">: all {applications(total)} that match, on every page</span>
              </a>
            </p>
          ) : null}
        </div>
      </div>
    </>
  );
}
