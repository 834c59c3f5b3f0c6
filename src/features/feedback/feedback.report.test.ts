import fc from 'fast-check';
import { jsx } from '#jsx/jsx-runtime';
import { describe, expect, it } from 'vitest';
import { FeedbackSkillChart } from './feedback.chart';
import { RATER_GROUPS, type GroupSetting, type Rating, type RaterGroup, type ReportInput, type SubmittedResponse } from './feedback.model';
import { buildReport, shuffle, type FeedbackReport } from './feedback.report';
import { FeedbackReportView } from './views/report';

const skills = [
  { id: 'culture', code: '1', title: 'School culture' },
  { id: 'teaching', code: '2', title: 'Teaching' },
  { id: 'curriculum', code: '3', title: 'Curriculum and assessment' },
];

const usualGroups: GroupSetting[] = [
  { group: 'line_manager', minimum: 1, anonymous: false },
  { group: 'peer', minimum: 3, anonymous: true },
  { group: 'direct_report', minimum: 3, anonymous: true },
  { group: 'student', minimum: 3, anonymous: true },
  { group: 'other', minimum: 3, anonymous: true },
];

function response(group: RaterGroup, ratings: Record<string, Rating>, strengths = '', develop = ''): SubmittedResponse {
  return { group, ratings, strengths, develop };
}

function input(responses: SubmittedResponse[], overrides: Partial<ReportInput> = {}): ReportInput {
  return { skills, groups: usualGroups, self: { culture: 4, teaching: 4, curriculum: 4 }, responses, margin: 1.3, seed: 'round-1', ...overrides };
}

const all = (rating: Rating): Record<string, Rating> => ({ culture: rating, teaching: rating, curriculum: rating });

function skill(report: FeedbackReport, id: string) {
  const result = report.skills.find((s) => s.skill.id === id);
  if (!result) throw new Error(`no skill ${id}`);
  return result;
}

function group(report: FeedbackReport, skillId: string, raterGroup: RaterGroup) {
  return skill(report, skillId).groups.find((g) => g.group === raterGroup);
}

describe('the 360 report', () => {
  it('a peer’s ratings stay hidden until three peers respond', () => {
    const twoPeers = buildReport(input([response('peer', all(5)), response('peer', all(4)), ...[3, 3, 3].map((r) => response('other', all(r as Rating)))]));
    expect(group(twoPeers, 'culture', 'peer')).toEqual({ group: 'peer', label: 'Peers', status: 'below_minimum', figure: null });
    // The two peers are in no figure, "All others" included, so nothing can be subtracted to find them.
    expect(group(twoPeers, 'culture', 'other')?.status).toBe('shown');
    expect(skill(twoPeers, 'culture').allOthers.figure).toEqual({ count: 3, mean: 3 });
    expect(twoPeers.explanations).toContain(
      'Fewer than 3 peers answered, so their scores are not shown and not counted in any figure, "All others" included: with so few, they could be worked out.',
    );

    const threePeers = buildReport(
      input([response('peer', all(5)), response('peer', all(4)), response('peer', all(4)), ...[3, 3, 3].map((r) => response('other', all(r as Rating)))]),
    );
    expect(group(threePeers, 'culture', 'peer')?.figure).toEqual({ count: 3, mean: 4.3 });
    expect(threePeers.explanations).toEqual([
      `Students' answers are shown only as their own group, and only when at least 5 students have answered. No students answered, so nothing from students is shown.`,
    ]);
  });

  it('a single direct report’s answer is in no figure, so it cannot be worked out by subtraction', () => {
    const responses = (dr: Rating) => [
      response('line_manager', all(4)),
      response('direct_report', all(dr)),
      ...[4, 4, 5].map((r) => response('peer', all(r as Rating))),
      ...[5, 5, 5].map((r) => response('other', all(r as Rating))),
    ];
    const report = buildReport(input(responses(1)));
    const culture = skill(report, 'culture');
    expect(culture.groups.map((g) => [g.group, g.status])).toEqual([
      ['line_manager', 'shown'],
      ['peer', 'shown'],
      ['direct_report', 'below_minimum'],
      ['student', 'no_scores'],
      ['other', 'shown'],
    ]);
    expect(culture.allOthers.figure).toEqual({ count: 7, mean: 4.6 });
    for (const dr of [2, 3, 4, 5, null] as Rating[]) expect(buildReport(input(responses(dr)))).toEqual(report);
  });

  it('folds a group below its minimum on one skill with the smallest group shown, so subtraction gives nothing away', () => {
    const report = buildReport(
      input([
        response('line_manager', all(4)),
        response('peer', { culture: 1, teaching: 3, curriculum: 3 }),
        response('peer', { culture: 2, teaching: 3, curriculum: 3 }),
        response('peer', { culture: null, teaching: 3, curriculum: 3 }),
        ...[4, 4, 5].map((r) => response('other', all(r as Rating))),
      ]),
    );
    const culture = skill(report, 'culture');
    expect(culture.groups.find((g) => g.group === 'peer')?.status).toBe('below_minimum');
    expect(culture.groups.find((g) => g.group === 'other')?.status).toBe('folded_to_protect');
    expect(culture.notes.join(' ')).toContain('so that the scores from peers cannot be worked out');
  });

  it('withholds "All others" (and says why) when the line manager is the only other group shown', () => {
    const report = buildReport(
      input([
        response('line_manager', all(4)),
        response('peer', { culture: 1, teaching: 3, curriculum: 3 }),
        response('peer', { culture: 2, teaching: 3, curriculum: 3 }),
        response('peer', { culture: null, teaching: 3, curriculum: 3 }),
      ]),
    );
    const culture = skill(report, 'culture');
    expect(culture.allOthers).toEqual({ status: 'would_reveal_by_subtraction', figure: null });
    expect(culture.groups.find((g) => g.group === 'line_manager')?.figure).toEqual({ count: 1, mean: 4 });
    expect(culture.notes).toContain(
      '"All others" is not shown for this skill: next to the figure for the line manager, it would give away the answers of peers.',
    );
    expect(culture.flag).toBeNull();
  });

  it('not observed is never averaged, and a skill left out of a response counts as not observed', () => {
    const report = buildReport(
      input([
        response('peer', { culture: 5, teaching: null, curriculum: 2 }),
        response('peer', { culture: 4, teaching: 5, curriculum: 2 }),
        response('peer', { culture: 3, teaching: 5 }),
        response('peer', { culture: null, teaching: 5, curriculum: 2 }),
      ]),
    );
    expect(group(report, 'culture', 'peer')?.figure).toEqual({ count: 3, mean: 4 });
    expect(group(report, 'teaching', 'peer')?.figure).toEqual({ count: 3, mean: 5 });
    expect(group(report, 'curriculum', 'peer')?.figure).toEqual({ count: 3, mean: 2 });
    // "All others" counts the 4 people who answered, not the scores: "Not observed" moves no count.
    expect(skill(report, 'culture').allOthers.figure).toEqual({ count: 4, mean: 4 });
  });

  it('folds a group on one skill when too many of them chose "not observed" for it, and says so', () => {
    const report = buildReport(
      input([
        response('peer', { culture: 5, teaching: null, curriculum: 3 }),
        response('peer', { culture: 4, teaching: null, curriculum: 3 }),
        response('peer', { culture: 3, teaching: 4, curriculum: 3 }),
        ...[2, 2, 2].map((r) => response('other', all(r as Rating))),
      ]),
    );
    expect(group(report, 'culture', 'peer')?.status).toBe('shown');
    expect(group(report, 'teaching', 'peer')?.status).toBe('below_minimum');
    expect(skill(report, 'teaching').notes[0]).toBe(
      'Fewer than 3 peers rated this skill (the others chose "Not observed"), so their scores are included in "All others" only.',
    );
  });

  it('shows means to one decimal place, rounding halves up', () => {
    const report = buildReport(input([2, 3, 3, 3].map((r) => response('peer', all(r as Rating)))));
    expect(group(report, 'culture', 'peer')?.figure).toEqual({ count: 4, mean: 2.8 }); // 2.75
    const thirds = buildReport(input([4, 4, 5].map((r) => response('peer', all(r as Rating)))));
    expect(group(thirds, 'culture', 'peer')?.figure?.mean).toBe(4.3);
  });

  it('flags blind spots and hidden strengths at the margin, from the figures as shown', () => {
    const report = buildReport(
      input(
        [3, 3, 3].map((r) => response('peer', { culture: r as Rating, teaching: 5, curriculum: 4 })),
        {
          self: { culture: 5, teaching: 3, curriculum: 5 },
          margin: 1.3,
        },
      ),
    );
    expect(skill(report, 'culture')).toMatchObject({ gap: 2, flag: 'blind_spot' });
    expect(skill(report, 'teaching')).toMatchObject({ gap: -2, flag: 'hidden_strength' });
    expect(skill(report, 'curriculum')).toMatchObject({ gap: 1, flag: null });
    expect(report.blindSpots.map((s) => s.id)).toEqual(['culture']);
    expect(report.hiddenStrengths.map((s) => s.id)).toEqual(['teaching']);

    const exactly = buildReport(
      input(
        [4, 4, 3].map((r) => response('peer', all(r as Rating))),
        { self: all(5), margin: 1.3 },
      ),
    );
    // All others 3.7 (3.67 shown as 3.7): 5 − 3.7 = 1.3, exactly the margin.
    expect(skill(exactly, 'culture')).toMatchObject({ gap: 1.3, flag: 'blind_spot' });
  });

  it('has no flags without a self rating', () => {
    const report = buildReport(
      input(
        [1, 1, 1].map((r) => response('peer', all(r as Rating))),
        { self: null },
      ),
    );
    expect(report.selfRated).toBe(false);
    expect(report.skills.every((s) => s.flag === null && s.gap === null && s.self === null)).toBe(true);
  });

  it('names the highest and lowest rated skills by all others, listing ties', () => {
    const report = buildReport(input([1, 2, 3].map(() => response('peer', { culture: 5, teaching: 5, curriculum: 2 }))));
    expect(report.highest.map((s) => s.id)).toEqual(['culture', 'teaching']);
    expect(report.lowest.map((s) => s.id)).toEqual(['curriculum']);
    expect(report.rankingNote).toBeNull();

    const flat = buildReport(input([1, 2, 3].map(() => response('peer', all(3)))));
    expect(flat.highest).toEqual([]);
    expect(flat.lowest).toEqual([]);
    expect(flat.rankingNote).toMatch(/same average/);
  });

  it('ranks only the figures shown', () => {
    const report = buildReport(
      input([
        response('peer', { culture: 5, teaching: 1, curriculum: 1 }),
        response('peer', { culture: 5, teaching: 1 }),
        response('peer', { culture: 5, teaching: 2 }),
      ]),
    );
    // Curriculum has one score: "All others" is withheld there and it is not ranked.
    expect(skill(report, 'curriculum').allOthers.status).toBe('too_few');
    expect(report.lowest.map((s) => s.id)).toEqual(['teaching']);
  });

  it('counts responses per group', () => {
    const report = buildReport(input([response('line_manager', all(3)), response('peer', all(3)), response('peer', all(null))]));
    expect(report.responses.map((r) => [r.group, r.count])).toEqual([
      ['line_manager', 1],
      ['peer', 2],
      ['direct_report', 0],
      ['student', 0],
      ['other', 0],
    ]);
    expect(report.totalResponses).toBe(3);
  });

  it('shows comments verbatim, grouped by question, blank ones dropped, in an order fixed by the seed', () => {
    const responses = [
      response('line_manager', all(4), 'Clear vision', 'Delegate more'),
      response('peer', all(4), 'Listens well', '   '),
      response('peer', all(4), '', 'Time management'),
      response('peer', all(4), 'Calm under pressure\nand kind', ''),
      response('student', all(4), 'Explains things', 'Homework feedback'),
    ];
    const report = buildReport(input(responses));
    if (report.comments.status !== 'shown') throw new Error('comments withheld');
    // One student's comment stands apart (fewer than 5 students answered, so it is not shown at all).
    expect([...report.comments.strengths].sort()).toEqual(['Calm under pressure\nand kind', 'Clear vision', 'Listens well']);
    expect([...report.comments.develop].sort()).toEqual(['Delegate more', 'Time management']);
    expect(report.studentComments).toBeNull();
    expect(buildReport(input(responses)).comments).toEqual(report.comments);
    // The order does not follow the order responses came in, for some seed.
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((seed) => JSON.stringify(buildReport(input(responses, { seed })).comments)));
    expect(orders.size).toBeGreaterThan(1);
    expect(JSON.stringify(report.comments)).not.toMatch(/peer|student|line_manager/i);
  });

  it('withholds every comment, the line manager’s too, until three people other than the line manager answer', () => {
    const report = buildReport(
      input([response('line_manager', all(4), 'Clear vision'), response('peer', all(4), 'Listens'), response('peer', all(4), 'Kind')]),
    );
    expect(report.comments).toEqual({
      status: 'withheld',
      reason:
        "Comments are shown only when at least 3 people other than the line manager have answered, so that nobody's words can be traced back to them. Only 2 did, so no comments are shown, including the line manager's (shown on their own, they would be attributed).",
    });
  });

  it('is the same report, comment order included, whatever order the responses arrive in', () => {
    // The seed (the round id) is no secret: if the order of comments followed the order responses came
    // in (by group, or by time), undoing the shuffle would tell whose comment is whose.
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ group: fc.constantFrom(...RATER_GROUPS), rating: fc.constantFrom<Rating>(1, 2, 3, 4, 5, null), text: fc.string({ maxLength: 4 }) }),
          { maxLength: 12 },
        ),
        fc.string(),
        (answers, seed) => {
          const responses = answers.map((a) => response(a.group, all(a.rating), a.text, a.text));
          const a = buildReport(input(responses, { seed }));
          const b = buildReport(input([...responses].reverse(), { seed }));
          expect(b).toEqual(a);
        },
      ),
    );
  });
});

describe('the seeded shuffle', () => {
  it('is a permutation, and the same for the same seed', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (items, seed) => {
        const once = shuffle(items, seed);
        expect([...once].sort()).toEqual([...items].sort());
        expect(shuffle(items, seed)).toEqual(once);
      }),
    );
  });
});

// Random rounds: any groups and minimums, any responses with any ratings (null and missing included).
const roundArb = fc.uniqueArray(fc.constantFrom(...RATER_GROUPS), { minLength: 1, maxLength: RATER_GROUPS.length }).chain((groups) =>
  fc.record({
    groups: fc.tuple(
      ...groups.map((g) =>
        fc.record({ group: fc.constant(g), minimum: fc.integer({ min: 1, max: 5 }), anonymous: g === 'line_manager' ? fc.boolean() : fc.constant(true) }),
      ),
    ),
    responses: fc.array(
      fc.record({
        group: fc.constantFrom(...groups),
        ratings: fc.dictionary(fc.constantFrom('culture', 'teaching', 'curriculum'), fc.constantFrom<Rating>(1, 2, 3, 4, 5, null)),
        strengths: fc.string({ maxLength: 6 }),
        develop: fc.string({ maxLength: 6 }),
      }),
      { maxLength: 16 },
    ),
  }),
);

describe('the report keeps the anonymity rules (property)', () => {
  it('every figure in the report rests on enough real scores or people, and "All others" minus the groups shown on enough people', () => {
    fc.assert(
      fc.property(roundArb, ({ groups, responses }) => {
        const report = buildReport(input(responses, { groups }));
        // Students' minimum is never below 5, whatever was set.
        const minimumOf = (g: { group: RaterGroup; minimum: number }) => (g.group === 'student' ? Math.max(5, g.minimum) : g.minimum);
        const people = (group: RaterGroup) => responses.filter((r) => r.group === group).length;
        for (const result of report.skills) {
          const truth = new Map(
            groups.map((g) => {
              const scores = responses
                .filter((r) => r.group === g.group)
                .map((r) => r.ratings[result.skill.id])
                .filter((r): r is Exclude<Rating, null> => r !== null && r !== undefined);
              return [g.group, { ...g, minimum: minimumOf(g), count: scores.length, sum: scores.reduce((a, b) => a + b, 0), people: people(g.group) }];
            }),
          );
          for (const cell of result.groups) {
            const real = truth.get(cell.group);
            if (!real) throw new Error(`the report shows ${cell.group}, which nobody answered as`);
            if (cell.figure) {
              expect(cell.figure.count).toBe(real.count);
              expect(cell.figure.count).toBeGreaterThanOrEqual(real.minimum);
              expect(cell.figure.mean).toBe(Math.round((real.sum * 10) / real.count) / 10);
            }
          }
          if (!result.allOthers.figure) continue;
          // "All others" never includes students, and counts the people who answered in its groups.
          const hiddenGroup = (g: { anonymous: boolean; people: number; minimum: number }) => g.anonymous && g.people > 0 && g.people < g.minimum;
          const colleagues = [...truth.values()].filter((g) => g.group !== 'student' && !hiddenGroup(g));
          const count = colleagues.reduce((a, g) => a + g.count, 0);
          const sum = colleagues.reduce((a, g) => a + g.sum, 0);
          expect(result.allOthers.figure.count).toBe(colleagues.reduce((a, g) => a + g.people, 0));
          expect(result.allOthers.figure.mean).toBe(Math.round((sum * 10) / count) / 10);
          // A group with fewer people than its minimum is in no figure; what subtraction leaves (the
          // groups folded on this skill) rests on at least the largest minimum among them.
          const folded = colleagues.filter((g) => !result.groups.find((c) => c.group === g.group)?.figure && g.count > 0);
          const remainder = folded.reduce((a, g) => a + g.count, 0);
          if (remainder > 0) expect(remainder).toBeGreaterThanOrEqual(Math.max(...folded.map((g) => g.minimum)));
        }
        if (report.comments.status === 'shown') {
          const anonymousAnswered = groups.filter((g) => g.group !== 'student' && g.anonymous && responses.some((r) => r.group === g.group));
          const answered = responses.filter((r) => anonymousAnswered.some((g) => g.group === r.group)).length;
          for (const g of anonymousAnswered) expect(answered).toBeGreaterThanOrEqual(g.minimum);
          expect(answered).toBeGreaterThan(0);
        }
        if (report.studentComments) expect(people('student')).toBeGreaterThanOrEqual(5);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the chart and its table', () => {
  const responses = [
    response('line_manager', all(4)),
    response('peer', all(1)),
    response('peer', all(2)), // two peers: below the minimum everywhere
    ...[5, 5, 5, 4, 5].map((r) => response('student', all(r as Rating))),
    ...[3, 3, 3].map((r) => response('direct_report', all(r as Rating))),
  ];
  const report = buildReport(input(responses));
  const html = String(
    FeedbackReportView({
      report,
      participantName: 'Jane Smith',
      roundTitle: 'NPQH: 360 feedback',
      closedOn: '2026-11-20',
      pdfHref: '/feedback/rounds/r1/report.pdf',
    }),
  );

  it('never shows a group below its minimum in a chart or in a figures table', () => {
    // Two peers are below the minimum: they are in no figure. Students are their own group, never in "All others".
    expect(group(report, 'culture', 'peer')?.status).toBe('below_minimum');
    expect(group(report, 'culture', 'direct_report')?.status).toBe('shown');
    const charts = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    const tables = html.match(/<table[^>]*>\s*<caption[^>]*>Figures for[\s\S]*?<\/table>/g) ?? [];
    expect(charts).toHaveLength(3);
    expect(tables).toHaveLength(3);
    for (const part of [...charts, ...tables]) {
      expect(part).not.toMatch(/Peers|data-series="peer"/);
      expect(part).toContain('Students');
      expect(part).toContain('All others');
    }
  });

  it('draws an accessible chart: role img, title and description, labels and values written out', () => {
    const svg = String(FeedbackSkillChart({ result: skill(report, 'culture'), id: 'c' }));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="c-title c-desc"');
    expect(svg).toContain('<title id="c-title">School culture: ratings</title>');
    expect(svg).toContain(
      '<desc id="c-desc">On a scale from 1 (rarely or never) to 5 (almost always): Self 4; Line manager 4.0 (1 score); Direct reports 3.0 (3 scores); Students 4.8 (5 scores); All others 3.3 (4 people answered).</desc>',
    );
  });

  it('puts the figures table right after each chart, and shows the closing date and PDF link', () => {
    expect(html).toMatch(
      /<\/svg><\/div><\/div><table class="govuk-table waymark-table--stack"><caption class="govuk-table__caption govuk-table__caption--s">Figures for School culture<\/caption>/,
    );
    expect(html).toContain('Feedback closed on 20 November 2026. 11 people answered.');
    expect(html).toContain('Own rating is 0.7 above the average of all others.');
    expect(html).toContain('href="/feedback/rounds/r1/report.pdf"');
    expect(html).toContain('Fewer than 3 peers answered, so their scores are not shown and not counted in any figure');
  });

  it('draws no chart for a skill with nothing to show', () => {
    const empty = buildReport(input([response('peer', all(null))], { self: null }));
    expect(FeedbackSkillChart({ result: skill(empty, 'culture'), id: 'x' })).toBeNull();
    const page = String(FeedbackReportView({ report: empty, participantName: 'A', roundTitle: 'B', closedOn: '2026-11-20', pdfHref: '/p' }));
    expect(page).not.toContain('<svg');
    expect(page).toContain('No figures can be shown for this skill.');
  });
});

describe('the report inside a whole page', () => {
  it('keeps each chart’s title inside its SVG, and the page’s own title in <head>', () => {
    const report = buildReport(input([3, 4, 5].map((r) => response('peer', all(r as Rating)))));
    const view = FeedbackReportView({ report, participantName: 'Jane Smith', roundTitle: 'Round', closedOn: '2026-11-20', pdfHref: '/p' });
    const page = String(jsx('html', { children: [jsx('head', { children: jsx('title', { children: 'Page' }) }), jsx('body', { children: view })] }));
    expect(page).toContain('<head><title>Page</title></head>');
    expect(page).toContain('<title id="skill-0-chart-title">School culture: ratings</title><desc id="skill-0-chart-desc">');
  });
});
