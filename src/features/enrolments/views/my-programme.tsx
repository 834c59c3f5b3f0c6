import { formatDateRange } from '../../../platform/dates';
import { Table } from '../../../platform/ui/components';
import type { EnrolmentSummary } from '../enrolments.service';
import { EnrolmentStatusTag } from './status-tags';

/** "My programme": every programme the person is or was enrolled on. */
export function MyProgrammePage(props: {
  enrolments: EnrolmentSummary[] /** Facts from other features about each enrolment, by enrolment id (sessions attended). */;
  columns: { label: string; values: Map<string, string> }[];
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-full">
        <h1 class="govuk-heading-l">My programme</h1>
        {props.enrolments.length === 0 ? (
          <>
            <p class="govuk-body">You are not enrolled on a programme.</p>
            <p class="govuk-body">
              <a class="govuk-link" href="/programmes">
                Find a programme
              </a>{' '}
              in the catalogue, or{' '}
              <a class="govuk-link" href="/applications">
                see your applications
              </a>
              .
            </p>
          </>
        ) : (
          <Table
            caption="Your programmes"
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[
              { text: 'Programme' },
              { text: 'Cohort' },
              { text: 'Dates' },
              { text: 'Status' },
              ...props.columns.map((column) => ({ text: column.label })),
            ]}
            rows={props.enrolments.map((e) => [
              {
                html: (
                  <a class="govuk-link" href={`/enrolments/${e.id}`}>
                    {e.programme_title}
                  </a>
                ),
              },
              { text: e.cohort_name },
              { text: formatDateRange(e.starts_on, e.ends_on) },
              { html: <EnrolmentStatusTag status={e.status} /> },
              ...props.columns.map((column) => ({ text: column.values.get(e.id) ?? '' })),
            ])}
          />
        )}
      </div>
    </div>
  );
}
