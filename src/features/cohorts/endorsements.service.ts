import type { Db, Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { DAY, type Clock } from '../../platform/db/clock';
import { addDays, formatDate, londonDate } from '../../platform/dates';
import { adminSchoolIds, isOrgAdmin } from '../../platform/http/access';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, NotFound } from '../../platform/http/errors';
import { changeApplication } from './applications.lifecycle';
import { headteacherAsk, headteacherRecipients, loadApplication } from './applications.service';
import { emailApplicant, emailEndorser, where } from './cohorts.emails';
import { canAnswerEndorsement } from './cohorts.policy';
import * as q from './cohorts.queries';
import type { ApplicationDetail } from './cohorts.queries';
import { askHeadteacherByLink } from './headteacher-links';
import type { EndorsementForm } from './cohorts.schemas';
import type { Endorsement } from './cohorts.tables';

/** Whether the headteacher's support for this applicant falls to their school's admins (else to organisation admins). */
async function schoolHasAdmin(db: Executor, organisationId: string, endorsement: Endorsement, applicantId: string) {
  return (await headteacherRecipients(db, organisationId, endorsement.school_id, applicantId)).schoolHasAdmin;
}

/**
 * An endorsement request for the person asked to answer it, with the application it is about.
 * Others who may read the application get 403; everyone else 404.
 */
export async function getEndorsementForAnswer(deps: AppDeps, viewer: Viewer, endorsementId: string) {
  const endorsement = await q.findEndorsement(deps.db, endorsementId);
  if (!endorsement) throw new NotFound();
  const loaded = await loadApplicationOrNull(deps, viewer, endorsement.application_id);
  const app = loaded?.app ?? (await q.findApplicationDetail(deps.db, viewer.organisationId, endorsement.application_id));
  if (!app) throw new NotFound();
  const answerable =
    app.person_id !== viewer.id &&
    canAnswerEndorsement(
      viewer,
      endorsement,
      await schoolHasAdmin(deps.db, app.applicant_organisation_id, endorsement, app.person_id),
      app.applicant_organisation_id,
    );
  if (!answerable) {
    if (loaded) throw new Forbidden('Only the person asked for this endorsement can answer it.');
    throw new NotFound();
  }
  const endorsements = loaded?.endorsements ?? (await q.listEndorsements(deps.db, app.id));
  return { endorsement, app, endorsements };
}
export type EndorsementForAnswer = Awaited<ReturnType<typeof getEndorsementForAnswer>>;

async function loadApplicationOrNull(deps: AppDeps, viewer: Viewer, applicationId: string) {
  try {
    return await loadApplication(deps.db, viewer, applicationId);
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

/** Why an endorsement can't be answered now, or nothing when it can. */
export function whyNotAnswerable(endorsement: Pick<Endorsement, 'status' | 'answered_at'>): string | null {
  switch (endorsement.status) {
    case 'requested':
      return null;
    case 'waiting':
      return 'You will be asked for your support once the line manager has endorsed this application.';
    case 'cancelled':
      return 'This request is no longer needed: the application was withdrawn or decided, or someone else did not support it.';
    default:
      return `This request has already been answered, on ${formatDate(endorsement.answered_at)}. An answer cannot be changed.`;
  }
}

/**
 * Records the endorser's answer (`request` from getEndorsementForAnswer, checked answerable with
 * whyNotAnswerable; a request answered meanwhile is refused), and what follows it
 * (`afterEndorsementAnswer`).
 */
export async function answerEndorsement(
  deps: AppDeps,
  viewer: Viewer,
  request: EndorsementForAnswer,
  form: EndorsementForm,
  requestId: string | null,
): Promise<void> {
  const { endorsement, app } = request;
  const supported = form.answer === 'support';
  const comment = form.comment || null;
  const who = `${viewer.givenName} ${viewer.familyName}`;
  const role = endorsement.kind === 'line_manager' ? 'line manager' : app.school_name ? `for the headteacher of ${app.school_name}` : 'for the headteacher';
  await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now().toISOString();
    const result = await trx
      .updateTable('endorsements')
      .set({ status: supported ? 'supported' : 'not_supported', comment, answered_by: viewer.id, answered_at: now })
      .where('id', '=', endorsement.id)
      .where('status', '=', 'requested')
      .where('endorser_email', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new Conflict('This request has already been answered. An answer cannot be changed.');
    await afterEndorsementAnswer(trx, deps, app, { kind: endorsement.kind, supported, comment, who, role, by: { role: 'endorser', id: viewer.id } });
    await recordAudit(trx, deps.clock, {
      action: 'endorsement_answered',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'endorsement',
      subjectId: endorsement.id,
      detail: { applicationId: app.id, kind: endorsement.kind, supported },
      requestId,
    });
  });
}

/** An answer just recorded on one of an application's endorsements, as what follows it needs it. */
export interface EndorsementAnswer {
  kind: Endorsement['kind'];
  supported: boolean;
  comment: string | null;
  /** Who answered, and in what capacity, as the history and the applicant's email say it. */
  who: string;
  role: string;
  by: { role: 'endorser'; id: string | null };
}

/**
 * What follows an answer, in its transaction. Support moves the chain on (the headteacher is asked
 * after the line manager, in the app or by email link) and, once everything needed is supported, the
 * application is endorsed. Not supporting stops the chain and sends the application back to the lead
 * as submitted. The applicant is told either way.
 */
export async function afterEndorsementAnswer(trx: Executor, deps: AppDeps, app: ApplicationDetail, answer: EndorsementAnswer): Promise<void> {
  const { supported, comment, who, role, by } = answer;
  const now = deps.clock.now().toISOString();
  const said = comment ? ` They said: “${comment}”` : '';
  // Endorsements are answered only while the application awaits them: the status as it is now.
  const current = { id: app.id, status: await q.findApplicationStatus(trx, app.id) };
  if (supported) {
    const waiting = await trx.selectFrom('endorsements').selectAll().where('application_id', '=', app.id).where('status', '=', 'waiting').execute();
    const outstanding = await trx.selectFrom('endorsements').select('id').where('application_id', '=', app.id).where('status', '=', 'requested').execute();
    if (waiting.length === 0 && outstanding.length === 0) {
      await changeApplication(trx, deps.clock, current, { event: 'endorse', by, reason: `${who} (${role}) supports the application.${said}` });
      await emailApplicant(trx, deps.clock, app, `Your application to ${where(app)} has been endorsed`, [
        `${who} (${role}) supports your application to ${where(app)}.${said}`,
        'Everyone who needed to support your application has done so. The programme lead will now consider it, and we will email you when they decide.',
      ]);
    } else {
      let byLink = false;
      for (const next of waiting) {
        if (next.endorser_email) {
          byLink = true;
          await askHeadteacherByLink(trx, deps, headteacherAsk(app, next.id));
          continue;
        }
        await trx.updateTable('endorsements').set({ status: 'requested', requested_at: now }).where('id', '=', next.id).execute();
        const { recipients } = await headteacherRecipients(trx, app.organisation_id, next.school_id, app.person_id);
        for (const recipient of recipients) {
          await emailEndorser(trx, deps.clock, recipient, {
            endorsementId: next.id,
            applicantName: `${app.given_name} ${app.family_name}`,
            programme_title: app.programme_title,
            cohort_name: app.cohort_name,
            due_on: next.due_on,
            asHeadteacher: true,
            schoolName: app.school_name,
          });
        }
      }
      const headteacher = byLink
        ? `your headteacher, ${app.headteacher_name},`
        : app.school_name
          ? `the headteacher of ${app.school_name}`
          : 'your headteacher';
      const asked = waiting.length > 0 ? ` We have now asked ${headteacher} for their support.` : '';
      await changeApplication(trx, deps.clock, current, {
        event: 'endorsement_given',
        by,
        reason: `${who} (${role}) supports the application.${said}${waiting.length > 0 ? ' Asked the headteacher for their support.' : ''}`,
      });
      await emailApplicant(
        trx,
        deps.clock,
        app,
        `${answer.kind === 'line_manager' ? 'Your line manager' : who} supports your application to ${app.programme_title}`,
        [`${who} (${role}) supports your application to ${where(app)}.${said}${asked}`],
      );
    }
  } else {
    await q.cancelPendingEndorsements(trx, app.id);
    await changeApplication(trx, deps.clock, current, {
      event: 'endorsement_refused',
      by,
      reason: `${who} (${role}) does not support the application. They said: “${comment}”`,
    });
    await emailApplicant(trx, deps.clock, app, `Your application to ${app.programme_title} was not supported`, [
      `${who} (${role}) does not support your application to ${where(app)}. They said: “${comment}”`,
      'The programme lead will still see your application and decide on it. We will email you when they do.',
    ]);
  }
}

/** Requests waiting for the viewer's answer, and the ones they have answered. */
export async function listEndorsementsForViewer(deps: AppDeps, viewer: Viewer) {
  const schools = adminSchoolIds(viewer);
  const orgAdmin = isOrgAdmin(viewer);
  const base = () =>
    deps.db
      .selectFrom('endorsements')
      .innerJoin('applications', 'applications.id', 'endorsements.application_id')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .innerJoin('people as applicant', 'applicant.id', 'applications.person_id')
      .leftJoin('schools', 'schools.id', 'applications.school_id')
      .select([
        'endorsements.id',
        'endorsements.kind',
        'endorsements.status',
        'endorsements.due_on',
        'endorsements.answered_at',
        'endorsements.comment',
        'applicant.given_name',
        'applicant.family_name',
        'programmes.title as programme_title',
        'cohorts.name as cohort_name',
        'schools.name as school_name',
      ])
      // Requests about the organisation's own applicants, wherever they applied (a partner's programme too).
      .where('applicant.organisation_id', '=', viewer.organisationId);
  const awaiting = await base()
    .where('endorsements.status', '=', 'requested')
    .where('applications.person_id', '!=', viewer.id)
    .where((eb) => {
      const ors = [eb.and([eb('endorsements.kind', '=', 'line_manager'), eb('endorsements.endorser_id', '=', viewer.id)])];
      if (schools.length) ors.push(eb.and([eb('endorsements.kind', '=', 'headteacher'), eb('endorsements.school_id', 'in', schools)]));
      if (orgAdmin) {
        // An organisation admin answers for applicants with no school, or whose school has no other admin.
        const otherAdmin = eb
          .selectFrom('role_grants')
          .innerJoin('people as admin', 'admin.id', 'role_grants.person_id')
          .select('role_grants.id')
          .where('role_grants.role', '=', 'school_admin')
          .whereRef('role_grants.school_id', '=', 'endorsements.school_id')
          .where('admin.status', '=', 'active')
          .whereRef('admin.id', '!=', 'applications.person_id');
        // Not the headteacher of a school not on Waymark, asked by email link: only the link answers that.
        ors.push(
          eb.and([
            eb('endorsements.kind', '=', 'headteacher'),
            eb('endorsements.endorser_email', 'is', null),
            eb.or([eb('endorsements.school_id', 'is', null), eb.not(eb.exists(otherAdmin))]),
          ]),
        );
      }
      return eb.or(ors);
    })
    .orderBy('endorsements.due_on')
    .orderBy('endorsements.id')
    .execute();
  const answered = await base().where('endorsements.answered_by', '=', viewer.id).orderBy('endorsements.answered_at', 'desc').limit(100).execute();
  return { awaiting, answered };
}

/** Who answers an endorsement: the line manager asked (while active), or whoever gives the headteacher's support. */
async function endorsementRecipients(
  trx: Executor,
  endorsement: { kind: Endorsement['kind']; endorser_id: string | null; organisation_id: string; school_id: string | null; person_id: string },
) {
  if (endorsement.kind === 'line_manager') {
    return trx
      .selectFrom('people')
      .select('id')
      .where('id', '=', endorsement.endorser_id ?? '')
      .where('status', '=', 'active')
      .execute();
  }
  return (await headteacherRecipients(trx, endorsement.organisation_id, endorsement.school_id, endorsement.person_id)).recipients;
}

/** Endorsement requests still waiting for an answer, with what a reminder says about them. */
function awaitedEndorsements(db: Executor) {
  return (
    db
      .selectFrom('endorsements')
      .innerJoin('applications', 'applications.id', 'endorsements.application_id')
      .innerJoin('cohorts', 'cohorts.id', 'applications.cohort_id')
      .innerJoin('programmes', 'programmes.id', 'cohorts.programme_id')
      .innerJoin('people as applicant', 'applicant.id', 'applications.person_id')
      .leftJoin('schools', 'schools.id', 'endorsements.school_id')
      .select([
        'endorsements.id',
        'endorsements.kind',
        'endorsements.endorser_id',
        'endorsements.school_id',
        'endorsements.due_on',
        'endorsements.requested_at',
        'applications.organisation_id',
        'applications.person_id',
        'applicant.given_name',
        'applicant.family_name',
        'programmes.title as programme_title',
        'cohorts.name as cohort_name',
        'schools.name as school_name',
      ])
      .where('endorsements.status', '=', 'requested')
      .where('endorsements.answered_at', 'is', null)
      // A headteacher asked by email link has no account to be reminded through, and only the first email holds the link.
      .where('endorsements.endorser_email', 'is', null)
      .where('applications.status', '=', 'awaiting_endorsement')
  );
}

type AwaitedEndorsement = Awaited<ReturnType<ReturnType<typeof awaitedEndorsements>['execute']>>[number];

function endorsementFacts(endorsement: AwaitedEndorsement) {
  return {
    endorsementId: endorsement.id,
    applicantName: `${endorsement.given_name} ${endorsement.family_name}`,
    programme_title: endorsement.programme_title,
    cohort_name: endorsement.cohort_name,
    due_on: endorsement.due_on,
    asHeadteacher: endorsement.kind === 'headteacher',
    schoolName: endorsement.school_name,
  };
}

/**
 * Reminds endorsers, once, about each endorsement that has been asked for, isn't answered, and is
 * due within 3 days (London dates; overdue ones too). `reminded_at` is set in the same
 * transaction and each notification has a dedupe key, so two workers never send one twice.
 * Returns how many endorsements were reminded about.
 */
export async function sendEndorsementReminders(db: Db, clock: Clock): Promise<number> {
  const horizon = addDays(londonDate(clock.now()), 3);
  const due = await awaitedEndorsements(db)
    .where('endorsements.reminded_at', 'is', null)
    .where('endorsements.due_on', 'is not', null)
    .where('endorsements.due_on', '<=', horizon)
    .orderBy('endorsements.due_on')
    .execute();
  let reminded = 0;
  for (const endorsement of due) {
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('endorsements')
        .set({ reminded_at: clock.now().toISOString() })
        .where('id', '=', endorsement.id)
        .where('reminded_at', 'is', null)
        .where('status', '=', 'requested')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      for (const recipient of await endorsementRecipients(trx, endorsement)) {
        await emailEndorser(trx, clock, recipient, endorsementFacts(endorsement), {
          reminder: 'deadline',
          dedupeKey: `endorsement-reminder:${endorsement.id}:${recipient.id}`,
        });
      }
      return true;
    });
    if (sent) reminded += 1;
  }
  return reminded;
}

/** How long an endorsement request waits for an answer before its endorsers are reminded. */
export const ENDORSEMENT_AWAITED_DAYS = 5;
/** Requests older than this many days more are left alone: a worker that was stopped for a week doesn't send stale reminders. */
const AWAITED_WINDOW_DAYS = 7;

/**
 * Reminds endorsers about each endorsement request still unanswered 5 days after it was asked
 * for, once per endorsement and endorser (a dedupe key per pair, so running it twice, or on two
 * workers, sends nothing more). Returns how many reminders were queued.
 */
export async function sendAwaitedEndorsementReminders(db: Db, clock: Clock): Promise<number> {
  const now = clock.now().getTime();
  const due = await awaitedEndorsements(db)
    .where('endorsements.requested_at', '<=', new Date(now - ENDORSEMENT_AWAITED_DAYS * DAY).toISOString())
    .where('endorsements.requested_at', '>', new Date(now - (ENDORSEMENT_AWAITED_DAYS + AWAITED_WINDOW_DAYS) * DAY).toISOString())
    .orderBy('endorsements.requested_at')
    .execute();
  let queued = 0;
  for (const endorsement of due) {
    queued += await db.transaction().execute(async (trx) => {
      let n = 0;
      for (const recipient of await endorsementRecipients(trx, endorsement)) {
        const fresh = await emailEndorser(trx, clock, recipient, endorsementFacts(endorsement), {
          reminder: { awaitedDays: ENDORSEMENT_AWAITED_DAYS },
          dedupeKey: `endorsement-awaited:${endorsement.id}:${recipient.id}`,
        });
        if (fresh) n += 1;
      }
      return n;
    });
  }
  return queued;
}
