import { CHECKPOINT_TITLES, NOT_SURE_TEXT, SCALE } from './self-assessment.schemas';
import type { Checkpoint } from './self-assessment.tables';

/** What the progress chart shows: submitted checkpoints, in order, and each skill's answers. */
export interface ProgressData {
  skills: { id: string; code: string; title: string }[];
  checkpoints: Checkpoint[];
  /** checkpoint -> skill id -> answer */
  answers: Map<Checkpoint, Map<string, { rating: number | null; notSure: boolean }>>;
}

export interface ChartBar {
  checkpoint: Checkpoint;
  /** "Baseline" */
  label: string;
  labelY: number;
  /** Absent for "not sure yet" or no answer. */
  bar: { x: number; y: number; width: number; height: number; fill: string } | null;
  /** "3" or "Not sure yet", drawn after the bar. */
  value: string;
  valueX: number;
}

export interface ChartGroup {
  skillId: string;
  /** "LP1 Leading a team" */
  label: string;
  labelY: number;
  bars: ChartBar[];
}

export interface ProgressChart {
  width: number;
  height: number;
  title: string;
  desc: string;
  axis: { x: number; label: string; top: number; bottom: number }[];
  axisLabelY: number;
  groups: ChartGroup[];
}

/** Fills with at least 3:1 contrast on white; each bar is also labelled with its checkpoint, so colour is never the only cue. */
export const CHECKPOINT_FILLS: Record<Checkpoint, string> = {
  baseline: '#1d70b8',
  midpoint: '#4c2c92',
  final: '#00703c',
};

const WIDTH = 640;
const LEFT = 110; // room for the checkpoint names
const RIGHT = 40;
const PER_POINT = (WIDTH - LEFT - RIGHT) / SCALE.length;
const TOP = 30; // room for the scale's numbers
const SKILL_LABEL = 22;
const BAR = 18;
const BAR_GAP = 6;
const GROUP_GAP = 16;

/**
 * Lays out the progress chart: for each skill, one horizontal bar per submitted checkpoint whose
 * length is the rating (1 to 5). "Not sure yet" has no bar, only its words. Pure: the view draws
 * exactly what this returns.
 */
export function buildProgressChart(data: ProgressData): ProgressChart {
  const groups: ChartGroup[] = [];
  let y = TOP;
  for (const skill of data.skills) {
    const labelY = y + 14;
    y += SKILL_LABEL;
    const bars: ChartBar[] = data.checkpoints.map((checkpoint) => {
      const answer = data.answers.get(checkpoint)?.get(skill.id);
      const top = y;
      y += BAR + BAR_GAP;
      const rating = answer && !answer.notSure ? answer.rating : null;
      const width = rating ? rating * PER_POINT : 0;
      return {
        checkpoint,
        label: CHECKPOINT_TITLES[checkpoint],
        labelY: top + 13,
        bar: rating ? { x: LEFT, y: top, width, height: BAR, fill: CHECKPOINT_FILLS[checkpoint] } : null,
        value: rating ? String(rating) : answer?.notSure ? NOT_SURE_TEXT : 'No answer',
        valueX: LEFT + width + 6,
      };
    });
    groups.push({ skillId: skill.id, label: `${skill.code} ${skill.title}`, labelY, bars });
    y += GROUP_GAP;
  }
  const height = Math.max(y, TOP + 10);
  const axis = SCALE.map((point) => ({ x: LEFT + point.value * PER_POINT, label: String(point.value), top: TOP - 6, bottom: height - GROUP_GAP }));
  const names = data.checkpoints.map((c) => CHECKPOINT_TITLES[c].toLowerCase());
  return {
    width: WIDTH,
    height,
    title: 'Your self-assessment ratings by skill',
    desc: `A bar chart with one group of bars per skill (${data.skills.length} ${data.skills.length === 1 ? 'skill' : 'skills'}) and one bar per submitted checkpoint (${names.join(', ')}). Each bar's length is the rating from 1 (${SCALE[0].label}) to 5 (${SCALE[4].label}); "${NOT_SURE_TEXT}" has no bar. The table after the chart gives the same ratings.`,
    axis,
    axisLabelY: TOP - 12,
    groups,
  };
}
