import { formatDate } from '../../platform/dates';
import { formatFigure } from './projects.schemas';

/** One measure as the chart shows it: the baseline, the target, and the outcomes so far. */
export interface MeasureSeries {
  name: string;
  unit: string;
  baselineValue: number;
  baselineOn: string;
  targetValue: number;
  outcomes: { measuredOn: string; value: number }[];
}

export interface ChartPoint {
  x: number;
  y: number;
  /** "14.1 %" */
  label: string;
  labelY: number;
  baseline: boolean;
}

export interface ImpactChart {
  width: number;
  height: number;
  title: string;
  desc: string;
  /** Horizontal gridlines with the figure at each. */
  ticks: { y: number; label: string }[];
  /** The dates along the bottom (first and last, and the middle one when there are several). */
  dates: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  target: { y: number; label: string; x1: number; x2: number };
  /** The polyline through the baseline and outcomes, in date order. */
  path: string;
  points: ChartPoint[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 60;
const RIGHT = 30;
const TOP = 24;
const BOTTOM = 44;

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`) / 86_400_000;

/** Round figures for the axis: 1, 2 or 5 times a power of ten, about four steps across the range. */
function niceStep(range: number): number {
  const rough = range / 4 || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const scaled = rough / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

/** "14.1 %" or "42 pupils": the unit after the figure, with a space except for a percent sign. */
export function withUnit(value: number, unit: string): string {
  return unit === '%' ? `${formatFigure(value)}%` : `${formatFigure(value)} ${unit}`;
}

/**
 * Lays out one measure's chart: a line from the baseline through each outcome in date order, with
 * every point labelled with its figure, and the target as a dashed line labelled "Target". Pure:
 * the view and the PDF draw exactly what this returns; the table beside the chart gives the same figures.
 */
export function buildImpactChart(series: MeasureSeries): ImpactChart {
  // Each point's day, figure and labels worked out once: a page draws several charts.
  const all = [
    { measuredOn: series.baselineOn, value: series.baselineValue, baseline: true, day: day(series.baselineOn) },
    ...series.outcomes.map((o) => ({ measuredOn: o.measuredOn, value: o.value, baseline: false, day: day(o.measuredOn) })),
  ];
  let min = series.targetValue;
  let max = series.targetValue;
  let last = -Infinity;
  for (const p of all) {
    if (p.value < min) min = p.value;
    if (p.value > max) max = p.value;
    if (p.day > last) last = p.day;
  }
  const step = niceStep(max - min || Math.abs(max) || 1);
  const low = Math.floor(min / step) * step - (min === max ? step : 0);
  const high = Math.ceil(max / step) * step + (min === max ? step : 0);
  const plot = { left: LEFT, right: WIDTH - RIGHT, top: TOP, bottom: HEIGHT - BOTTOM };
  const yOf = (v: number) => plot.bottom - ((v - low) / (high - low || 1)) * (plot.bottom - plot.top);
  const first = all[0]?.day ?? 0;
  const span = last - first;
  const xOfDay = (d: number) => (span === 0 ? (plot.left + plot.right) / 2 : plot.left + ((d - first) / span) * (plot.right - plot.left));
  const ticks: ImpactChart['ticks'] = [];
  for (let v = low, i = 0; v <= high + step / 1000 && i < 12; v += step, i++) ticks.push({ y: yOf(v), label: formatFigure(Number(v.toFixed(4))) });
  const points = all.map((p) => {
    const y = yOf(p.value);
    return { x: xOfDay(p.day), y, label: withUnit(p.value, series.unit), labelY: y < plot.top + 14 ? y + 16 : y - 8, baseline: p.baseline };
  });
  const dayOf = new Map(all.map((p) => [p.measuredOn, p.day]));
  const dated = [...dayOf.keys()];
  const shown = dated.length <= 2 ? dated : [dated[0], dated[Math.floor((dated.length - 1) / 2)], dated[dated.length - 1]];
  const dates =
    span === 0
      ? [{ x: xOfDay(first), label: formatDate(series.baselineOn), anchor: 'middle' as const }]
      : shown
          .filter((d): d is string => !!d)
          .map((d, i, list) => ({
            x: xOfDay(dayOf.get(d) ?? first),
            label: formatDate(d),
            anchor: i === 0 ? ('start' as const) : i === list.length - 1 ? ('end' as const) : ('middle' as const),
          }));
  const outcomeWords =
    series.outcomes.length === 0
      ? 'No outcomes are recorded yet.'
      : `Outcomes: ${series.outcomes.map((o, i) => `${points[i + 1]?.label ?? withUnit(o.value, series.unit)} on ${formatDate(o.measuredOn)}`).join('; ')}.`;
  return {
    width: WIDTH,
    height: HEIGHT,
    title: `${series.name}: baseline, target and outcomes`,
    desc: `A line chart of ${series.name} over time. Baseline ${withUnit(series.baselineValue, series.unit)} on ${formatDate(series.baselineOn)}; target ${withUnit(series.targetValue, series.unit)} (the dashed line). ${outcomeWords} The table beside the chart gives the same figures.`,
    ticks,
    dates,
    target: { y: yOf(series.targetValue), label: `Target ${withUnit(series.targetValue, series.unit)}`, x1: plot.left, x2: plot.right },
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' '),
    points,
    plot,
  };
}
