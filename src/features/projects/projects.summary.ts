import type { Executor } from '../../platform/db/database';
import { findEnrolmentRecord } from '../enrolments';
import { programmeFocusSkills } from '../programmes';
import type { MeasureSeries } from './impact-chart';
import * as q from './projects.queries';
import type { Judgement, ProjectStatus } from './projects.tables';

/**
 * A project's public summary: what the portfolio and the leadership record show, and what the PDF
 * summary prints. It holds the title, the aim (the school priority and who it is for), the success
 * criteria, the impact measures with their outcomes, and the latest assessment's judgements. It
 * never holds the private working: updates and reflections, comments, milestones, the report's
 * text, or the assessor's written feedback.
 */
export interface ProjectPublicSummary {
  projectId: string;
  /** The organisation whose project it is. */
  organisationId: string;
  personId: string;
  enrolmentId: string | null;
  title: string;
  /** The school priority it serves. */
  aim: string;
  peopleAffected: string;
  status: ProjectStatus;
  criteria: string[];
  /** The skills it evidences (a programme's project links to the programme's focus skills). */
  skills: { code: string; title: string }[];
  measures: MeasureSeries[];
  /** The latest assessment, if the project has been assessed. */
  assessment: { outcome: Judgement; assessedAt: string; criteria: { text: string; judgement: Judgement }[] } | null;
}

/**
 * The public summary of one project of the organisation, or undefined. It checks nothing about who
 * is asking: the caller decides who may see it (the project page's rules, or the portfolio's).
 */
export async function projectPublicSummary(db: Executor, organisationId: string, projectId: string): Promise<ProjectPublicSummary | undefined> {
  const project = await q.findProject(db, organisationId, projectId);
  if (!project) return undefined;
  const [criteria, measures, submissions, skills] = await Promise.all([
    q.listCriteria(db, projectId),
    q.listMeasures(db, projectId),
    q.listSubmissions(db, projectId),
    linkedSkills(db, organisationId, project.id, project.enrolment_id),
  ]);
  const assessed = submissions.filter((s) => s.outcome !== null).at(-1);
  const [outcomes, judgements] = await Promise.all([
    q.listOutcomes(
      db,
      measures.map((m) => m.id),
    ),
    assessed ? q.listJudgements(db, [assessed.id]) : Promise.resolve([]),
  ]);
  return {
    projectId: project.id,
    organisationId: project.organisation_id,
    personId: project.person_id,
    enrolmentId: project.enrolment_id,
    title: project.title,
    aim: project.rationale,
    peopleAffected: project.people_affected,
    status: project.status,
    criteria: criteria.map((c) => c.text),
    skills,
    measures: measures.map((m) => ({
      name: m.name,
      unit: m.unit,
      baselineValue: Number(m.baseline_value),
      baselineOn: m.baseline_on,
      targetValue: Number(m.target_value),
      outcomes: outcomes.filter((o) => o.measure_id === m.id).map((o) => ({ measuredOn: o.measured_on, value: Number(o.value) })),
    })),
    assessment:
      assessed?.outcome && assessed.assessed_at
        ? {
            outcome: assessed.outcome,
            assessedAt: assessed.assessed_at,
            criteria: criteria.map((c) => ({ text: c.text, judgement: judgements.find((j) => j.criterion_id === c.id)?.judgement ?? 'not_yet' })),
          }
        : null,
  };
}

/** The skills the project links to, by code and title (only a programme's project links to any). */
async function linkedSkills(db: Executor, organisationId: string, projectId: string, enrolmentId: string | null) {
  if (!enrolmentId) return [];
  const [enrolment, linked] = await Promise.all([findEnrolmentRecord(db, organisationId, enrolmentId), q.listSkillIds(db, projectId)]);
  if (!enrolment || linked.length === 0) return [];
  const ids = new Set(linked.map((s) => s.skill_id));
  return (await programmeFocusSkills(db, enrolment.programme_id)).filter((s) => ids.has(s.id)).map((s) => ({ code: s.code, title: s.title }));
}

/**
 * The public summaries of the person's projects that have started (not drafts), newest first: what
 * their leadership record may include. Never the private working (see ProjectPublicSummary).
 */
export async function publicProjectsOf(db: Executor, personId: string): Promise<ProjectPublicSummary[]> {
  const rows = await q.listStartedProjectsOfPerson(db, personId);
  const summaries = await Promise.all(rows.map((r) => projectPublicSummary(db, r.organisation_id, r.id)));
  return summaries.filter((s): s is ProjectPublicSummary => s !== undefined);
}
