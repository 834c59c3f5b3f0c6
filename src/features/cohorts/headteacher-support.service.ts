import { recordAudit } from '../../platform/audit/audit';
import { MINUTE } from '../../platform/db/clock';
import type { AppDeps } from '../../platform/http/env';
import { Conflict, NotFound, TooManyRequests } from '../../platform/http/errors';
import { hashToken, looksLikeToken } from '../../platform/http/tokens';
import { type CountedAttempt, describeWait, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import type { SchoolListEntry } from '../establishments';
import { findOrganisationName } from '../organisations';
import { withOutsideSchool } from './applications.service';
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
