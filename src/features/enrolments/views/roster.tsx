import { keysetLinks } from '../../../platform/db/keyset';
import { Button, Pagination, Select, Table } from '../../../platform/ui/components';
import { ENROLMENT_STATUSES } from '../enrolments.schemas';
import type { getRoster } from '../enrolments.service';
import type { EnrolmentStatus } from '../enrolments.tables';
import { ROSTER_HEADINGS, rosterCsvHref } from './roster-csv';
import { EnrolmentStatusTag, RequirementStatusTag } from './status-tags';

type Roster = Awaited<ReturnType<typeof getRoster>>;

/** The cohort's participants, each requirement's status and whether they may graduate. */
export function RosterPage(props: { roster: Roster; status: EnrolmentStatus | null }) {
  const { cohort, columns, rows, counts, position, pageSize } = props.roster;
  const total = counts.active + counts.deferred + counts.withdrawn + counts.completed;
  const shown = props.status ? `${ENROLMENT_STATUSES[props.status].toLowerCase()} ` : '';
  // Every participant who matches, not only this page's: the caption counts the whole roster.
  const matching = props.roster.total;
  const noun = matching === 1 ? 'participant' : 'participants';
  // Previous and next by keyset (before the first participant shown, after the last), keeping the status chosen.
  const { previous, next } = keysetLinks({ rows, total: matching, position }, pageSize, (from) => {
    const params = new URLSearchParams();
    if (props.status) params.set('status', props.status);
    if (from) params.set('after' in from ? 'after' : 'before', 'after' in from ? from.after : from.before);
    const text = params.toString();
    return `/cohorts/${cohort.id}/roster${text ? `?${text}` : ''}`;
  });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <span class="govuk-caption-l">
          {cohort.programme_title}: {cohort.name}
        </span>
        <h1 class="govuk-heading-l">Roster</h1>
        <p class="govuk-body">
          {props.roster.placesTaken} of {cohort.capacity} places taken.
        </p>
        <form method="get" action={`/cohorts/${cohort.id}/roster`}>
          <Select
            id="status"
            name="status"
            label={{ text: 'Enrolment status', classes: 'govuk-label--s' }}
            items={[
              { value: '', text: `Any status (${total})` },
              ...(Object.entries(ENROLMENT_STATUSES) as [EnrolmentStatus, string][]).map(([value, text]) => ({ value, text: `${text} (${counts[value]})` })),
            ]}
            value={props.status ?? ''}
          />
          <Button text="Show participants" classes="govuk-button--secondary" />
        </form>
        {rows.length === 0 ? (
          <p class="govuk-body">{total === 0 ? 'No one is enrolled in this cohort yet.' : `No ${shown}participants.`}</p>
        ) : (
          <Table
            caption={`${matching} ${shown}${noun} in ${cohort.name}`}
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            // One column for every requirement made the table wider than a desktop screen: each
            // participant's requirements are listed in one cell instead.
            head={ROSTER_HEADINGS.map((text) => ({ text }))}
            rows={rows.map((row) => [
              {
                html: (
                  <>
                    <a class="govuk-link" href={`/enrolments/${row.id}`}>
                      {row.given_name} {row.family_name}
                    </a>{' '}
                    <span class="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      {row.school_name ?? 'Central team'}
                    </span>
                  </>
                ),
              },
              { html: <EnrolmentStatusTag status={row.status} /> },
              {
                html: (
                  <ul class="govuk-list govuk-!-margin-bottom-0">
                    {columns.map((column) => {
                      const result = row.report.requirements.find((r) => r.requirementId === column.requirementId);
                      return result ? (
                        <li>
                          {column.title}: <RequirementStatusTag status={result.status} />{' '}
                          <span class="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">{result.reason}</span>
                        </li>
                      ) : null;
                    })}
                  </ul>
                ),
              },
              { text: row.report.mayGraduate ? 'Yes' : 'No' },
            ])}
          />
        )}
        {matching > pageSize && rows.length > 0 ? (
          <p class="govuk-body" role="status">
            Showing {position + 1} to {position + rows.length} of {matching} {shown}
            {noun}
          </p>
        ) : null}
        {previous || next ? <Pagination previous={previous} next={next} landmarkLabel="Roster pages" /> : null}
        {rows.length > 0 ? (
          <p class="govuk-body">
            <a class="govuk-link" href={rosterCsvHref(cohort.id, props.status)} download>
              Download as CSV
              <span class="govuk-visually-hidden">
                : the {shown}participants in {cohort.name}
              </span>
            </a>
          </p>
        ) : null}
      </div>
    </div>
  );
}
