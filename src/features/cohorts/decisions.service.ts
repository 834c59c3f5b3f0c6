import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Invalid } from '../../platform/http/errors';
import { enrolApplicant, type LifecycleDeps, lockCohortPlaces, placesTaken } from '../enrolments';
import { assertAllows, changeApplication, DECISION_EVENTS } from './applications.lifecycle';
import { missingEndorsements } from './applications.rules';
import { emailApplicant, where } from './cohorts.emails';
import * as q from './cohorts.queries';
import type { DecisionForm } from './cohorts.schemas';

/**
 * Accept, waitlist or decline an application (`app` loaded, and the viewer allowed to decide by
 * the policy's `canDecide`), with a reason the applicant sees. Accepting needs every endorsement
 * the cohort asks for and a free place; it enrols the applicant, through the enrolments feature,
 * in the same transaction. Refusals are Invalid (shown on the form) or Conflict (the application
 * can't be decided any more); nothing changes either way.
 */
export async function decideApplication(deps: AppDeps, viewer: Viewer, app: q.ApplicationDetail, form: DecisionForm, requestId: string | null): Promise<void> {
  await deps.db.transaction().execute((trx) => decideWithin(trx, deps, viewer, app, form, requestId));
}

/**
 * Accepts several applications to one cohort (each loaded, and the viewer allowed to decide) in one
 * transaction, without a reason: all of them or, when one can't be accepted, none.
 */
export async function acceptApplications(deps: AppDeps, viewer: Viewer, apps: q.ApplicationDetail[], requestId: string | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    for (const app of apps) {
      try {
        await decideWithin(trx, deps, viewer, app, { decision: 'accept', reason: '' }, requestId);
      } catch (error) {
        const name = `${app.given_name} ${app.family_name}`;
        if (error instanceof Invalid) throw new Invalid({ applicationIds: `${name}: ${Object.values(error.fieldErrors).join(' ')} Nothing was accepted.` });
        if (error instanceof Conflict) throw new Invalid({ applicationIds: `${name}: ${error.message} Nothing was accepted.` });
        throw error;
      }
    }
  });
}

async function decideWithin(
  trx: Executor,
  deps: AppDeps,
  viewer: Viewer,
  app: q.ApplicationDetail,
  form: DecisionForm,
  requestId: string | null,
): Promise<void> {
  const cohort = await lockCohortPlaces(trx, app.cohort_id);
  if (!cohort) throw new Conflict('The cohort no longer exists.');
  // The status as it is now, under the cohort's lock: the lead's page may be stale.
  const current = await q.findApplicationStatus(trx, app.id);
  const event = DECISION_EVENTS[form.decision];
  const name = `${app.given_name} ${app.family_name}`;
  if (event === 'waitlist' && current === 'waitlisted') throw new Conflict(`${name} is already on the waiting list.`);
  assertAllows(event, current);
  const endorsements = await trx.selectFrom('endorsements').select(['kind', 'status']).where('application_id', '=', app.id).execute();
  const now = deps.clock.now().toISOString();
  const by = { role: 'programme_lead', id: viewer.id } as const;

  if (event === 'accept' || event === 'waitlist') {
    const missing = missingEndorsements(app, endorsements);
    if (missing.length > 0) {
      const verb = event === 'accept' ? 'accept' : 'add to the waiting list';
      throw new Invalid({
        decision: `You can only ${verb} an application once every endorsement the cohort needs is supported. Still needed: ${missing.join(' and ')}.`,
      });
    }
  }
  if (event === 'accept') {
    const taken = await placesTaken(trx, cohort.id);
    if (taken >= cohort.capacity)
      throw new Invalid({ decision: `${cohort.name} is full: ${taken} of ${cohort.capacity} places are taken. Waitlist the applicant instead.` });
    await enrolApplicant(trx, deps, app, viewer.id, form.reason || 'Application accepted', requestId);
    await changeApplication(
      trx,
      deps.clock,
      { id: app.id, status: current },
      { event, by, reason: form.reason || null, set: { decision_reason: form.reason || null, decided_at: now } },
    );
    await emailApplicant(trx, deps.clock, app, `You have a place on ${where(app)}`, [
      `Your application to ${where(app)} has been accepted.`,
      ...(form.reason ? [`The programme lead said: “${form.reason}”`] : []),
    ]);
  } else if (event === 'waitlist') {
    await changeApplication(
      trx,
      deps.clock,
      { id: app.id, status: current },
      { event, by, reason: form.reason, set: { waitlisted_at: now, decision_reason: form.reason, decided_at: now } },
    );
    await emailApplicant(trx, deps.clock, app, `You are on the waiting list for ${where(app)}`, [
      `Your application to ${where(app)} has been put on the waiting list.`,
      `The programme lead said: “${form.reason}”`,
      'If a place becomes available, it will be offered to the people on the waiting list in turn, and we will email you if it is yours.',
    ]);
  } else {
    await changeApplication(
      trx,
      deps.clock,
      { id: app.id, status: current },
      { event, by, reason: form.reason, set: { decision_reason: form.reason, decided_at: now } },
    );
    await q.cancelPendingEndorsements(trx, app.id);
    await emailApplicant(trx, deps.clock, app, `Your application to ${where(app)} was not successful`, [
      `Your application to ${where(app)} has been declined.`,
      `The programme lead said: “${form.reason}”`,
    ]);
  }
  await recordAudit(trx, deps.clock, {
    action: 'application_decided',
    organisationId: viewer.organisationId,
    actorId: viewer.id,
    subjectType: 'application',
    subjectId: app.id,
    detail: { decision: form.decision, from: current },
    requestId,
  });
}

/**
 * Offers free places in a cohort to the waiting list, one at a time and in order (by when they
 * were waitlisted, then id), while places taken < capacity. Each person offered a place is
 * accepted, enrolled and told (kind `waitlist_place`). Runs inside the transaction that freed the
 * place (the module's reaction to `enrolment.place_freed`) or added places: it takes the cohort's
 * place lock first, so two calls at once can't give the same place twice.
 */
export async function releasePlace(trx: Executor, deps: LifecycleDeps, cohortId: string, actorId: string | null): Promise<void> {
  const cohort = await lockCohortPlaces(trx, cohortId);
  if (!cohort) return;
  for (;;) {
    const taken = await placesTaken(trx, cohortId);
    if (taken >= cohort.capacity) return;
    const next = await trx
      .selectFrom('applications')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .select([
        'applications.id',
        'applications.organisation_id',
        'applications.cohort_id',
        'applications.person_id',
        'applications.status',
        'cohorts.programme_id',
        'cohorts.name as cohort_name',
        'programmes.title as programme_title',
      ])
      .where('applications.cohort_id', '=', cohortId)
      .where('applications.status', '=', 'waitlisted')
      .orderBy('applications.waitlisted_at')
      .orderBy('applications.id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return;
    const now = deps.clock.now().toISOString();
    const reason = 'A place became available';
    await enrolApplicant(trx, deps, next, actorId, reason, null);
    await changeApplication(trx, deps.clock, next, {
      event: 'offer_place',
      by: { role: 'system', id: actorId },
      reason,
      set: { decided_at: now, decision_reason: reason },
    });
    await emailApplicant(
      trx,
      deps.clock,
      next,
      `A place has become available on ${where(next)} — you have been given a place`,
      [
        `A place has become available on ${where(next)}, and as you were next on the waiting list, you have been given it.`,
        'If you can no longer take part, withdraw your application so the place can be offered to someone else.',
      ],
      'waitlist_place',
    );
    await recordAudit(trx, deps.clock, {
      action: 'place_offered',
      organisationId: next.organisation_id,
      actorId,
      subjectType: 'application',
      subjectId: next.id,
      detail: { cohortId },
    });
  }
}
