// A server-rendered dot chart of one skill's figures on the 1–5 scale: one labelled row per figure
// shown (self, each group shown, all others), each with its own marker shape and its value written
// beside it, so it reads without colour. Folded groups are never drawn. The table after it in
// views/report.tsx holds the same figures.

import { FREQUENCY_SCALE } from './feedback.model';
import { formatMean, type SkillResult } from './feedback.report';

export type SeriesMarker = 'diamond' | 'square' | 'circle' | 'triangle';

/** One figure that may be shown for a skill, as the chart and its table both list them. */
export interface ReportSeries {
  key: string;
  label: string;
  value: number;
  /** Number of scores behind it (people who answered, for "All others"); null for the participant's own rating. */
  count: number | null;
  /** "3 scores", or for "All others" "8 people answered" (a count "Not observed" never moves); null for self. */
  basis: string | null;
  marker: SeriesMarker;
  colour: string;
}

/** The figures shown for a skill, in order: self, each group shown, all others. Folded groups are left out. */
export function reportSeries(result: SkillResult): ReportSeries[] {
  const series: ReportSeries[] = [];
  if (result.self !== null) {
    series.push({ key: 'self', label: 'Self', value: result.self, count: null, basis: null, marker: 'diamond', colour: '#1d70b8' });
  }
  for (const group of result.groups) {
    if (group.status !== 'shown' || !group.figure) continue;
    series.push({
      key: group.group,
      label: group.label,
      value: group.figure.mean,
      count: group.figure.count,
      basis: `${group.figure.count} ${group.figure.count === 1 ? 'score' : 'scores'}`,
      marker: group.group === 'line_manager' ? 'square' : 'circle',
      colour: group.group === 'line_manager' ? '#4c2c92' : '#00703c',
    });
  }
  if (result.allOthers.status === 'shown' && result.allOthers.figure) {
    series.push({
      key: 'all_others',
      label: 'All others',
      value: result.allOthers.figure.mean,
      count: result.allOthers.figure.count,
      basis: `${result.allOthers.figure.count} ${result.allOthers.figure.count === 1 ? 'person' : 'people'} answered`,
      marker: 'triangle',
      colour: '#0b0c0c',
    });
  }
  return series;
}

/** "4.0 (3 scores)", "4.2 (8 people answered)", or "4" for the participant's own rating. */
export function describeSeries(series: ReportSeries): string {
  if (series.count === null) return String(series.value);
  return `${formatMean(series.value)} (${series.basis})`;
}

// Narrow enough that the labels stay readable when the chart shrinks to a phone's width.
const WIDTH = 460;
const LABEL_WIDTH = 122;
const PLOT_LEFT = LABEL_WIDTH + 18;
const PLOT_RIGHT = WIDTH - 60;
const ROW = 30;
const TOP = 10;
const AXIS = 34;

function xFor(value: number): number {
  return PLOT_LEFT + ((value - 1) / 4) * (PLOT_RIGHT - PLOT_LEFT);
}

function Marker(props: { marker: SeriesMarker; x: number; y: number; colour: string }) {
  const { x, y, colour } = props;
  switch (props.marker) {
    case 'diamond':
      return <path d={`M${x} ${y - 8}L${x + 8} ${y}L${x} ${y + 8}L${x - 8} ${y}Z`} fill={colour} />;
    case 'square':
      return <rect x={x - 7} y={y - 7} width="14" height="14" fill={colour} />;
    case 'triangle':
      return <path d={`M${x} ${y - 8}L${x + 8} ${y + 7}L${x - 8} ${y + 7}Z`} fill={colour} />;
    default:
      return <circle cx={x} cy={y} r="7" fill={colour} />;
  }
}

/** The chart for one skill: an inline SVG with a title and description, or nothing when no figure is shown. */
export function FeedbackSkillChart(props: { result: SkillResult; id: string }) {
  const series = reportSeries(props.result);
  if (series.length === 0) return null;
  const height = TOP + series.length * ROW + AXIS;
  const titleId = `${props.id}-title`;
  const descId = `${props.id}-desc`;
  const description = `On a scale from 1 (${FREQUENCY_SCALE[0].label.toLowerCase()}) to 5 (${FREQUENCY_SCALE[4].label.toLowerCase()}): ${series
    .map((item) => `${item.label} ${describeSeries(item)}`)
    .join('; ')}.`;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      class="waymark-feedback-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      font-family="arial, sans-serif"
      font-size="16"
    >
      <title id={titleId}>{`${props.result.skill.title}: ratings`}</title>
      <desc id={descId}>{description}</desc>
      {FREQUENCY_SCALE.map((point) => (
        <g>
          <line x1={xFor(point.value)} x2={xFor(point.value)} y1={TOP} y2={TOP + series.length * ROW} stroke="#b1b4b6" stroke-width="1" />
          <text x={xFor(point.value)} y={TOP + series.length * ROW + 22} text-anchor="middle" fill="#0b0c0c">
            {String(point.value)}
          </text>
        </g>
      ))}
      {series.map((item, index) => {
        const y = TOP + index * ROW + ROW / 2;
        return (
          <g data-series={item.key}>
            <text x={LABEL_WIDTH} y={y + 5} text-anchor="end" fill="#0b0c0c">
              {item.label}
            </text>
            <line x1={xFor(1)} x2={xFor(item.value)} y1={y} y2={y} stroke={item.colour} stroke-width="3" />
            <Marker marker={item.marker} x={xFor(item.value)} y={y} colour={item.colour} />
            <text x={PLOT_RIGHT + 18} y={y + 5} fill="#0b0c0c">
              {item.count === null ? String(item.value) : formatMean(item.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
