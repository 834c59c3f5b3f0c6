import type { InterestStatus, OpenTo, OpportunityKind, RoleTier, RoleTrack, Sharing } from './careers.tables';

export const TEXT_MAX = 5000;
export const SHORT_MAX = 200;
export const LINE_MAX = 500;
export const MAX_PLACES = 50;

export const TRACKS: Record<RoleTrack, string> = { teaching: 'Teaching', associate: 'Associate staff' };
export const TIERS: Record<RoleTier, string> = {
  middle: 'Middle leadership',
  senior: 'Senior leadership',
  headship: 'Headship',
  trust: 'Trust leadership',
};

export const TIMEFRAMES: Record<string, string> = {
  within_1: 'Within a year',
  '1_to_3': 'In one to three years',
  '3_to_5': 'In three to five years',
  exploring: 'Not sure yet: I am exploring',
};

/** What holds people back from aspiring. Only the person sees their own; reports only count them. */
export const BARRIERS: Record<string, string> = {
  workload: 'Workload',
  confidence: 'Confidence',
  caring: 'Caring responsibilities',
  opportunity: 'Lack of opportunity',
  part_time: 'Working part time',
  role_model: 'No role model like me',
};

export const SHARING: Record<Sharing, string> = {
  only_me: 'Only me',
  line_manager: 'Me and my line manager',
};

export const OPPORTUNITY_KINDS: Record<OpportunityKind, string> = {
  shadowing: 'Shadowing',
  acting_up: 'Acting up',
  working_party: 'Leading a working party',
  inset: 'Leading a piece of INSET',
  project: 'A small project',
  other: 'Something else',
};

export const OPEN_TO: Record<OpenTo, string> = {
  all: 'All staff, including associate staff and early career teachers',
  teaching: 'Teaching staff',
  associate: 'Associate staff',
};

export const INTEREST_STATUS_TEXT: Record<InterestStatus, string> = {
  interested: 'Interest sent',
  chosen: 'Chosen',
  not_chosen: 'Not chosen this time',
  completed: 'Done and verified',
};

export interface StarterRole {
  key: string;
  title: string;
  track: RoleTrack;
  tier: RoleTier;
  summary: string;
  skills: string[];
}

/**
 * The role map every organisation starts with: leadership roles in schools and trusts in England,
 * for teaching and associate staff, in our own words. Skill codes are the built-in frameworks'
 * (the school leadership framework, and MY/MD/CI/PP from the associate staff framework).
 */
export const STARTER_ROLES: readonly StarterRole[] = [
  {
    key: 'subject_leader',
    title: 'Subject or phase leader',
    track: 'teaching',
    tier: 'middle',
    summary: 'Leads the teaching of a subject or a phase: plans the curriculum, supports and develops the teachers in it, and checks how well pupils learn.',
    skills: ['CA1', 'CA2', 'TE2', 'PE2', 'PD1'],
  },
  {
    key: 'head_of_year',
    title: 'Head of year or pastoral leader',
    track: 'teaching',
    tier: 'middle',
    summary: 'Looks after the welfare, behaviour and progress of a year group, working with tutors, families and outside agencies.',
    skills: ['BE1', 'BE2', 'EP2', 'WP1', 'SC2'],
  },
  {
    key: 'senco',
    title: 'SENCo',
    track: 'teaching',
    tier: 'middle',
    summary: 'Coordinates provision for pupils with special educational needs and disabilities, advises colleagues and works with families and specialists.',
    skills: ['SE1', 'SE2', 'SE3', 'WP1', 'PE3'],
  },
  {
    key: 'assistant_head',
    title: 'Assistant headteacher',
    track: 'teaching',
    tier: 'senior',
    summary: 'Leads a whole-school area, such as teaching and learning, behaviour or the curriculum, as part of the senior team.',
    skills: ['SI1', 'SI2', 'TE2', 'PE4', 'PD1'],
  },
  {
    key: 'deputy_head',
    title: 'Deputy headteacher',
    track: 'teaching',
    tier: 'senior',
    summary: 'Shares the running of the school with the headteacher, deputises for them and leads large areas of its work.',
    skills: ['SI2', 'OM2', 'PE4', 'GA2', 'PD2'],
  },
  {
    key: 'headteacher',
    title: 'Headteacher',
    track: 'teaching',
    tier: 'headship',
    summary: 'Leads the school: sets its direction and culture, answers to governors or trustees, and is responsible for its staff, pupils and budget.',
    skills: ['EP1', 'SC1', 'GA1', 'GA2', 'OM1', 'PE4'],
  },
  {
    key: 'executive_head',
    title: 'Executive headteacher',
    track: 'teaching',
    tier: 'trust',
    summary: 'Leads more than one school, usually with a head of school in each, and makes the schools stronger together.',
    skills: ['WP2', 'GA1', 'PD2', 'SI1', 'OM1'],
  },
  {
    key: 'trust_ceo',
    title: 'Trust chief executive',
    track: 'teaching',
    tier: 'trust',
    summary: 'Leads a multi-academy trust: its strategy, its schools’ improvement, its finances and its accountability to the board.',
    skills: ['GA1', 'GA2', 'OM1', 'WP2', 'EP3'],
  },
  {
    key: 'hlta_lead',
    title: 'HLTA or teaching assistant lead',
    track: 'associate',
    tier: 'middle',
    summary: 'Leads and develops a team of teaching assistants, deploys them well and makes sure their work helps pupils learn.',
    skills: ['DP1', 'DP2', 'PP2', 'CI1'],
  },
  {
    key: 'office_manager',
    title: 'Office manager',
    track: 'associate',
    tier: 'middle',
    summary: 'Runs the school office and its team: admissions, attendance, communications and the many systems a school depends on.',
    skills: ['MY1', 'CI1', 'AR1', 'BR1'],
  },
  {
    key: 'business_manager',
    title: 'School business manager',
    track: 'associate',
    tier: 'senior',
    summary: 'Leads the school’s finance, premises, HR and operations as part of the senior team.',
    skills: ['MR1', 'MR2', 'BR2', 'LC1', 'CI2'],
  },
  {
    key: 'trust_operations',
    title: 'Trust finance or operations leader',
    track: 'associate',
    tier: 'trust',
    summary: 'Leads finance, estates, HR or operations across a trust’s schools, such as a chief financial or chief operating officer.',
    skills: ['MR1', 'MR2', 'AR2', 'LC2', 'MD1'],
  },
];

export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export const isKey = <T extends string>(table: Record<T, string>, value: string | undefined): value is T => value !== undefined && Object.hasOwn(table, value);
