import { formatDate } from '../../../platform/dates';
import { Table } from '../../../platform/ui/components';
import { buildImpactChart, withUnit, type MeasureSeries } from '../impact-chart';

/** One measure's chart (inline SVG, no script) with the same figures in a table beside it. */
export function ImpactChartView(props: { series: MeasureSeries; id: string }) {
  const s = props.series;
  const chart = buildImpactChart(s);
  const id = props.id;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${chart.width} ${chart.height}`} width="100%" font-size="13">
          <title id={`${id}-title`}>{chart.title}</title>
          <desc id={`${id}-desc`}>{chart.desc}</desc>
          {chart.ticks.map((tick) => (
            <>
              <line x1={chart.plot.left} y1={tick.y} x2={chart.plot.right} y2={tick.y} stroke="#b1b4b6" stroke-width="1" />
              <text x={chart.plot.left - 6} y={tick.y + 4} text-anchor="end" fill="#0b0c0c">
                {tick.label}
              </text>
            </>
          ))}
          <line x1={chart.target.x1} y1={chart.target.y} x2={chart.target.x2} y2={chart.target.y} stroke="#00703c" stroke-width="2" stroke-dasharray="6 4" />
          <text x={chart.target.x2} y={chart.target.y - 6} text-anchor="end" fill="#00703c" font-weight="bold">
            {chart.target.label}
          </text>
          <path d={chart.path} fill="none" stroke="#1d70b8" stroke-width="3" />
          {chart.points.map((p) => (
            <>
              {p.baseline ? (
                <rect x={p.x - 5} y={p.y - 5} width="10" height="10" fill="#0b0c0c" />
              ) : (
                <circle cx={p.x} cy={p.y} r="5" fill="#1d70b8" stroke="#ffffff" stroke-width="1" />
              )}
              <text x={p.x} y={p.labelY} text-anchor="middle" fill="#0b0c0c">
                {p.label}
              </text>
            </>
          ))}
          {chart.dates.map((d) => (
            <text x={d.x} y={chart.plot.bottom + 22} text-anchor={d.anchor} fill="#0b0c0c">
              {d.label}
            </text>
          ))}
        </svg>
        <p class="govuk-body-s">The square is the baseline; the dashed line is the target.</p>
      </div>
      <div class="govuk-grid-column-one-third">
        <Table
          caption={`${s.name} (${s.unit})`}
          captionClasses="govuk-table__caption--s"
          classes="govuk-table--small-text-until-tablet"
          firstCellIsHeader
          head={[{ text: 'Date' }, { text: 'Figure', format: 'numeric' }]}
          rows={[
            [{ text: `${formatDate(s.baselineOn)} (baseline)` }, { text: withUnit(s.baselineValue, s.unit), format: 'numeric' }],
            ...s.outcomes.map((o) => [{ text: formatDate(o.measuredOn) }, { text: withUnit(o.value, s.unit), format: 'numeric' }]),
            [{ text: 'Target' }, { text: withUnit(s.targetValue, s.unit), format: 'numeric' }],
          ]}
        />
      </div>
    </div>
  );
}
