import { recordAudit } from '../../platform/audit/audit';
import { type Clock, DAY, MINUTE } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import type { Config } from '../../config';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, NotFound, TooManyRequests } from '../../platform/http/errors';
import { hashToken, looksLikeToken } from '../../platform/http/tokens';
import { type CountedAttempt, describeWait, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import type { SchoolListEntry } from '../establishments';
import { findOrganisationName } from '../organisations';
import { linkToSendAgain } from './applications.rules';
import { headteacherAsk, loadApplication, withOutsideSchool } from './applications.service';
import { canDecide } from './cohorts.policy';
import { askHeadteacherByLink, HEADTEACHER_REMINDER_DAYS } from './headteacher-links';
import * as q from './cohorts.queries';
import type { HeadteacherAnswerForm } from './cohorts.schemas';
import { afterEndorsementAnswer } from './endorsements.service';

// The headteacher of a school not on Waymark answers by the link emailed to them (see
// headteacher-links.ts). The link is the key: it opens its one endorsement, on the application whose
// id is in the path, and nothing else; once answered, expired or no longer needed it shows a page
// that says only that.

// Links that match nothing, from one address: tokens can't be guessed, but a flood of tries is refused.
const UNKNOWN_LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

async function takeAttempt(deps: AppDeps, key: string): Promise<CountedAttempt[]> {
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[key, UNKNOWN_LINK_LIMITS]]);
  if (reservation.admitted) return reservation.attempts;
  const until = reservation.lockedUntil;
  throw new TooManyRequests(
    `Too many links that do not work have been opened from your network. Wait ${describeWait(until, now)} and try again.`,
    Math.ceil((until.getTime() - now.getTime()) / 1000),
  );
}

export type HeadteacherLink =
  | {
      state: 'open';
      endorsement: NonNullable<Awaited<ReturnType<typeof q.findEndorsementByTokenHash>>>;
      app: q.ApplicationDetail & { outside_school: SchoolListEntry | null };
      provider: string;
    }
  /** Answered already, or no longer available (expired, or the application was withdrawn or decided): nothing more is shown. */
  | { state: 'answered' | 'unavailable' };

/**
 * What a headteacher's link opens. A token nobody was sent, or one sent about another application
 * than the one in the path, is NotFound and counts against the address.
 */
export async function openHeadteacherLink(deps: AppDeps, applicationId: string, token: string, address: string | null): Promise<HeadteacherLink> {
  const attempts = await takeAttempt(deps, `headteacher-link:address:${address ?? 'unknown'}`);
  const endorsement = looksLikeToken(token) ? await q.findEndorsementByTokenHash(deps.db, hashToken(token)) : undefined;
  if (!endorsement || endorsement.application_id !== applicationId) throw new NotFound();
  await refundAttempts(deps.db, attempts);
  if (endorsement.status === 'supported' || endorsement.status === 'not_supported') return { state: 'answered' };
  if (endorsement.status !== 'requested' || !endorsement.expires_at || endorsement.expires_at <= deps.clock.now().toISOString())
    return { state: 'unavailable' };
  const found = await q.findApplicationDetail(deps.db, endorsement.organisation_id, applicationId);
  if (found?.status !== 'awaiting_endorsement') return { state: 'unavailable' };
  const [app, provider] = await Promise.all([withOutsideSchool(deps.db, found), findOrganisationName(deps.db, found.organisation_id)]);
  return { state: 'open', endorsement, app, provider: provider ?? '' };
}

/**
 * Records the headteacher's answer given by link (`link` open, from openHeadteacherLink): the name
 * and role they confirmed, support with a statement or not with a reason. The link works once: an
 * answer given meanwhile, or a link that expired meanwhile, is refused (Conflict) and nothing changes.
 * What follows is as for any endorsement (`afterEndorsementAnswer`); audited, with no actor (they
 * have no account) but their name, role and address.
 */
export async function answerByHeadteacherLink(
  deps: AppDeps,
  link: Extract<HeadteacherLink, { state: 'open' }>,
  form: HeadteacherAnswerForm,
  context: { ipAddress: string | null; requestId: string | null },
): Promise<void> {
  const { endorsement, app } = link;
  const supported = form.answer === 'support';
  const schoolName = app.outside_school?.name;
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const result = await trx
      .updateTable('endorsements')
      .set({
        status: supported ? 'supported' : 'not_supported',
        comment: form.statement,
        answered_by: null,
        answered_name: form.name,
        answered_role: form.role,
        answered_at: now,
      })
      .where('id', '=', endorsement.id)
      .where('status', '=', 'requested')
      .where('token_hash', '=', endorsement.token_hash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new Conflict('This request has already been answered, or is no longer available.');
    await afterEndorsementAnswer(trx, deps, app, {
      kind: 'headteacher',
      supported,
      comment: form.statement,
      who: form.name,
      role: schoolName ? `${form.role}, ${schoolName}, by email link` : `${form.role}, by email link`,
      by: { role: 'endorser', id: null },
    });
    await recordAudit(trx, deps.clock, {
      action: 'endorsement_answered',
      organisationId: app.organisation_id,
      actorId: null,
      subjectType: 'endorsement',
      subjectId: endorsement.id,
      personId: app.person_id,
      detail: { applicationId: app.id, kind: 'headteacher', supported, byLink: true, name: form.name, role: form.role, urn: app.school_urn },
      ipAddress: context.ipAddress,
      requestId: context.requestId,
    });
  });
}

// Sending the headteacher's link again: by the applicant or a lead who may decide on the
// application, up to three times a day for one request (across everyone), so the head's inbox is
// not flooded.
const SEND_AGAIN_LIMITS: ThrottleLimits = { windowMs: DAY, slowFrom: 3, firstWaitMs: DAY, refuseFrom: 3, refusalMs: DAY };

/**
 * Sends the headteacher a new link (the old one stops working), at the applicant's or a lead's
 * asking (others who may read the application: Forbidden). Refused (Conflict) when there is no
 * unanswered request by link; rate limited per request (TooManyRequests); audited.
 */
export async function sendHeadteacherLinkAgain(deps: AppDeps, viewer: Viewer, applicationId: string, requestId: string | null): Promise<string> {
  const { app, endorsements, access } = await loadApplication(deps.db, viewer, applicationId);
  if (access !== 'applicant' && !canDecide(viewer, app))
    throw new Forbidden('Only the applicant and the programme’s leads can send the headteacher’s link again.');
  const endorsement = linkToSendAgain(app, endorsements);
  if (!endorsement)
    throw new Conflict('There is no request to the headteacher by email link waiting for an answer on this application, so there is nothing to send again.');
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[`headteacher-link-again:${endorsement.id}`, SEND_AGAIN_LIMITS]]);
  if (!reservation.admitted) {
    const until = reservation.lockedUntil;
    throw new TooManyRequests(
      `The headteacher’s link has already been sent again 3 times today. Wait ${describeWait(until, now)} and try again.`,
      Math.ceil((until.getTime() - now.getTime()) / 1000),
    );
  }
  await deps.db.transaction().execute(async (trx) => {
    // Answered meanwhile: nothing to send.
    const current = await q.findEndorsement(trx, endorsement.id);
    if (current?.status !== 'requested' || (await q.findApplicationStatus(trx, app.id)) !== 'awaiting_endorsement')
      throw new Conflict('The headteacher has answered meanwhile, so there is nothing to send again.');
    await askHeadteacherByLink(trx, deps, headteacherAsk(app, endorsement.id), 'again');
    await recordAudit(trx, deps.clock, {
      action: 'headteacher_link_sent_again',
      organisationId: app.organisation_id,
      actorId: viewer.id,
      subjectType: 'endorsement',
      subjectId: endorsement.id,
      personId: app.person_id,
      detail: { applicationId: app.id, by: access === 'applicant' ? 'applicant' : 'lead' },
      requestId,
    });
  });
  return endorsement.endorser_name ?? 'the headteacher';
}

/**
 * The daily reminder: each headteacher asked by email link who hasn't answered
 * `HEADTEACHER_REMINDER_DAYS` days after the link was (last) sent is sent a new link, once per
 * request (`reminded_at`, claimed before sending, and an outbox dedupe key: running it twice, or on
 * two workers, sends nothing more). Audited, with no actor. Returns how many were reminded.
 */
export async function sendHeadteacherLinkReminders(db: Db, clock: Clock, config: Config): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('endorsements')
    .innerJoin('applications', 'applications.id', 'endorsements.application_id')
    .select(['endorsements.id', 'endorsements.application_id', 'applications.organisation_id', 'applications.person_id'])
    .where('endorsements.kind', '=', 'headteacher')
    .where('endorsements.endorser_email', 'is not', null)
    .where('endorsements.status', '=', 'requested')
    .where('endorsements.reminded_at', 'is', null)
    .where('endorsements.requested_at', '<=', new Date(now.getTime() - HEADTEACHER_REMINDER_DAYS * DAY).toISOString())
    .where('applications.status', '=', 'awaiting_endorsement')
    .orderBy('endorsements.requested_at')
    .execute();
  let reminded = 0;
  for (const row of due) {
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('endorsements')
        .set({ reminded_at: clock.now().toISOString() })
        .where('id', '=', row.id)
        .where('reminded_at', 'is', null)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      const app = await q.findApplicationDetail(trx, row.organisation_id, row.application_id);
      if (!app) return false;
      await askHeadteacherByLink(trx, { clock, config }, headteacherAsk(app, row.id), 'reminder');
      await recordAudit(trx, clock, {
        action: 'headteacher_link_reminded',
        organisationId: row.organisation_id,
        actorId: null,
        subjectType: 'endorsement',
        subjectId: row.id,
        personId: row.person_id,
        detail: { applicationId: row.application_id },
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}
