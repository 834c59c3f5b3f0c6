import { withOutsideSchoolNames } from '../establishments';
import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { KeysetCursor } from '../../platform/db/keyset';
import { isUniqueViolation } from '../../platform/db/errors';
import { formatDate } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { notify } from '../notifications';
import type { CompletionReport, RequirementReport } from '../../platform/completion';
import { changeEnrolment, ENROLMENT_LIFECYCLE, eventsFrom, reinstatesInto } from './enrolments.lifecycle';
import * as q from './enrolments.queries';
import { canManageEnrolment, canViewEnrolment, canViewRoster, isParticipant } from './enrolments.policy';
import { ENROLMENT_STATUSES, type ModuleReflection, STATUS_ACTIONS, type StatusAction, type StatusForm } from './enrolments.schemas';
import type { EnrolmentStatus } from './enrolments.tables';

type EnrolmentRecord = q.EnrolmentRecord;

/** The enrolment, if the viewer may see it; otherwise NotFound (they may not know it exists). */
async function findViewable(deps: AppDeps, viewer: Viewer, id: string): Promise<EnrolmentRecord> {
  // A participant from a partner organisation sees their own enrolment on another organisation's programme.
  const enrolment = (await q.findEnrolment(deps.db, viewer.organisationId, id)) ?? (await q.findEnrolmentOfParticipant(deps.db, viewer.id, id));
  if (!enrolment || !canViewEnrolment(viewer, enrolment)) throw new NotFound();
  return enrolment;
}

function programmeOf(enrolment: { programme_id: string; modules_required: number | null }) {
  return { id: enrolment.programme_id, modulesRequired: enrolment.modules_required };
}

function factsOf(enrolment: { id: string; organisation_id: string; person_id: string; cohort_id: string; programme_id: string }) {
  return {
    id: enrolment.id,
    organisationId: enrolment.organisation_id,
    personId: enrolment.person_id,
    cohortId: enrolment.cohort_id,
    programmeId: enrolment.programme_id,
  };
}

/** The completion engine's report on one enrolment. */
async function reportOn(db: Executor, deps: AppDeps, enrolment: EnrolmentRecord): Promise<CompletionReport> {
  const requirements = await q.listRequirements(db, enrolment.programme_id);
  const reports = await deps.completion.report(db, programmeOf(enrolment), requirements, [factsOf(enrolment)]);
  return reports.get(enrolment.id) as CompletionReport;
}

/** Requirements other than sign-off that are not met yet. */
function outstandingBeforeSignOff(report: CompletionReport): RequirementReport[] {
  return report.requirements.filter((r) => r.kind !== 'sign_off' && r.status !== 'met');
}

/** A programme lead may sign off when the programme asks for it, nobody has yet, and everything else is met. */
function signOffState(report: CompletionReport, signedOff: boolean) {
  const required = report.requirements.some((r) => r.kind === 'sign_off');
  const outstanding = outstandingBeforeSignOff(report);
  return { required, signedOff, ready: required && !signedOff && outstanding.length === 0, outstanding };
}

// ----- Reading -----

/** A person's enrolments, active ones first: for "My programme" and the home page. */
export function enrolmentsOf(db: Executor, personId: string) {
  return q.listEnrolmentsOfPerson(db, personId);
}
export type EnrolmentSummary = Awaited<ReturnType<typeof enrolmentsOf>>[number];

/** Places taken in a cohort: its enrolments that hold a place (active or completed). */
export function placesTaken(db: Executor, cohortId: string): Promise<number> {
  return q.countPlacesTaken(db, cohortId);
}

/**
 * Takes the lock that guards a cohort's places and returns the cohort's name and capacity (none
 * when the cohort doesn't exist). Whoever gives or takes places in a cohort takes it first, inside
 * their transaction, so two changes at once can't give the same place twice.
 */
export function lockCohortPlaces(trx: Executor, cohortId: string) {
  return q.lockCohortPlaces(trx, cohortId);
}

/** Everything the enrolment's page shows; NotFound when the viewer may not see it. */
export async function getEnrolmentOverview(deps: AppDeps, viewer: Viewer, id: string) {
  const enrolment = (await withOutsideSchoolNames(deps, [await findViewable(deps, viewer, id)], (e) => e.person_id))[0] as Awaited<
    ReturnType<typeof findViewable>
  >;
  const [report, events, signoff] = await Promise.all([reportOn(deps.db, deps, enrolment), q.listEvents(deps.db, id), q.findSignoff(deps.db, id)]);
  const canManage = canManageEnrolment(viewer, enrolment);
  const signOff = signOffState(report, !!signoff);
  return {
    enrolment,
    report,
    events,
    signoff: signoff ?? null,
    isParticipant: isParticipant(viewer, enrolment),
    canManage,
    canSignOff: canManage && enrolment.status === 'active' && signOff.ready,
  };
}
export type EnrolmentOverview = Awaited<ReturnType<typeof getEnrolmentOverview>>;

/** Participants on one page of a cohort's roster. */
export const ROSTER_PAGE_SIZE = 50;

/**
 * A cohort's participants with each requirement's status, in one completion report for the
 * participants shown: one page by keyset, or `all` of them (the CSV download), with how many match.
 */
export async function getRoster(deps: AppDeps, viewer: Viewer, cohortId: string, status: EnrolmentStatus | null, paging: { cursor: KeysetCursor } | 'all') {
  if (!canViewRoster(viewer)) throw new Forbidden();
  const cohort = await q.findRosterCohort(deps.db, viewer.organisationId, cohortId);
  if (!cohort) throw new NotFound();
  const [requirements, page, counts] = await Promise.all([
    q.listRequirements(deps.db, cohort.programme_id),
    (paging === 'all'
      ? q.listRoster(deps.db, cohortId, status).then((rows) => ({ rows, total: rows.length, position: 0 }))
      : q.rosterPage(deps.db, cohortId, status, ROSTER_PAGE_SIZE, paging.cursor)
    ).then(async (page) => ({ ...page, rows: await withOutsideSchoolNames(deps, page.rows, (r) => r.person_id) })),
    q.countByStatus(deps.db, cohortId),
  ]);
  const participants = page.rows;
  const reports = await deps.completion.report(
    deps.db,
    { id: cohort.programme_id, modulesRequired: cohort.modules_required },
    requirements,
    participants.map(factsOf),
  );
  // Columns in the order the engine reports them: the lead's order, sign-off last; unknown kinds left out.
  const columns = requirements
    .filter((r) => deps.completion.evaluator(r.kind))
    .sort((a, b) => Number(a.kind === 'sign_off') - Number(b.kind === 'sign_off') || a.position - b.position)
    .map((r) => ({ requirementId: r.id, title: deps.completion.evaluator(r.kind)?.title ?? r.kind }));
  const rows = participants.map((p) => ({ ...p, report: reports.get(p.id) as CompletionReport }));
  return {
    cohort,
    columns,
    rows,
    counts,
    total: page.total,
    position: page.position,
    pageSize: ROSTER_PAGE_SIZE,
    placesTaken: q.PLACE_HOLDING.reduce((taken, status) => taken + counts[status], 0),
  };
}

/**
 * Who else is in a cohort: names, schools and job titles, nothing more. For the people holding a
 * place in it, and for those who see its roster; NotFound for everyone else.
 */
export async function getCohortMembers(deps: AppDeps, viewer: Viewer, cohortId: string) {
  const cohort = await q.findRosterCohort(deps.db, viewer.organisationId, cohortId);
  if (!cohort) throw new NotFound();
  const member = await q.holdsPlaceIn(deps.db, cohort.id, viewer.id);
  if (!member && !canViewRoster(viewer)) throw new NotFound();
  const members = await withOutsideSchoolNames(deps, await q.listCohortMembers(deps.db, cohort.id), (m) => m.id);
  return { cohort, members, viewerIsMember: member };
}

/**
 * A cohort of the organisation with each of its participants (any status) and the completion
 * engine's report on them, in one report for the whole cohort; undefined when there is no such
 * cohort. It checks nothing about who is asking: the caller decides (confirming completion).
 */
export async function cohortCompletion(deps: AppDeps, organisationId: string, cohortId: string) {
  const cohort = await q.findRosterCohort(deps.db, organisationId, cohortId);
  if (!cohort) return undefined;
  const [requirements, participants] = await Promise.all([q.listRequirements(deps.db, cohort.programme_id), q.listRoster(deps.db, cohortId, null)]);
  const reports = await deps.completion.report(
    deps.db,
    { id: cohort.programme_id, modulesRequired: cohort.modules_required },
    requirements,
    participants.map(factsOf),
  );
  return { cohort, rows: participants.map((p) => ({ ...p, report: reports.get(p.id) as CompletionReport })) };
}

/**
 * Completes one active enrolment of the cohort, for a programme lead, inside the caller's
 * transaction and through the enrolment lifecycle (so `enrolment.completed` is published). Without
 * an exception it completes only when the completion engine, read under the row lock, says they
 * may graduate (otherwise Conflict saying why); with one, the reason is recorded as the change's
 * reason. Returns the report it completed on. NotFound when the enrolment is not in the cohort.
 */
export async function completeEnrolmentInCohort(
  trx: Executor,
  deps: AppDeps,
  change: { organisationId: string; cohortId: string; enrolmentId: string; actorId: string; exceptionReason: string | null; requestId: string | null },
): Promise<CompletionReport> {
  const found = await trx
    .selectFrom('enrolments')
    .select('id')
    .where('id', '=', change.enrolmentId)
    .where('organisation_id', '=', change.organisationId)
    .where('cohort_id', '=', change.cohortId)
    .executeTakeFirst();
  const cohort = await q.findRosterCohort(trx, change.organisationId, change.cohortId);
  if (!found || !cohort) throw new NotFound();
  const locked = await q.lockEnrolment(trx, found.id);
  const [requirements, person] = await Promise.all([
    q.listRequirements(trx, cohort.programme_id),
    trx.selectFrom('people').select(['given_name', 'family_name']).where('id', '=', locked.person_id).executeTakeFirstOrThrow(),
  ]);
  const name = `${person.given_name} ${person.family_name}`;
  if (locked.status !== 'active') throw new Conflict(`${name}’s enrolment is ${ENROLMENT_STATUSES[locked.status].toLowerCase()}, so it cannot be completed.`);
  const reports = await deps.completion.report(trx, { id: cohort.programme_id, modulesRequired: cohort.modules_required }, requirements, [factsOf(locked)]);
  const report = reports.get(locked.id) as CompletionReport;
  if (!report.mayGraduate && !change.exceptionReason) throw new Conflict(`${name} has not met every requirement. ${report.graduationReason}`);
  const reason = report.mayGraduate || !change.exceptionReason ? null : `Completed as an exception: ${change.exceptionReason}`;
  await changeEnrolment(trx, deps, locked, { event: 'complete', by: { role: 'programme_lead', id: change.actorId }, reason, requestId: change.requestId });
  return report;
}

// ----- Status changes -----

/** The enrolment for its participant; others who may see it get Forbidden. */
export async function getOwnEnrolment(deps: AppDeps, viewer: Viewer, id: string): Promise<EnrolmentRecord> {
  const enrolment = await findViewable(deps, viewer, id);
  if (!isParticipant(viewer, enrolment)) throw new Forbidden('Only the participant can do this.');
  return enrolment;
}

/** The participant withdraws from the programme (`enrolment` from getOwnEnrolment); their place goes to the waiting list. */
export async function withdrawFromProgramme(
  deps: AppDeps,
  viewer: Viewer,
  enrolment: EnrolmentRecord,
  reason: string,
  requestId: string | null,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const locked = await q.lockEnrolment(trx, enrolment.id);
    if (locked.status !== 'active' && locked.status !== 'deferred')
      throw new Conflict(`You cannot withdraw: your place is already ${ENROLMENT_STATUSES[locked.status].toLowerCase()}.`);
    await changeEnrolment(trx, deps, locked, { event: 'withdraw', by: { role: 'participant', id: viewer.id }, reason, requestId });
  });
}

/** The enrolment, if the viewer may change it (a programme lead, not on their own); others who may see it get Forbidden. */
export async function getEnrolmentToManage(deps: AppDeps, viewer: Viewer, id: string): Promise<EnrolmentRecord> {
  const enrolment = await findViewable(deps, viewer, id);
  if (!canManageEnrolment(viewer, enrolment)) throw new Forbidden();
  return enrolment;
}

/** The enrolment for a programme lead who may change it, with the later cohorts it could be deferred to. */
export async function getManagedEnrolment(deps: AppDeps, viewer: Viewer, id: string) {
  const enrolment = await getEnrolmentToManage(deps, viewer, id);
  const laterCohorts = await q.listLaterCohorts(deps.db, enrolment.programme_id, enrolment.starts_on);
  return { enrolment, laterCohorts };
}
export type ManagedEnrolment = Awaited<ReturnType<typeof getManagedEnrolment>>;

/** What a lead may do from each status: the lifecycle's events a programme lead may make from it. */
export function leadActions(status: EnrolmentStatus): StatusAction[] {
  return eventsFrom(status, 'programme_lead').filter((event): event is StatusAction => event in STATUS_ACTIONS);
}

const ACTION_VERBS: Record<StatusForm['action'], string> = { defer: 'defer', withdraw: 'withdraw', reinstate: 'reinstate', complete: 'complete' };

/**
 * A programme lead defers, withdraws, reinstates or completes an enrolment (`managed` from
 * getManagedEnrolment). Refuses (Invalid, with field messages) transitions that don't apply, a
 * missing reason or return cohort, reinstating into a full cohort, and completing before the
 * completion engine says they may graduate. Returns the new status.
 */
export async function changeEnrolmentStatus(
  deps: AppDeps,
  viewer: Viewer,
  managed: ManagedEnrolment,
  form: StatusForm,
  requestId: string | null,
): Promise<EnrolmentStatus> {
  const { enrolment, laterCohorts } = managed;
  const by = { role: 'programme_lead', id: viewer.id } as const;
  return deps.db.transaction().execute(async (trx) => {
    // The status as it is now, under the row lock: the page may be stale.
    const locked = await q.lockEnrolment(trx, enrolment.id);
    const from = locked.status;
    if (!leadActions(from).includes(form.action)) {
      throw new Invalid({ action: `You cannot ${ACTION_VERBS[form.action]} an enrolment that is ${ENROLMENT_STATUSES[from].toLowerCase()}` });
    }
    switch (form.action) {
      case 'defer': {
        const errors: FieldErrors = {};
        const returnCohort = laterCohorts.find((c) => c.id === form.returnCohortId);
        if (laterCohorts.length === 0) errors.returnCohortId = 'There is no later cohort of this programme to defer to. Create one first';
        else if (!returnCohort) errors.returnCohortId = 'Select the cohort they will rejoin';
        if (!form.reason) errors.reason = 'Enter why the place is being deferred';
        if (Object.keys(errors).length > 0 || !returnCohort) throw new Invalid(errors);
        await changeEnrolment(trx, deps, locked, { event: 'defer', returnCohortId: returnCohort.id, by, reason: form.reason, requestId });
        break;
      }
      case 'withdraw':
        if (!form.reason) throw new Invalid({ reason: 'Enter why they are being withdrawn' });
        await changeEnrolment(trx, deps, locked, { event: 'withdraw', by, reason: form.reason, requestId });
        break;
      case 'reinstate': {
        const targetId = reinstatesInto(locked);
        const target = await q.lockCohortPlaces(trx, targetId);
        if (!target) throw new NotFound();
        if (targetId !== locked.cohort_id) {
          const clash = await trx
            .selectFrom('enrolments')
            .select('id')
            .where('cohort_id', '=', targetId)
            .where('person_id', '=', enrolment.person_id)
            .executeTakeFirst();
          if (clash) throw new Invalid({ action: `${enrolment.given_name} ${enrolment.family_name} already has a place record in ${target.name}` });
        }
        const taken = await q.countPlacesTaken(trx, targetId);
        if (taken >= target.capacity) throw new Invalid({ action: `There is no free place in ${target.name}: all ${target.capacity} places are taken` });
        await changeEnrolment(trx, deps, locked, { event: 'reinstate', by, reason: form.reason || null, requestId });
        break;
      }
      case 'complete': {
        const report = await reportOn(trx, deps, enrolment);
        if (!report.mayGraduate) {
          const outstanding = report.requirements.filter((r) => r.status !== 'met');
          const list: FieldErrors = { action: `You cannot mark this enrolment as completed yet. ${report.graduationReason}` };
          for (const [i, r] of outstanding.entries()) list[`outstanding-${i + 1}`] = `${r.title}: ${r.reason}`;
          throw new Invalid(list);
        }
        await changeEnrolment(trx, deps, locked, { event: 'complete', by, reason: form.reason || null, requestId });
        break;
      }
    }
    return ENROLMENT_LIFECYCLE[form.action].to;
  });
}

/**
 * A programme lead signs the enrolment off (`enrolment` from getEnrolmentToManage): once, and only
 * when every other requirement is met (otherwise Conflict). The participant is told by email.
 */
export async function signOffEnrolment(deps: AppDeps, viewer: Viewer, enrolment: EnrolmentRecord, note: string, requestId: string | null): Promise<void> {
  const id = enrolment.id;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const { status } = await q.lockEnrolment(trx, id);
      if (status !== 'active') throw new Conflict(`Only an active enrolment can be signed off. This one is ${ENROLMENT_STATUSES[status].toLowerCase()}.`);
      const existing = await q.findSignoff(trx, id);
      if (existing)
        throw new Conflict(`This enrolment was already signed off by ${existing.given_name} ${existing.family_name} on ${formatDate(existing.created_at)}.`);
      const state = signOffState(await reportOn(trx, deps, enrolment), false);
      if (!state.required) throw new Conflict('This programme does not ask for a programme lead’s sign-off.');
      if (state.outstanding.length > 0)
        throw new Conflict(
          `You can sign off once every other requirement is met. Still outstanding: ${state.outstanding.map((r) => `${r.title.toLowerCase()} (${r.reason})`).join('; ')}.`,
        );
      const now = deps.clock.now().toISOString();
      await q.insertSignoff(trx, { enrolment_id: id, signed_off_by: viewer.id, note, created_at: now });
      await recordAudit(trx, deps.clock, {
        action: 'enrolment_signed_off',
        organisationId: enrolment.organisation_id,
        actorId: viewer.id,
        subjectType: 'enrolment',
        subjectId: id,
        requestId,
      });
      await notify(trx, deps.clock, {
        personId: enrolment.person_id,
        kind: 'enrolment_update',
        subject: `${enrolment.programme_title}: a programme lead has signed you off`,
        paragraphs: [
          `${viewer.givenName} ${viewer.familyName} has signed off your work on ${enrolment.programme_title}.`,
          ...(note ? [`Their note: ${note}`] : []),
        ],
        link: `/enrolments/${id}`,
        linkText: 'See your programme:',
      });
    });
  } catch (error) {
    // Two leads at once: the second finds the first's row.
    if (isUniqueViolation(error)) throw new Conflict('This enrolment has already been signed off.');
    throw error;
  }
}

// ----- Modules -----

/** The modules page: the programme's modules and the participant's choices. Modular programmes only. */
export async function getModuleChoices(deps: AppDeps, viewer: Viewer, id: string) {
  const enrolment = await findViewable(deps, viewer, id);
  if (enrolment.delivery !== 'modular') throw new NotFound();
  if (!isParticipant(viewer, enrolment)) throw new Forbidden('Only the participant can choose and complete their modules.');
  const [modules, chosen] = await Promise.all([q.listProgrammeModules(deps.db, enrolment.programme_id), q.listChosenModules(deps.db, id)]);
  const required = Math.max(1, enrolment.modules_required ?? 1);
  return { enrolment, modules, chosen: new Map(chosen.map((c) => [c.module_id, c])), required };
}
export type ModuleChoices = Awaited<ReturnType<typeof getModuleChoices>>;

function whileActive(status: EnrolmentStatus) {
  if (status !== 'active') throw new Conflict(`Modules can only be changed while your place is active. It is ${ENROLMENT_STATUSES[status].toLowerCase()}.`);
}

const modulesNoun = (n: number) => `${n} ${n === 1 ? 'module' : 'modules'}`;

/** Saves the participant's choice (`choices` from getModuleChoices): exactly the required number, keeping every completed module. */
export async function chooseModules(deps: AppDeps, viewer: Viewer, choices: ModuleChoices, selected: string[], requestId: string | null): Promise<void> {
  const { enrolment, modules, required } = choices;
  const id = enrolment.id;
  const wanted = [...new Set(selected)];
  await deps.db.transaction().execute(async (trx) => {
    whileActive((await q.lockEnrolment(trx, id)).status);
    const chosen = await q.listChosenModules(trx, id);
    const known = new Map(modules.map((m) => [m.id, m]));
    if (wanted.some((m) => !known.has(m))) throw new Invalid({ moduleIds: 'Select modules from the list' });
    const dropped = chosen.find((c) => c.completed_at && !wanted.includes(c.module_id));
    if (dropped) throw new Invalid({ moduleIds: `You have completed “${known.get(dropped.module_id)?.title ?? 'a module'}”, so it must stay chosen` });
    if (wanted.length !== required) {
      throw new Invalid({
        moduleIds: wanted.length === 0 ? `Select ${modulesNoun(required)}` : `Select exactly ${modulesNoun(required)}: you selected ${wanted.length}`,
      });
    }
    const chosenIds = chosen.map((c) => c.module_id);
    await q.removeChosenModules(
      trx,
      id,
      chosenIds.filter((m) => !wanted.includes(m)),
    );
    await q.addChosenModules(
      trx,
      id,
      wanted.filter((m) => !chosenIds.includes(m)),
      deps.clock.now().toISOString(),
    );
    await recordAudit(trx, deps.clock, {
      action: 'enrolment_changed',
      organisationId: enrolment.organisation_id,
      actorId: viewer.id,
      subjectType: 'enrolment',
      subjectId: id,
      detail: { modules: wanted },
      requestId,
    });
  });
}

/** A chosen module the participant is about to complete. */
export async function getModuleToComplete(deps: AppDeps, viewer: Viewer, id: string, moduleId: string) {
  const choices = await getModuleChoices(deps, viewer, id);
  const module = choices.modules.find((m) => m.id === moduleId);
  if (!module) throw new NotFound();
  const chosen = choices.chosen.get(moduleId);
  if (!chosen) throw new Conflict(`Choose “${module.title}” as one of your modules before completing it.`);
  if (chosen.completed_at) throw new Conflict(`You completed “${module.title}” on ${formatDate(chosen.completed_at)}.`);
  whileActive(choices.enrolment.status);
  return { enrolment: choices.enrolment, module };
}
export type ModuleToComplete = Awaited<ReturnType<typeof getModuleToComplete>>;

/** Marks a chosen module (`target` from getModuleToComplete) complete with the participant's reflection. */
export async function completeModule(
  deps: AppDeps,
  viewer: Viewer,
  target: ModuleToComplete,
  reflection: ModuleReflection,
  requestId: string | null,
): Promise<void> {
  const { enrolment, module } = target;
  await deps.db.transaction().execute(async (trx) => {
    whileActive((await q.lockEnrolment(trx, enrolment.id)).status);
    const done = await q.completeChosenModule(trx, enrolment.id, module.id, {
      completed_at: deps.clock.now().toISOString(),
      completed_by: viewer.id,
      reflection: JSON.stringify(reflection),
    });
    if (!done) throw new Conflict(`“${module.title}” is not one of your modules still to complete.`);
    await recordAudit(trx, deps.clock, {
      action: 'enrolment_changed',
      organisationId: enrolment.organisation_id,
      actorId: viewer.id,
      subjectType: 'enrolment',
      subjectId: enrolment.id,
      detail: { moduleCompleted: module.id },
      requestId,
    });
  });
}
