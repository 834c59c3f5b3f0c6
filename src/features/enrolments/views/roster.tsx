import { Button, Select, Table } from '../../../platform/ui/components';
import { ENROLMENT_STATUSES } from '../enrolments.schemas';
import type { getRoster } from '../enrolments.service';
import type { EnrolmentStatus } from '../enrolments.tables';
import { ROSTER_HEADINGS, rosterCsvHref } from './roster-csv';
import { EnrolmentStatusTag, RequirementStatusTag } from './status-tags';

type Roster = Awaited<ReturnType<typeof getRoster>>;

/** The cohort's participants, each requirement's status and whether they may graduate. */
export function RosterPage(props: { roster: Roster; status: EnrolmentStatus | null }) {
  const { cohort, columns, rows, counts } = props.roster;
  const total = counts.active + counts.deferred + counts.withdrawn + counts.completed;
  const shown = props.status ? `${ENROLMENT_STATUSES[props.status].toLowerCase()} ` : '';
  const noun = rows.length === 1 ? 'participant' : 'participants';
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
            caption={`${rows.length} ${shown}${noun} in ${cohort.name}`}
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
