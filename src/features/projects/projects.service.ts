import { recordAudit } from '../../platform/audit/audit';
import { londonDate } from '../../platform/dates';
import { newId } from '../../platform/db/ids';
import { isProgrammeLead } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import { findEnrolmentRecord, type EnrolmentRecord } from '../enrolments';
import { notify } from '../notifications';
import { programmeFocusSkills } from '../programmes';
import { findPersonByEmail, findPersonSummary, listPeopleNames, listReports } from '../staff';
import type { MeasureSeries } from './impact-chart';
import { PROJECT_TRANSITIONS, type ProjectEvent } from './projects.lifecycle';
import {
  canAssess,
  canComment,
  canConfirmRole,
  canDiscard,
  canEditProject,
  canNameAssessor,
  canRecordProgress,
  relationTo,
  type ProjectFacts,
  type ProjectRelation,
} from './projects.policy';
import * as q from './projects.queries';
import {
  readAssessment,
  readComment,
  readMeasure,
  readMilestone,
  readMilestoneStatus,
  readOutcome,
  readProject,
  readReport,
  readUpdate,
  type ProjectInput,
} from './projects.schemas';
import { projectPublicSummary } from './projects.summary';
import type { NoteAuthorRole, Project } from './projects.tables';

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;
const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;

// ----- Loading a project and deciding who the viewer is to it -----

export interface ProjectContext {
  project: Project;
  participant: { id: string; name: string; givenName: string; lineManagerId: string | null };
  enrolment: EnrolmentRecord | null;
  coachId: string | null;
  facts: ProjectFacts;
  relation: ProjectRelation;
  can: {
    edit: boolean;
    record: boolean;
    confirm: boolean;
    comment: boolean;
    assess: boolean;
    nameAssessor: boolean;
    submit: boolean;
    discard: boolean;
  };
}

async function loadProject(deps: AppDeps, viewer: Viewer, projectId: string): Promise<ProjectContext> {
  const project = await q.findProject(deps.db, viewer.organisationId, projectId);
  if (!project) throw new NotFound();
  const [person, enrolment, coachId] = await Promise.all([
    findPersonSummary(deps.db, project.person_id, viewer.organisationId),
    project.enrolment_id ? findEnrolmentRecord(deps.db, viewer.organisationId, project.enrolment_id) : Promise.resolve(undefined),
    // The coach is whoever is paired with the participant as their coach for this enrolment (mentoring).
    project.enrolment_id && deps.coachOfEnrolment ? deps.coachOfEnrolment(deps.db, project.enrolment_id) : Promise.resolve(null),
  ]);
  if (!person) throw new NotFound();
  const facts: ProjectFacts = {
    organisation_id: project.organisation_id,
    person_id: project.person_id,
    status: project.status,
    assessor_id: project.assessor_id,
    line_manager_id: person.line_manager_id,
    coach_id: coachId,
  };
  const relation = relationTo(viewer, facts);
  if (!relation) throw new NotFound();
  const edit = canEditProject(viewer, facts);
  return {
    project,
    participant: { id: person.id, name: fullName(person), givenName: person.given_name, lineManagerId: person.line_manager_id },
    enrolment: enrolment ?? null,
    coachId,
    facts,
    relation,
    can: {
      edit,
      record: canRecordProgress(viewer, facts),
      confirm: canConfirmRole(viewer, facts),
      comment: canComment(viewer, facts),
      assess: canAssess(viewer, facts),
      nameAssessor: canNameAssessor(viewer, facts),
      submit: relation === 'participant' && PROJECT_TRANSITIONS.submit.from.includes(project.status),
      discard: canDiscard(viewer, facts),
    },
  };
}

/** Skills a project can link to: the programme's focus skills; none for a person's own project. */
async function offeredSkills(deps: AppDeps, enrolment: { programme_id: string } | null) {
  if (!enrolment) return [];
  return (await programmeFocusSkills(deps.db, enrolment.programme_id)).map((s) => ({ id: s.id, code: s.code, title: s.title }));
}

// ----- Lists -----

/** The projects page: the viewer's own, their reports', and those waiting for their assessment. */
export async function getProjectLists(deps: AppDeps, viewer: Viewer) {
  const reports = await listReports(deps.db, viewer.id);
  const [own, ofReports, toAssess] = await Promise.all([
    q.listProjectsOf(deps.db, viewer.organisationId, [viewer.id]),
    q.listProjectsOf(
      deps.db,
      viewer.organisationId,
      reports.map((r) => r.id),
    ),
    q.listProjectsToAssess(deps.db, viewer.organisationId, viewer.id, isProgrammeLead(viewer)),
  ]);
  const names = new Map(
    (await listPeopleNames(deps.db, viewer.organisationId, [...new Set(toAssess.map((p) => p.person_id))])).map((p) => [p.id, fullName(p)]),
  );
  for (const r of reports) names.set(r.id, fullName(r));
  return {
    own,
    ofReports: ofReports.map((p) => ({ ...p, participantName: names.get(p.person_id) ?? '' })),
    toAssess: toAssess.map((p) => ({ ...p, participantName: names.get(p.person_id) ?? '' })),
  };
}

// ----- Creating and editing -----

/** The new-project form: for one of the viewer's active enrolments (one project each), or their own. */
export async function getNewProject(deps: AppDeps, viewer: Viewer, enrolmentId: string | undefined) {
  if (!enrolmentId) return { enrolment: null, skills: [] };
  const enrolment = await findEnrolmentRecord(deps.db, viewer.organisationId, enrolmentId);
  if (!enrolment || enrolment.person_id !== viewer.id) throw new NotFound();
  if (enrolment.status !== 'active') throw new Conflict('Your place on the programme is not active, so you cannot start a project for it.');
  const existing = await q.findProjectOfEnrolment(deps.db, enrolment.id);
  return { enrolment, skills: await offeredSkills(deps, enrolment), existingId: existing?.id };
}
export type NewProjectData = Awaited<ReturnType<typeof getNewProject>>;

/**
 * Creates the participant's project (in planning). Bad input throws Invalid and writes nothing.
 * The line manager is told, so they can confirm it is part of the participant's job.
 */
export async function createProject(deps: AppDeps, viewer: Viewer, data: NewProjectData, values: FormValues, skills: string[]): Promise<string> {
  const { input, errors } = readProject(
    values,
    skills,
    data.skills.map((s) => s.id),
  );
  if (hasErrors(errors)) throw new Invalid(errors);
  const id = newId();
  const now = deps.clock.now().toISOString();
  const me = await findPersonSummary(deps.db, viewer.id, viewer.organisationId);
  await deps.db.transaction().execute(async (trx) => {
    // One project per enrolment: a second attempt (another tab) finds the first.
    if (data.enrolment && (await q.findProjectOfEnrolment(trx, data.enrolment.id))) throw new Conflict('You already have a project for this programme.');
    await q.insertProject(trx, {
      id,
      organisation_id: viewer.organisationId,
      person_id: viewer.id,
      enrolment_id: data.enrolment?.id ?? null,
      title: input.title,
      rationale: input.rationale,
      people_affected: input.peopleAffected,
      status: 'draft',
      assessor_id: null,
      role_confirmed_by: null,
      role_confirmed_at: null,
      created_at: now,
      updated_at: now,
    });
    await writePlan(trx, id, input);
    if (me?.line_manager_id)
      await notify(trx, deps.clock, {
        personId: me.line_manager_id,
        kind: 'project_update',
        subject: `${viewer.givenName} ${viewer.familyName} has planned a project: please confirm it is part of their role`,
        paragraphs: [
          `${viewer.givenName} ${viewer.familyName} has planned “${input.title}”. Before it starts, their line manager confirms the project is part of their job description.`,
        ],
        link: `/projects/${id}`,
        linkText: 'Read the project and confirm it:',
        dedupeKey: `project-planned:${id}`,
      });
  });
  return id;
}

async function writePlan(trx: Parameters<typeof q.replaceCriteria>[0], projectId: string, input: ProjectInput) {
  await q.replaceCriteria(
    trx,
    projectId,
    input.criteria.map((text) => ({ id: newId(), text })),
  );
  await q.replaceSkills(trx, projectId, input.skillIds);
}

/** The edit form: the project's details, criteria and linked skills as they are. */
export async function getEditProject(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  if (context.relation !== 'participant') throw new Forbidden('Only the participant changes their project.');
  if (!context.can.edit) throw new Conflict('The project has been submitted, so it cannot be changed.');
  const [criteria, skillIds, skills, submissions] = await Promise.all([
    q.listCriteria(deps.db, projectId),
    q.listSkillIds(deps.db, projectId),
    offeredSkills(deps, context.enrolment),
    q.listSubmissions(deps.db, projectId),
  ]);
  return { ...context, criteria, skillIds: skillIds.map((s) => s.skill_id), skills, criteriaLocked: submissions.length > 0 };
}
export type EditProjectData = Awaited<ReturnType<typeof getEditProject>>;

/** Saves the project's details. Once it has been submitted, the success criteria it was assessed against stay as they were. */
export async function updateProject(deps: AppDeps, data: EditProjectData, values: FormValues, skills: string[]): Promise<void> {
  const { input, errors } = readProject(
    data.criteriaLocked ? { ...values, criteria: data.criteria.map((c) => c.text).join('\n') } : values,
    skills,
    data.skills.map((s) => s.id),
  );
  if (hasErrors(errors)) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await q.updateProjectDetails(trx, data.project.id, {
      title: input.title,
      rationale: input.rationale,
      people_affected: input.peopleAffected,
      updated_at: deps.clock.now().toISOString(),
    });
    if (!data.criteriaLocked)
      await q.replaceCriteria(
        trx,
        data.project.id,
        input.criteria.map((text) => ({ id: newId(), text })),
      );
    await q.replaceSkills(trx, data.project.id, input.skillIds);
  });
}

// ----- The project page -----

/** Everything the project page shows, in a fixed number of queries whatever the number of measures and outcomes. */
export async function getProjectPage(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  // Only a programme's project links to skills; measures come with their outcomes.
  const [criteria, skillIds, skills, measureRows, milestones, notes, submissions] = await Promise.all([
    q.listCriteria(deps.db, projectId),
    context.enrolment ? q.listSkillIds(deps.db, projectId) : Promise.resolve([]),
    context.enrolment ? offeredSkills(deps, context.enrolment) : Promise.resolve([]),
    q.listMeasuresWithOutcomes(deps.db, projectId),
    q.listMilestones(deps.db, projectId),
    q.listNotes(deps.db, projectId),
    q.listSubmissions(deps.db, projectId),
  ]);
  const people = [
    ...new Set(
      [...notes.map((n) => n.author_id), ...submissions.map((s) => s.assessed_by), context.project.role_confirmed_by, context.project.assessor_id].filter(
        (id): id is string => !!id,
      ),
    ),
  ];
  const [judgements, nameRows] = await Promise.all([
    q.listJudgements(
      deps.db,
      submissions.map((s) => s.id),
    ),
    listPeopleNames(deps.db, viewer.organisationId, people),
  ]);
  const names = new Map(nameRows.map((p) => [p.id, fullName(p)]));
  const linked = new Set(skillIds.map((s) => s.skill_id));
  return {
    ...context,
    criteria,
    skills: skills.filter((s) => linked.has(s.id)),
    measures: measuresOf(measureRows),
    milestones,
    notes: notes.map((n) => ({ ...n, authorName: names.get(n.author_id) ?? 'Someone who has left' })),
    submissions: submissions.map((s) => ({
      ...s,
      assessorName: s.assessed_by ? (names.get(s.assessed_by) ?? '') : null,
      judgements: criteria.map((c) => ({ criterion: c, judgement: judgements.find((j) => j.submission_id === s.id && j.criterion_id === c.id) ?? null })),
    })),
    confirmedByName: context.project.role_confirmed_by ? (names.get(context.project.role_confirmed_by) ?? null) : null,
    assessorName: context.project.assessor_id ? (names.get(context.project.assessor_id) ?? null) : null,
  };
}
export type ProjectPage = Awaited<ReturnType<typeof getProjectPage>>;

/** Each measure as its chart draws it, from the rows of `listMeasuresWithOutcomes` (in order). */
function measuresOf(rows: Awaited<ReturnType<typeof q.listMeasuresWithOutcomes>>): { id: string; series: MeasureSeries }[] {
  const measures: { id: string; series: MeasureSeries }[] = [];
  let current: { id: string; series: MeasureSeries } | undefined;
  for (const row of rows) {
    if (current?.id !== row.id) {
      current = {
        id: row.id,
        series: {
          name: row.name,
          unit: row.unit,
          baselineValue: Number(row.baseline_value),
          baselineOn: row.baseline_on,
          targetValue: Number(row.target_value),
          outcomes: [],
        },
      };
      measures.push(current);
    }
    if (row.outcome_id !== null && row.measured_on !== null && row.value !== null)
      current.series.outcomes.push({ measuredOn: row.measured_on, value: Number(row.value) });
  }
  return measures;
}

// ----- Measures and outcomes -----

/** Who may change measures, settled before the form is read. */
export async function getMeasureForm(deps: AppDeps, viewer: Viewer, projectId: string, measureId: string | null) {
  const context = await loadProject(deps, viewer, projectId);
  if (context.relation !== 'participant') throw new Forbidden('Only the participant changes their project.');
  if (!context.can.edit) throw new Conflict('The project has been submitted, so it cannot be changed.');
  const measures = await q.listMeasures(deps.db, projectId);
  const measure = measureId ? measures.find((m) => m.id === measureId) : null;
  if (measureId && !measure) throw new NotFound();
  const outcomes = measure ? await q.listOutcomes(deps.db, [measure.id]) : [];
  return { ...context, measure: measure ?? null, count: measures.length, outcomes };
}
export type MeasureForm = Awaited<ReturnType<typeof getMeasureForm>>;

/** Adds or changes an impact measure. Bad input throws Invalid and writes nothing. */
export async function saveMeasure(deps: AppDeps, form: MeasureForm, values: FormValues): Promise<void> {
  const { input, errors } = readMeasure(values, form.outcomes[0]?.measured_on ?? null);
  if (!input || hasErrors(errors)) throw new Invalid(errors);
  const row = { name: input.name, unit: input.unit, baseline_value: input.baselineValue, baseline_on: input.baselineOn, target_value: input.targetValue };
  await deps.db.transaction().execute(async (trx) => {
    if (form.measure) await q.updateMeasure(trx, form.measure.id, row);
    else
      await q.insertMeasure(trx, {
        id: newId(),
        project_id: form.project.id,
        position: form.count + 1,
        created_at: deps.clock.now().toISOString(),
        ...row,
      });
  });
}

/** Who may record an outcome, settled before the form is read: the participant, once the project has started. */
export async function getOutcomeForm(deps: AppDeps, viewer: Viewer, projectId: string, measureId: string) {
  const context = await loadProject(deps, viewer, projectId);
  const measure = (await q.listMeasures(deps.db, projectId)).find((m) => m.id === measureId);
  if (!measure) throw new NotFound();
  if (context.relation !== 'participant') throw new Forbidden('Only the participant records their project’s outcomes.');
  if (!context.can.record)
    throw new Conflict(
      context.project.status === 'draft'
        ? 'Outcomes are recorded once the project has started: your line manager confirms it is part of your role first.'
        : 'The project has been submitted, so outcomes cannot be added.',
    );
  return { ...context, measure, outcomes: await q.listOutcomes(deps.db, [measure.id]) };
}
export type OutcomeForm = Awaited<ReturnType<typeof getOutcomeForm>>;

/** Records an outcome. A date before the baseline or in the future, or a figure that is not a number, throws Invalid and writes nothing. */
export async function addOutcome(deps: AppDeps, form: OutcomeForm, values: FormValues): Promise<void> {
  const { input, errors } = readOutcome(values, form.measure.baseline_on, londonDate(deps.clock.now()));
  if (!input || hasErrors(errors)) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertOutcome(trx, {
      id: newId(),
      measure_id: form.measure.id,
      measured_on: input.measuredOn,
      value: input.value,
      created_at: deps.clock.now().toISOString(),
    });
  });
}

// ----- Milestones, updates and comments -----

export async function getEditableProject(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  if (context.relation !== 'participant') throw new Forbidden('Only the participant changes their project.');
  if (!context.can.edit) throw new Conflict('The project has been submitted, so it cannot be changed.');
  return context;
}

export async function addMilestone(deps: AppDeps, context: ProjectContext, values: FormValues): Promise<void> {
  const { input, errors } = readMilestone(values);
  if (!input || hasErrors(errors)) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await q.insertMilestone(trx, {
      id: newId(),
      project_id: context.project.id,
      title: input.title,
      due_on: input.dueOn,
      status: 'not_started',
      updated_at: deps.clock.now().toISOString(),
    });
  });
}

export async function setMilestoneStatus(deps: AppDeps, viewer: Viewer, projectId: string, milestoneId: string, values: FormValues): Promise<void> {
  const context = await getEditableProject(deps, viewer, projectId);
  const status = readMilestoneStatus(values);
  if (!status) throw new Invalid({ status: 'Select the milestone’s status from the list' });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.updateMilestoneStatus(trx, context.project.id, milestoneId, status, deps.clock.now().toISOString()))) throw new NotFound();
  });
}

export async function getUpdateForm(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  if (context.relation !== 'participant') throw new Forbidden('Only the participant writes updates on their project.');
  if (!context.can.record) throw new Conflict('Updates are written once the project has started and until it is submitted.');
  return context;
}

/** The participant's update: what has happened, and their reflection on it. The coach and line manager are told. */
export async function addUpdate(deps: AppDeps, viewer: Viewer, context: ProjectContext, values: FormValues): Promise<void> {
  const { input, errors } = readUpdate(values);
  if (hasErrors(errors)) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    const noteId = newId();
    await q.insertNote(trx, {
      id: noteId,
      project_id: context.project.id,
      author_id: viewer.id,
      kind: 'update',
      author_role: 'participant',
      body: input.body,
      reflection: input.reflection,
      created_at: deps.clock.now().toISOString(),
    });
    for (const supporter of new Set([context.participant.lineManagerId, context.coachId].filter((id): id is string => !!id && id !== viewer.id)))
      await notify(trx, deps.clock, {
        personId: supporter,
        kind: 'project_update',
        subject: `${context.participant.name} has written an update on their project`,
        paragraphs: [`${context.participant.name} has written an update on “${context.project.title}”. You can read it and comment.`],
        link: `/projects/${context.project.id}`,
        linkText: 'Read the update:',
        dedupeKey: `project-update:${noteId}:${supporter}`,
      });
  });
}

/** A comment by the coach or line manager; the participant is told. */
export async function addComment(deps: AppDeps, viewer: Viewer, projectId: string, values: FormValues): Promise<void> {
  const context = await loadProject(deps, viewer, projectId);
  if (!context.can.comment) throw new Forbidden('Only the participant’s coach and line manager comment on their project.');
  const { input, errors } = readComment(values);
  if (hasErrors(errors)) throw new Invalid(errors);
  const role: NoteAuthorRole = context.relation === 'coach' ? 'coach' : 'line_manager';
  await deps.db.transaction().execute(async (trx) => {
    const noteId = newId();
    await q.insertNote(trx, {
      id: noteId,
      project_id: projectId,
      author_id: viewer.id,
      kind: 'comment',
      author_role: role,
      body: input,
      reflection: '',
      created_at: deps.clock.now().toISOString(),
    });
    await notify(trx, deps.clock, {
      personId: context.project.person_id,
      kind: 'project_update',
      subject: `${viewer.givenName} ${viewer.familyName} has commented on your project`,
      paragraphs: [`${viewer.givenName} ${viewer.familyName} has commented on “${context.project.title}”.`],
      link: `/projects/${projectId}`,
      linkText: 'Read the comment:',
      dedupeKey: `project-comment:${noteId}`,
    });
  });
}

// ----- The lifecycle: confirming, submitting, assessing -----

async function move(
  deps: AppDeps,
  trx: Parameters<typeof q.updateProjectStatus>[0],
  viewer: Viewer,
  context: ProjectContext,
  event: ProjectEvent,
  extra: { role_confirmed_by?: string; role_confirmed_at?: string } = {},
  requestId: string | null = null,
) {
  const transition = PROJECT_TRANSITIONS[event];
  const now = deps.clock.now().toISOString();
  if (!(await q.updateProjectStatus(trx, context.project.id, transition.from, { status: transition.to, updated_at: now, ...extra })))
    throw new Conflict('Someone else has just changed this project. Go back to the project to see where it is.');
  await recordAudit(trx, deps.clock, {
    action: 'project_status_changed',
    organisationId: context.project.organisation_id,
    actorId: viewer.id,
    subjectType: 'project',
    subjectId: context.project.id,
    detail: { event, from: context.project.status, to: transition.to },
    requestId,
  });
}

/** The line manager confirms the project is part of the participant's role: it starts. */
export async function confirmRole(deps: AppDeps, viewer: Viewer, projectId: string, requestId: string | null): Promise<void> {
  const context = await loadProject(deps, viewer, projectId);
  // Who may is settled before where the project is, so nobody else learns its state from the answer.
  if (!canConfirmRole(viewer, { ...context.facts, status: 'draft' }))
    throw new Forbidden('Only the participant’s line manager confirms the project is part of their role.');
  if (!canConfirmRole(viewer, context.facts)) throw new Conflict('The project has already started.');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await move(deps, trx, viewer, context, 'confirm_role', { role_confirmed_by: viewer.id, role_confirmed_at: now }, requestId);
    await notify(trx, deps.clock, {
      personId: context.project.person_id,
      kind: 'project_update',
      subject: 'Your project has started',
      paragraphs: [
        `${viewer.givenName} ${viewer.familyName} has confirmed that “${context.project.title}” is part of your role. You can now record outcomes and write updates.`,
      ],
      link: `/projects/${projectId}`,
      linkText: 'Go to your project:',
      dedupeKey: `project-confirmed:${projectId}`,
    });
  });
}

// ----- Discarding a draft -----

/** Who may discard, settled before the confirmation page shows: the participant, while it is a draft. */
export async function getDiscardForm(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  if (context.relation !== 'participant') throw new Forbidden('Only the participant discards their project.');
  if (!context.can.discard) throw new Conflict('Your line manager has confirmed this project, so it has started and cannot be discarded.');
  return context;
}

/**
 * Deletes a draft project and everything planned under it (criteria, skills, measures, milestones,
 * comments). Once the line manager has confirmed it, it cannot be discarded: a Conflict, nothing deleted.
 */
export async function discardProject(deps: AppDeps, viewer: Viewer, projectId: string, requestId: string | null): Promise<void> {
  const context = await getDiscardForm(deps, viewer, projectId);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.deleteDraftProject(trx, projectId, now)))
      throw new Conflict('Your line manager has just confirmed this project, so it has started and cannot be discarded.');
    await recordAudit(trx, deps.clock, {
      action: 'project_discarded',
      organisationId: context.project.organisation_id,
      actorId: viewer.id,
      subjectType: 'project',
      subjectId: projectId,
      detail: { title: context.project.title },
      requestId,
    });
  });
}

/** Who may submit, settled before the form is read. */
export async function getSubmitForm(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  if (context.relation !== 'participant') throw new Forbidden('Only the participant submits their project.');
  if (!context.can.submit)
    throw new Conflict(
      context.project.status === 'draft'
        ? 'Your project has not started yet: your line manager confirms it is part of your role first.'
        : 'Your project is not waiting for a report.',
    );
  const [submissions, criteria] = await Promise.all([q.listSubmissions(deps.db, projectId), q.listCriteria(deps.db, projectId)]);
  return { ...context, submissions, criteria };
}
export type SubmitForm = Awaited<ReturnType<typeof getSubmitForm>>;

/** Submits the final report (or a resubmission after "not yet"). Earlier submissions and their assessments are kept. */
export async function submitReport(deps: AppDeps, viewer: Viewer, form: SubmitForm, values: FormValues, requestId: string | null): Promise<void> {
  const { input, errors } = readReport(values);
  if (hasErrors(errors)) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await move(deps, trx, viewer, form, 'submit', {}, requestId);
    await q.insertSubmission(trx, {
      id: newId(),
      project_id: form.project.id,
      number: form.submissions.length + 1,
      what_changed: input.whatChanged,
      for_whom: input.forWhom,
      evidence: input.evidence,
      learned: input.learned,
      submitted_at: deps.clock.now().toISOString(),
      outcome: null,
      feedback: '',
      assessed_by: null,
      assessed_at: null,
    });
    if (form.project.assessor_id)
      await notify(trx, deps.clock, {
        personId: form.project.assessor_id,
        kind: 'project_update',
        subject: `${form.participant.name} has submitted their project for assessment`,
        paragraphs: [`${form.participant.name} has submitted the final report of “${form.project.title}”. You are named as its assessor.`],
        link: `/projects/${form.project.id}/assess`,
        linkText: 'Assess the project:',
        dedupeKey: `project-submitted:${form.project.id}:${form.submissions.length + 1}`,
      });
  });
}

/** A project was assessed as met: the participant's portfolio records it, with their final report's words. */
export interface ProjectAssessedMet {
  organisationId: string;
  personId: string;
  projectId: string;
  title: string;
  startedAt: string;
  assessedAt: string;
  whatChanged: string;
  forWhom: string;
  skillIds: string[];
}

declare module '../../platform/events' {
  interface DomainEvents {
    'project.assessed_met': ProjectAssessedMet;
  }
}

/** Who may assess, settled before the form is read. */
export async function getAssessForm(deps: AppDeps, viewer: Viewer, projectId: string) {
  const page = await getProjectPage(deps, viewer, projectId);
  if (!page.can.assess) {
    if (page.relation === 'participant' || !(page.project.assessor_id === viewer.id || isProgrammeLead(viewer)))
      throw new Forbidden('Only the named assessor or a programme lead assesses a project.');
    throw new Conflict('The project is not waiting for an assessment.');
  }
  const submission = page.submissions.at(-1);
  if (!submission || submission.outcome !== null) throw new Conflict('The project is not waiting for an assessment.');
  return { ...page, submission };
}
export type AssessForm = Awaited<ReturnType<typeof getAssessForm>>;

/**
 * Judges each success criterion met or not yet, with feedback. All met: the project is met; any not
 * yet: the participant can resubmit. Missing judgements or feedback throw Invalid and write nothing.
 */
export async function assessProject(deps: AppDeps, viewer: Viewer, form: AssessForm, values: FormValues, requestId: string | null): Promise<'met' | 'not_yet'> {
  const { judgements, feedback, errors } = readAssessment(values, form.criteria);
  if (hasErrors(errors)) throw new Invalid(errors);
  const outcome = judgements.every((j) => j.judgement === 'met') ? 'met' : 'not_yet';
  await deps.db.transaction().execute(async (trx) => {
    const assessed = await q.assessSubmission(
      trx,
      form.submission.id,
      { outcome, feedback, assessed_by: viewer.id, assessed_at: deps.clock.now().toISOString() },
      judgements,
    );
    if (!assessed) throw new Conflict('Someone else has just assessed this submission.');
    await move(deps, trx, viewer, form, outcome === 'met' ? 'assess_met' : 'assess_not_yet', {}, requestId);
    if (outcome === 'met')
      await deps.events.publish(trx, 'project.assessed_met', {
        organisationId: form.project.organisation_id,
        personId: form.project.person_id,
        projectId: form.project.id,
        title: form.project.title,
        startedAt: form.project.role_confirmed_at ?? form.project.created_at,
        assessedAt: deps.clock.now().toISOString(),
        whatChanged: form.submission.what_changed,
        forWhom: form.submission.for_whom,
        skillIds: form.skills.map((skill) => skill.id),
      });
    await notify(trx, deps.clock, {
      personId: form.project.person_id,
      kind: 'project_update',
      subject: outcome === 'met' ? 'Your project has been assessed as met' : 'Your project has been assessed: not yet met',
      paragraphs: [
        outcome === 'met'
          ? `${viewer.givenName} ${viewer.familyName} has assessed “${form.project.title}” and judged every success criterion met.`
          : `${viewer.givenName} ${viewer.familyName} has assessed “${form.project.title}”: some success criteria are not yet met. Read the feedback, then you can resubmit.`,
      ],
      link: `/projects/${form.project.id}`,
      linkText: 'Read the feedback:',
      dedupeKey: `project-assessed:${form.submission.id}`,
    });
  });
  return outcome;
}

/** A programme lead names (or clears) the project's assessor: someone in the organisation other than the participant. */
export async function nameAssessor(deps: AppDeps, viewer: Viewer, projectId: string, values: FormValues): Promise<void> {
  const context = await loadProject(deps, viewer, projectId);
  if (!context.can.nameAssessor) throw new Forbidden('Only a programme lead names a project’s assessor.');
  const email = (values.assessorEmail ?? '').trim().toLowerCase();
  let assessorId: string | null = null;
  if (email) {
    const found = await findPersonByEmailIn(deps, viewer.organisationId, email);
    if (!found) throw new Invalid({ assessorEmail: 'Enter the email address of someone in your organisation' });
    if (found === context.project.person_id) throw new Invalid({ assessorEmail: 'A participant cannot assess their own project' });
    assessorId = found;
  }
  await deps.db.transaction().execute(async (trx) => {
    await q.setAssessor(trx, projectId, assessorId, deps.clock.now().toISOString());
  });
}

async function findPersonByEmailIn(deps: AppDeps, organisationId: string, email: string): Promise<string | null> {
  const person = await findPersonByEmail(deps.db, email);
  return person && person.organisation_id === organisationId && person.status === 'active' ? person.id : null;
}

/** The public summary for the PDF, for anyone who may see the project. */
export async function getSummaryForPdf(deps: AppDeps, viewer: Viewer, projectId: string) {
  const context = await loadProject(deps, viewer, projectId);
  const summary = await projectPublicSummary(deps.db, viewer.organisationId, projectId);
  if (!summary) throw new NotFound();
  return { summary, participantName: context.participant.name, programmeTitle: context.enrolment?.programme_title ?? null };
}
