import type { moreReport } from '../reports.more';
import { FilterErrors, ReportFilters } from './filters';
import { ReportTableView } from './reports';

/** A horizontal bar chart of percentages, one bar a row: an SVG with a title; the numbers are in the table below it. */
function BarChart(props: { id: string; title: string; bars: { label: string; value: number | null; text: string }[] }) {
  const rowHeight = 34;
  const height = props.bars.length * rowHeight + 6;
  return (
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg role="img" aria-labelledby={`${props.id}-title`} viewBox={`0 0 400 ${height}`} width="100%" class="waymark-chart" xmlns="http://www.w3.org/2000/svg">
        <title id={`${props.id}-title`}>{props.title}; the same numbers are in the table below.</title>
        {props.bars.map((b, i) => {
          const y = i * rowHeight;
          const width = b.value === null ? 0 : Math.max(1, (b.value / 100) * 280);
          return (
            <g>
              <text x="0" y={y + 13} font-size="12" fill="#0b0c0c">
                {b.label.length > 56 ? `${b.label.slice(0, 54)}…` : b.label}
              </text>
              {b.value === null ? null : <rect x="0" y={y + 18} width={width} height="12" fill="#1d70b8" />}
              <text x={width + 4} y={y + 29} font-size="11" fill="#0b0c0c">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A report page: filters, a chart where it helps, and tables each with its download. */
export function MoreReportPage(props: { data: Awaited<ReturnType<typeof moreReport>> }) {
  const { choices, report } = props.data;
  return (
    <>
      <FilterErrors errors={choices.errors} />
      <h1 class="govuk-heading-l">{report.title}</h1>
      <p class="govuk-body">{report.intro}</p>
      <ReportFilters action={`/reports/${report.key}`} choices={choices} />
      {report.chart && report.chart.bars.length > 0 ? <BarChart id={`chart-${report.key}`} title={report.chart.title} bars={report.chart.bars} /> : null}
      {report.tables.map((t) => (
        <ReportTableView table={t} href={`/reports/${report.key}/${t.key}/export.csv${choices.query}`} />
      ))}
    </>
  );
}
