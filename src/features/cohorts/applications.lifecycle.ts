import type { Insertable, Updateable } from 'kysely';
import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { Conflict } from '../../platform/http/errors';
import { APPLICATION_STATUSES } from './cohorts.schemas';
import type { ApplicationsTable, ApplicationStatus } from './cohorts.tables';

// An application's lifecycle, in the spirit of DfE Apply's application_state_change.rb: every
// status, every event with the statuses it applies from and the one it leads to, and who may make
// it, in one table; and the one function that writes `applications.status` and its history
// (`application_events`). Services check the rest (the window, endorsements, free places), send the
// emails and write the audit entries.

/**
 * Who makes a change:
 * - `applicant`: the person applying
 * - `endorser`: the line manager, or whoever gives the headteacher's support
 * - `programme_lead`: a programme lead or organisation admin deciding
 * - `system`: Waymark, offering a freed place to the waiting list
 */
export type ApplicationActorRole = 'applicant' | 'endorser' | 'programme_lead' | 'system';

export type ApplicationEventName =
  | 'start'
  | 'submit'
  | 'submit_for_endorsement'
  | 'endorsement_given'
  | 'endorse'
  | 'endorsement_refused'
  | 'accept'
  | 'waitlist'
  | 'decline'
  | 'offer_place'
  | 'withdraw';

interface Transition {
  /** The statuses it applies from; `new` for an application not started yet. */
  from: readonly (ApplicationStatus | 'new')[];
  to: ApplicationStatus;
  by: readonly ApplicationActorRole[];
}

/** The statuses a programme lead decides on. */
const DECIDABLE: readonly ApplicationStatus[] = ['submitted', 'awaiting_endorsement', 'endorsed', 'waitlisted'];

export const APPLICATION_LIFECYCLE: Record<ApplicationEventName, Transition> = {
  // A draft, filled in section by section (one live application per person per cohort).
  start: { from: ['new'], to: 'draft', by: ['applicant'] },
  // Inside the window, eligible and complete; for a cohort that asks for no endorsement…
  submit: { from: ['draft'], to: 'submitted', by: ['applicant'] },
  // …or one that does: the line manager is asked first, then the headteacher.
  submit_for_endorsement: { from: ['draft'], to: 'awaiting_endorsement', by: ['applicant'] },
  // Support given while more is still needed (the headteacher is asked next): a line of history, no change of status.
  endorsement_given: { from: ['awaiting_endorsement'], to: 'awaiting_endorsement', by: ['endorser'] },
  // The last support the cohort needs.
  endorse: { from: ['awaiting_endorsement'], to: 'endorsed', by: ['endorser'] },
  // Not supported: the chain stops and the lead decides on it as submitted.
  endorsement_refused: { from: ['awaiting_endorsement'], to: 'submitted', by: ['endorser'] },
  // Accepting needs every endorsement the cohort asks for and a free place; it enrols the applicant.
  accept: { from: DECIDABLE, to: 'accepted', by: ['programme_lead'] },
  // Needs every endorsement the cohort asks for. The waiting list is in order of when.
  waitlist: { from: ['submitted', 'awaiting_endorsement', 'endorsed'], to: 'waitlisted', by: ['programme_lead'] },
  decline: { from: DECIDABLE, to: 'declined', by: ['programme_lead'] },
  // A freed place, offered to the first on the waiting list: accepted and enrolled.
  offer_place: { from: ['waitlisted'], to: 'accepted', by: ['system'] },
  // From any status that isn't final; an accepted place is given up with it.
  withdraw: { from: ['draft', 'submitted', 'awaiting_endorsement', 'endorsed', 'accepted', 'waitlisted'], to: 'withdrawn', by: ['applicant'] },
};

/** Statuses no event leaves: declined and withdrawn. Reaching one frees the person to apply to the cohort again. */
export const TERMINAL_STATUSES: readonly ApplicationStatus[] = (Object.keys(APPLICATION_STATUSES) as ApplicationStatus[]).filter(
  (status) => !Object.values(APPLICATION_LIFECYCLE).some((transition) => transition.from.includes(status)),
);

/** The events a lead decides with, by the decision form's value. */
export const DECISION_EVENTS = { accept: 'accept', waitlist: 'waitlist', decline: 'decline' } as const satisfies Record<string, ApplicationEventName>;

/** Whether the event applies to an application in this status. */
export function allows(event: ApplicationEventName, status: ApplicationStatus | 'new'): boolean {
  return APPLICATION_LIFECYCLE[event].from.includes(status);
}

/** Why the event doesn't apply to an application in this status, in the words the person sees. */
export function whyNot(event: ApplicationEventName, status: ApplicationStatus): string {
  switch (event) {
    case 'start':
      return 'This application has already been started.';
    case 'submit':
    case 'submit_for_endorsement':
      return status === 'withdrawn' ? 'This application has been withdrawn, so it cannot be submitted.' : 'You have already submitted this application.';
    case 'endorsement_given':
    case 'endorse':
    case 'endorsement_refused':
      return `This application is no longer waiting for endorsements: it is ${APPLICATION_STATUSES[status].toLowerCase()}.`;
    case 'accept':
    case 'waitlist':
    case 'decline':
      if (status === 'draft') return 'This application is still a draft: the applicant has not submitted it, so it cannot be decided on.';
      if (status === 'accepted') return 'This application has already been accepted. To change that, withdraw the enrolment from the cohort’s roster.';
      if (status === 'waitlisted') return 'The applicant is already on the waiting list.';
      return `This application has been ${status}, so it cannot be decided on.`;
    case 'offer_place':
      return 'This application is no longer on the waiting list.';
    case 'withdraw':
      return `This application has already been ${status}.`;
  }
}

/** Throws Conflict, with what to do instead, when the event doesn't apply to the status. */
export function assertAllows(event: ApplicationEventName, status: ApplicationStatus): void {
  if (!allows(event, status)) throw new Conflict(whyNot(event, status));
}

/** Throws Conflict, with what to do instead, when no decision applies to the status (before the lead's form is read). */
export function assertDecidable(status: ApplicationStatus): void {
  if (!Object.values(DECISION_EVENTS).some((event) => allows(event, status))) throw new Conflict(whyNot('decline', status));
}

/** Columns a change may set with the status: when it was submitted, decided or waitlisted, and why. */
export type ApplicationChangeColumns = Pick<
  Updateable<ApplicationsTable>,
  'submitted_at' | 'eligible' | 'eligibility_notes' | 'decision_reason' | 'decided_at' | 'waitlisted_at'
>;

/** A new application's columns; the lifecycle sets its status and live slot. */
export type NewApplication = Omit<Insertable<ApplicationsTable>, 'status' | 'live_slot'>;

export type ApplicationChange = { by: { role: ApplicationActorRole; id: string | null }; reason: string | null } & (
  | { event: 'start'; application: NewApplication }
  | { event: Exclude<ApplicationEventName, 'start'>; set?: ApplicationChangeColumns }
);

/**
 * The one writer of `applications.status` and `application_events`. `current` is the application
 * as read in this transaction (none when starting one); the update goes through only while the
 * status is still the one read, in the same statement, so a change that lost a race is refused
 * (Conflict, saying why) and nothing is written. A final status frees the person's live slot.
 */
export async function changeApplication(
  trx: Executor,
  clock: Clock,
  current: { id: string; status: ApplicationStatus } | null,
  change: ApplicationChange,
): Promise<void> {
  const transition = APPLICATION_LIFECYCLE[change.event];
  if (!transition.by.includes(change.by.role)) throw new Error(`The application lifecycle does not let ${change.by.role} ${change.event} an application`);
  const now = clock.now().toISOString();
  const to = transition.to;
  let id: string;
  if (change.event === 'start') {
    id = change.application.id;
    await trx
      .insertInto('applications')
      .values({ ...change.application, status: to, live_slot: 'live' })
      .execute();
  } else {
    if (!current) throw new Error('Only starting an application has no current status');
    assertAllows(change.event, current.status);
    id = current.id;
    // A change that only adds a line of history leaves the application as it was.
    const moves = current.status !== to;
    const result = await trx
      .updateTable('applications')
      .set({ status: to, ...(TERMINAL_STATUSES.includes(to) ? { live_slot: null } : {}), ...change.set, ...(moves ? { updated_at: now } : {}) })
      .where('id', '=', id)
      .where('status', '=', current.status)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) {
      const fresh = await trx.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow();
      throw new Conflict(whyNot(change.event, fresh.status));
    }
  }
  await trx
    .insertInto('application_events')
    .values({ id: newId(), application_id: id, status: to, actor_id: change.by.id, reason: change.reason, created_at: now })
    .execute();
}
