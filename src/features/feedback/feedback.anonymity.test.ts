import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discloseComments, discloseSkill, type GroupScores, type SkillDisclosure } from './feedback.anonymity';
import { RATER_GROUPS, type RaterGroup } from './feedback.model';

// The property, stated precisely. For one skill, given any groups (any minimums, anonymous or not) and
// any scores, call a group "visible" when `discloseSkill` shows it. Then:
//   (a) every visible group rests on at least its own minimum (and at least one score);
//   (b) "All others", when shown, is the count and sum of every group's scores; and for EVERY set S of
//       visible groups, the scores a reader can work out as "All others" minus S (counts and sums
//       subtracted) are either no scores at all, or at least as many as the largest minimum among the
//       groups whose scores are in that difference. With S empty this says "All others" itself rests
//       on at least the minimum of every group it draws on; with S = every visible group it says the
//       folded remainder is either empty or at least the largest minimum among the folded groups.
// Nothing else is shown for a skill, and nothing combines skills, so these are all the figures a
// reader has.

const scoresArb = fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 9 });

/** Any groups: a subset of the rater groups, each with any minimum, anonymous or not, and any scores. */
const anyGroupsArb = fc.uniqueArray(fc.constantFrom(...RATER_GROUPS), { minLength: 1, maxLength: RATER_GROUPS.length }).chain((groups) =>
  fc.tuple(
    ...groups.map((group) =>
      fc.record({
        group: fc.constant(group),
        minimum: fc.integer({ min: 1, max: 6 }),
        anonymous: fc.boolean(),
        scores: scoresArb,
      }),
    ),
  ),
);

/** Groups as Waymark sets them up: a named line manager (minimum 1) and anonymous groups (minimum 3 or more). */
const realisticGroupsArb = fc.uniqueArray(fc.constantFrom(...RATER_GROUPS), { minLength: 1, maxLength: RATER_GROUPS.length }).chain((groups) =>
  fc.tuple(
    ...groups.map((group) =>
      fc.record({
        group: fc.constant(group),
        minimum: group === 'line_manager' ? fc.constant(1) : fc.integer({ min: 3, max: 5 }),
        anonymous: fc.constant(group !== 'line_manager'),
        scores: group === 'line_manager' ? fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 1 }) : scoresArb,
      }),
    ),
  ),
);

function toScores(groups: { group: RaterGroup; minimum: number; anonymous: boolean; scores: number[] }[]): GroupScores[] {
  return groups.map((g) => ({
    group: g.group,
    minimum: g.minimum,
    anonymous: g.anonymous,
    count: g.scores.length,
    sum: g.scores.reduce((a, b) => a + b, 0),
  }));
}

function subsets<T>(items: T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => acc.concat(acc.map((subset) => [...subset, item])), [[]]);
}

/** Checks the property for one input; throws with the reason when it fails. */
function assertNothingIdentifiable(input: GroupScores[], result: SkillDisclosure) {
  const visible = result.groups.filter((g) => g.decision === 'shown');
  for (const group of visible) {
    expect(group.count).toBeGreaterThanOrEqual(Math.max(1, group.minimum));
  }
  const total = input.reduce((acc, g) => ({ count: acc.count + g.count, sum: acc.sum + g.sum }), { count: 0, sum: 0 });
  expect({ count: result.allOthers.count, sum: result.allOthers.sum }).toEqual(total);
  if (result.allOthers.decision !== 'shown') return;
  for (const subtracted of subsets(visible)) {
    const taken = new Set(subtracted.map((g) => g.group));
    const left = result.groups.filter((g) => !taken.has(g.group) && g.count > 0);
    const count = total.count - subtracted.reduce((a, g) => a + g.count, 0);
    expect(count).toBe(left.reduce((a, g) => a + g.count, 0));
    if (count === 0) continue;
    const largestMinimum = Math.max(...left.map((g) => g.minimum));
    expect(count, `"All others" minus ${[...taken].join(', ') || 'nothing'}`).toBeGreaterThanOrEqual(largestMinimum);
  }
}

describe('anonymity of one skill’s figures (property)', () => {
  it('no figure shown, nor any difference of figures shown, rests on fewer scores than a group’s minimum — for any groups and scores', () => {
    fc.assert(
      fc.property(anyGroupsArb, (groups) => {
        const input = toScores(groups);
        assertNothingIdentifiable(input, discloseSkill(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('holds for the groups Waymark sets up (named line manager, anonymous groups of three or more)', () => {
    fc.assert(
      fc.property(realisticGroupsArb, (groups) => {
        const input = toScores(groups);
        assertNothingIdentifiable(input, discloseSkill(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('hides nothing that need not be hidden: with no group below its minimum everything is shown', () => {
    fc.assert(
      fc.property(anyGroupsArb, (groups) => {
        const input = toScores(groups).filter((g) => g.count === 0 || g.count >= g.minimum);
        const result = discloseSkill(input);
        for (const group of result.groups) expect(group.decision).toBe(group.count === 0 ? 'no_scores' : 'shown');
        expect(result.allOthers.decision).toBe(input.some((g) => g.count > 0) ? 'shown' : 'no_scores');
      }),
    );
  });

  it('folds a group that has enough scores only to protect another, never the named line manager', () => {
    fc.assert(
      fc.property(anyGroupsArb, (groups) => {
        const result = discloseSkill(toScores(groups));
        const protectors = result.groups.filter((g) => g.decision === 'folded_to_protect');
        for (const group of protectors) {
          expect(group.anonymous).toBe(true);
          expect(group.count).toBeGreaterThanOrEqual(group.minimum);
        }
        if (protectors.length > 0) expect(result.groups.some((g) => g.decision === 'below_minimum')).toBe(true);
      }),
    );
  });

  it('keeps every group in the order given, with its scores untouched', () => {
    fc.assert(
      fc.property(anyGroupsArb, (groups) => {
        const input = toScores(groups);
        const result = discloseSkill(input);
        expect(result.groups.map(({ decision: _decision, ...rest }) => rest)).toEqual(input);
      }),
    );
  });
});

describe('anonymity of one skill’s figures (examples)', () => {
  const lineManager = (scores: number[]): GroupScores => ({
    group: 'line_manager',
    minimum: 1,
    anonymous: false,
    count: scores.length,
    sum: scores.reduce((a, b) => a + b, 0),
  });
  const anonymous = (group: RaterGroup, scores: number[], minimum = 3): GroupScores => ({
    group,
    minimum,
    anonymous: true,
    count: scores.length,
    sum: scores.reduce((a, b) => a + b, 0),
  });
  const decisions = (result: SkillDisclosure) => Object.fromEntries(result.groups.map((g) => [g.group, g.decision]));

  it('a peer’s ratings stay hidden until three peers respond', () => {
    expect(decisions(discloseSkill([anonymous('peer', [4]), anonymous('student', [3, 3, 3])])).peer).toBe('below_minimum');
    expect(decisions(discloseSkill([anonymous('peer', [4, 2]), anonymous('student', [3, 3, 3])])).peer).toBe('below_minimum');
    expect(decisions(discloseSkill([anonymous('peer', [4, 2, 5]), anonymous('student', [3, 3, 3])])).peer).toBe('shown');
  });

  it('a single direct report’s answer cannot be worked out by subtraction: the smallest anonymous group is folded with it', () => {
    const result = discloseSkill([lineManager([4]), anonymous('peer', [3, 4, 5]), anonymous('direct_report', [1]), anonymous('student', [5, 5, 5, 5])]);
    expect(decisions(result)).toEqual({ line_manager: 'shown', peer: 'folded_to_protect', direct_report: 'below_minimum', student: 'shown' });
    expect(result.allOthers).toEqual({ decision: 'shown', count: 9, sum: 37 });
    // All others minus the line manager and the students leaves 4 scores: the direct report's and the peers'.
    expect(result.remainder).toEqual({ count: 4, sum: 13, largestMinimum: 3 });
  });

  it('withholds "All others" when only the named line manager is shown beside a lone anonymous answer', () => {
    const result = discloseSkill([lineManager([4]), anonymous('direct_report', [1])]);
    expect(decisions(result)).toEqual({ line_manager: 'shown', direct_report: 'below_minimum' });
    expect(result.allOthers.decision).toBe('would_reveal_by_subtraction');
  });

  it('shows again the groups folded along the way when "All others" is withheld in the end', () => {
    // One student (minimum 5): folding the three peers still leaves 4 scores, fewer than 5, and only the
    // named line manager is left. "All others" is withheld, so nothing can be subtracted: the peers are shown.
    const result = discloseSkill([lineManager([3]), anonymous('peer', [4, 4, 5]), anonymous('student', [2], 5)]);
    expect(decisions(result)).toEqual({ line_manager: 'shown', peer: 'shown', student: 'below_minimum' });
    expect(result.allOthers.decision).toBe('would_reveal_by_subtraction');
  });

  it('withholds "All others" when it would rest on fewer people than a group’s minimum', () => {
    const result = discloseSkill([anonymous('peer', [4, 5]), anonymous('student', [])]);
    expect(result.allOthers.decision).toBe('too_few');
    expect(discloseSkill([anonymous('peer', [4, 5]), anonymous('other', [2])]).allOthers.decision).toBe('shown');
  });

  it('shows the named line manager on their own from a single answer', () => {
    const result = discloseSkill([lineManager([2]), anonymous('peer', [4, 4, 4])]);
    expect(decisions(result)).toEqual({ line_manager: 'shown', peer: 'shown' });
    expect(result.allOthers.decision).toBe('shown');
  });

  it('uses a group’s own minimum: five students are needed when the minimum is five', () => {
    const four = discloseSkill([anonymous('peer', [3, 3, 3]), anonymous('student', [5, 5, 5, 5], 5)]);
    expect(decisions(four)).toEqual({ peer: 'folded_to_protect', student: 'below_minimum' });
    expect(four.allOthers.decision).toBe('shown');
    const five = discloseSkill([anonymous('peer', [3, 3, 3]), anonymous('student', [5, 5, 5, 5, 5], 5)]);
    expect(decisions(five)).toEqual({ peer: 'shown', student: 'shown' });
  });

  it('folds the smallest anonymous group first, and stops as soon as the remainder is large enough', () => {
    const result = discloseSkill([
      anonymous('peer', [3, 3, 3, 3, 3]),
      anonymous('direct_report', [1, 2]),
      anonymous('student', [4, 4, 4]),
      anonymous('other', [2, 2, 2, 2]),
    ]);
    expect(decisions(result)).toEqual({ peer: 'shown', direct_report: 'below_minimum', student: 'folded_to_protect', other: 'shown' });
  });
});

describe('whether comments are shown', () => {
  const groups = [
    { group: 'line_manager' as const, minimum: 1, anonymous: false },
    { group: 'peer' as const, minimum: 3, anonymous: true },
    { group: 'student' as const, minimum: 5, anonymous: true },
  ];

  it('needs as many people outside the line manager as the largest minimum among the groups that answered', () => {
    expect(discloseComments(groups, { line_manager: 1, peer: 2 }).show).toBe(false);
    expect(discloseComments(groups, { line_manager: 1, peer: 3 }).show).toBe(true);
    expect(discloseComments(groups, { peer: 3, student: 1 })).toEqual({ show: false, anonymousRespondents: 4, threshold: 5 });
    expect(discloseComments(groups, { peer: 3, student: 2 }).show).toBe(true);
    expect(discloseComments(groups, { line_manager: 1 }).show).toBe(false);
  });

  it('never shows comments from fewer anonymous people than any answering group’s minimum (property)', () => {
    fc.assert(
      fc.property(anyGroupsArb, fc.array(fc.nat({ max: 8 }), { minLength: 5, maxLength: 5 }), (settings, counts) => {
        const answered: Record<string, number> = Object.fromEntries(settings.map((g, index) => [g.group, counts[index] ?? 0]));
        const result = discloseComments(settings, answered);
        if (!result.show) return;
        const anonymousAnswered = settings.filter((g) => g.anonymous && (answered[g.group] ?? 0) > 0);
        const people = anonymousAnswered.reduce((a, g) => a + (answered[g.group] ?? 0), 0);
        expect(people).toBeGreaterThan(0);
        for (const group of anonymousAnswered) expect(people).toBeGreaterThanOrEqual(group.minimum);
      }),
    );
  });
});
