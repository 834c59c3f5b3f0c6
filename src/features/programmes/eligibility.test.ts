import { describe, expect, it } from 'vitest';
import { checkEligibility, describeRules, factsFromPerson, NO_RULES, parseEligibilityRules, type EligibilityRules } from './eligibility';

const rules = (overrides: Partial<EligibilityRules>): EligibilityRules => ({ ...NO_RULES, ...overrides });

describe('eligibility rules', () => {
  it('a programme with no rules is open to anyone, even someone with no start date recorded', () => {
    expect(checkEligibility(NO_RULES, { staffType: 'associate', leadershipLevel: 'none', yearsInSchools: null })).toEqual({ eligible: true, reasons: [] });
    expect(describeRules(NO_RULES)).toEqual([]);
  });

  it('gives every reason that fails, not just the first', () => {
    const result = checkEligibility(rules({ staffTypes: ['teaching'], leadershipLevels: ['middle', 'senior'], minYears: 2 }), {
      staffType: 'associate',
      leadershipLevel: 'none',
      yearsInSchools: 1,
    });
    expect(result.eligible).toBe(false);
    expect(result.reasons).toEqual([
      'It is for teaching staff, and you are associate or support staff.',
      'It is for middle leaders or senior leaders, and you are not in a leadership role.',
      'It is for people with at least 2 years in schools, and you have 1 year.',
    ]);
  });

  it('years in schools are checked at both ends, inclusively', () => {
    const twoToFour = rules({ minYears: 2, maxYears: 4 });
    const at = (years: number) => checkEligibility(twoToFour, { staffType: 'teaching', leadershipLevel: 'none', yearsInSchools: years }).eligible;
    expect([1, 2, 3, 4, 5].map(at)).toEqual([false, true, true, true, false]);
    expect(checkEligibility(twoToFour, { staffType: 'teaching', leadershipLevel: 'none', yearsInSchools: 7 }).reasons).toEqual([
      'It is for people with no more than 4 years in schools, and you have 7 years.',
    ]);
  });

  it('without a start date on the staff record, a years rule says to ask the school admin', () => {
    const result = checkEligibility(rules({ minYears: 2 }), { staffType: 'teaching', leadershipLevel: 'none', yearsInSchools: null });
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toContain('Ask your school admin');
  });

  it('counts whole years from the staff record up to today', () => {
    const person = { staff_type: 'teaching' as const, leadership_level: 'middle' as const, started_in_schools_on: '2022-09-01' };
    expect(factsFromPerson(person, '2026-08-31').yearsInSchools).toBe(3);
    expect(factsFromPerson(person, '2026-09-01').yearsInSchools).toBe(4);
    expect(factsFromPerson({ ...person, started_in_schools_on: null }, '2026-11-24').yearsInSchools).toBeNull();
  });

  it('describes the rules in plain words for the programme page', () => {
    expect(describeRules(rules({ staffTypes: ['teaching', 'associate'], leadershipLevels: ['senior'], minYears: 2, maxYears: 4 }))).toEqual([
      'Open to: all staff',
      'Leadership role: senior leader',
      'Between 2 and 4 years working in schools',
    ]);
    expect(describeRules(rules({ minYears: 1 }))).toEqual(['At least 1 year working in schools']);
    expect(describeRules(rules({ maxYears: 3 }))).toEqual(['No more than 3 years working in schools']);
  });

  it('names leadership roles in words that read right, with “none” last', () => {
    const forFirstLeaders = rules({ staffTypes: ['teaching'], leadershipLevels: ['none', 'middle'] });
    expect(describeRules(forFirstLeaders)).toEqual(['Open to: teaching staff', 'Leadership role: middle leader or none yet']);
    expect(checkEligibility(forFirstLeaders, { staffType: 'teaching', leadershipLevel: 'senior', yearsInSchools: 3 }).reasons).toEqual([
      'It is for middle leaders or people not yet in a leadership role, and you are a senior leader.',
    ]);
    expect(
      checkEligibility(rules({ leadershipLevels: ['headteacher'] }), { staffType: 'teaching', leadershipLevel: 'executive', yearsInSchools: 3 }).reasons,
    ).toEqual(['It is for headteachers, and you are an executive leader.']);
  });

  it('reads stored rules, dropping values it does not know and tolerating broken JSON', () => {
    expect(
      parseEligibilityRules(JSON.stringify({ staffTypes: ['teaching', 'wizard'], leadershipLevels: ['senior', 7], minYears: 2, maxYears: 'lots' })),
    ).toEqual({ staffTypes: ['teaching'], leadershipLevels: ['senior'], minYears: 2, maxYears: null });
    expect(parseEligibilityRules('')).toEqual(NO_RULES);
    expect(parseEligibilityRules('{not json')).toEqual(NO_RULES);
    expect(parseEligibilityRules('[1,2]')).toEqual(NO_RULES);
  });
});
