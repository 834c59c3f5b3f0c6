import { describe, expect, it } from 'vitest';
import { buildProgressChart, CHECKPOINT_FILLS } from './progress-chart';
import { checkpointsInUse, opensOn, readAnswers, skillsToAssess } from './self-assessment.service';
import { checkEvidenceUrl, DEFAULT_PLAN } from './self-assessment.schemas';
import type { VersionDomain } from '../frameworks';
import { item } from '../../../test/support/present';

const skills = [
  { id: 's1', code: 'LP1', title: 'Leading a team' },
  { id: 's2', code: 'LP2', title: 'Giving feedback' },
];

describe('the progress chart', () => {
  it('draws one bar per submitted checkpoint for each skill, as long as the rating', () => {
    const chart = buildProgressChart({
      skills,
      checkpoints: ['baseline', 'midpoint'],
      answers: new Map([
        [
          'baseline',
          new Map([
            ['s1', { rating: 2, notSure: false }],
            ['s2', { rating: null, notSure: true }],
          ]),
        ],
        [
          'midpoint',
          new Map([
            ['s1', { rating: 4, notSure: false }],
            ['s2', { rating: 3, notSure: false }],
          ]),
        ],
      ]),
    });
    expect(chart.groups.map((g) => g.label)).toEqual(['LP1 Leading a team', 'LP2 Giving feedback']);
    const lp1 = item(chart.groups, 0, 'LP1 group');
    const lp2 = item(chart.groups, 1, 'LP2 group');
    expect(lp1.bars.map((b) => [b.label, b.value])).toEqual([
      ['Baseline', '2'],
      ['Midpoint', '4'],
    ]);
    expect(item(lp1.bars, 1).bar?.width).toBe(2 * (item(lp1.bars, 0).bar?.width ?? 0));
    expect(item(lp1.bars, 0).bar?.fill).toBe(CHECKPOINT_FILLS.baseline);
    // "Not sure yet" is words, never a bar (not a score).
    expect(item(lp2.bars, 0).bar).toBeNull();
    expect(item(lp2.bars, 0).value).toBe('Not sure yet');
    // Bars never overlap and stay inside the drawing.
    const tops = chart.groups.flatMap((g) => g.bars.map((b) => b.labelY));
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    expect(Math.max(...tops)).toBeLessThan(chart.height);
    for (const bar of chart.groups.flatMap((g) => g.bars)) if (bar.bar) expect(bar.bar.x + bar.bar.width).toBeLessThanOrEqual(item(chart.axis, 4).x);
    expect(chart.axis.map((a) => a.label)).toEqual(['1', '2', '3', '4', '5']);
    expect(chart.desc).toContain('baseline, midpoint');
  });

  it('with nothing submitted has groups but no bars', () => {
    const chart = buildProgressChart({ skills, checkpoints: [], answers: new Map() });
    expect(chart.groups.every((g) => g.bars.length === 0)).toBe(true);
  });
});

describe('self-assessment rules', () => {
  const domains: VersionDomain[] = [
    {
      id: 'd1',
      title: 'Leading people',
      description: '',
      skills: [
        { id: 's1', code: 'LP1', title: 'A', description: '', descriptors: { middle: 'Middle words' } },
        { id: 's2', code: 'LP2', title: 'B', description: '', descriptors: {} },
      ],
    },
    { id: 'd2', title: 'Other', description: '', skills: [{ id: 's3', code: 'O1', title: 'C', description: '', descriptors: {} }] },
  ];

  it('assesses the focus skills, or every skill when there are none, with the level’s descriptor', () => {
    expect(skillsToAssess(domains, ['s1'], 'middle')).toEqual([
      { id: 'd1', title: 'Leading people', skills: [{ id: 's1', code: 'LP1', title: 'A', description: '', descriptor: 'Middle words' }] },
    ]);
    expect(skillsToAssess(domains, [], null).flatMap((d) => d.skills.map((s) => s.id))).toEqual(['s1', 's2', 's3']);
  });

  it('keeps the checkpoints the programme’s requirements ask for', () => {
    expect(
      checkpointsInUse([{ checkpoint: 'midpoint', opens: 'halfway', weeks: null }], ['final_self_assessment']).map((c) => [c.checkpoint, c.required]),
    ).toEqual([
      ['midpoint', false],
      ['final', true],
    ]);
    expect(checkpointsInUse(DEFAULT_PLAN, []).map((c) => c.checkpoint)).toEqual(['baseline', 'final']);
  });

  it('opens checkpoints from the cohort’s dates', () => {
    const cohort = { starts_on: '2027-01-11', ends_on: '2027-07-16' };
    expect(opensOn({ checkpoint: 'baseline', opens: 'enrolment', weeks: null }, cohort)).toBeNull();
    expect(opensOn({ checkpoint: 'baseline', opens: 'cohort_start', weeks: null }, cohort)).toBe('2027-01-11');
    expect(opensOn({ checkpoint: 'midpoint', opens: 'halfway', weeks: null }, cohort)).toBe('2027-04-14');
    expect(opensOn({ checkpoint: 'final', opens: 'weeks_before_end', weeks: 2 }, cohort)).toBe('2027-07-02');
  });

  it('reads answers: “not sure yet” is an answer but not a score; submitting needs every skill', () => {
    const assessed = skillsToAssess(domains, ['s1', 's2'], 'middle').flatMap((d) => d.skills);
    const draft = readAnswers(assessed, { 'rating-s1': 'not_sure' }, false);
    expect(draft.errors).toEqual({});
    expect(draft.answers[0]).toMatchObject({ rating: null, notSure: true });
    const submit = readAnswers(assessed, { 'rating-s1': 'not_sure' }, true);
    expect(Object.keys(submit.errors)).toEqual(['rating-s2']);
    expect(readAnswers(assessed, { 'rating-s1': '7', 'evidence-s2': 'javascript:alert(1)' }, false).errors).toEqual({
      'rating-s1': 'Select a rating for LP1 A from the list',
      'evidence-s2': 'LP2: Enter the evidence link as a web address starting https://',
    });
  });

  it('accepts only web addresses as evidence links', () => {
    expect(checkEvidenceUrl('https://drive.example.org/doc/1')).toBeNull();
    expect(checkEvidenceUrl('')).toBeNull();
    expect(checkEvidenceUrl('not a link')).not.toBeNull();
    expect(checkEvidenceUrl('ftp://example.org/x')).not.toBeNull();
  });
});
