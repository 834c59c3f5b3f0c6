import type { Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database';
import { installBuiltInFrameworks } from '../../frameworks';
import type { ApplicationStatus, EndorsementStatus } from '../../cohorts';
import type { EnrolmentStatus } from '../../enrolments';
import type { EligibilityRules } from '../eligibility';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { addDays, londonDate } from '../../../platform/dates';
import type { DemoContext } from '../../../platform/module';

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
  summary: 'Five or six twilight sessions over six months for colleagues taking their first steps in leadership, with 360 feedback, self-assessment against the leadership skills, and a mentor.',
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
  summary: 'Six seminars across the academic year, each on a different aspect of school leadership, with a project from your own job description and mentoring aimed at it.',
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
export async function seedProgrammes(trx: Trx, clock: Clock, people: DemoContext): Promise<void> {
  const { organisationId, ids } = people;
  const now = clock.now().toISOString();
  const today = londonDate(clock.now());
  const id = (key: string) => {
    const value = ids.get(key);
    if (!value) throw new Error(`no demo person ${key}`);
    return value;
  };
  const at = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  await installBuiltInFrameworks(trx, clock, organisationId);
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
      await trx.insertInto('programme_modules').values({ id: moduleId, programme_id: programmeId, position: i + 1, title, description }).execute();
    }
    for (const [i, kind] of spec.requirements.entries()) {
      await trx.insertInto('programme_requirements').values({ id: newId(), programme_id: programmeId, kind, position: i + 1, settings: '{}' }).execute();
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

  async function addCohort(programmeId: string, name: string, days: { opens: number; closes: number; starts: number; ends: number }, capacity: number, leads: string[]) {
    const cohortId = newId();
    const closes = addDays(today, days.closes);
    await trx
      .insertInto('cohorts')
      .values({
        id: cohortId,
        organisation_id: organisationId,
        programme_id: programmeId,
        name,
        name_normalised: name.toLowerCase(),
        applications_open_on: addDays(today, days.opens),
        applications_close_on: closes,
        endorsement_deadline: addDays(closes, 14),
        starts_on: addDays(today, days.starts),
        ends_on: addDays(today, days.ends),
        capacity,
        needs_line_manager: 1,
        needs_headteacher: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const lead of leads) await trx.insertInto('cohort_leads').values({ cohort_id: cohortId, person_id: id(lead) }).execute();
    return cohortId;
  }

  const middleRunning = await addCohort(middle.id, 'Cohort 7', { opens: -200, closes: -150, starts: -75, ends: 105 }, 16, ['director', 'rDep']);
  const middleOpen = await addCohort(middle.id, 'Cohort 8', { opens: -14, closes: 28, starts: 70, ends: 250 }, 16, ['director', 'rDep']);
  const pathwaysRunning = await addCohort(pathways.id, 'Cohort 3', { opens: -240, closes: -190, starts: -80, ends: 285 }, 12, ['director']);
  await addCohort(pathways.id, 'Cohort 4', { opens: 60, closes: 110, starts: 200, ends: 565 }, 12, ['director']);

  async function addEvent(applicationId: string, status: ApplicationStatus, actor: string | null, reason: string | null, days: number) {
    await trx.insertInto('application_events').values({ id: newId(), application_id: applicationId, status, actor_id: actor ? id(actor) : null, reason, created_at: at(days) }).execute();
  }

  interface DemoApplication {
    person: string;
    cohortId: string;
    status: ApplicationStatus;
    motivation: string;
    manager: string;
    head: string | null;
    lineManager: EndorsementStatus;
    headteacher: EndorsementStatus;
    submittedDaysAgo: number;
    decision?: { by: string; reason: string };
    project?: string;
    coach?: string;
  }

  async function addApplication(a: DemoApplication): Promise<string> {
    const applicationId = newId();
    const person = await trx.selectFrom('people').select(['job_title', 'school_id']).where('id', '=', id(a.person)).executeTakeFirstOrThrow();
    const cohort = await trx.selectFrom('cohorts').innerJoin('programmes', 'programmes.id', 'cohorts.programme_id').select(['programmes.declarations', 'cohorts.endorsement_deadline']).where('cohorts.id', '=', a.cohortId).executeTakeFirstOrThrow();
    const submitted = at(-a.submittedDaysAgo);
    const decided = a.decision ? at(-a.submittedDaysAgo + 9) : null;
    await trx
      .insertInto('applications')
      .values({
        id: applicationId,
        organisation_id: organisationId,
        cohort_id: a.cohortId,
        person_id: id(a.person),
        school_id: person.school_id,
        status: a.status,
        live_slot: a.status === 'declined' || a.status === 'withdrawn' ? null : 'live',
        current_role: person.job_title,
        experience: 'I have taught here for several years and lead our work on reading across my year group. I ran this year’s transition days with our partner primaries.',
        motivation: a.motivation,
        declarations: cohort.declarations,
        coach_person_id: a.coach ? id(a.coach) : null,
        coach_name: null,
        coach_email: null,
        project_idea: a.project ?? null,
        eligible: 1,
        eligibility_notes: '[]',
        recommendation_id: null,
        decision_reason: a.decision?.reason ?? null,
        submitted_at: submitted,
        decided_at: decided,
        waitlisted_at: a.status === 'waitlisted' ? decided : null,
        created_at: at(-a.submittedDaysAgo - 2),
        updated_at: decided ?? submitted,
      })
      .execute();
    await addEvent(applicationId, 'submitted', a.person, null, -a.submittedDaysAgo);
    await addEvent(applicationId, 'awaiting_endorsement', null, null, -a.submittedDaysAgo);
    const endorsement = async (kind: 'line_manager' | 'headteacher', status: EndorsementStatus, endorser: string | null, answeredAfter: number) => {
      const answered = status === 'supported' || status === 'not_supported';
      await trx
        .insertInto('endorsements')
        .values({
          id: newId(),
          application_id: applicationId,
          kind,
          endorser_id: kind === 'line_manager' ? id(a.manager) : null,
          school_id: person.school_id,
          status,
          comment: answered ? (status === 'supported' ? 'Fully supported: ready for the next step and respected by colleagues.' : 'Not this year: please apply again next round.') : null,
          answered_by: answered && endorser ? id(endorser) : null,
          requested_at: status === 'waiting' ? null : at(-a.submittedDaysAgo + (kind === 'headteacher' ? 2 : 0)),
          due_on: cohort.endorsement_deadline,
          reminded_at: null,
          answered_at: answered ? at(-a.submittedDaysAgo + answeredAfter) : null,
          created_at: submitted,
        })
        .execute();
    };
    await endorsement('line_manager', a.lineManager, a.manager, 2);
    await endorsement('headteacher', a.headteacher, a.head, 4);
    if (a.lineManager === 'supported' && a.headteacher === 'supported') await addEvent(applicationId, 'endorsed', a.head, null, -a.submittedDaysAgo + 4);
    if (a.decision) await addEvent(applicationId, a.status, a.decision.by, a.decision.reason, -a.submittedDaysAgo + 9);
    return applicationId;
  }

  async function enrol(person: string, cohortId: string, programmeId: string, applicationId: string | null, status: EnrolmentStatus, daysAgo: number) {
    const enrolmentId = newId();
    await trx
      .insertInto('enrolments')
      .values({ id: enrolmentId, organisation_id: organisationId, application_id: applicationId, cohort_id: cohortId, programme_id: programmeId, person_id: id(person), status, return_cohort_id: null, status_reason: null, completed_at: null, created_at: at(-daysAgo), updated_at: at(-daysAgo) })
      .execute();
    await trx.insertInto('enrolment_events').values({ id: newId(), enrolment_id: enrolmentId, status, actor_id: id('director'), reason: 'Place offered after review of applications', created_at: at(-daysAgo) }).execute();
    return enrolmentId;
  }

  const motivation = 'I want to understand how to lead colleagues, not just my own classroom, and to have a bigger effect on our pupils’ reading. My line manager has encouraged me to build my confidence in leading meetings and giving feedback.';

  // The round open now: one waiting for the demo line manager, others at each later stage.
  await addApplication({ person: 'rEng1', cohortId: middleOpen, status: 'awaiting_endorsement', motivation, manager: 'rEng', head: null, lineManager: 'requested', headteacher: 'waiting', submittedDaysAgo: 3 });
  await addApplication({ person: 'rMat1', cohortId: middleOpen, status: 'awaiting_endorsement', motivation, manager: 'rMat', head: null, lineManager: 'supported', headteacher: 'requested', submittedDaysAgo: 6 });
  await addApplication({ person: 'oT2', cohortId: middleOpen, status: 'endorsed', motivation, manager: 'oKs1', head: 'oHead', lineManager: 'supported', headteacher: 'supported', submittedDaysAgo: 10 });
  await addApplication({ person: 'hTa2', cohortId: middleOpen, status: 'endorsed', motivation, manager: 'hEy', head: 'hHead', lineManager: 'supported', headteacher: 'supported', submittedDaysAgo: 9 });
  await trx
    .insertInto('recommendations')
    .values({ id: newId(), organisation_id: organisationId, programme_id: middle.id, person_id: id('rHum1'), recommended_by: id('rHum'), note: 'Daniel runs our Year 8 fieldwork brilliantly — I think he is ready to lead more.', created_at: at(-5) })
    .execute();

  // Cohort 7 of Towards Middle Leadership, running now.
  for (const [person, manager, head] of [
    ['rMat2', 'rMat', 'rHead'],
    ['rSci1', 'rSci', 'rHead'],
    ['oT1', 'oKs1', 'oHead'],
    ['hT2', 'hEng', 'hHead'],
    ['rTa1', 'rSenco', 'rHead'],
  ] as const) {
    const applicationId = await addApplication({ person, cohortId: middleRunning, status: 'accepted', motivation, manager, head, lineManager: 'supported', headteacher: 'supported', submittedDaysAgo: 170, decision: { by: 'director', reason: 'A strong application with clear support from your school.' } });
    await enrol(person, middleRunning, middle.id, applicationId, 'active', 161);
  }
  await addApplication({ person: 'hT4', cohortId: middleRunning, status: 'declined', motivation, manager: 'hDep', head: 'hHead', lineManager: 'supported', headteacher: 'not_supported', submittedDaysAgo: 168, decision: { by: 'director', reason: 'Your headteacher would like you to apply next year, after your first year leading Year 6.' } });

  // Cohort 3 of Leadership Pathways, running: module choices at different stages.
  for (const [person, manager, head, chosen, completed] of [
    ['rMat3', 'rMat', 'rHead', [0, 1, 2], 2],
    ['hDep', 'hHead', 'hHead', [1, 3, 4], 1],
    ['rSenco', 'rDep', 'rHead', [], 0],
  ] as const) {
    const applicationId = await addApplication({
      person,
      cohortId: pathwaysRunning,
      status: 'accepted',
      motivation,
      manager,
      head,
      lineManager: 'supported',
      headteacher: 'supported',
      submittedDaysAgo: 200,
      decision: { by: 'director', reason: 'Your project and coach are well chosen.' },
      project: 'Raise attendance among our persistently absent pupils by working with families earlier.',
      coach: 'rAss',
    });
    const enrolmentId = await enrol(person, pathwaysRunning, pathways.id, applicationId, 'active', 190);
    for (const [i, m] of chosen.entries()) {
      await trx
        .insertInto('enrolment_modules')
        .values({
          enrolment_id: enrolmentId,
          module_id: pathways.moduleIds[m],
          chosen_at: at(-75),
          completed_at: i < completed ? at(-40 + i * 10) : null,
          completed_by: i < completed ? id(person) : null,
          reflection: i < completed ? 'I led the change with my team and we now review pupils’ work together each fortnight; attendance at the sessions has doubled.' : null,
        })
        .execute();
    }
  }
}
