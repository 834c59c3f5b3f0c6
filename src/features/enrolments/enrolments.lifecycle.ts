import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import type { EventBus } from '../../platform/events';
import { Conflict } from '../../platform/http/errors';
import { notify, type Notification } from '../notifications';
import * as q from './enrolments.queries';
import { ENROLMENT_STATUSES } from './enrolments.schemas';
import type { EnrolmentStatus } from './enrolments.tables';

// An enrolment's lifecycle: every way its status changes, in one table, and the one function that
// writes the status (and its history). Services decide whether a change may go ahead and say why
// not in their own words; this file makes the change and everything that follows from it.

export { PLACE_HOLDING } from './enrolments.queries';

/** Whether an enrolment in this status holds one of its cohort's places (`new`: there is no enrolment yet). */
export function holdsPlace(status: EnrolmentStatus | 'new'): boolean {
  return status !== 'new' && q.PLACE_HOLDING.includes(status);
}

export interface EnrolmentCompleted {
  enrolmentId: string;
  organisationId: string;
  personId: string;
  programmeId: string;
  cohortId: string;
  /** ISO timestamp. */
  completedAt: string;
}

export interface PlaceFreed {
  cohortId: string;
  /** Who gave the place up or took it away; null when the system did. */
  actorId: string | null;
}

declare module '../../platform/events' {
  interface DomainEvents {
    /** A participant completed their programme: certificates and the leadership record act on it. */
    'enrolment.completed': EnrolmentCompleted;
    /** An enrolment left a place-holding status: the cohorts feature offers the place to its waiting list. */
    'enrolment.place_freed': PlaceFreed;
  }
}

/**
 * Who makes a change:
 * - `programme_lead`: a programme lead (or organisation admin) on the enrolment's status page
 * - `participant`: the participant, withdrawing themselves
 * - `application`: a change to the application the place comes from: accepting it, giving a
 *   waitlisted applicant a freed place, or the applicant withdrawing it. `id` is whoever changed the
 *   application (null when the system gave the place).
 */
export type EnrolmentActor = { role: 'programme_lead' | 'participant'; id: string } | { role: 'application'; id: string | null };

export type EnrolmentEventName = 'enrol' | 'defer' | 'reinstate' | 'withdraw' | 'complete';

/** Every change tells the participant, except one an application change caused: the application's own email says it. */
const UNLESS_CAUSED_BY_APPLICATION = 'unless caused by an application change' as const;

interface Transition {
  /** The statuses it applies from; `new` when the person has no enrolment in the cohort yet. */
  from: readonly (EnrolmentStatus | 'new')[];
  to: EnrolmentStatus;
  /** Who may make it. */
  by: readonly EnrolmentActor['role'][];
  /** When the participant is told, by notification (inbox and email). */
  notify: typeof UNLESS_CAUSED_BY_APPLICATION;
  /** A domain event published in the same transaction, for other features to act on. */
  publishes?: 'enrolment.completed';
}

/**
 * The enrolment lifecycle. Whatever the change, what follows is the same: an `enrolment_events`
 * row (who, when, why), an `enrolment_changed` audit entry, a notification to the participant
 * unless an application change caused it, and, when the enrolment leaves a place-holding status,
 * `enrolment.place_freed` (the cohorts feature offers the place to its waiting list).
 */
export const ENROLMENT_LIFECYCLE: Record<EnrolmentEventName, Transition> = {
  // Accepting an application, or giving a waitlisted applicant a freed place. An earlier enrolment
  // of the person in the cohort (they withdrew, or were reinstated after withdrawing their
  // application, and applied again) becomes theirs again, linked to the new application.
  enrol: { from: ['new', 'withdrawn', 'deferred', 'active'], to: 'active', by: ['application'], notify: UNLESS_CAUSED_BY_APPLICATION },
  // Gives the place up for now, with a later cohort of the programme to return in.
  defer: { from: ['active'], to: 'deferred', by: ['programme_lead'], notify: UNLESS_CAUSED_BY_APPLICATION },
  // A deferred participant rejoins the cohort they deferred to; a withdrawn one their own. Needs a free place there.
  reinstate: { from: ['deferred', 'withdrawn'], to: 'active', by: ['programme_lead'], notify: UNLESS_CAUSED_BY_APPLICATION },
  withdraw: { from: ['active', 'deferred'], to: 'withdrawn', by: ['programme_lead', 'participant', 'application'], notify: UNLESS_CAUSED_BY_APPLICATION },
  // Only once the completion engine says they may graduate. Completed is final.
  complete: { from: ['active'], to: 'completed', by: ['programme_lead'], notify: UNLESS_CAUSED_BY_APPLICATION, publishes: 'enrolment.completed' },
};

const EVENT_ORDER = Object.keys(ENROLMENT_LIFECYCLE) as EnrolmentEventName[];

/** Whether the event applies to an enrolment in this status. */
export function allows(event: EnrolmentEventName, status: EnrolmentStatus | 'new'): boolean {
  return ENROLMENT_LIFECYCLE[event].from.includes(status);
}

/** The events this actor may make from a status, in the table's order (a lead's choices on the status page). */
export function eventsFrom(status: EnrolmentStatus, role: EnrolmentActor['role']): EnrolmentEventName[] {
  return EVENT_ORDER.filter((event) => allows(event, status) && ENROLMENT_LIFECYCLE[event].by.includes(role));
}

/** The cohort a reinstated enrolment belongs to: a deferred one rejoins the cohort it deferred to. */
export function reinstatesInto(enrolment: { status: EnrolmentStatus; cohort_id: string; return_cohort_id: string | null }): string {
  return enrolment.status === 'deferred' && enrolment.return_cohort_id ? enrolment.return_cohort_id : enrolment.cohort_id;
}

/** What the lifecycle needs to change: clock and event bus (request handlers pass their deps; reactions their context). */
export interface LifecycleDeps {
  clock: Clock;
  events: EventBus;
}

/** The person and cohort a new place is for, from the application that gives it. */
export interface PlaceFor {
  /** The application. */
  id: string;
  organisation_id: string;
  cohort_id: string;
  programme_id: string;
  person_id: string;
}

export type EnrolmentChange = { by: EnrolmentActor; reason: string | null; requestId: string | null } & (
  | { event: 'enrol'; application: PlaceFor }
  | { event: 'defer'; returnCohortId: string }
  | { event: 'reinstate' | 'withdraw' | 'complete' }
);

const DONE: Record<EnrolmentEventName, string> = {
  enrol: 'made active',
  defer: 'deferred',
  reinstate: 'reinstated',
  withdraw: 'withdrawn',
  complete: 'completed',
};

/** Why a change does not apply (services say it in their own words first; this is for a change that lost a race). */
function refusal(event: EnrolmentEventName, from: EnrolmentStatus | 'new'): Conflict {
  if (from === 'new') return new Conflict('There is no enrolment to change.');
  return new Conflict(`This enrolment is ${ENROLMENT_STATUSES[from].toLowerCase()}, so it cannot be ${DONE[event]}.`);
}

/** Whether the participant is told about this change (the transition's `notify` rule). */
function tellsParticipant(transition: Transition, by: EnrolmentActor): boolean {
  switch (transition.notify) {
    case UNLESS_CAUSED_BY_APPLICATION:
      return by.role !== 'application';
  }
}

/**
 * The one writer of `enrolments.status` and `enrolment_events`. `current` is the enrolment read
 * under its row lock in this transaction (undefined when enrolling someone with no enrolment in
 * the cohort); the update only goes through while the status is still the one read. Writes the
 * change and everything that follows from it (see ENROLMENT_LIFECYCLE). Returns the enrolment's id.
 */
export async function changeEnrolment(trx: Executor, deps: LifecycleDeps, current: q.LockedEnrolment | undefined, change: EnrolmentChange): Promise<string> {
  const transition = ENROLMENT_LIFECYCLE[change.event];
  const from = current?.status ?? 'new';
  if (!transition.by.includes(change.by.role)) throw new Error(`The enrolment lifecycle does not let ${change.by.role} ${change.event} an enrolment`);
  if (!allows(change.event, from)) throw refusal(change.event, from);
  const now = deps.clock.now().toISOString();
  const to = transition.to;

  let enrolment: q.LockedEnrolment;
  if (!current) {
    if (change.event !== 'enrol') throw refusal(change.event, from);
    const app = change.application;
    enrolment = {
      id: newId(),
      organisation_id: app.organisation_id,
      person_id: app.person_id,
      programme_id: app.programme_id,
      cohort_id: app.cohort_id,
      status: to,
      return_cohort_id: null,
    };
    await trx
      .insertInto('enrolments')
      .values({ ...enrolment, application_id: app.id, status_reason: null, completed_at: null, created_at: now, updated_at: now })
      .execute();
  } else {
    enrolment = {
      ...current,
      status: to,
      cohort_id: change.event === 'reinstate' ? reinstatesInto(current) : current.cohort_id,
      return_cohort_id: change.event === 'defer' ? change.returnCohortId : null,
    };
    const result = await trx
      .updateTable('enrolments')
      .set({
        status: to,
        // Enrolling starts afresh; every other change keeps why it was made.
        status_reason: change.event === 'enrol' ? null : change.reason,
        ...(change.event === 'enrol' ? { application_id: change.application.id } : {}),
        cohort_id: enrolment.cohort_id,
        return_cohort_id: enrolment.return_cohort_id,
        completed_at: to === 'completed' ? now : null,
        updated_at: now,
      })
      .where('id', '=', current.id)
      .where('status', '=', current.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw refusal(change.event, from);
  }
  await trx
    .insertInto('enrolment_events')
    .values({ id: newId(), enrolment_id: enrolment.id, status: to, actor_id: change.by.id, reason: change.reason, created_at: now })
    .execute();

  // The place is freed in the cohort the enrolment held it in.
  if (current && holdsPlace(current.status) && !holdsPlace(to))
    await deps.events.publish(trx, 'enrolment.place_freed', { cohortId: current.cohort_id, actorId: change.by.id });
  if (tellsParticipant(transition, change.by))
    await notify(trx, deps.clock, await changeNotice(trx, enrolment, change.event, change.by.role === 'participant', change.reason));
  await recordAudit(trx, deps.clock, {
    action: 'enrolment_changed',
    organisationId: enrolment.organisation_id,
    actorId: change.by.id,
    subjectType: 'enrolment',
    subjectId: enrolment.id,
    detail: { from: from === 'new' ? null : from, to, cohortId: enrolment.cohort_id, returnCohortId: enrolment.return_cohort_id },
    requestId: change.requestId,
  });
  if (transition.publishes === 'enrolment.completed') {
    await deps.events.publish(trx, 'enrolment.completed', {
      enrolmentId: enrolment.id,
      organisationId: enrolment.organisation_id,
      personId: enrolment.person_id,
      programmeId: enrolment.programme_id,
      cohortId: enrolment.cohort_id,
      completedAt: now,
    });
  }
  return enrolment.id;
}

/** What the participant is told about a change they did not cause through an application. */
async function changeNotice(
  trx: Executor,
  enrolment: q.LockedEnrolment,
  event: EnrolmentEventName,
  bySelf: boolean,
  reason: string | null,
): Promise<Notification> {
  // Read after the change: the cohort and return cohort are the ones it now names.
  const facts = await q.findEnrolment(trx, enrolment.organisation_id, enrolment.id);
  if (!facts) throw new Error('The enrolment being changed has gone');
  const programme = facts.programme_title;
  const lines: Record<EnrolmentEventName, { subject: string; sentence: string }> = {
    withdraw: bySelf
      ? { subject: `You have withdrawn from ${programme}`, sentence: `You have withdrawn from ${programme} (${facts.cohort_name}).` }
      : { subject: `You have been withdrawn from ${programme}`, sentence: `A programme lead has withdrawn you from ${programme} (${facts.cohort_name}).` },
    defer: {
      subject: `Your place on ${programme} is deferred`,
      sentence: `Your place on ${programme} is deferred. You will rejoin with ${facts.return_cohort_name}.`,
    },
    reinstate: { subject: `Your place on ${programme} is active again`, sentence: `Your place on ${programme} (${facts.cohort_name}) is active again.` },
    enrol: { subject: `You have a place on ${programme}`, sentence: `You have a place on ${programme} (${facts.cohort_name}).` },
    complete: { subject: `You have completed ${programme}`, sentence: `Congratulations: you have completed ${programme}.` },
  };
  const { subject, sentence } = lines[event];
  return {
    personId: enrolment.person_id,
    kind: 'enrolment_update',
    subject,
    paragraphs: reason ? [sentence, `Reason: ${reason}`] : [sentence],
    link: `/enrolments/${enrolment.id}`,
    linkText: 'See your programme:',
  };
}

// ----- Changes an application causes (the cohorts feature calls these) -----

/**
 * Gives an applicant their place: an active enrolment, new or their earlier one in the cohort.
 * Call it inside the transaction that accepts the application (or gives a waitlisted applicant a
 * freed place), holding the cohort's place lock and having checked there is a free place. The
 * applicant is told by the application's email, not by this. Returns the enrolment's id.
 */
export async function enrolApplicant(
  trx: Executor,
  deps: LifecycleDeps,
  application: PlaceFor,
  actorId: string | null,
  reason: string,
  requestId: string | null,
): Promise<string> {
  const current = await q.lockEnrolmentIn(trx, application.cohort_id, application.person_id);
  if (current?.status === 'completed') throw new Conflict('This person has already completed the programme in this cohort.');
  return changeEnrolment(trx, deps, current, { event: 'enrol', application, by: { role: 'application', id: actorId }, reason, requestId });
}

/**
 * Withdraws the place an applicant held when they withdraw their accepted application (nothing to
 * do when it is already withdrawn; refused when they have completed). A place given up goes to the
 * waiting list. The applicant is told by the application's email, not by this.
 */
export async function withdrawApplicantsPlace(
  trx: Executor,
  deps: LifecycleDeps,
  place: { cohortId: string; personId: string },
  actorId: string,
  reason: string,
  requestId: string | null,
): Promise<void> {
  const current = await q.lockEnrolmentIn(trx, place.cohortId, place.personId);
  if (!current || current.status === 'withdrawn') return;
  if (current.status === 'completed') throw new Conflict('You have completed this programme, so the application can no longer be withdrawn.');
  await changeEnrolment(trx, deps, current, { event: 'withdraw', by: { role: 'application', id: actorId }, reason, requestId });
}
