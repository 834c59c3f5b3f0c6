import type { LeadershipLevel } from '../staff';
import { SENIORITY, type SchoolSetting } from './mentoring.schemas';

export interface Candidate {
  id: string;
  name: string;
  schoolId: string | null;
  leadershipLevel: LeadershipLevel;
  places: number;
  used: number;
  strengths: string[];
}

export interface Mentee {
  id: string;
  givenName: string;
  schoolId: string | null;
  leadershipLevel: LeadershipLevel;
  /** The mentee's self-assessed skills, lowest first. */
  lowest: { skillId: string; rating: number }[];
}

export interface Suggestion {
  candidate: Candidate;
  score: number;
  /** Whether they have a free place: people at capacity are listed last and can't be chosen. */
  hasPlace: boolean;
  /** "Same school; 2 of 3 places free; led the skills Amira rated lowest" */
  reasons: string[];
}

/**
 * Ranks people offering places for a mentee, best first, each with the reasons in words: a free
 * place first of all, then the school setting, a leadership level above the mentee's, and
 * strengths in the skills the mentee rated lowest (their three lowest). Ties go by name.
 */
export function rankSuggestions(mentee: Mentee, candidates: Candidate[], setting: SchoolSetting, skillTitle: (id: string) => string | undefined): Suggestion[] {
  const lowest = mentee.lowest.slice(0, 3).map((s) => s.skillId);
  const ranked = candidates
    .filter((c) => c.id !== mentee.id)
    .map((c) => {
      const reasons: string[] = [];
      let score = 0;
      const free = c.places - c.used;
      const hasPlace = free > 0;
      const sameSchool = c.schoolId !== null && c.schoolId === mentee.schoolId;
      if (setting === 'same' && sameSchool) score += 3;
      if (setting === 'other' && !sameSchool) score += 3;
      reasons.push(sameSchool ? 'Same school' : 'Another school');
      reasons.push(hasPlace ? `${free} of ${c.places} ${c.places === 1 ? 'place' : 'places'} free` : `No places free (${c.used} of ${c.places} used)`);
      if (SENIORITY.indexOf(c.leadershipLevel) > SENIORITY.indexOf(mentee.leadershipLevel)) {
        score += 2;
        reasons.push('A leadership level above');
      }
      const matched = lowest.filter((id) => c.strengths.includes(id));
      if (matched.length > 0) {
        score += 2 * matched.length;
        const titles = matched.map((id) => skillTitle(id) ?? 'a skill');
        reasons.push(`Strong in ${titles.join(' and ')}, which ${mentee.givenName} rated lowest`);
      }
      score += free > 0 ? free / (c.places * 10) : 0;
      return { candidate: c, score, hasPlace, reasons };
    });
  return ranked.sort((a, b) => Number(b.hasPlace) - Number(a.hasPlace) || b.score - a.score || a.candidate.name.localeCompare(b.candidate.name));
}
