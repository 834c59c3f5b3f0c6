import { LEADERSHIP_LEVELS, STAFF_TYPES, type LeadershipLevel, type StaffType } from '../staff';
import { wholeYearsBetween } from '../../platform/dates';

/** The automatic rules a programme sets on the staff record. Empty lists and nulls mean "anyone". */
export interface EligibilityRules {
  staffTypes: StaffType[];
  leadershipLevels: LeadershipLevel[];
  /** At least this many whole years since starting in schools. */
  minYears: number | null;
  /** At most this many whole years since starting in schools. */
  maxYears: number | null;
}

export const NO_RULES: EligibilityRules = { staffTypes: [], leadershipLevels: [], minYears: null, maxYears: null };

/** What the rules are checked against: from the staff record, or from the answers to "Is this for me?". */
export interface EligibilityFacts {
  staffType: StaffType;
  leadershipLevel: LeadershipLevel;
  /** NULL when nobody has recorded when they started. */
  yearsInSchools: number | null;
}

export interface EligibilityResult {
  eligible: boolean;
  /** Why not, one sentence a rule, in the applicant's terms. Empty when eligible. */
  reasons: string[];
}

/** Reads a programme's stored rules, tolerating older or partial JSON. */
export function parseEligibilityRules(json: string): EligibilityRules {
  let raw: Partial<EligibilityRules> = {};
  try {
    const parsed: unknown = JSON.parse(json || '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) raw = parsed as Partial<EligibilityRules>;
  } catch {
    // Unreadable rules are treated as no rules rather than breaking the programme page.
  }
  return {
    staffTypes: Array.isArray(raw.staffTypes) ? raw.staffTypes.filter((t): t is StaffType => t in STAFF_TYPES) : [],
    leadershipLevels: Array.isArray(raw.leadershipLevels) ? raw.leadershipLevels.filter((l): l is LeadershipLevel => l in LEADERSHIP_LEVELS) : [],
    minYears: typeof raw.minYears === 'number' && Number.isFinite(raw.minYears) ? raw.minYears : null,
    maxYears: typeof raw.maxYears === 'number' && Number.isFinite(raw.maxYears) ? raw.maxYears : null,
  };
}

export function factsFromPerson(
  person: { staff_type: StaffType; leadership_level: LeadershipLevel; started_in_schools_on: string | null },
  today: string,
): EligibilityFacts {
  return {
    staffType: person.staff_type,
    leadershipLevel: person.leadership_level,
    yearsInSchools: person.started_in_schools_on ? wholeYearsBetween(person.started_in_schools_on, today) : null,
  };
}

const years = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** Leadership levels as the people who hold them, for "It is for …": "middle leaders". */
const LEVEL_HOLDERS: Record<LeadershipLevel, string> = {
  none: 'people not yet in a leadership role',
  middle: 'middle leaders',
  senior: 'senior leaders',
  headteacher: 'headteachers',
  executive: 'executive leaders',
};

/** A leadership level said of the reader, for "and you are …": "a middle leader". */
const LEVEL_OF_YOU: Record<LeadershipLevel, string> = {
  none: 'not in a leadership role',
  middle: 'a middle leader',
  senior: 'a senior leader',
  headteacher: 'a headteacher',
  executive: 'an executive leader',
};

/** Leadership roles first and "none" last, so "or" never reads as "not … or not …". */
const noneLast = (levels: LeadershipLevel[]) => [...levels.filter((l) => l !== 'none'), ...levels.filter((l) => l === 'none')];

/** Describes the rules for a programme page: "Open to: teaching staff", "Leadership role: middle leader or none yet". */
export function describeRules(rules: EligibilityRules): string[] {
  const lines: string[] = [];
  const everyType = Object.keys(STAFF_TYPES).every((t) => rules.staffTypes.includes(t as StaffType));
  if (rules.staffTypes.length > 0) lines.push(`Open to: ${everyType ? 'all staff' : list(rules.staffTypes.map((t) => STAFF_TYPES[t].toLowerCase()))}`);
  if (rules.leadershipLevels.length > 0)
    lines.push(`Leadership role: ${list(noneLast(rules.leadershipLevels).map((l) => (l === 'none' ? 'none yet' : LEADERSHIP_LEVELS[l].toLowerCase())))}`);
  if (rules.minYears !== null && rules.maxYears !== null) lines.push(`Between ${rules.minYears} and ${years(rules.maxYears)} working in schools`);
  else if (rules.minYears !== null) lines.push(`At least ${years(rules.minYears)} working in schools`);
  else if (rules.maxYears !== null) lines.push(`No more than ${years(rules.maxYears)} working in schools`);
  return lines;
}

/** Checks the facts against the rules, with every reason that fails (not just the first). */
export function checkEligibility(rules: EligibilityRules, facts: EligibilityFacts): EligibilityResult {
  const reasons: string[] = [];
  if (rules.staffTypes.length > 0 && !rules.staffTypes.includes(facts.staffType)) {
    reasons.push(`It is for ${list(rules.staffTypes.map((t) => STAFF_TYPES[t].toLowerCase()))}, and you are ${STAFF_TYPES[facts.staffType].toLowerCase()}.`);
  }
  if (rules.leadershipLevels.length > 0 && !rules.leadershipLevels.includes(facts.leadershipLevel)) {
    reasons.push(`It is for ${list(noneLast(rules.leadershipLevels).map((l) => LEVEL_HOLDERS[l]))}, and you are ${LEVEL_OF_YOU[facts.leadershipLevel]}.`);
  }
  if (rules.minYears !== null || rules.maxYears !== null) {
    if (facts.yearsInSchools === null) {
      reasons.push('It depends on how long you have worked in schools, and your staff record does not say when you started. Ask your school admin to add it.');
    } else if (rules.minYears !== null && facts.yearsInSchools < rules.minYears) {
      reasons.push(`It is for people with at least ${years(rules.minYears)} in schools, and you have ${years(facts.yearsInSchools)}.`);
    } else if (rules.maxYears !== null && facts.yearsInSchools > rules.maxYears) {
      reasons.push(`It is for people with no more than ${years(rules.maxYears)} in schools, and you have ${years(facts.yearsInSchools)}.`);
    }
  }
  return { eligible: reasons.length === 0, reasons };
}
