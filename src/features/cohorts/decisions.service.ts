import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid } from '../../platform/http/errors';
import { missingEndorsements } from './applications.rules';
import { loadApplication, recordEvent } from './applications.service';
import { emailApplicant, where } from './cohorts.emails';
import { canDecide, DECIDABLE } from './cohorts.policy';
import * as q from './cohorts.queries';
import { APPLICATION_STATUSES, type DecisionForm } from './cohorts.schemas';

/**
 * Gives the applicant their place: an active enrolment (a new one, or their earlier one in this
 * cohort made active again) and an enrolment_events row. The enrolments feature owns the rest.
 */
async function createEnrolment(trx: Executor, clock: Clock, app: { id: string; organisation_id: string; cohort_id: string; programme_id: string; person_id: string }, actorId: string | null, reason: string) {
  const now = clock.now().toISOString();
  const existing = await q.findEnrolment(trx, app.cohort_id, app.person_id);
  let enrolmentId: string;
  if (existing) {
    enrolmentId = existing.id;
    await trx.updateTable('enrolments').set({ status: 'active', application_id: app.id, return_cohort_id: null, status_reason: null, updated_at: now }).where('id', '=', existing.id).execute();
  } else {
    enrolmentId = newId();
    await trx
      .insertInto('enrolments')
      .values({ id: enrolmentId, organisation_id: app.organisation_id, application_id: app.id, cohort_id: app.cohort_id, programme_id: app.programme_id, person_id: app.person_id, status: 'active', return_cohort_id: null, status_reason: null, completed_at: null, created_at: now, updated_at: now })
      .execute();
  }
  await trx.insertInto('enrolment_events').values({ id: newId(), enrolment_id: enrolmentId, status: 'active', actor_id: actorId, reason, created_at: now }).execute();
  return enrolmentId;
}

/**
 * Accept, waitlist or decline an application, with a reason the applicant sees. Accepting needs
 * every endorsement the cohort asks for and a free place; it creates the enrolment in the same
 * transaction. Refusals are Invalid (shown on the form) or Conflict (the application can't be
 * decided any more); nothing changes either way.
 */
export async function decideApplication(deps: AppDeps, viewer: Viewer, id: string, form: DecisionForm, requestId: string | null): Promise<void> {
  const { app } = await loadApplication(deps.db, viewer, id);
  if (!canDecide(viewer, app)) throw new Forbidden('Only programme leads and organisation admins decide on applications.');
  assertDecidable(app.status);
  await deps.db.transaction().execute(async (trx) => {
    const cohort = await q.lockCohort(trx, app.cohort_id);
    if (!cohort) throw new Conflict('The cohort no longer exists.');
    const current = await trx.selectFrom('applications').select('status').where('id', '=', app.id).executeTakeFirstOrThrow();
    assertDecidable(current.status);
    const endorsements = await trx.selectFrom('endorsements').select(['kind', 'status']).where('application_id', '=', app.id).execute();
    const now = deps.clock.now().toISOString();
    const name = `${app.given_name} ${app.family_name}`;

    if (form.decision === 'accept' || form.decision === 'waitlist') {
      if (form.decision === 'waitlist' && current.status === 'waitlisted') throw new Conflict(`${name} is already on the waiting list.`);
      const missing = missingEndorsements(app, endorsements);
      if (missing.length > 0) {
        const verb = form.decision === 'accept' ? 'accept' : 'add to the waiting list';
        throw new Invalid({ decision: `You can only ${verb} an application once every endorsement the cohort needs is supported. Still needed: ${missing.join(' and ')}.` });
      }
    }
    if (form.decision === 'accept') {
      const taken = await q.countPlacesTaken(trx, cohort.id);
      if (taken >= cohort.capacity) throw new Invalid({ decision: `${cohort.name} is full: ${taken} of ${cohort.capacity} places are taken. Waitlist the applicant instead.` });
      await createEnrolment(trx, deps.clock, app, viewer.id, form.reason);
      await q.updateApplication(trx, app.id, { status: 'accepted', decision_reason: form.reason, decided_at: now, updated_at: now });
      await recordEvent(trx, deps.clock, app.id, 'accepted', viewer.id, form.reason);
      await emailApplicant(trx, deps.clock, app, `You have a place on ${where(app)}`, [`Your application to ${where(app)} has been accepted.`, `The programme lead said: “${form.reason}”`]);
    } else if (form.decision === 'waitlist') {
      await q.updateApplication(trx, app.id, { status: 'waitlisted', waitlisted_at: now, decision_reason: form.reason, decided_at: now, updated_at: now });
      await recordEvent(trx, deps.clock, app.id, 'waitlisted', viewer.id, form.reason);
      await emailApplicant(trx, deps.clock, app, `You are on the waiting list for ${where(app)}`, [
        `Your application to ${where(app)} has been put on the waiting list.`,
        `The programme lead said: “${form.reason}”`,
        'If a place becomes available, it will be offered to the people on the waiting list in turn, and we will email you if it is yours.',
      ]);
    } else {
      await q.updateApplication(trx, app.id, { status: 'declined', live_slot: null, decision_reason: form.reason, decided_at: now, updated_at: now });
      await q.cancelPendingEndorsements(trx, app.id);
      await recordEvent(trx, deps.clock, app.id, 'declined', viewer.id, form.reason);
      await emailApplicant(trx, deps.clock, app, `Your application to ${where(app)} was not successful`, [`Your application to ${where(app)} has been declined.`, `The programme lead said: “${form.reason}”`]);
    }
    await recordAudit(trx, deps.clock, { action: 'application_decided', organisationId: viewer.organisationId, actorId: viewer.id, subjectType: 'application', subjectId: app.id, detail: { decision: form.decision, from: current.status }, requestId });
  });
}

/** Throws Conflict, with what to do instead, when the application can't be decided on. */
export function assertDecidable(status: keyof typeof APPLICATION_STATUSES) {
  if (DECIDABLE.includes(status)) return;
  if (status === 'draft') throw new Conflict('This application is still a draft: the applicant has not submitted it, so it cannot be decided on.');
  if (status === 'accepted') throw new Conflict('This application has already been accepted. To change that, withdraw the enrolment from the cohort’s roster.');
  throw new Conflict(`This application has been ${status}, so it cannot be decided on.`);
}

/**
 * Offers free places in a cohort to the waiting list, one at a time and in order (by when they
 * were waitlisted, then id), while places taken < capacity. Each person offered a place is
 * accepted, enrolled and told (kind `waitlist_place`). Call it inside the transaction that freed the place: it takes
 * the cohort's row lock first, so two calls at once can't give the same place twice.
 */
export async function releasePlace(trx: Executor, clock: Clock, cohortId: string, actorId: string | null): Promise<void> {
  const cohort = await q.lockCohort(trx, cohortId);
  if (!cohort) return;
  for (;;) {
    const taken = await q.countPlacesTaken(trx, cohortId);
    if (taken >= cohort.capacity) return;
    const next = await trx
      .selectFrom('applications')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select(['applications.id', 'applications.organisation_id', 'applications.cohort_id', 'applications.person_id', 'cohorts.programme_id', 'cohorts.name as cohort_name', 'programmes.title as programme_title'])
      .where('applications.cohort_id', '=', cohortId)
      .where('applications.status', '=', 'waitlisted')
      .orderBy('applications.waitlisted_at')
      .orderBy('applications.id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return;
    const now = clock.now().toISOString();
    const reason = 'A place became available';
    await createEnrolment(trx, clock, next, actorId, reason);
    await q.updateApplication(trx, next.id, { status: 'accepted', decided_at: now, decision_reason: reason, updated_at: now });
    await recordEvent(trx, clock, next.id, 'accepted', actorId, reason);
    await emailApplicant(trx, clock, next, `A place has become available on ${where(next)} — you have been given a place`, [
      `A place has become available on ${where(next)}, and as you were next on the waiting list, you have been given it.`,
      'If you can no longer take part, withdraw your application so the place can be offered to someone else.',
    ], 'waitlist_place');
    await recordAudit(trx, clock, { action: 'place_offered', organisationId: next.organisation_id, actorId, subjectType: 'application', subjectId: next.id, detail: { cohortId } });
  }
}
