// Builds the 360 report from submitted responses: figures per skill (through the anonymity rules in
// feedback.anonymity.ts), blind spots and hidden strengths, highest and lowest skills, comments in a
// stable random order, and plain-word explanations of everything left out. Pure and deterministic for
// a given input (the comment order comes from `input.seed`).

import { discloseComments, discloseSkill, type AllOthersDecision, type GroupDecision, type GroupScores } from './feedback.anonymity';
import {
  DEFAULT_GROUP_MINIMUM,
  RATER_GROUPS,
  RATER_GROUP_LABELS,
  STUDENT_GROUP_MINIMUM,
  type GroupSetting,
  type RaterGroup,
  type ReportInput,
  type PupilQuestion,
  type ReportSkill,
} from './feedback.model';

/** A figure the report shows: a mean to one decimal place and the number of scores behind it. */
export interface ShownFigure {
  count: number;
  /** Rounded to one decimal place (half up). */
  mean: number;
}

export interface SkillGroupResult {
  group: RaterGroup;
  /** "Line manager", "Peers", … */
  label: string;
  status: GroupDecision;
  /** Only when `status` is "shown": a folded group carries no figure at all. */
  figure: ShownFigure | null;
}

export interface AllOthersResult {
  status: AllOthersDecision;
  /**
   * Only when `status` is "shown". Its `count` is the number of PEOPLE who answered in the groups it
   * draws on (the same on every skill), not the number of scores: a hidden group's "Not observed" must
   * not move any count on the report.
   */
  figure: ShownFigure | null;
}

export type SkillFlag = 'blind_spot' | 'hidden_strength';

export interface SkillResult {
  skill: ReportSkill;
  /** The participant's own rating, or null (not rated, or not sure). */
  self: number | null;
  /** Every group asked (or that answered), in report order. */
  groups: SkillGroupResult[];
  allOthers: AllOthersResult;
  /** Self minus "All others" (one decimal place), when both are there. */
  gap: number | null;
  flag: SkillFlag | null;
  /** Plain-word reasons for anything about this skill that is not shown. */
  notes: string[];
}

export interface GroupResponseCount {
  group: RaterGroup;
  label: string;
  /** Submitted responses. */
  count: number;
  minimum: number;
  anonymous: boolean;
}

export type ReportComments = { status: 'shown'; strengths: string[]; develop: string[] } | { status: 'withheld'; reason: string };

export interface FeedbackReport {
  skills: SkillResult[];
  /** The blind spot / hidden strength margin used. */
  margin: number;
  selfRated: boolean;
  /** Responses per group (every group asked, in report order). */
  responses: GroupResponseCount[];
  totalResponses: number;
  blindSpots: ReportSkill[];
  hiddenStrengths: ReportSkill[];
  /** Highest rated skills by "All others" (ties all listed); empty when there is nothing to rank. */
  highest: ReportSkill[];
  lowest: ReportSkill[];
  /** Why there is no highest/lowest, when there is none. */
  rankingNote: string | null;
  comments: ReportComments;
  /** Students' comments, apart from everyone else's; null unless at least the students' minimum answered. */
  studentComments: { strengths: string[]; develop: string[] } | null;
  /** Plain-word explanations that apply to the whole report (groups folded everywhere). */
  explanations: string[];
  /**
   * Students' answers to the pupil questions, apart from the skills; null when the round's students
   * rated the skills (an older round) or fewer than the students' minimum answered.
   */
  pupilQuestions: PupilQuestionResult[] | null;
}

export interface PupilQuestionResult {
  question: PupilQuestion;
  /** Shown only when at least the students' minimum gave a score to this question. */
  figure: ShownFigure | null;
  /** Why there is no figure, when there is none. */
  note: string | null;
}

/** The name of a group's people in a sentence: "peers", "direct reports", "the line manager". */
export function groupPeople(group: RaterGroup): string {
  switch (group) {
    case 'line_manager':
      return 'the line manager';
    case 'other':
      return 'people in the "Others" group';
    default:
      return RATER_GROUP_LABELS[group].plural.toLowerCase();
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A mean in tenths, rounded half up; integers throughout so ties and margins compare exactly. */
function meanTenths(sum: number, count: number): number {
  return Math.round((sum * 10) / count);
}

function figureOf(sum: number, count: number): ShownFigure {
  return { count, mean: meanTenths(sum, count) / 10 };
}

/** Formats a mean or gap to one decimal place ("4.0", "-1.3"). */
export function formatMean(value: number): string {
  return value.toFixed(1);
}

/** The settings for every group that was asked or answered, in report order. */
function groupSettings(input: ReportInput): GroupSetting[] {
  const configured = new Map(input.groups.map((setting) => [setting.group, setting]));
  const answered = new Set(input.responses.map((response) => response.group));
  const settings: GroupSetting[] = [];
  for (const group of RATER_GROUPS) {
    const setting = configured.get(group);
    if (setting) settings.push(group === 'student' ? { ...setting, anonymous: true, minimum: Math.max(setting.minimum, STUDENT_GROUP_MINIMUM) } : setting);
    else if (answered.has(group)) {
      const anonymous = group !== 'line_manager';
      settings.push({ group, anonymous, minimum: group === 'student' ? STUDENT_GROUP_MINIMUM : anonymous ? DEFAULT_GROUP_MINIMUM : 1 });
    }
  }
  return settings;
}

function order(group: RaterGroup): number {
  return RATER_GROUPS.indexOf(group);
}

function isScore(value: unknown): value is 1 | 2 | 3 | 4 | 5 {
  return value === 1 || value === 2 || value === 3 || value === 4 || value === 5;
}

/** Builds the report. Pure: the same input (and seed) always gives the same report. */
export function buildReport(input: ReportInput): FeedbackReport {
  const settings = groupSettings(input);
  const responseCounts = new Map<RaterGroup, number>();
  for (const response of input.responses) responseCounts.set(response.group, (responseCounts.get(response.group) ?? 0) + 1);
  const responses: GroupResponseCount[] = settings.map((setting) => ({
    group: setting.group,
    label: RATER_GROUP_LABELS[setting.group].plural,
    count: responseCounts.get(setting.group) ?? 0,
    minimum: setting.minimum,
    anonymous: setting.anonymous,
  }));

  // Groups that answered but have fewer responses than their minimum are folded on every skill: say so
  // once for the whole report rather than under each skill.
  const foldedEverywhere = new Set<RaterGroup>();
  const explanations: string[] = [];
  for (const count of responses) {
    if (count.group === 'student') {
      explanations.push(
        count.count >= count.minimum
          ? `Students' answers are shown as their own group only, never in "All others" or any other figure.`
          : `Students' answers are shown only as their own group, and only when at least ${count.minimum} students have answered. ${count.count === 0 ? 'No students' : `Fewer than ${count.minimum} students`} answered, so nothing from students is shown.`,
      );
      if (count.count > 0 && count.count < count.minimum) foldedEverywhere.add(count.group);
    } else if (count.count > 0 && count.count < count.minimum) {
      foldedEverywhere.add(count.group);
      explanations.push(
        count.anonymous
          ? `Fewer than ${count.minimum} ${groupPeople(count.group)} answered, so their scores are not shown and not counted in any figure, "All others" included: with so few, they could be worked out.`
          : `${capitalise(groupPeople(count.group))}'s answers need at least ${count.minimum} responses to be shown on their own, so they are included in "All others" only.`,
      );
    }
  }

  const marginTenths = Math.round(input.margin * 10);
  // With pupil questions, students answered those and not the skills: they have no row on any skill.
  const skillSettings = input.pupilQuestions ? settings.filter((setting) => setting.group !== 'student') : settings;
  const skills = input.skills.map((skill) => buildSkill(skill, input, skillSettings, responseCounts, foldedEverywhere, marginTenths));

  const ranked = skills.filter((result) => result.allOthers.figure !== null);
  let highest: ReportSkill[] = [];
  let lowest: ReportSkill[] = [];
  let rankingNote: string | null = null;
  const tenths = (result: SkillResult) => Math.round((result.allOthers.figure?.mean ?? 0) * 10);
  if (ranked.length < 2) {
    rankingNote = 'There are not enough figures from others to say which skills were rated highest and lowest.';
  } else {
    const top = Math.max(...ranked.map(tenths));
    const bottom = Math.min(...ranked.map(tenths));
    if (top === bottom) {
      rankingNote = 'Others gave every skill shown the same average, so no skill stands out as highest or lowest.';
    } else {
      highest = ranked.filter((result) => tenths(result) === top).map((result) => result.skill);
      lowest = ranked.filter((result) => tenths(result) === bottom).map((result) => result.skill);
    }
  }

  return {
    skills,
    margin: input.margin,
    selfRated: input.self !== null,
    responses,
    totalResponses: input.responses.length,
    blindSpots: skills.filter((result) => result.flag === 'blind_spot').map((result) => result.skill),
    hiddenStrengths: skills.filter((result) => result.flag === 'hidden_strength').map((result) => result.skill),
    highest,
    lowest,
    rankingNote,
    comments: buildComments(input, settings, responseCounts),
    studentComments: buildStudentComments(input, settings, responseCounts),
    explanations,
    pupilQuestions: buildPupilQuestions(input, settings, responseCounts),
  };
}

/**
 * Students' figures on the pupil questions: their own group only (never in any colleague figure), and
 * only from the students' minimum, both in pupils who answered and in scores on the question.
 */
function buildPupilQuestions(input: ReportInput, settings: GroupSetting[], responseCounts: Map<RaterGroup, number>): PupilQuestionResult[] | null {
  const setting = settings.find((s) => s.group === 'student');
  if (!input.pupilQuestions || !setting || (responseCounts.get('student') ?? 0) < setting.minimum) return null;
  const students = input.responses.filter((response) => response.group === 'student');
  return input.pupilQuestions.map((question) => {
    let count = 0;
    let sum = 0;
    for (const response of students) {
      const rating = response.ratings[question.id];
      if (isScore(rating)) {
        count += 1;
        sum += rating;
      }
    }
    if (count >= setting.minimum) return { question, figure: figureOf(sum, count), note: null };
    return {
      question,
      figure: null,
      note:
        count === 0
          ? 'No students answered this question: they chose "I don’t know".'
          : `Fewer than ${setting.minimum} students answered this question (the others chose "I don’t know"), so no figure is shown for it.`,
    };
  });
}

function buildSkill(
  skill: ReportSkill,
  input: ReportInput,
  settings: GroupSetting[],
  responseCounts: Map<RaterGroup, number>,
  foldedEverywhere: Set<RaterGroup>,
  marginTenths: number,
): SkillResult {
  const scoresOf = (setting: GroupSetting): GroupScores => {
    let count = 0;
    let sum = 0;
    for (const response of input.responses) {
      if (response.group !== setting.group) continue;
      const rating = response.ratings[skill.id];
      if (isScore(rating)) {
        count += 1;
        sum += rating;
      }
    }
    const respondents = responseCounts.get(setting.group) ?? 0;
    return { group: setting.group, minimum: setting.minimum, anonymous: setting.anonymous, count, sum, respondents };
  };
  // An anonymous group with fewer people than its minimum is in no figure at all: not on its own, not in
  // "All others". Folded into "All others", its scores (and whether they chose "Not observed", which
  // shows in which averages are possible) could be narrowed down by someone who knows the rest.
  const hidden = (setting: GroupSetting) => {
    const people = responseCounts.get(setting.group) ?? 0;
    return setting.anonymous && people > 0 && people < setting.minimum;
  };
  const counted = (setting: GroupSetting): GroupScores => (hidden(setting) ? { ...scoresOf(setting), count: 0, sum: 0, respondents: 0 } : scoresOf(setting));
  // Students stand apart: decided on their own, never in "All others", never folded to protect anyone.
  const colleagueSettings = settings.filter((setting) => setting.group !== 'student');
  const colleagues = discloseSkill(colleagueSettings.map(counted));
  const studentSetting = settings.find((setting) => setting.group === 'student');
  const students = studentSetting ? discloseSkill([counted(studentSetting)]).groups : [];
  const hiddenGroups = new Set(settings.filter(hidden).map((setting) => setting.group));
  const disclosure = {
    ...colleagues,
    groups: [...colleagues.groups, ...students]
      .map((group) => (hiddenGroups.has(group.group) ? { ...group, decision: 'below_minimum' as const } : group))
      .sort((a, b) => order(a.group) - order(b.group)),
  };
  // "All others" counts the people who answered in the groups it draws on: the same on every skill.
  const allOthersPeople = colleagueSettings.filter((setting) => !hidden(setting)).reduce((n, setting) => n + (responseCounts.get(setting.group) ?? 0), 0);

  const groups: SkillGroupResult[] = disclosure.groups.map((group) => ({
    group: group.group,
    label: RATER_GROUP_LABELS[group.group].plural,
    status: group.decision,
    figure: group.decision === 'shown' ? figureOf(group.sum, group.count) : null,
  }));
  const allOthers: AllOthersResult = {
    status: disclosure.allOthers.decision,
    figure:
      disclosure.allOthers.decision === 'shown' ? { count: allOthersPeople, mean: figureOf(disclosure.allOthers.sum, disclosure.allOthers.count).mean } : null,
  };

  const selfRating = input.self?.[skill.id];
  const self = isScore(selfRating) ? selfRating : null;
  let gap: number | null = null;
  let flag: SkillFlag | null = null;
  if (self !== null && allOthers.figure) {
    const gapTenths = self * 10 - Math.round(allOthers.figure.mean * 10);
    gap = gapTenths / 10;
    if (marginTenths > 0 && gapTenths >= marginTenths) flag = 'blind_spot';
    else if (marginTenths > 0 && -gapTenths >= marginTenths) flag = 'hidden_strength';
  }

  const notes: string[] = [];
  const protectedGroups = colleagues.groups.filter((group) => group.decision === 'below_minimum' && !hiddenGroups.has(group.group));
  for (const group of disclosure.groups) {
    // Nothing is said about a group below its minimum (its "Not observed" answers included): it is
    // explained once for the whole report, from the number who answered, which the participant sees anyway.
    if (foldedEverywhere.has(group.group)) continue;
    if (group.decision === 'below_minimum') {
      notes.push(
        group.group === 'student'
          ? `Fewer than ${group.minimum} students rated this skill (the others chose "Not observed"), so no figure from students is shown for it.`
          : `Fewer than ${group.minimum} ${groupPeople(group.group)} rated this skill (the others chose "Not observed"), so their scores are included in "All others" only.`,
      );
    } else if (group.decision === 'no_scores' && input.responses.some((response) => response.group === group.group)) {
      notes.push(
        group.group === 'line_manager'
          ? 'The line manager chose "Not observed" for this skill.'
          : `No ${groupPeople(group.group)} rated this skill: they chose "Not observed".`,
      );
    }
  }
  const protectors = disclosure.groups.filter((group) => group.decision === 'folded_to_protect');
  if (protectors.length > 0) {
    notes.push(
      `${capitalise(listInWords(protectors.map((group) => groupPeople(group.group))))} are also included in "All others" only, so that the scores from ${listInWords(protectedGroups.map((group) => groupPeople(group.group)))} cannot be worked out by subtracting the groups shown from "All others".`,
    );
  }
  if (allOthers.status === 'too_few') {
    notes.push(
      `Fewer than ${disclosure.remainder.largestMinimum} people rated this skill, so "All others" is not shown: it would identify the people who answered.`,
    );
  } else if (allOthers.status === 'would_reveal_by_subtraction') {
    const shownNamed = colleagues.groups.filter((group) => group.decision === 'shown').map((group) => groupPeople(group.group));
    notes.push(
      `"All others" is not shown for this skill: next to the figure for ${listInWords(shownNamed)}, it would give away the answers of ${listInWords(protectedGroups.map((group) => groupPeople(group.group)))}.`,
    );
  } else if (allOthers.status === 'no_scores' && input.responses.some((response) => response.group !== 'student')) {
    notes.push('Nobody else rated this skill: everyone who answered chose "Not observed".');
  }

  return { skill, self, groups, allOthers, gap, flag, notes };
}

/** Students' comments, in a list of their own, only when at least the students' minimum answered. */
function buildStudentComments(input: ReportInput, settings: GroupSetting[], responseCounts: Map<RaterGroup, number>) {
  const setting = settings.find((s) => s.group === 'student');
  if (!setting || (responseCounts.get('student') ?? 0) < setting.minimum) return null;
  const students = input.responses.filter((response) => response.group === 'student');
  return {
    strengths: shuffle(commentTexts(students.map((response) => response.strengths)), `${input.seed}:student-strengths`),
    develop: shuffle(commentTexts(students.map((response) => response.develop)), `${input.seed}:student-develop`),
  };
}

/** Colleagues' comments (students' are apart: they never make up the numbers that let these be shown). */
function buildComments(input: ReportInput, allSettings: GroupSetting[], responseCounts: Map<RaterGroup, number>): ReportComments {
  const settings = allSettings.filter((setting) => setting.group !== 'student');
  const colleagues = input.responses.filter((response) => response.group !== 'student');
  const disclosure = discloseComments(settings, Object.fromEntries(responseCounts));
  if (!disclosure.show) {
    // With no anonymous answers at all, say the least that could be enough.
    const anonymousMinimums = settings.filter((setting) => setting.anonymous).map((setting) => setting.minimum);
    const needed = disclosure.threshold > 0 ? disclosure.threshold : anonymousMinimums.length > 0 ? Math.min(...anonymousMinimums) : DEFAULT_GROUP_MINIMUM;
    return {
      status: 'withheld',
      reason: `Comments are shown only when at least ${needed} people other than the line manager have answered, so that nobody's words can be traced back to them. ${
        disclosure.anonymousRespondents === 0 ? 'Nobody other than the line manager answered' : `Only ${disclosure.anonymousRespondents} did`
      }, so no comments are shown, including the line manager's (shown on their own, they would be attributed).`,
    };
  }
  return {
    status: 'shown',
    strengths: shuffle(commentTexts(colleagues.map((response) => response.strengths)), `${input.seed}:strengths`),
    develop: shuffle(commentTexts(colleagues.map((response) => response.develop)), `${input.seed}:develop`),
  };
}

/**
 * The non-blank answers, sorted by their text before shuffling. The seed (the round id) and the shuffle
 * are no secret, so shuffling the answers in the order they arrived (by group, or by time) could be
 * undone to tell whose comment is whose; sorted first, the order depends only on what was written.
 */
function commentTexts(answers: string[]): string[] {
  return answers
    .map((text) => text.trim())
    .filter((text) => text.length > 0)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** FNV-1a: a 32-bit number from the seed text. */
function hashSeed(seed: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < seed.length; index += 1) {
    hash ^= seed.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seededRandom(seed: string): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator: a random order that is the same every time for one seed. */
export function shuffle<T extends NonNullable<unknown>>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let index = out.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    const current = out[index];
    const picked = out[other];
    // Both positions are inside the list (other ≤ index), and items are never undefined.
    if (current === undefined || picked === undefined) continue;
    out[index] = picked;
    out[other] = current;
  }
  return out;
}
