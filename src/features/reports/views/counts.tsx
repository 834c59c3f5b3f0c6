import type { FieldErrors } from '../../../platform/http/errors';
import { errorFor, type FormValues } from '../../../platform/http/forms';
import { Button, Details, Input, Table } from '../../../platform/ui/components';
import { FormErrors } from '../../../platform/ui/form-parts';
import { type skillsReport, type barriersReport, type CountReport, type diversityReport, totalPercent } from '../reports.diversity';
import { FilterErrors, ReportFilters } from './filters';
import { MAX_THRESHOLD, MIN_THRESHOLD, SUPPRESSED } from '../suppression';

const cellText = (v: number | string | null | undefined) => (v === null || v === undefined ? SUPPRESSED : String(v));
const percentText = (v: number | string | undefined) => (v === undefined ? SUPPRESSED : typeof v === 'number' ? `${v}%` : v);

/** What `c` means, and how the hiding works, under every table of counts about people. */
function SymbolsExplained(props: { threshold: number }) {
  return (
    <Details summaryText="What c means, and why some numbers are hidden">
      <p class="govuk-body">
        <strong>c</strong> marks a number hidden to protect people (the Department for Education uses the same symbol). Any count of fewer than{' '}
        {props.threshold} people is hidden, zero included, and so is any total. So that nobody can work a hidden number out by subtracting from a total, other
        numbers in its row or column are hidden too. A percentage is hidden when its number or the number it is out of is hidden or below {props.threshold}.
      </p>
      <p class="govuk-body">Nobody, including administrators, can see one person’s equality information or barriers: these reports only count them.</p>
    </Details>
  );
}

/** A table of counts with each column's percentage; the totals as a last row. */
export function CountTableView(props: { report: CountReport; downloadHref: string }) {
  const r = props.report;
  return (
    <>
      {/* Wide tables scroll sideways on a phone. */}
      <section class="waymark-table-scroll" aria-label={r.caption} tabindex={0}>
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">{r.caption}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Group
              </th>
              {r.rowTotalLabel ? (
                <>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    {r.rowTotalLabel}
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    %
                  </th>
                </>
              ) : null}
              {r.columns.map((c) => (
                <>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    {c}
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    %<span class="govuk-visually-hidden"> of {c.toLowerCase()}</span>
                  </th>
                </>
              ))}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {r.groups.map((g, i) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {g}
                </th>
                {r.rowTotalLabel ? (
                  <>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{cellText(r.rowTotals[i])}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{percentText(r.rowTotalPercents[i])}</td>
                  </>
                ) : null}
                {r.columns.map((_, j) => (
                  <>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{cellText(r.cells[i]?.[j])}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{percentText(r.percents[i]?.[j])}</td>
                  </>
                ))}
              </tr>
            ))}
            {r.columnTotals.length > 0 ? (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {r.columnTotalLabel}
                </th>
                {r.rowTotalLabel ? (
                  <>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{cellText(r.grandTotal)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{percentText(totalPercent(r.grandTotal))}</td>
                  </>
                ) : null}
                {r.columnTotals.map((t) => (
                  <>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{cellText(t)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{percentText(totalPercent(t))}</td>
                  </>
                ))}
              </tr>
            ) : null}
          </tbody>
        </table>
      </section>
      <p class="govuk-body">
        <a class="govuk-link" href={props.downloadHref} download>
          Download this table (CSV)<span class="govuk-visually-hidden">: {r.caption}</span>
        </a>
      </p>
    </>
  );
}

const COLOURS = ['#1d70b8', '#00703c', '#6f72af', '#d53880'];

/**
 * A bar chart of each group's share of some columns (percentages as shown in the table), for
 * looking rather than reading; hidden percentages are marked `c` with no bar. The table is the record.
 */
export function ShareChart(props: { id: string; report: CountReport; series: { label: string; values: (number | string)[] }[] }) {
  const { report, series } = props;
  const barHeight = 12;
  const groupHeight = 22 + series.length * (barHeight + 3);
  const height = report.groups.length * groupHeight + 30;
  return (
    <figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
      <svg role="img" aria-labelledby={`${props.id}-title`} viewBox={`0 0 420 ${height}`} width="100%" class="waymark-chart" xmlns="http://www.w3.org/2000/svg">
        <title id={`${props.id}-title`}>
          {report.caption}, as percentages of {series.map((s) => s.label.toLowerCase()).join(', ')}; the same numbers are in the table below, and c marks a
          hidden number.
        </title>
        {series.map((s, k) => (
          <g>
            <rect x={k * 140} y="4" width="10" height="10" fill={COLOURS[k % COLOURS.length]} />
            <text x={k * 140 + 14} y="13" font-size="11" fill="#0b0c0c">
              {s.label}
            </text>
          </g>
        ))}
        {report.groups.map((g, i) => {
          const y = 30 + i * groupHeight;
          return (
            <g>
              <text x="0" y={y + 12} font-size="12" fill="#0b0c0c">
                {g.length > 50 ? `${g.slice(0, 48)}…` : g}
              </text>
              {series.map((s, k) => {
                const v = s.values[i];
                const by = y + 18 + k * (barHeight + 3);
                if (typeof v !== 'number')
                  return (
                    <text x="0" y={by + 10} font-size="11" fill="#0b0c0c">
                      c
                    </text>
                  );
                const width = Math.max(1, (v / 100) * 340);
                return (
                  <g>
                    <rect x="0" y={by} width={width} height={barHeight} fill={COLOURS[k % COLOURS.length]} />
                    <text x={width + 4} y={by + 10} font-size="11" fill="#0b0c0c">
                      {v}%
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Diversity of the pipeline against the staff body, for programme leads and organisation admins. */
export function DiversityPage(props: { data: Awaited<ReturnType<typeof diversityReport>>; canChangeThreshold: boolean }) {
  const { data } = props;
  const { query } = data.choices;
  return (
    <>
      <FilterErrors errors={data.choices.errors} />
      <h1 class="govuk-heading-l">Diversity of the pipeline</h1>
      <p class="govuk-body">
        Who is on the trust’s leadership programmes compared with its staff, from the equality information staff choose to give. Each person is counted once, in
        the furthest stage they have reached on the programmes and years chosen: not applied, applied (including those who withdrew), on a programme now, or
        completed. “Not given” counts people who have not answered.
      </p>
      <p class="govuk-body">
        Numbers below {data.threshold} are hidden.{' '}
        {props.canChangeThreshold ? (
          <a class="govuk-link" href="/reports/settings">
            Change the threshold
          </a>
        ) : null}
      </p>
      <SymbolsExplained threshold={data.threshold} />
      <ReportFilters action="/reports/diversity" choices={data.choices} />
      {data.reports.map((r) => (
        <>
          <h2 class="govuk-heading-m">{r.caption.split(':')[0]}</h2>
          <ShareChart
            id={`chart-${r.key}`}
            report={r}
            series={[
              { label: 'All staff', values: r.rowTotalPercents },
              { label: 'On a programme', values: r.percents.map((row) => row[2] ?? SUPPRESSED) },
              { label: 'Completed', values: r.percents.map((row) => row[3] ?? SUPPRESSED) },
            ]}
          />
          <CountTableView report={r} downloadHref={`/reports/diversity/${r.key}/export.csv${query}`} />
        </>
      ))}
    </>
  );
}

/** Barriers to aspiring, counted. */
export function BarriersPage(props: { data: Awaited<ReturnType<typeof barriersReport>> }) {
  const { data } = props;
  const r = data.report;
  return (
    <>
      <FilterErrors errors={data.choices.errors} />
      <h1 class="govuk-heading-l">Barriers to aspiring</h1>
      <p class="govuk-body">
        What staff who have written down a career aspiration say holds them back, counted across the trust. People may name several barriers, so the numbers
        don’t add up to the people with an aspiration. Only the person sees their own barriers; nobody sees anyone else’s.
      </p>
      <p class="govuk-body">Numbers below {data.threshold} are hidden.</p>
      <SymbolsExplained threshold={data.threshold} />
      <ReportFilters action="/reports/barriers" choices={data.choices} />
      <ShareChart id="chart-barriers" report={r} series={r.columns.map((label, j) => ({ label, values: r.percents.map((row) => row[j] ?? SUPPRESSED) }))} />
      <CountTableView report={r} downloadHref={`/reports/barriers/export.csv${data.choices.query}`} />
    </>
  );
}

/** The organisation admin's report settings: the suppression threshold. */
export function ReportSettingsPage(props: { threshold: number; values?: FormValues; errors?: FieldErrors | undefined }) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <FormErrors errors={props.errors} />
        <h1 class="govuk-heading-l">Report settings</h1>
        <form method="post" action="/reports/settings" novalidate>
          <Input
            id="threshold"
            name="threshold"
            inputmode="numeric"
            classes="govuk-input--width-3"
            label={{ text: 'Hide counts of fewer than this many people', classes: 'govuk-label--m', isPageHeading: false }}
            hint={{
              text: `In reports of equality information and barriers. From ${MIN_THRESHOLD} to ${MAX_THRESHOLD}; the Department for Education and most trusts use 5. A higher number hides more.`,
            }}
            value={props.values?.threshold ?? String(props.threshold)}
            errorMessage={errorFor(props.errors, 'threshold')}
          />
          <Button text="Save" />
        </form>
      </div>
    </div>
  );
}

/** Cohort skill profiles: self-assessment at the baseline and at the end, by cohort and skill. */
export function SkillsPage(props: { data: Awaited<ReturnType<typeof skillsReport>> }) {
  const { data } = props;
  const t = data.table;
  const { query } = data.choices;
  return (
    <>
      <FilterErrors errors={data.choices.errors} />
      <h1 class="govuk-heading-l">Cohort skill profiles</h1>
      <p class="govuk-body">
        How each cohort rated itself on the programme’s skills when it started (the baseline self-assessment) and at the end (the final one), from 1 to 5. An
        average of fewer than {data.threshold} people is hidden (c); z means there is no self-assessment at that point yet.
      </p>
      <ReportFilters action="/reports/skills" choices={data.choices} />
      {t.rows.length === 0 ? (
        <p class="govuk-body">{t.empty}</p>
      ) : (
        <>
          <Table
            caption={t.caption}
            captionClasses="govuk-table__caption--s"
            firstCellIsHeader
            head={t.headers.map((text, i) => ({ text, format: t.numeric[i] ? 'numeric' : undefined }))}
            rows={t.rows.map((row) => row.map((cell, i) => ({ text: String(cell), format: t.numeric[i] ? 'numeric' : undefined })))}
          />
          <p class="govuk-body">
            <a class="govuk-link" href={`/reports/skills/export.csv${query}`} download>
              Download this table (CSV)<span class="govuk-visually-hidden">: {t.caption}</span>
            </a>
          </p>
        </>
      )}
      <p class="govuk-body">
        360 feedback is not in this report yet: each participant’s 360 report shows it, with its own rules for keeping respondents anonymous.
      </p>
    </>
  );
}
