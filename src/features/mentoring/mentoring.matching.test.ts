import { describe, expect, it } from 'vitest';
import { type Candidate, type Mentee, rankSuggestions } from './mentoring.matching';

const mentee: Mentee = {
  id: 'amira',
  givenName: 'Amira',
  schoolId: 'aspen',
  leadershipLevel: 'middle',
  lowest: [
    { skillId: 'feedback', rating: 1 },
    { skillId: 'change', rating: 2 },
    { skillId: 'data', rating: 2 },
    { skillId: 'budgets', rating: 3 },
  ],
};

const candidate = (over: Partial<Candidate> & { id: string; name: string }): Candidate => ({
  schoolId: 'birch',
  leadershipLevel: 'middle',
  places: 2,
  used: 0,
  strengths: [],
  ...over,
});

const titles: Record<string, string> = { feedback: 'Giving feedback', change: 'Leading change', data: 'Using data', budgets: 'Managing budgets' };
const title = (id: string) => titles[id];

describe('ranking mentors and coaches for a mentee', () => {
  it('explains each suggestion in words: school, places, seniority and strengths in what the mentee rated lowest', () => {
    const [only] = rankSuggestions(
      mentee,
      [candidate({ id: 'sam', name: 'Sam Okafor', schoolId: 'aspen', leadershipLevel: 'senior', places: 3, used: 1, strengths: ['feedback', 'data'] })],
      'either',
      title,
    );
    expect(only?.hasPlace).toBe(true);
    expect(only?.reasons).toEqual([
      'Same school',
      '2 of 3 places free',
      'A leadership level above',
      'Strong in Giving feedback and Using data, which Amira rated lowest',
    ]);
  });

  it('puts people with a free place first, then by the school setting, seniority and matching strengths; ties by name', () => {
    const people = [
      candidate({
        id: 'full',
        name: 'Fay Full',
        schoolId: 'aspen',
        leadershipLevel: 'executive',
        places: 1,
        used: 1,
        strengths: ['feedback', 'change', 'data'],
      }),
      candidate({ id: 'other', name: 'Olu Other' }),
      candidate({ id: 'same', name: 'Sara Same', schoolId: 'aspen' }),
      candidate({ id: 'senior', name: 'Seb Senior', leadershipLevel: 'senior' }),
      candidate({ id: 'strong', name: 'Stella Strong', strengths: ['feedback', 'change'] }),
      candidate({ id: 'budgets', name: 'Bea Budgets', strengths: ['budgets'] }),
      candidate({ id: 'amira', name: 'Amira Herself', leadershipLevel: 'senior' }),
    ];
    const order = (setting: 'same' | 'other' | 'either') => rankSuggestions(mentee, people, setting, title).map((s) => s.candidate.id);

    // The mentee is never suggested to herself; her fourth-lowest skill earns nothing; Fay has no place so comes last.
    expect(order('either')).toEqual(['strong', 'senior', 'budgets', 'other', 'same', 'full']);
    // The school setting weighs 3, a level above 2, each of the three lowest skills matched 2.
    expect(order('same')).toEqual(['strong', 'same', 'senior', 'budgets', 'other', 'full']);
    expect(order('other')).toEqual(['strong', 'senior', 'budgets', 'other', 'same', 'full']);

    const full = rankSuggestions(mentee, people, 'either', title).find((s) => s.candidate.id === 'full');
    expect(full?.hasPlace).toBe(false);
    expect(full?.reasons).toContain('No places free (1 of 1 used)');
  });

  it('prefers more free places between otherwise equal people', () => {
    const ranked = rankSuggestions(
      mentee,
      [candidate({ id: 'a', name: 'Ada Able', places: 4, used: 3 }), candidate({ id: 'b', name: 'Ben Bright', places: 4, used: 0 })],
      'either',
      title,
    );
    expect(ranked.map((s) => s.candidate.id)).toEqual(['b', 'a']);
    expect(ranked.map((s) => s.reasons[1])).toEqual(['4 of 4 places free', '1 of 4 places free']);
  });
});
