import { raw } from 'hono/html';
import { formatDate } from '../../../platform/dates';
import { Table } from '../../../platform/ui/components';
import { buildImpactChart, withUnit, type ImpactChart, type MeasureSeries } from '../impact-chart';

/** One measure's chart (inline SVG, no script) with the same figures in a table beside it. */
export function ImpactChartView(props: { series: MeasureSeries; id: string }) {
  const s = props.series;
  const chart = buildImpactChart(s);
  const id = props.id;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        {raw(chartSvg(chart, id))}
        <p class="govuk-body-s">The square is the baseline; the dashed line is the target.</p>
      </div>
      <div class="govuk-grid-column-one-third">{raw(impactTableHtml(s))}</div>
    </div>
  );
}

/** The rows of a measure's table: the baseline, each outcome, the target. */
export function impactRows(s: MeasureSeries): [string, string][] {
  return [
    [`${formatDate(s.baselineOn)} (baseline)`, withUnit(s.baselineValue, s.unit)],
    ...s.outcomes.map((o): [string, string] => [formatDate(o.measuredOn), withUnit(o.value, s.unit)]),
    ['Target', withUnit(s.targetValue, s.unit)],
  ];
}

/** The same table as a GOV.UK Table component, kept for the test that the two stay the same. */
export function ImpactTable(props: { series: MeasureSeries }) {
  const s = props.series;
  return (
    <Table
      caption={`${s.name} (${s.unit})`}
      captionClasses="govuk-table__caption--s"
      classes="govuk-table--small-text-until-tablet"
      firstCellIsHeader
      head={[{ text: 'Date' }, { text: 'Figure', format: 'numeric' }]}
      rows={impactRows(s).map(([date, figure]) => [{ text: date }, { text: figure, format: 'numeric' }])}
    />
  );
}

/**
 * A measure's figures as a table: exactly the markup of `ImpactTable` (GOV.UK's table, rows stacked
 * on phones), written as a string for the same reason as the chart. A test keeps the two identical.
 */
export function impactTableHtml(s: MeasureSeries): string {
  const out: string[] = [
    '<table class="govuk-table waymark-table--stack govuk-table--small-text-until-tablet">',
    `<caption class="govuk-table__caption govuk-table__caption--s">${escapeSvg(`${s.name} (${s.unit})`)}</caption>`,
    '<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Figure</th></tr></thead>',
    '<tbody class="govuk-table__body">',
  ];
  for (const [date, figure] of impactRows(s))
    out.push(
      `<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${escapeSvg(date)}</th><td data-label="Figure" class="govuk-table__cell govuk-table__cell--numeric">${escapeSvg(figure)}</td></tr>`,
    );
  out.push('</tbody></table>');
  return out.join('');
}

/** Escapes text as the JSX renderer does (so the string-built markup matches it). */
const escapeSvg = (text: string) =>
  /[&<>"']/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;') : text;
const n = (value: number) => String(Math.round(value * 10) / 10);

/**
 * The chart as SVG markup, built as a string: a page can hold several charts of dozens of elements
 * each, and writing them directly is several times quicker than rendering each as a JSX element.
 * Every piece of text is escaped.
 */
export function chartSvg(chart: ImpactChart, id: string): string {
  const out: string[] = [
    `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${chart.width} ${chart.height}" width="100%" font-size="13">`,
    `<title id="${id}-title">${escapeSvg(chart.title)}</title><desc id="${id}-desc">${escapeSvg(chart.desc)}</desc>`,
  ];
  for (const tick of chart.ticks)
    out.push(
      `<line x1="${chart.plot.left}" y1="${n(tick.y)}" x2="${chart.plot.right}" y2="${n(tick.y)}" stroke="#b1b4b6" stroke-width="1"/>`,
      `<text x="${chart.plot.left - 6}" y="${n(tick.y + 4)}" text-anchor="end" fill="#0b0c0c">${escapeSvg(tick.label)}</text>`,
    );
  const t = chart.target;
  out.push(
    `<line x1="${t.x1}" y1="${n(t.y)}" x2="${t.x2}" y2="${n(t.y)}" stroke="#00703c" stroke-width="2" stroke-dasharray="6 4"/>`,
    `<text x="${t.x2}" y="${n(t.y - 6)}" text-anchor="end" fill="#00703c" font-weight="bold">${escapeSvg(t.label)}</text>`,
    `<path d="${chart.path}" fill="none" stroke="#1d70b8" stroke-width="3"/>`,
  );
  for (const p of chart.points)
    out.push(
      p.baseline
        ? `<rect x="${n(p.x - 5)}" y="${n(p.y - 5)}" width="10" height="10" fill="#0b0c0c"/>`
        : `<circle cx="${n(p.x)}" cy="${n(p.y)}" r="5" fill="#1d70b8" stroke="#ffffff" stroke-width="1"/>`,
      `<text x="${n(p.x)}" y="${n(p.labelY)}" text-anchor="middle" fill="#0b0c0c">${escapeSvg(p.label)}</text>`,
    );
  for (const d of chart.dates)
    out.push(`<text x="${n(d.x)}" y="${chart.plot.bottom + 22}" text-anchor="${d.anchor}" fill="#0b0c0c">${escapeSvg(d.label)}</text>`);
  out.push('</svg>');
  return out.join('');
}
