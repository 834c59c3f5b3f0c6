import { formatDate } from '../../../platform/dates';
import { Table } from '../../../platform/ui/components';
import type { reportsIndex, TrustReport } from '../reports.service';

/** A horizontal bar chart of people at each stage: an SVG with a title, its numbers in the table beside it. */
function StageChart(props: { stages: TrustReport['stages'] }) {
  const max = Math.max(1, ...props.stages.map((s) => s.active + s.completed));
  const rowHeight = 28;
  const height = props.stages.length * rowHeight * 2 + 10;
  return (
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg
        role="img"
        aria-labelledby="stage-chart-title"
        viewBox={`0 0 400 ${height}`}
        width="100%"
        style="max-width: 640px"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id="stage-chart-title">People on each programme now and people who have completed it; the same numbers are in the table below.</title>
        {props.stages.map((s, i) => {
          const y = i * rowHeight * 2;
          const activeWidth = (s.active / max) * 240;
          const completedWidth = (s.completed / max) * 240;
          return (
            <g>
              <text x="0" y={y + 18} font-size="13" fill="#0b0c0c">
                {s.title.length > 40 ? `${s.title.slice(0, 38)}…` : s.title}
              </text>
              <rect x="0" y={y + 24} width={Math.max(activeWidth, 1)} height="12" fill="#1d70b8" />
              <text x={Math.max(activeWidth, 1) + 4} y={y + 35} font-size="12" fill="#0b0c0c">
                {s.active} now
              </text>
              <rect x="0" y={y + 38} width={Math.max(completedWidth, 1)} height="12" fill="#00703c" />
              <text x={Math.max(completedWidth, 1) + 4} y={y + 49} font-size="12" fill="#0b0c0c">
                {s.completed} completed
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

const percent = (value: number | null) => (value === null ? '–' : `${value}%`);

/** The reports page for programme leads: the trust's pipeline, each cohort's rates, and downloads. */
export function ReportsPage(props: { data: Awaited<ReturnType<typeof reportsIndex>> }) {
  const { trust, cohorts } = props.data;
  return (
    <>
      <h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">Where the trust’s staff are on its programmes, how each cohort went, and each cohort’s lists to download as CSV files.</p>

      <h2 class="govuk-heading-m">The pipeline</h2>
      {trust.stages.length === 0 ? (
        <p class="govuk-body">Nobody has been enrolled on a programme yet.</p>
      ) : (
        <>
          <StageChart stages={trust.stages} />
          <Table
            caption="People on each programme, in pathway order"
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[
              { text: 'Programme' },
              { text: 'On it now', format: 'numeric' },
              { text: 'Deferred', format: 'numeric' },
              { text: 'Completed', format: 'numeric' },
              { text: 'Withdrew', format: 'numeric' },
            ]}
            rows={trust.stages.map((s) => [
              { text: s.title },
              { text: String(s.active), format: 'numeric' },
              { text: String(s.deferred), format: 'numeric' },
              { text: String(s.completed), format: 'numeric' },
              { text: String(s.withdrawn), format: 'numeric' },
            ])}
          />
          <Table
            caption="By school"
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[{ text: 'School' }, { text: 'Programme' }, { text: 'On it now', format: 'numeric' }, { text: 'Completed', format: 'numeric' }]}
            rows={trust.bySchool.map((r) => [
              { text: r.school },
              { text: r.programme },
              { text: String(r.active), format: 'numeric' },
              { text: String(r.completed), format: 'numeric' },
            ])}
          />
          <p class="govuk-body">
            <a class="govuk-link" href="/reports/pipeline/export.csv" download>
              Download the pipeline by school (CSV)
            </a>
          </p>
        </>
      )}

      <h2 class="govuk-heading-m">Applications and completion by cohort</h2>
      {trust.cohortRates.length === 0 ? (
        <p class="govuk-body">There are no cohorts yet.</p>
      ) : (
        <>
          <Table
            caption="Each cohort, newest first"
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={[
              { text: 'Cohort' },
              { text: 'Applications', format: 'numeric' },
              { text: 'Accepted', format: 'numeric' },
              { text: 'Enrolled', format: 'numeric' },
              { text: 'Completed', format: 'numeric' },
              { text: 'Withdrew', format: 'numeric' },
            ]}
            rows={trust.cohortRates.map((r) => [
              {
                html: (
                  <>
                    {r.programme}, {r.cohort}
                    <span class="govuk-body-s govuk-!-display-block govuk-!-font-weight-regular govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                      Starts {formatDate(r.startsOn)}
                    </span>
                  </>
                ),
              },
              { text: String(r.applications), format: 'numeric' },
              { text: `${r.accepted} (${percent(r.acceptanceRate)})`, format: 'numeric' },
              { text: String(r.enrolled), format: 'numeric' },
              { text: `${r.completed} (${percent(r.completionRate)})`, format: 'numeric' },
              { text: String(r.withdrawn), format: 'numeric' },
            ])}
          />
          <p class="govuk-body">
            <a class="govuk-link" href="/reports/cohorts/export.csv" download>
              Download applications and completion by cohort (CSV)
            </a>
          </p>
        </>
      )}

      <h2 class="govuk-heading-m">Each cohort’s lists</h2>
      {cohorts.length === 0 ? (
        <p class="govuk-body">There are no cohorts yet.</p>
      ) : (
        <Table
          caption="Downloads for each cohort (CSV files that open in Excel)"
          captionClasses="govuk-table__caption--s"
          firstCellIsHeader
          head={[{ text: 'Cohort' }, { text: 'Downloads' }]}
          rows={cohorts.map((c) => [
            { text: `${c.programme_title}, ${c.name}` },
            {
              html: (
                <ul class="govuk-list govuk-!-margin-bottom-0">
                  {(['roster', 'attendance', 'progress'] as const).map((kind) => (
                    <li>
                      <a class="govuk-link" href={`/reports/cohorts/${c.id}/${kind}/export.csv`} download>
                        {kind === 'roster' ? 'Roster' : kind === 'attendance' ? 'Attendance' : 'Progress'}
                        <span class="govuk-visually-hidden">
                          {' '}
                          for {c.programme_title}, {c.name}
                        </span>{' '}
                        (CSV)
                      </a>
                    </li>
                  ))}
                </ul>
              ),
            },
          ])}
        />
      )}
    </>
  );
}
