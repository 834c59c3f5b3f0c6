import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import type { DemoContext } from '../../../platform/contributions';
import type { EligibilityRules } from '../eligibility';

type Trx = Transaction<Database>;

interface ProgrammeSpec {
  title: string;
  summary: string;
  audience: string;
  duration: string;
  delivery: 'cohort' | 'modular';
  modulesRequired?: number;
  modules?: [string, string][];
  eligibility: Partial<EligibilityRules>;
  declarations: string[];
  experiences: string[];
  asksForCoach?: boolean;
  asksForProject?: boolean;
  level: string;
  requirements: string[];
  /** Domain positions whose first skill is a focus skill. */
  focusDomains: number[];
}

const towardsMiddle: ProgrammeSpec = {
  title: 'Towards Middle Leadership',
  summary:
    'Five or six twilight sessions over six months for colleagues taking their first steps in leadership, with 360 feedback, self-assessment against the leadership skills, and a mentor.',
  audience:
    'Colleagues in their first two to four years in schools who have been appointed to a first leadership role or recommended by their line manager as someone with potential. Because it is about leadership rather than subject content, it suits teachers with a small or focused responsibility and associate staff in classroom-facing roles — learning mentors, teaching assistants, administrators — who could lead a team.',
  duration: '6 months',
  delivery: 'cohort',
  eligibility: { leadershipLevels: ['none', 'middle'], minYears: 1, maxYears: 8 },
  declarations: ['I have talked to my line manager about applying.', 'I can attend the twilight sessions, which run from 4pm to 6pm.'],
  experiences: ['Lead part of a department or team meeting', 'Shadow a middle leader for a day', 'Take part in a lesson study or learning walk'],
  level: 'middle',
  requirements: ['baseline_self_assessment', 'attendance', 'feedback_360', 'final_self_assessment', 'sign_off'],
  focusDomains: [2, 3, 7, 12],
};

const towardsSenior: ProgrammeSpec = {
  title: 'Towards Senior Leadership',
  summary:
    'Six seminars across the academic year, each on a different aspect of school leadership, with a project from your own job description and mentoring aimed at it.',
  audience:
    'Colleagues with experience at middle leadership level who now aspire to senior leadership — already appointed to a senior role, or identified by their line manager as having the potential for one.',
  duration: 'One academic year',
  delivery: 'cohort',
  eligibility: { leadershipLevels: ['middle', 'senior'], minYears: 3 },
  declarations: ['My headteacher knows I am applying.', 'I can carry out a project that is part of my job description.'],
  experiences: ['Lead a whole-school working party', 'Present to governors', 'Shadow a member of the senior leadership team'],
  asksForProject: true,
  level: 'senior',
  requirements: ['sign_off'],
  focusDomains: [4, 8, 9, 12],
};

const towardsHeadship: ProgrammeSpec = {
  title: 'Towards Headship',
  summary: 'Preparation for headship for senior leaders who have completed, or are applying for, the National Professional Qualification for Headship.',
  audience: 'Colleagues who have held a senior leadership position for at least two years and are now preparing for headship.',
  duration: 'One academic year',
  delivery: 'cohort',
  eligibility: { leadershipLevels: ['senior'], minYears: 5 },
  declarations: ['I have held a senior leadership post for at least two years.', 'I have completed the NPQH or am applying to start it.'],
  experiences: ['Act up as headteacher for a period', 'Lead a school self-evaluation', 'Sit on a governors’ committee'],
  level: 'headship',
  requirements: ['sign_off'],
  focusDomains: [1, 9, 11, 12],
};

const leadershipPathways: ProgrammeSpec = {
  title: 'Leadership Pathways',
  summary:
    'A self-directed, modular programme over one year with a heavy emphasis on work-based learning: you choose three modules, work with a nominated in-school coach, and lead a whole-school change project.',
  audience:
    'Senior leaders, or those aspiring to senior leadership in the next one to two years, who have significant experience in school leadership roles and the support of their senior leaders. It builds on middle leadership development and can help you prepare for the NPQH.',
  duration: 'One year',
  delivery: 'modular',
  modulesRequired: 3,
  modules: [
    ['Leading learning', 'Improving teaching across a whole school, from evidence to everyday practice.'],
    ['Leading change', 'Planning, communicating and sustaining a change that lasts.'],
    ['Developing people', 'Coaching, feedback and growing the leadership capacity of colleagues.'],
    ['Working in networks', 'Learning with and from other schools and partners.'],
    ['Managing resources', 'Budgets, staffing and priorities in a whole-school context.'],
    ['Leading in the community', 'Building relationships with families and the wider community.'],
  ],
  eligibility: { leadershipLevels: ['middle', 'senior'], minYears: 4 },
  declarations: [
    'I have the support of my senior leaders to take part.',
    'I will have the chance to lead a whole-school change project.',
    'I have identified a colleague willing to be my in-school coach.',
  ],
  experiences: ['Lead a whole-school change project', 'Meet your in-school coach every half term', 'Visit a school in another trust'],
  asksForCoach: true,
  asksForProject: true,
  level: 'senior',
  requirements: ['modules', 'sign_off'],
  focusDomains: [6, 9, 10, 12],
};

/**
 * The demo's programmes: a three-stage pathway, a self-directed modular programme, an application
 * round open now (with applications at every stage), and cohorts already running.
 */
/**
 * Demo data: the trust's leadership ladder (three staged programmes on one pathway) and the modular
 * Leadership Pathways programme, on the built-in leadership framework (installed by the frameworks
 * step), and a recommendation. Cohorts and applications follow in the cohorts step.
 */
export async function seedProgrammes(trx: Trx, clock: Clock, context: DemoContext): Promise<void> {
  const { organisationId, ids } = context;
  const now = clock.now().toISOString();
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo person ${key}`);
    return value;
  };
  const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  const leadership = await trx
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .select('framework_versions.id')
    .where('frameworks.organisation_id', '=', organisationId)
    .where('frameworks.builtin_key', '=', 'leadership')
    .where('framework_versions.status', '=', 'published')
    .orderBy('framework_versions.number', 'desc')
    .executeTakeFirstOrThrow();
  const skills = await trx
    .selectFrom('framework_skills')
    .innerJoin('framework_domains', 'framework_domains.id', 'framework_skills.domain_id')
    .select(['framework_skills.id', 'framework_domains.position as domainPosition', 'framework_skills.position'])
    .where('framework_skills.version_id', '=', leadership.id)
    .orderBy('framework_domains.position')
    .orderBy('framework_skills.position')
    .execute();

  const pathwayId = newId();
  await trx
    .insertInto('pathways')
    .values({
      id: pathwayId,
      organisation_id: organisationId,
      title: 'Riverside leadership ladder',
      title_normalised: 'riverside leadership ladder',
      summary: 'Three stages from a first leadership role to headship, each built on the trust’s leadership skills and ending in a graduation ceremony.',
      created_at: now,
      updated_at: now,
    })
    .execute();

  async function addProgramme(spec: ProgrammeSpec, stage: number | null): Promise<{ id: string; moduleIds: string[] }> {
    const programmeId = newId();
    await trx
      .insertInto('programmes')
      .values({
        id: programmeId,
        organisation_id: organisationId,
        pathway_id: stage === null ? null : pathwayId,
        stage_position: stage,
        title: spec.title,
        title_normalised: spec.title.toLowerCase(),
        summary: spec.summary,
        audience: spec.audience,
        duration: spec.duration,
        delivery: spec.delivery,
        modules_required: spec.modulesRequired ?? null,
        framework_version_id: leadership.id,
        framework_level: spec.level,
        eligibility: JSON.stringify({ staffTypes: [], leadershipLevels: [], minYears: null, maxYears: null, ...spec.eligibility }),
        declarations: JSON.stringify(spec.declarations),
        experiences: JSON.stringify(spec.experiences),
        asks_for_coach: spec.asksForCoach ? 1 : 0,
        asks_for_project: spec.asksForProject ? 1 : 0,
        motivation_word_limit: 400,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const moduleIds: string[] = [];
    for (const [i, [title, description]] of (spec.modules ?? []).entries()) {
      const moduleId = newId();
      moduleIds.push(moduleId);
      await trx
        .insertInto('programme_modules')
        .values({ id: moduleId, programme_id: programmeId, position: i + 1, title, description })
        .execute();
    }
    for (const [i, kind] of spec.requirements.entries()) {
      await trx
        .insertInto('programme_requirements')
        .values({ id: newId(), programme_id: programmeId, kind, position: i + 1, settings: '{}' })
        .execute();
    }
    for (const domain of spec.focusDomains) {
      const skill = skills.find((s) => s.domainPosition === domain);
      if (skill) await trx.insertInto('programme_focus_skills').values({ programme_id: programmeId, skill_id: skill.id }).execute();
    }
    return { id: programmeId, moduleIds };
  }

  const middle = await addProgramme(towardsMiddle, 1);
  await addProgramme(towardsSenior, 2);
  await addProgramme(towardsHeadship, 3);
  const pathways = await addProgramme(leadershipPathways, null);
  // For the cohorts' and enrolments' demo steps.
  ids.set('programme:middle', middle.id);
  ids.set('programme:pathways', pathways.id);
  for (const [i, moduleId] of pathways.moduleIds.entries()) ids.set(`module:pathways:${i}`, moduleId);

  await trx
    .insertInto('recommendations')
    .values({
      id: newId(),
      organisation_id: organisationId,
      programme_id: middle.id,
      person_id: id('rHum1'),
      recommended_by: id('rHum'),
      note: 'Daniel runs our Year 8 fieldwork brilliantly — I think he is ready to lead more.',
      created_at: at(-5),
    })
    .execute();
}
