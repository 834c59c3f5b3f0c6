import type { DirectoryKind, InterestStatus, MarkStatus, OpenTo, OpportunityKind, RoleTier, RoleTrack, Sharing } from './careers.tables';

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

export const DIRECTORY_KINDS: Record<DirectoryKind, string> = {
  npq: 'National professional qualifications',
  chartered_college: 'Chartered College of Teaching',
  network: 'Networks',
  local: 'Local authority and trust offers',
  other: 'Other development',
};

export const MARK_STATUS_TEXT: Record<MarkStatus, string> = {
  interested: 'Interested',
  doing: 'Doing it',
  done: 'Done',
};

export interface StarterDirectoryItem {
  key: string;
  title: string;
  provider: string;
  kind: DirectoryKind;
  description: string;
  whoFor: string;
  length: string;
  cost: string;
  skills: string[];
  roles: string[];
  url: string;
}

const NPQ_URL = 'https://www.gov.uk/guidance/national-professional-qualification-npq-courses';
const NPQ_COST =
  'Fees are set by the provider. Department for Education funding varies by year, qualification and school: check the current NPQ guidance before applying.';
const npq = (key: string, title: string, description: string, whoFor: string, length: string, skills: string[], roles: string[]): StarterDirectoryItem => ({
  key,
  title,
  provider: 'Department for Education accredited providers',
  kind: 'npq',
  description,
  whoFor,
  length,
  cost: NPQ_COST,
  skills,
  roles,
  url: NPQ_URL,
});

/** The directory every organisation starts with, in our own words; organisations edit theirs and add local offers. */
export const STARTER_DIRECTORY: readonly StarterDirectoryItem[] = [
  npq(
    'npqlt',
    'NPQ in Leading Teaching (NPQLT)',
    'For leading teaching in a subject, year group, key stage or phase: how pupils learn, and helping colleagues teach well.',
    'Teachers who lead, or want to lead, teaching in a subject or phase',
    'About a year',
    ['TE1', 'TE2', 'CA1'],
    ['subject_leader'],
  ),
  npq(
    'npqltd',
    'NPQ in Leading Teacher Development (NPQLTD)',
    'For leading the training and development of other teachers, including early career teachers and trainees.',
    'Teachers who develop other teachers, such as mentors and professional tutors',
    'About a year',
    ['PD1', 'PE3', 'TE2'],
    ['subject_leader', 'assistant_head'],
  ),
  npq(
    'npqlbc',
    'NPQ in Leading Behaviour and Culture (NPQLBC)',
    'For leading behaviour and a positive culture across a school or part of one.',
    'Teachers who lead, or want to lead, behaviour or pastoral care',
    'About a year',
    ['BE1', 'BE2', 'SC2'],
    ['head_of_year'],
  ),
  npq(
    'npqll',
    'NPQ in Leading Literacy (NPQLL)',
    'For leading literacy, and reading in particular, across a school, year group, key stage or phase.',
    'Teachers who lead, or want to lead, literacy',
    'About a year',
    ['CA3', 'CA1', 'CA2'],
    ['subject_leader'],
  ),
  npq(
    'npqeyl',
    'NPQ in Early Years Leadership (NPQEYL)',
    'For leading early years provision: children’s development, the team and working with families.',
    'Leaders and aspiring leaders in early years settings and schools',
    'About 18 months',
    ['CA1', 'WP1', 'PD1'],
    ['subject_leader'],
  ),
  npq(
    'npqsenco',
    'NPQ for Special Educational Needs Coordinators (NPQSENCO)',
    'The qualification for SENCos: identifying needs, planning provision and leading others to support pupils with SEND.',
    'SENCos and those who want to become one',
    'About 18 months',
    ['SE1', 'SE2', 'SE3'],
    ['senco'],
  ),
  npq(
    'npqsl',
    'NPQ in Senior Leadership (NPQSL)',
    'For leading across a whole school: improvement, the curriculum, staff development and working with governors.',
    'Senior leaders, or middle leaders ready to step up',
    'About 18 months',
    ['SI1', 'SI2', 'PE4', 'OM2'],
    ['assistant_head', 'deputy_head'],
  ),
  npq(
    'npqh',
    'NPQ for Headship (NPQH)',
    'For headteachers and those preparing to be one: leading a whole school, its culture, its people and its resources.',
    'Deputy and assistant heads planning headship, and new headteachers',
    'About 18 months',
    ['GA1', 'GA2', 'OM1', 'EP1'],
    ['headteacher'],
  ),
  npq(
    'npqel',
    'NPQ in Executive Leadership (NPQEL)',
    'For leading more than one school: strategy across schools, governance and the trust’s finances.',
    'Executive heads, trust leaders and experienced heads moving to trust roles',
    'About 18 months',
    ['WP2', 'GA1', 'OM1'],
    ['executive_head', 'trust_ceo'],
  ),
  {
    key: 'chartered_teacher',
    title: 'Chartered Teacher status',
    provider: 'Chartered College of Teaching',
    kind: 'chartered_college',
    description: 'A professional accreditation for teachers and school leaders showing expert practice, with routes for teachers and for leaders.',
    whoFor: 'Teachers and leaders with some years in the classroom',
    length: 'Usually one to two years',
    cost: 'There is a fee; some schools and trusts pay it. Check the Chartered College for current fees and any bursaries.',
    skills: ['TE1', 'PE1', 'PD1'],
    roles: ['subject_leader', 'assistant_head'],
    url: 'https://chartered.college',
  },
  {
    key: 'chartered_college_membership',
    title: 'Chartered College of Teaching membership',
    provider: 'Chartered College of Teaching',
    kind: 'chartered_college',
    description: 'Membership of the professional body for teaching: research summaries, a journal, courses and events.',
    whoFor: 'Anyone who works in education, including associate staff',
    length: 'Yearly',
    cost: 'A yearly fee, lower for early career teachers. Check the Chartered College for current rates.',
    skills: ['MY2', 'TE1'],
    roles: [],
    url: 'https://chartered.college',
  },
  {
    key: 'womened',
    title: 'WomenEd',
    provider: 'WomenEd',
    kind: 'network',
    description: 'A grassroots network that connects and supports women leaders and aspiring leaders in education, with regional groups and events.',
    whoFor: 'Women in education at any stage, teaching and associate staff',
    length: 'Ongoing',
    cost: 'Free to join; some events charge.',
    skills: ['PE1', 'PE5'],
    roles: [],
    url: 'https://www.womened.org',
  },
  {
    key: 'bameed',
    title: 'BAMEed Network',
    provider: 'BAMEed Network',
    kind: 'network',
    description: 'A network supporting Black, Asian and minority ethnic educators into and through leadership, with events and mentoring.',
    whoFor: 'Educators from Black, Asian and minority ethnic backgrounds, and their allies',
    length: 'Ongoing',
    cost: 'Free to join; some events charge.',
    skills: ['PE1', 'SC2'],
    roles: [],
    url: 'https://www.bameednetwork.com',
  },
  {
    key: 'lgbted',
    title: 'LGBTed',
    provider: 'LGBTed',
    kind: 'network',
    description: 'A network for lesbian, gay, bisexual and trans teachers and leaders, on visibility and leading as yourself.',
    whoFor: 'LGBT+ educators and their allies',
    length: 'Ongoing',
    cost: 'Free to join; some events charge.',
    skills: ['PE1', 'SC2'],
    roles: [],
    url: 'https://lgbted.uk',
  },
  {
    key: 'mtpt',
    title: 'The MTPT Project',
    provider: 'The MTPT Project',
    kind: 'network',
    description: 'Support for teachers who are parents, including during parental leave and when working flexibly or part time.',
    whoFor: 'Teachers who are parents or carers, and their schools',
    length: 'Ongoing',
    cost: 'Free to join; some events charge.',
    skills: ['PE5', 'MY2'],
    roles: [],
    url: 'https://www.mtpt.org.uk',
  },
];
