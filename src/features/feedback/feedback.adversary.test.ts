import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupSetting, Rating, RaterGroup, ReportInput, SubmittedResponse } from './feedback.model';
import { buildReport } from './feedback.report';

// The anonymity rules with the adversary in them: the participant (issue 11). They know their own
// self-ratings, they may have answered any number of times through their class link, and they read
// everything the report gives them (the page, the PDF and the chart are all drawn from the one report
// object, so its JSON is what they see, counts per group included). The people they cannot control are
// the colleagues and approved outside addresses in the anonymous groups (peers, direct reports, others).
//
// The property: for every such respondent and every skill, at least two different answers of theirs
// are consistent with everything the participant can see, i.e. some other answer of theirs (with at
// most one other uncontrolled respondent answering differently too) gives exactly the same report.
//
// The one exception is the one any published average has: when everyone outside the participant's
// control who is pooled with that respondent in a figure shown gave the SAME answer (say three peers
// all "5", or everyone "Not observed"), or everyone in it who scored gave the same score (an "All
// others" of 1.0), the figure itself says what each of them scored. That is unanimity, not something
// the participant can bring about: they control no one in those groups.

const SKILLS = [
  { id: 'a', code: '1', title: 'Vision' },
  { id: 'b', code: '2', title: 'Teaching' },
];
const ratingArb = fc.constantFrom<Rating>(1, 2, 3, 4, 5, null);
const answerArb = fc.record({ a: ratingArb, b: ratingArb });
type Answer = { a: Rating; b: Rating };
type SkillId = keyof Answer;

interface Round {
  lineManager: Answer | null;
  /** Uncontrolled anonymous respondents, by group. */
  people: { group: Exclude<RaterGroup, 'line_manager' | 'student'>; answer: Answer }[];
  /** Class-link answers from real students (uncontrolled, but they stand apart). */
  students: Answer[];
  /** Class-link answers the participant gave themselves. */
  padding: Answer[];
  minimums: { peer: number; direct_report: number; other: number; student: number };
  self: Answer | null;
  seed: string;
}

const roundArb: fc.Arbitrary<Round> = fc.record({
  lineManager: fc.option(answerArb, { nil: null }),
  people: fc.array(fc.record({ group: fc.constantFrom('peer' as const, 'direct_report' as const, 'other' as const), answer: answerArb }), { maxLength: 9 }),
  students: fc.array(answerArb, { maxLength: 6 }),
  padding: fc.array(answerArb, { maxLength: 7 }),
  minimums: fc.record({
    peer: fc.integer({ min: 3, max: 4 }),
    direct_report: fc.integer({ min: 3, max: 4 }),
    other: fc.integer({ min: 3, max: 4 }),
    student: fc.integer({ min: 5, max: 6 }),
  }),
  self: fc.option(answerArb, { nil: null }),
  seed: fc.constantFrom('r1', 'r2'),
});

function reportInput(round: Round): ReportInput {
  const groups: GroupSetting[] = [
    { group: 'line_manager', minimum: 1, anonymous: false },
    { group: 'peer', minimum: round.minimums.peer, anonymous: true },
    { group: 'direct_report', minimum: round.minimums.direct_report, anonymous: true },
    { group: 'student', minimum: round.minimums.student, anonymous: true },
    { group: 'other', minimum: round.minimums.other, anonymous: true },
  ];
  const response = (group: RaterGroup, answer: Answer): SubmittedResponse => ({ group, ratings: { ...answer }, strengths: '', develop: '' });
  return {
    skills: SKILLS,
    groups,
    self: round.self ? { ...round.self } : null,
    responses: [
      ...(round.lineManager ? [response('line_manager', round.lineManager)] : []),
      ...round.people.map((p) => response(p.group, p.answer)),
      ...[...round.students, ...round.padding].map((answer) => response('student', answer)),
    ],
    margin: 1.3,
    seed: round.seed,
  };
}

/** Everything the participant sees of a round. */
function view(round: Round): string {
  return JSON.stringify(buildReport(reportInput(round)));
}

function withAnswer(round: Round, index: number, skill: SkillId, rating: Rating): Round {
  return {
    ...round,
    people: round.people.map((p, i) => (i === index ? { ...p, answer: { ...p.answer, [skill]: rating } } : p)),
  };
}

const RATINGS: Rating[] = [1, 2, 3, 4, 5, null];

/** Whether some other answer of respondent `index` on `skill` (and of at most one other person outside the participant's control) gives the same report. */
function hasAnotherConsistentAnswer(round: Round, index: number, skill: SkillId, seen: string): boolean {
  const own = round.people[index]?.answer[skill];
  for (const rating of RATINGS) {
    if (rating === own) continue;
    const changed = withAnswer(round, index, skill, rating);
    if (view(changed) === seen) return true;
    for (let other = 0; other < round.people.length; other += 1) {
      if (other === index) continue;
      for (const otherRating of RATINGS) {
        if (otherRating === round.people[other]?.answer[skill]) continue;
        if (view(withAnswer(changed, other, skill, otherRating)) === seen) return true;
      }
    }
  }
  return false;
}

/**
 * The unanimity exception: some figure shown pools this respondent with others outside the participant's
 * control who all answered alike (a group's figure, "All others", or "All others" minus a group shown).
 */
function unanimousInAShownFigure(round: Round, index: number, skill: SkillId): boolean {
  const report = buildReport(reportInput(round));
  const result = report.skills.find((s) => s.skill.id === skill);
  const person = round.people[index];
  if (!result || !person) return false;
  // A group with enough respondents of whom none scored the skill says so ("no scores"): that too pools them, all alike.
  const shown = (group: RaterGroup) => {
    const status = result.groups.find((g) => g.group === group)?.status;
    return status === 'shown' || status === 'no_scores';
  };
  // "All others" draws on every colleague group but those with fewer people than their minimum.
  const inAllOthers = (group: RaterGroup) => !report.responses.some((r) => r.group === group && r.anonymous && r.count > 0 && r.count < r.minimum);
  const everyone = round.people.map((p, i) => [p, i] as const);
  const pools: number[][] = [];
  if (shown(person.group)) pools.push(everyone.filter(([p]) => p.group === person.group).map(([, i]) => i));
  if (result.allOthers.status === 'shown' || result.allOthers.status === 'no_scores') {
    const all = everyone.filter(([p]) => inAllOthers(p.group));
    pools.push(all.map(([, i]) => i));
    for (const group of ['peer', 'direct_report', 'other'] as const) if (shown(group)) pools.push(all.filter(([p]) => p.group !== group).map(([, i]) => i));
  }
  // Everyone in the pool answered alike — or, for a person who scored, everyone in it who scored gave the same
  // score (a mean of 1.0 says every score in it was 1; which of them chose "Not observed" stays hidden).
  const own = person.answer[skill];
  const alike = (i: number) => {
    const answer = round.people[i]?.answer[skill];
    return answer === own || (own !== null && answer === null);
  };
  return pools.some((pool) => pool.includes(index) && pool.every(alike));
}

function assertNobodyDetermined(round: Round) {
  const seen = view(round);
  for (const [index, person] of round.people.entries()) {
    for (const skill of ['a', 'b'] as const) {
      if (hasAnotherConsistentAnswer(round, index, skill, seen)) continue;
      expect(
        unanimousInAShownFigure(round, index, skill),
        `the report determines ${person.group} #${index}'s answer on skill ${skill} (${String(person.answer[skill])})`,
      ).toBe(true);
    }
  }
}

describe('360 anonymity against the participant (property, with the adversary in it)', () => {
  it('for any round and any class-link answers the participant gave, the report never determines one colleague’s answer', () => {
    fc.assert(
      fc.property(roundArb, (round) => assertNobodyDetermined(round)),
      {
        numRuns: 300,
        examples: [
          // Found at 10,000 runs: every scorer in "All others" gave 1 and the peers, folded in, all scored.
          [
            {
              lineManager: null,
              people: [
                { group: 'direct_report', answer: { a: 1, b: 1 } },
                { group: 'peer', answer: { a: 1, b: 1 } },
                { group: 'peer', answer: { a: 1, b: 1 } },
                { group: 'direct_report', answer: { a: 1, b: 1 } },
                { group: 'peer', answer: { a: 1, b: 1 } },
                { group: 'direct_report', answer: { a: null, b: 1 } },
              ],
              students: [],
              padding: [],
              minimums: { peer: 3, direct_report: 3, other: 3, student: 5 },
              self: null,
              seed: 'r1',
            },
          ],
        ],
      },
    );
  });

  it('class-link answers, the participant’s or anyone’s, change no figure but the students’ own', () => {
    fc.assert(
      fc.property(roundArb, fc.array(answerArb, { maxLength: 7 }), (round, morePadding) => {
        const strip = (text: string) => {
          const report = JSON.parse(text) as ReturnType<typeof buildReport>;
          return JSON.stringify({
            skills: report.skills.map((s) => ({
              ...s,
              groups: s.groups.filter((g) => g.group !== 'student'),
              notes: s.notes.filter((n) => !n.includes('students')),
            })),
            comments: report.comments,
            blindSpots: report.blindSpots,
            hiddenStrengths: report.hiddenStrengths,
            highest: report.highest,
            lowest: report.lowest,
            rankingNote: report.rankingNote,
          });
        };
        expect(strip(view({ ...round, padding: [...round.padding, ...morePadding] }))).toBe(strip(view(round)));
        expect(strip(view({ ...round, padding: [], students: [] }))).toBe(strip(view(round)));
      }),
      { numRuns: 500 },
    );
  });

  it('for any pair of rounds that overlap in time, each respondent answering in at most one of them, neither report pins anyone down', () => {
    // Two rounds of the same participant can't both be open (one open round at a time), and so no
    // respondent's answers are in two rounds that overlap: the second round's people are others.
    fc.assert(
      fc.property(roundArb, roundArb, (first, second) => {
        const seenSecond = view(second);
        const seenFirst = view(first);
        for (const [index] of first.people.entries()) {
          for (const skill of ['a', 'b'] as const) {
            // Whatever the first round's respondent answered, the second round's report is the same.
            expect(view(second)).toBe(seenSecond);
            if (hasAnotherConsistentAnswer(first, index, skill, seenFirst)) continue;
            expect(unanimousInAShownFigure(first, index, skill)).toBe(true);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('what a member of a group below its minimum answered, "Not observed" or a score, changes nothing on the report', () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), fc.constantFrom<SkillId>('a', 'b'), fc.constantFrom<Rating>(1, 2, 3, 4, 5), (round, pick, skill, score) => {
        const report = buildReport(reportInput(round));
        const hiddenGroups = report.responses.filter((r) => r.anonymous && r.group !== 'student' && r.count > 0 && r.count < r.minimum).map((r) => r.group);
        const candidates = round.people.map((p, i) => [p, i] as const).filter(([p]) => hiddenGroups.includes(p.group));
        if (candidates.length === 0) return;
        const [, index] = candidates[pick % candidates.length] as (typeof candidates)[number];
        const a = buildReport(reportInput(withAnswer(round, index, skill, null)));
        const b = buildReport(reportInput(withAnswer(round, index, skill, score)));
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 500 },
    );
  });
});
