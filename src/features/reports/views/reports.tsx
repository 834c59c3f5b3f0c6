import { formatDate } from '../../../platform/dates';
import { Table } from '../../../platform/ui/components';
import type { ReportTable, reportsIndex, TrustReport } from '../reports.service';
import { FilterErrors, ReportFilters } from './filters';
import { FlowSection } from './flow';

/** A horizontal bar chart of people at each stage: an SVG with a title, its numbers in the table beside it. */
function StageChart(props: { stages: TrustReport['stages'] }) {
  const max = Math.max(1, ...props.stages.map((s) => s.active + s.completed));
  const rowHeight = 28;
  const height = props.stages.length * rowHeight * 2 + 10;
  return (
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg role="img" aria-labelledby="stage-chart-title" viewBox={`0 0 400 ${height}`} width="100%" class="waymark-chart" xmlns="http://www.w3.org/2000/svg">
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

/** One table of the report, with its download beneath it. */
/** More columns than this and a report's table scrolls inside its own box. */
const WIDE_TABLE_COLUMNS = 7;

export function ReportTableView(props: { table: ReportTable; href: string }) {
  const { table } = props;
  if (table.rows.length === 0) return <p class="govuk-body">{table.empty}</p>;
  const view = (
    <Table
      caption={table.caption}
      captionClasses="govuk-table__caption--s"
      firstCellIsHeader
      head={table.headers.map((text, i) => ({ text, format: table.numeric[i] ? 'numeric' : undefined }))}
      rows={table.rows.map((row) =>
        row.map((cell, i) => ({
          text: cell === null ? '–' : typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell) ? formatDate(cell) : String(cell),
          format: table.numeric[i] ? 'numeric' : undefined,
        })),
      )}
    />
  );
  return (
    <>
      {/* A table of many columns (the progression report's ten) scrolls sideways rather than widening the page. */}
      {table.headers.length > WIDE_TABLE_COLUMNS ? (
        <section class="waymark-table-scroll" aria-label={table.caption} tabindex={0}>
          {view}
        </section>
      ) : (
        view
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={props.href} download>
          Download this table (CSV)<span class="govuk-visually-hidden">: {table.caption}</span>
        </a>
      </p>
    </>
  );
}

const DOWNLOAD_NAMES = { applications: 'Applications', roster: 'Roster', attendance: 'Attendance', progress: 'Progress' } as const;

const SECTIONS: { heading: string; keys: string[] }[] = [
  { heading: 'The pipeline', keys: ['pipeline', 'pipeline-by-school'] },
  { heading: 'Applications and completion', keys: ['cohorts', 'schools', 'withdrawals'] },
  { heading: 'Attendance', keys: ['attendance'] },
];

/** The reports page for programme leads: the trust's pipeline, rates, withdrawals, attendance, and each cohort's downloads. */
export function ReportsPage(props: { data: Awaited<ReturnType<typeof reportsIndex>> }) {
  const { trust, cohorts, choices, flow } = props.data;
  return (
    <>
      <FilterErrors errors={choices.errors} />
      <h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">
        Where the trust’s staff are on its programmes, how each cohort went, and each cohort’s lists. Every table downloads as a CSV file that opens in Excel.
      </p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href="/reports/diversity">
            Diversity of the pipeline
          </a>{' '}
          – the pipeline against the staff body, from equality information staff choose to give
        </li>
        <li>
          <a class="govuk-link" href="/reports/barriers">
            Barriers to aspiring
          </a>{' '}
          – what staff with a career aspiration say holds them back, counted
        </li>
        <li>
          <a class="govuk-link" href="/reports/attendance">
            Attendance
          </a>{' '}
          – by cohort and by session
        </li>
        <li>
          <a class="govuk-link" href="/reports/mentoring">
            Mentoring and projects
          </a>{' '}
          – meetings held, each mentor’s places used, and projects’ measures met
        </li>
        <li>
          <a class="govuk-link" href="/reports/feedback">
            360 feedback by cohort
          </a>{' '}
          – colleagues’ ratings by skill, as far as the anonymity rules allow
        </li>
        <li>
          <a class="govuk-link" href="/reports/skills">
            Cohort skill profiles
          </a>{' '}
          – each cohort’s self-assessment by skill, at the start and at the end
        </li>
        <li>
          <a class="govuk-link" href="/reports/progression">
            Progression after programmes
          </a>{' '}
          – role changes and promotions within 1 and 2 years of completing each programme
        </li>
      </ul>
      <ReportFilters action="/reports" choices={choices} button="Show the reports" />
      {SECTIONS.map((section) => (
        <>
          <h2 class="govuk-heading-m">{section.heading}</h2>
          {section.keys.includes('pipeline') && trust.stages.length > 0 ? <StageChart stages={trust.stages} /> : null}
          {trust.tables
            .filter((t) => section.keys.includes(t.key))
            .map((t) => (
              <ReportTableView table={t} href={`/reports/${t.key}/export.csv${choices.query}`} />
            ))}
          {section.keys.includes('pipeline') ? (
            <>
              <FlowSection flow={flow} />
              <ReportTableView table={flow.table} href={`/reports/${flow.table.key}/export.csv${choices.query}`} />
            </>
          ) : null}
        </>
      ))}

      <h2 class="govuk-heading-m">Each cohort’s lists</h2>
      {cohorts.length === 0 ? (
        <p class="govuk-body">There are no cohorts yet.</p>
      ) : (
        <Table
          caption="Applications, roster, attendance and progress for each cohort (CSV files)"
          captionClasses="govuk-table__caption--s"
          firstCellIsHeader
          head={[{ text: 'Cohort' }, { text: 'Downloads' }]}
          rows={cohorts.map((c) => [
            { text: `${c.programme_title}, ${c.name}` },
            {
              html: (
                <ul class="govuk-list govuk-!-margin-bottom-0">
                  {(['applications', 'roster', 'attendance', 'progress'] as const).map((kind) => (
                    <li>
                      <a class="govuk-link" href={`/reports/cohorts/${c.id}/${kind}/export.csv`} download>
                        {DOWNLOAD_NAMES[kind]}
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
