import type { EqualityAnswersTable } from './equality.tables';

/** Every question's answer for not wanting to say. */
export const PREFER_NOT = 'prefer_not';
export const PREFER_NOT_TEXT = 'Prefer not to say';

export type CharacteristicKey = 'sex' | 'ethnicity' | 'disability' | 'age_band' | 'working_pattern';

/** One question: its answers, and how reports group them (the census's five ethnic groups, not its nineteen). */
export interface Characteristic {
  key: CharacteristicKey;
  /** The column of equality_answers it is kept in. */
  column: keyof Pick<EqualityAnswersTable, CharacteristicKey>;
  /** Its name in reports: "Sex", "Ethnic group". */
  name: string;
  question: string;
  hint?: string;
  /** Answer keys to their words, in the order asked. */
  answers: Record<string, string>;
  /** Answer keys to the group reports count them in (the answer itself when absent). */
  groups?: Record<string, string>;
}

// The 2021 census's ethnic groups (England), as the Department for Education's school workforce census uses them.
const ETHNIC_GROUPS = {
  white: 'White',
  mixed: 'Mixed or multiple ethnic groups',
  asian: 'Asian or Asian British',
  black: 'Black, Black British, Caribbean or African',
  other: 'Other ethnic group',
} as const;

const ETHNICITIES: [string, string, keyof typeof ETHNIC_GROUPS][] = [
  ['white_british', 'English, Welsh, Scottish, Northern Irish or British', 'white'],
  ['white_irish', 'Irish', 'white'],
  ['white_gypsy', 'Gypsy or Irish Traveller', 'white'],
  ['white_roma', 'Roma', 'white'],
  ['white_other', 'Any other White background', 'white'],
  ['mixed_white_black_caribbean', 'White and Black Caribbean', 'mixed'],
  ['mixed_white_black_african', 'White and Black African', 'mixed'],
  ['mixed_white_asian', 'White and Asian', 'mixed'],
  ['mixed_other', 'Any other Mixed or multiple ethnic background', 'mixed'],
  ['asian_indian', 'Indian', 'asian'],
  ['asian_pakistani', 'Pakistani', 'asian'],
  ['asian_bangladeshi', 'Bangladeshi', 'asian'],
  ['asian_chinese', 'Chinese', 'asian'],
  ['asian_other', 'Any other Asian background', 'asian'],
  ['black_caribbean', 'Caribbean', 'black'],
  ['black_african', 'African', 'black'],
  ['black_other', 'Any other Black, Black British or Caribbean background', 'black'],
  ['other_arab', 'Arab', 'other'],
  ['other_any', 'Any other ethnic group', 'other'],
];

/** The questions, in the order asked and reported. */
export const CHARACTERISTICS: Characteristic[] = [
  {
    key: 'sex',
    column: 'sex',
    name: 'Sex',
    question: 'What is your sex?',
    answers: { female: 'Female', male: 'Male', [PREFER_NOT]: PREFER_NOT_TEXT },
  },
  {
    key: 'ethnicity',
    column: 'ethnicity',
    name: 'Ethnic group',
    question: 'What is your ethnic group?',
    hint: 'The groups the 2021 census used, as the school workforce census does. Reports count only the five broad groups.',
    answers: { ...Object.fromEntries(ETHNICITIES.map(([key, text, group]) => [key, `${ETHNIC_GROUPS[group]}: ${text}`])), [PREFER_NOT]: PREFER_NOT_TEXT },
    groups: { ...Object.fromEntries(ETHNICITIES.map(([key, , group]) => [key, ETHNIC_GROUPS[group]])), [PREFER_NOT]: PREFER_NOT_TEXT },
  },
  {
    key: 'disability',
    column: 'disability',
    name: 'Disability',
    question: 'Do you consider yourself to have a disability?',
    hint: 'The Equality Act 2010 says you are disabled if you have a physical or mental impairment that has a substantial and long-term negative effect on your ability to do normal daily activities.',
    answers: { yes: 'Yes', no: 'No', [PREFER_NOT]: PREFER_NOT_TEXT },
  },
  {
    key: 'age_band',
    column: 'age_band',
    name: 'Age',
    question: 'How old are you?',
    answers: {
      under_25: 'Under 25',
      '25_to_29': '25 to 29',
      '30_to_39': '30 to 39',
      '40_to_49': '40 to 49',
      '50_to_59': '50 to 59',
      '60_and_over': '60 and over',
      [PREFER_NOT]: PREFER_NOT_TEXT,
    },
  },
  {
    key: 'working_pattern',
    column: 'working_pattern',
    name: 'Working pattern',
    question: 'Do you work full time or part time?',
    answers: { full_time: 'Full time', part_time: 'Part time', [PREFER_NOT]: PREFER_NOT_TEXT },
  },
];

/** Reports' name for someone who has not answered a question (or given no equality information). */
export const NOT_GIVEN_TEXT = 'Not given';

/** The groups a characteristic is counted in, in order, ending with "Prefer not to say" and "Not given". */
export function reportGroupsOf(c: Characteristic): string[] {
  const groups = [...new Set(Object.keys(c.answers).map((k) => c.groups?.[k] ?? c.answers[k] ?? k))];
  return [...groups.filter((g) => g !== PREFER_NOT_TEXT), PREFER_NOT_TEXT, NOT_GIVEN_TEXT];
}

/** The group an answer is counted in. */
export function reportGroupOf(c: Characteristic, answer: string | null | undefined): string {
  if (!answer || !(answer in c.answers)) return NOT_GIVEN_TEXT;
  return c.groups?.[answer] ?? c.answers[answer] ?? NOT_GIVEN_TEXT;
}
