import type { Transaction } from 'kysely';
import type { Clock } from '../../../platform/db/clock';
import { DAY } from '../../../platform/db/clock';
import type { Database } from '../../../platform/db/database';
import { newId } from '../../../platform/db/ids';
import type { DemoContext } from '../../../platform/module';
import type { MilestoneStatus, ProjectStatus } from '../projects.tables';

type Trx = Transaction<Database>;

interface DemoMeasure {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  /** Figures at 120, 60 and 10 days ago (as many as given). */
  outcomes: number[];
}

interface DemoProject {
  person: string;
  lineManager: string;
  status: ProjectStatus;
  title: string;
  rationale: string;
  peopleAffected: string;
  criteria: string[];
  measures: DemoMeasure[];
  milestones: { title: string; daysFromNow: number; status: MilestoneStatus }[];
  updates: { daysAgo: number; body: string; reflection: string }[];
  comment?: string;
  report?: { whatChanged: string; forWhom: string; evidence: string; learned: string };
}

const projects: DemoProject[] = [
  // The participant at the heart of the school's Stage 7: a project that is part of her role, well under way.
  {
    person: 'rMat3',
    lineManager: 'rMat',
    status: 'in_progress',
    title: 'Reducing persistent absence in Year 9',
    rationale:
      'Attendance is the first priority of the school development plan: persistent absence in Year 9 is the highest in the school, and highest of all among pupils eligible for pupil premium.',
    peopleAffected: 'Year 9 pupils eligible for pupil premium (42 pupils), their form tutors and families',
    criteria: [
      'Persistent absence among Year 9 pupil premium pupils falls to 12% or below',
      'Form tutors call home on the first day of any absence',
      'More families come to the spring review meetings than last year',
    ],
    measures: [
      { name: 'Persistent absence, Year 9 pupil premium', unit: '%', baseline: 18.2, target: 12, outcomes: [16.9, 14.1, 13] },
      { name: 'Homework handed in on time, Year 9', unit: '%', baseline: 54, target: 75, outcomes: [58, 66, 71] },
      { name: 'Families at spring review meetings', unit: 'families', baseline: 21, target: 35, outcomes: [24, 29, 33] },
    ],
    milestones: [
      { title: 'Agree the first-day calling script with form tutors', daysFromNow: -140, status: 'done' },
      { title: 'First half-termly attendance review', daysFromNow: -90, status: 'done' },
      { title: 'Family review evening', daysFromNow: 20, status: 'in_progress' },
    ],
    updates: [
      {
        daysAgo: 100,
        body: 'Form tutors have called home on the first day of absence for six weeks. Two tutors found it hard to fit in before registration.',
        reflection: 'I asked rather than told: the tutors chose the script, and they use it. Next I need to protect the time, not add to it.',
      },
      {
        daysAgo: 12,
        body: 'Persistent absence is down to 13%. The review evening is booked and 33 families have said they will come.',
        reflection: 'The figures moved once the calls became routine. I need to plan how this carries on when I am not chasing it.',
      },
    ],
    comment: 'This is making a real difference, Hannah. Bring the figures to the next line management meeting and we will plan how it carries on.',
  },
  // A senior leader's project waiting for the programme lead's assessment.
  {
    person: 'hDep',
    lineManager: 'hHead',
    status: 'submitted',
    title: 'Phonics catch-up in Year 2',
    rationale: 'Early reading is the school’s first priority: too many pupils leave Year 1 without passing the phonics check.',
    peopleAffected: 'Year 2 pupils retaking the phonics screening check',
    criteria: ['At least 80% of pupils retaking the check pass it', 'Every teaching assistant in Key Stage 1 leads a catch-up group'],
    measures: [{ name: 'Phonics check retake pass rate', unit: '%', baseline: 52, target: 80, outcomes: [64, 78, 83] }],
    milestones: [{ title: 'Train teaching assistants', daysFromNow: -150, status: 'done' }],
    updates: [{ daysAgo: 30, body: 'Daily catch-up groups are running.', reflection: 'Training the assistants well mattered more than the scheme we chose.' }],
    report: {
      whatChanged: 'Every Key Stage 1 teaching assistant now leads a daily phonics catch-up group, and the retake pass rate rose from 52% to 83%.',
      forWhom: 'Year 2 pupils retaking the check, and the teaching assistants, who now plan their groups together.',
      evidence: 'The pass rates in the impact measures; the teaching assistants’ group plans; what they said in the team survey.',
      learned: 'To lead through others: I trained and coached rather than taught the groups myself.',
    },
  },
];

/** Demo data: change projects for two Leadership Pathways participants (one in progress with three measures, one submitted). Runs after the enrolments. */
export async function seedProjects(trx: Trx, clock: Clock, context: DemoContext): Promise<void> {
  const now = clock.now().getTime();
  const at = (days: number) => new Date(now + days * DAY).toISOString();
  const on = (days: number) => at(days).slice(0, 10);
  const id = (key: string) => {
    const value = context.ids.get(key);
    if (!value) throw new Error(`no demo record ${key}`);
    return value;
  };
  const skills = await trx.selectFrom('programme_focus_skills').select('skill_id').where('programme_id', '=', id('programme:pathways')).limit(2).execute();
  for (const p of projects) {
    const enrolment = await trx
      .selectFrom('enrolments')
      .select('id')
      .where('programme_id', '=', id('programme:pathways'))
      .where('person_id', '=', id(p.person))
      .where('status', '=', 'active')
      .executeTakeFirst();
    if (!enrolment) continue;
    const projectId = newId();
    await trx
      .insertInto('projects')
      .values({
        id: projectId,
        organisation_id: context.organisationId,
        person_id: id(p.person),
        enrolment_id: enrolment.id,
        title: p.title,
        rationale: p.rationale,
        people_affected: p.peopleAffected,
        status: p.status,
        assessor_id: null,
        role_confirmed_by: id(p.lineManager),
        role_confirmed_at: at(-165),
        created_at: at(-170),
        updated_at: p.report ? at(-3) : at(-10),
      })
      .execute();
    context.ids.set(`project:${p.person}`, projectId);
    await trx
      .insertInto('project_criteria')
      .values(p.criteria.map((text, i) => ({ id: newId(), project_id: projectId, position: i + 1, text })))
      .execute();
    if (skills.length > 0)
      await trx
        .insertInto('project_skills')
        .values(skills.map((s) => ({ project_id: projectId, skill_id: s.skill_id })))
        .execute();
    for (const [i, m] of p.measures.entries()) {
      const measureId = newId();
      await trx
        .insertInto('project_measures')
        .values({
          id: measureId,
          project_id: projectId,
          position: i + 1,
          name: m.name,
          unit: m.unit,
          baseline_value: m.baseline,
          baseline_on: on(-160),
          target_value: m.target,
          created_at: at(-168),
        })
        .execute();
      const days = [-120, -60, -10];
      for (const [j, value] of m.outcomes.entries())
        await trx
          .insertInto('project_outcomes')
          .values({ id: newId(), measure_id: measureId, measured_on: on(days[j] ?? -10), value, created_at: at(days[j] ?? -10) })
          .execute();
    }
    for (const m of p.milestones)
      await trx
        .insertInto('project_milestones')
        .values({ id: newId(), project_id: projectId, title: m.title, due_on: on(m.daysFromNow), status: m.status, updated_at: at(-10) })
        .execute();
    for (const u of p.updates)
      await trx
        .insertInto('project_notes')
        .values({
          id: newId(),
          project_id: projectId,
          author_id: id(p.person),
          kind: 'update',
          author_role: 'participant',
          body: u.body,
          reflection: u.reflection,
          created_at: at(-u.daysAgo),
        })
        .execute();
    if (p.comment)
      await trx
        .insertInto('project_notes')
        .values({
          id: newId(),
          project_id: projectId,
          author_id: id(p.lineManager),
          kind: 'comment',
          author_role: 'line_manager',
          body: p.comment,
          reflection: '',
          created_at: at(-8),
        })
        .execute();
    if (p.report)
      await trx
        .insertInto('project_submissions')
        .values({
          id: newId(),
          project_id: projectId,
          number: 1,
          what_changed: p.report.whatChanged,
          for_whom: p.report.forWhom,
          evidence: p.report.evidence,
          learned: p.report.learned,
          submitted_at: at(-3),
          outcome: null,
          feedback: '',
          assessed_by: null,
          assessed_at: null,
        })
        .execute();
  }
}
