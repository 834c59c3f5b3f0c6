// The anonymity rules of a 360 report, as pure functions over counts and sums (no rounding, no text).
//
// Each skill is decided on its own: "not observed" is never a score, so the number of scores a group
// has differs from skill to skill, and no figure shown for one skill is computed from another skill's
// answers. The report never shows anything that combines skills (such as an overall average), so the
// only figures a reader can combine are those of one skill: each shown group, and "All others".
//
// The property (proved for arbitrary inputs in feedback.anonymity.test.ts):
//   1. A group is shown on its own only when it rests on at least its minimum number of scores.
//   2. "All others" is the sum of every group's scores. When it is shown, then for every set S of the
//      groups shown, "All others" minus S (what a reader can work out by subtraction) rests either on
//      no scores at all or on at least the largest minimum among the groups whose scores are in it.
//      In particular "All others" itself rests on at least the largest minimum of the groups it draws on.

import { RATER_GROUPS, type RaterGroup } from './feedback.model';

/** One group's scores for one skill ("not observed" already left out). */
export interface GroupScores {
  group: RaterGroup;
  /** Scores needed before the group is shown on its own. */
  minimum: number;
  /** False only for the named line manager. */
  anonymous: boolean;
  /** How many scores (1–5) the group gave this skill. */
  count: number;
  /** Their total. */
  sum: number;
  /**
   * How many people in the group answered the round (whatever they chose for this skill); defaults to
   * `count`. An anonymous group with fewer respondents than its minimum is hidden on every skill, and
   * every decision about it rests on this number, never on `count`: whether its members chose "Not
   * observed" must change nothing anyone can see except the average of "All others".
   */
  respondents?: number;
}

/** Why a group is, or is not, shown on its own for one skill. */
export type GroupDecision =
  /** Rests on at least its minimum: shown with its mean and count. */
  | 'shown'
  /** Nobody in the group scored this skill: nothing to show or fold. */
  | 'no_scores'
  /** Fewer scores than its minimum: counted in "All others" only. */
  | 'below_minimum'
  /** Enough scores, but folded so that a smaller group's scores cannot be worked out by subtraction. */
  | 'folded_to_protect';

export interface GroupDisclosure extends GroupScores {
  decision: GroupDecision;
}

/** Why "All others" is, or is not, shown for one skill. */
export type AllOthersDecision =
  | 'shown'
  /** Nobody but the participant scored this skill. */
  | 'no_scores'
  /** Too few scores in all, and no group left to fold: the figure would identify people. */
  | 'too_few'
  /** Shown next to the named line manager, it would give away the folded answers by subtraction. */
  | 'would_reveal_by_subtraction';

export interface SkillDisclosure {
  /** Every group passed in, in the order given. */
  groups: GroupDisclosure[];
  allOthers: { decision: AllOthersDecision; count: number; sum: number };
  /** The scores counted in "All others" only (the folded groups together), as last considered. */
  remainder: { count: number; sum: number; largestMinimum: number };
}

function isFolded(group: GroupDisclosure): boolean {
  return group.decision === 'below_minimum' || group.decision === 'folded_to_protect';
}

/** An anonymous group that answered with fewer people than its minimum: nothing about it is shown. */
export function isHidden(group: GroupScores): boolean {
  const respondents = group.respondents ?? group.count;
  return group.anonymous && respondents > 0 && respondents < group.minimum;
}

/** The count decisions rest on: a hidden group's respondents, so its "Not observed" answers decide nothing. */
function decidingCount(group: GroupScores): number {
  return isHidden(group) ? (group.respondents ?? group.count) : group.count;
}

function remainderOf(groups: GroupDisclosure[]) {
  let count = 0;
  let sum = 0;
  let largestMinimum = 0;
  for (const group of groups) {
    if (!isFolded(group)) continue;
    count += decidingCount(group);
    sum += group.sum;
    largestMinimum = Math.max(largestMinimum, group.minimum);
  }
  return { count, sum, largestMinimum };
}

/**
 * Decides which of one skill's figures may be shown. A group below its minimum is folded into
 * "All others"; if "All others" minus the groups shown would then leave the folded scores resting on
 * fewer than the largest minimum among them, the smallest anonymous group shown is folded too, and so
 * on; if only the named line manager is left to fold, "All others" is withheld instead (and the groups
 * folded along the way are shown again, since nothing is left to subtract them from).
 */
export function discloseSkill(scores: GroupScores[]): SkillDisclosure {
  const groups: GroupDisclosure[] = scores.map((group) => ({
    ...group,
    decision: isHidden(group) ? 'below_minimum' : group.count === 0 ? 'no_scores' : group.count >= Math.max(1, group.minimum) ? 'shown' : 'below_minimum',
  }));
  const total = groups.reduce((acc, group) => ({ count: acc.count + group.count, sum: acc.sum + group.sum }), { count: 0, sum: 0 });

  for (;;) {
    const remainder = remainderOf(groups);
    if (remainder.count === 0 || remainder.count >= remainder.largestMinimum) {
      // "No scores" can only follow when nobody hidden answered (or all of them, and everyone else, chose "Not observed").
      return { groups, allOthers: { decision: total.count === 0 ? 'no_scores' : 'shown', ...total }, remainder };
    }
    const candidate = smallestAnonymousShown(groups);
    if (!candidate) {
      // With "All others" withheld there is nothing to subtract from, so the groups folded only to
      // protect others are shown again (each rests on its own minimum).
      for (const group of groups) if (group.decision === 'folded_to_protect') group.decision = 'shown';
      const anyShown = groups.some((group) => group.decision === 'shown');
      return {
        groups,
        allOthers: { decision: anyShown ? 'would_reveal_by_subtraction' : 'too_few', ...total },
        remainder,
      };
    }
    candidate.decision = 'folded_to_protect';
  }
}

/** The anonymous group shown on the fewest scores (the later group in report order on a tie). */
function smallestAnonymousShown(groups: GroupDisclosure[]): GroupDisclosure | undefined {
  let best: GroupDisclosure | undefined;
  for (const group of groups) {
    if (group.decision !== 'shown' || !group.anonymous) continue;
    if (!best || group.count < best.count || (group.count === best.count && order(group.group) > order(best.group))) best = group;
  }
  return best;
}

function order(group: RaterGroup): number {
  return RATER_GROUPS.indexOf(group);
}

/** Whether the comments may be shown, and the numbers behind the decision. */
export interface CommentsDisclosure {
  show: boolean;
  /** People in anonymous groups who submitted a response. */
  anonymousRespondents: number;
  /** The largest minimum among the anonymous groups that answered (0 when none did). */
  threshold: number;
}

/**
 * Comments are never attributed, but a comment is only as anonymous as the crowd it hides in. They are
 * shown only when at least as many people in anonymous groups answered as the largest minimum among
 * those groups (normally 3); the named line manager does not count towards it. When they are withheld,
 * the line manager's comments are withheld too: shown alone they would be attributed to the line
 * manager, which the report never does.
 */
export function discloseComments(
  groups: { group: RaterGroup; minimum: number; anonymous: boolean }[],
  respondentsByGroup: Partial<Record<RaterGroup, number>>,
): CommentsDisclosure {
  let anonymousRespondents = 0;
  let threshold = 0;
  for (const group of groups) {
    if (!group.anonymous) continue;
    const answered = respondentsByGroup[group.group] ?? 0;
    anonymousRespondents += answered;
    if (answered > 0) threshold = Math.max(threshold, group.minimum);
  }
  return { show: anonymousRespondents > 0 && anonymousRespondents >= threshold, anonymousRespondents, threshold };
}
