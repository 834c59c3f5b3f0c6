import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { formatDate, londonDate } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import { lockCohortPlaces, placesTaken, withdrawApplicantsPlace } from '../enrolments';
import { normaliseEmail } from '../auth';
import { findSchoolOnList, type SchoolListEntry } from '../establishments';
import { checkEligibility, factsFromPerson, parseEligibilityRules } from '../programmes';
import { changeApplication, whyNot } from './applications.lifecycle';
import { endorsementsAsked, parseStringList, sectionsFor, submissionRefusals } from './applications.rules';
import { emailApplicant, emailEndorser, where } from './cohorts.emails';
import { askHeadteacherByLink, type HeadteacherAsk } from './headteacher-links';
import { applicationAccess, canDecide, windowState } from './cohorts.policy';
import * as q from './cohorts.queries';
import { organisationOfPerson } from './partner-applications.queries';
import { APPLICATION_STATUSES, type Section } from './cohorts.schemas';
import type { ApplicationStatus } from './cohorts.tables';

/** An application with its outside applicant's school on the school list (null for everyone else). */
export async function withOutsideSchool<T extends { school_urn: string | null }>(
  db: Executor,
  app: T,
): Promise<T & { outside_school: SchoolListEntry | null }> {
  return { ...app, outside_school: app.school_urn ? ((await findSchoolOnList(db, app.school_urn)) ?? null) : null };
}

/** Loads an application with how the viewer relates to it; NotFound unless they may know it exists. */
export async function loadApplication(db: Executor, viewer: Viewer, id: string) {
  const found = await q.findApplicationDetail(db, viewer.organisationId, id);
  if (!found) throw new NotFound();
  const app = await withOutsideSchool(db, found);
  const endorsements = await q.listEndorsements(db, app.id);
  const access = applicationAccess(
    viewer,
    app,
    endorsements.map((e) => e.endorser_id),
  );
  if (access === 'none') throw new NotFound();
  return { app, endorsements, access };
}
export type LoadedApplication = Awaited<ReturnType<typeof loadApplication>>;

/** The application, if it is the viewer's own: others who may read it get 403, everyone else 404. */
export async function loadOwnApplication(db: Executor, viewer: Viewer, id: string): Promise<LoadedApplication> {
  const loaded = await loadApplication(db, viewer, id);
  if (loaded.access !== 'applicant') throw new Forbidden('Only the applicant can do this.');
  return loaded;
}

function notEditable(status: ApplicationStatus): Conflict {
  if (status === 'withdrawn') return new Conflict('This application has been withdrawn, so it can no longer be changed.');
  return new Conflict(`You have submitted this application (its status is “${APPLICATION_STATUSES[status].toLowerCase()}”), so it can no longer be changed.`);
}

/**
 * Starts an application to a cohort, or finds the one already going: one live application per
 * person per cohort. Refuses when the window isn't open or the programme isn't taking applications.
 * Returns the application's id.
 */
export async function startApplication(
  deps: AppDeps,
  viewer: Viewer,
  cohortId: string,
  /** Another organisation whose cohort the caller has checked the viewer may apply to (a partner's open programme). */
  providerOrganisationId: string = viewer.organisationId,
): Promise<string> {
  const cohort = await q.findCohort(deps.db, providerOrganisationId, cohortId);
  if (!cohort) throw new NotFound();
  const existing = await q.findLiveApplication(deps.db, cohort.id, viewer.id);
  if (existing) return existing.id;
  if (cohort.programme_status !== 'open') throw new Conflict(`${cohort.programme_title} is not open for applications at the moment.`);
  const state = windowState(cohort, londonDate(deps.clock.now()));
  if (state === 'before')
    throw new Conflict(
      `Applications for ${cohort.name} of ${cohort.programme_title} open on ${formatDate(cohort.applications_open_on)}. You can start your application then.`,
    );
  if (state === 'after')
    throw new Conflict(`Applications for ${cohort.name} of ${cohort.programme_title} closed on ${formatDate(cohort.applications_close_on)}.`);
  const person = await q.findPersonRecord(deps.db, viewer.organisationId, viewer.id);
  if (!person) throw new NotFound();
  // A draft the rules would never let them submit helps nobody: say why instead.
  const eligibility = checkEligibility(parseEligibilityRules(cohort.programme_eligibility), factsFromPerson(person, londonDate(deps.clock.now())));
  if (!eligibility.eligible)
    throw new Conflict(
      `You cannot apply for ${cohort.programme_title}: your staff record does not meet its rules. ${eligibility.reasons.join(' ')} If your record is wrong, ask your school admin to change it.`,
    );
  const recommendation = await q.findRecommendation(deps.db, viewer.id, cohort.programme_id);
  // From a school not on Waymark: their school on the school list, and the headteacher they named when they joined.
  const outside = person.school_id === null ? (await deps.outsideSchoolsOf?.(deps.db, [viewer.id]))?.get(viewer.id) : undefined;
  const id = newId();
  const now = deps.clock.now().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await changeApplication(trx, deps.clock, null, {
        event: 'start',
        by: { role: 'applicant', id: viewer.id },
        reason: recommendation ? 'Started the application after being recommended' : 'Started the application',
        application: {
          id,
          organisation_id: cohort.organisation_id,
          cohort_id: cohort.id,
          person_id: viewer.id,
          school_id: person.school_id,
          current_role: person.job_title,
          experience: null,
          motivation: null,
          declarations: '[]',
          coach_person_id: null,
          coach_name: null,
          coach_email: null,
          project_idea: null,
          eligible: null,
          eligibility_notes: '[]',
          recommendation_id: recommendation?.id ?? null,
          decision_reason: null,
          submitted_at: null,
          decided_at: null,
          waitlisted_at: null,
          school_urn: outside?.urn ?? null,
          headteacher_name: outside?.headteacherName ?? null,
          headteacher_email: outside?.headteacherEmail ?? null,
          created_at: now,
          updated_at: now,
        },
      });
    });
  } catch (error) {
    // Two clicks at once: the unique index let one through; go to that one.
    if (isUniqueViolation(error)) {
      const winner = await q.findLiveApplication(deps.db, cohort.id, viewer.id);
      if (winner) return winner.id;
    }
    throw error;
  }
  return id;
}

/** The applicant's own view of a loaded application: section statuses, history, and whether their record meets the rules. */
export async function applicantView(deps: AppDeps, loaded: LoadedApplication) {
  const today = londonDate(deps.clock.now());
  const eligibility = checkEligibility(parseEligibilityRules(loaded.app.programme_eligibility), factsFromPerson(loaded.app, today));
  const events = await q.listEvents(deps.db, loaded.app.id);
  return { ...loaded, events, eligibility, window: windowState(loaded.app, today), sections: sectionsFor(loaded.app) };
}

/** The applicant's own view: answers, section statuses, and whether their record meets the rules. */
export async function getApplicantView(deps: AppDeps, viewer: Viewer, id: string) {
  return applicantView(deps, await loadOwnApplication(deps.db, viewer, id));
}

/** What someone other than the applicant sees of a loaded application: its endorsements, history and, for a lead, the places left. */
export async function reviewerView(deps: AppDeps, loaded: LoadedApplication, mayDecide: boolean) {
  const [events, taken] = await Promise.all([q.listEvents(deps.db, loaded.app.id), placesTaken(deps.db, loaded.app.cohort_id)]);
  return { ...loaded, events, placesTaken: taken, canDecide: mayDecide };
}

/** What someone other than the applicant sees: the whole application, its endorsements and history. */
export async function getReviewerView(deps: AppDeps, viewer: Viewer, id: string) {
  const loaded = await loadApplication(deps.db, viewer, id);
  return reviewerView(deps, loaded, canDecide(viewer, loaded.app));
}

/** A draft section, if the application is the viewer's, still a draft, and has that section. */
export async function getEditableSection(deps: AppDeps, viewer: Viewer, id: string, section: Section) {
  const loaded = await loadOwnApplication(deps.db, viewer, id);
  if (!sectionsFor(loaded.app).includes(section)) throw new NotFound();
  if (loaded.app.status !== 'draft') throw notEditable(loaded.app.status);
  const coachCandidates = section === 'coach' ? await q.listCoachCandidates(deps.db, viewer.organisationId, loaded.app.applicant_school_id, viewer.id) : [];
  const person = await q.findPersonRecord(deps.db, viewer.organisationId, viewer.id);
  return { ...loaded, coachCandidates, person };
}
export type EditableSection = Awaited<ReturnType<typeof getEditableSection>>;

export type SectionAnswers =
  | { section: 'role'; currentRole: string; experience: string }
  | { section: 'motivation'; motivation: string }
  | { section: 'declarations'; confirmed: string[] }
  | { section: 'coach'; coachPersonId: string | null; coachName: string | null; coachEmail: string | null }
  | { section: 'project'; projectIdea: string }
  | { section: 'headteacher'; headteacherName: string; headteacherEmail: string };

/** Saves one section of a draft (`data` from getEditableSection). Answers have been validated by the route; this checks them against the records. */
export async function saveSection(deps: AppDeps, data: EditableSection, answers: SectionAnswers): Promise<void> {
  const { app, coachCandidates } = data;
  const now = deps.clock.now().toISOString();
  let changes: Parameters<typeof q.updateAnswers>[2];
  switch (answers.section) {
    case 'role':
      changes = { current_role: answers.currentRole, experience: answers.experience };
      break;
    case 'motivation':
      changes = { motivation: answers.motivation };
      break;
    case 'declarations': {
      const wanted = parseStringList(app.programme_declarations);
      if (wanted.some((d) => !answers.confirmed.includes(d)))
        throw new Invalid({ declarations: 'Confirm each declaration. If you cannot, you cannot apply for this programme.' });
      changes = { declarations: JSON.stringify(wanted) };
      break;
    }
    case 'coach':
      if (answers.coachPersonId && !coachCandidates.some((p) => p.id === answers.coachPersonId))
        throw new Invalid({ coachPersonId: 'Select your coach from the list' });
      changes = { coach_person_id: answers.coachPersonId, coach_name: answers.coachName, coach_email: answers.coachEmail };
      break;
    case 'project':
      changes = { project_idea: answers.projectIdea };
      break;
    case 'headteacher':
      if (normaliseEmail(answers.headteacherEmail) === normaliseEmail(app.email))
        throw new Invalid({ headteacherEmail: 'Enter your headteacher’s email address, not your own' });
      changes = { headteacher_name: answers.headteacherName, headteacher_email: answers.headteacherEmail };
      break;
  }
  await deps.db.transaction().execute(async (trx) => {
    // Only while still a draft: a submission in another tab wins.
    if (!(await q.updateAnswers(trx, app.id, { ...changes, updated_at: now }))) throw notEditable('submitted');
  });
}

/** For the check-answers page: the application and, if it can't be submitted yet, why. */
export async function getCheckAnswers(deps: AppDeps, viewer: Viewer, id: string) {
  const view = await getApplicantView(deps, viewer, id);
  if (view.app.status !== 'draft') throw notEditable(view.app.status);
  return view;
}

/**
 * Who is asked for the headteacher's support: the school's admins (not the applicant), else the
 * admins of the applicant's own organisation (a partner organisation's, when they applied to
 * another organisation's programme; `organisationId` when the applicant can't be found).
 */
export async function headteacherRecipients(trx: Executor, organisationId: string, schoolId: string | null, applicantId: string) {
  const schoolAdmins = schoolId ? (await q.listSchoolAdmins(trx, schoolId)).filter((p) => p.id !== applicantId) : [];
  if (schoolAdmins.length > 0) return { recipients: schoolAdmins, schoolHasAdmin: true };
  const home = (await organisationOfPerson(trx, applicantId)) ?? organisationId;
  return { recipients: (await q.listOrgAdmins(trx, home)).filter((p) => p.id !== applicantId), schoolHasAdmin: false };
}

/**
 * Submits a draft (`app` loaded and checked to be the viewer's own). Refuses (Invalid, keyed by
 * what to fix, nothing changed) outside the window, when the staff record doesn't meet the
 * programme's rules, when sections are incomplete, or when a needed line manager isn't on record.
 * Then asks for the endorsements the cohort needs.
 */
export async function submitApplication(deps: AppDeps, viewer: Viewer, loaded: { id: string }, requestId: string | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // Read again inside the transaction: what is checked is exactly what is submitted.
    const app = await q.findApplicationDetail(trx, viewer.organisationId, loaded.id);
    if (!app) throw new NotFound();
    if (app.status !== 'draft') throw new Conflict(whyNot('submit', app.status));
    const today = londonDate(deps.clock.now());
    const lineManager = app.applicant_line_manager_id ? await q.findPersonRecord(trx, viewer.organisationId, app.applicant_line_manager_id) : undefined;
    const refusals: FieldErrors = submissionRefusals(app, today, lineManager ?? null);
    if (Object.keys(refusals).length > 0) throw new Invalid(refusals, 'This application cannot be submitted yet');

    const now = deps.clock.now().toISOString();
    const due = app.endorsement_deadline;
    // An outside applicant has no line manager on Waymark: their headteacher's support stands for the school.
    const { lineManager: needsLineManager, headteacher: needsHeadteacher } = endorsementsAsked(app);
    const event = needsLineManager || needsHeadteacher ? 'submit_for_endorsement' : 'submit';
    // One history line per change: events written in the same instant would have no reliable order.
    const reason =
      event === 'submit'
        ? 'Submitted'
        : `Submitted. Asked ${needsLineManager ? `the line manager, ${lineManager?.given_name} ${lineManager?.family_name}, for their endorsement` : `${app.school_name ? `the headteacher of ${app.school_name}` : 'the headteacher'} for their support`}`;
    await changeApplication(trx, deps.clock, app, {
      event,
      by: { role: 'applicant', id: viewer.id },
      reason,
      set: { submitted_at: now, eligible: 1, eligibility_notes: '[]' },
    });

    const applicantName = `${app.given_name} ${app.family_name}`;
    const asked: string[] = [];
    if (needsLineManager && lineManager) {
      const endorsementId = newId();
      await q.insertEndorsement(trx, {
        id: endorsementId,
        application_id: app.id,
        kind: 'line_manager',
        endorser_id: lineManager.id,
        school_id: app.school_id,
        status: 'requested',
        comment: null,
        answered_by: null,
        requested_at: now,
        due_on: due,
        reminded_at: null,
        answered_at: null,
        created_at: now,
      });
      await emailEndorser(trx, deps.clock, lineManager, {
        endorsementId,
        applicantName,
        programme_title: app.programme_title,
        cohort_name: app.cohort_name,
        due_on: due,
        asHeadteacher: false,
        schoolName: null,
      });
      asked.push(`your line manager, ${lineManager.given_name} ${lineManager.family_name},`);
    }
    // An applicant from a school not on Waymark: the headteacher they named is asked by email link.
    const byLink = needsHeadteacher && !!app.school_urn && !!app.headteacher_email;
    if (needsHeadteacher) {
      const endorsementId = newId();
      const askNow = !needsLineManager;
      await q.insertEndorsement(trx, {
        id: endorsementId,
        application_id: app.id,
        kind: 'headteacher',
        endorser_id: null,
        school_id: app.school_id,
        status: askNow ? 'requested' : 'waiting',
        comment: null,
        answered_by: null,
        requested_at: askNow ? now : null,
        due_on: due,
        reminded_at: null,
        answered_at: null,
        endorser_name: byLink ? app.headteacher_name : null,
        endorser_email: byLink ? app.headteacher_email : null,
        created_at: now,
      });
      if (askNow && byLink) {
        await askHeadteacherByLink(trx, deps, headteacherAsk(app, endorsementId));
        asked.push(`your headteacher, ${app.headteacher_name},`);
      } else if (askNow) {
        const { recipients } = await headteacherRecipients(trx, app.organisation_id, app.school_id, app.person_id);
        for (const recipient of recipients) {
          await emailEndorser(trx, deps.clock, recipient, {
            endorsementId,
            applicantName,
            programme_title: app.programme_title,
            cohort_name: app.cohort_name,
            due_on: due,
            asHeadteacher: true,
            schoolName: app.school_name,
          });
        }
        asked.push(app.school_name ? `the headteacher of ${app.school_name}` : 'the headteacher');
      }
    }
    const next =
      asked.length > 0
        ? `We have asked ${asked.join(' and ')} for their support.${needsLineManager && needsHeadteacher ? ' Once your line manager supports it, your headteacher will be asked too.' : ''} We will email you when they answer.`
        : 'The programme lead will now consider it. We will email you when they decide.';
    await emailApplicant(trx, deps.clock, app, `Application submitted: ${where(app)}`, [`Your application to ${where(app)} has been submitted.`, next]);
    const status: ApplicationStatus = event === 'submit' ? 'submitted' : 'awaiting_endorsement';
    await recordAudit(trx, deps.clock, {
      action: 'application_submitted',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'application',
      subjectId: app.id,
      detail: { cohortId: app.cohort_id, status },
      requestId,
    });
  });
}

/** What a headteacher's link and email say about an application (from a school not on Waymark). */
export function headteacherAsk(
  app: Pick<
    q.ApplicationDetail,
    'id' | 'organisation_id' | 'given_name' | 'family_name' | 'job_title' | 'programme_title' | 'cohort_name' | 'school_urn' | 'endorsement_deadline'
  > & { headteacher_name: string | null; headteacher_email: string | null },
  endorsementId: string,
): HeadteacherAsk {
  return {
    endorsementId,
    applicationId: app.id,
    organisationId: app.organisation_id,
    applicantName: `${app.given_name} ${app.family_name}`,
    applicantJobTitle: app.job_title,
    programmeTitle: app.programme_title,
    cohortName: app.cohort_name,
    schoolUrn: app.school_urn ?? '',
    headteacherName: app.headteacher_name ?? '',
    headteacherEmail: app.headteacher_email ?? '',
    dueOn: app.endorsement_deadline,
  };
}

/**
 * Withdraws the applicant's application (`app` loaded and checked to be the viewer's own) from any
 * status that isn't final. Endorsements not yet given are cancelled; an accepted place is given up
 * (its enrolment withdrawn, through the enrolments feature) and offered to the first person on the
 * waiting list.
 */
export async function withdrawApplication(deps: AppDeps, viewer: Viewer, app: q.ApplicationDetail, reason: string, requestId: string | null): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    // An accepted place given up here goes to the waiting list: take the cohort's place lock first.
    await lockCohortPlaces(trx, app.cohort_id);
    const from = await q.findApplicationStatus(trx, app.id);
    const why = reason.trim() || null;
    await changeApplication(trx, deps.clock, { id: app.id, status: from }, { event: 'withdraw', by: { role: 'applicant', id: viewer.id }, reason: why });
    await q.cancelPendingEndorsements(trx, app.id);
    await emailApplicant(trx, deps.clock, app, `You have withdrawn your application to ${where(app)}`, [
      `You have withdrawn your application to ${where(app)}.${why ? ` You said: “${why}”` : ''}`,
      'If you change your mind, you can apply again while applications are open.',
    ]);
    await recordAudit(trx, deps.clock, {
      action: 'application_withdrawn',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'application',
      subjectId: app.id,
      detail: { from },
      requestId,
    });
    if (from === 'accepted') {
      await withdrawApplicantsPlace(
        trx,
        deps,
        { cohortId: app.cohort_id, personId: app.person_id },
        viewer.id,
        why ?? 'The application was withdrawn',
        requestId,
      );
    }
  });
}

/** The person's own applications and the recommendations they have received, with cohorts open to them now. */
export async function getApplicationsInbox(deps: AppDeps, viewer: Viewer) {
  const [applications, recommendations] = await Promise.all([q.listOwnApplications(deps.db, viewer.id), q.listRecommendationsFor(deps.db, viewer.id)]);
  const today = londonDate(deps.clock.now());
  const openCohorts = await q.listOpenCohorts(deps.db, viewer.organisationId, [...new Set(recommendations.map((r) => r.programme_id))], today);
  const live = await deps.db
    .selectFrom('applications')
    .select(['id', 'cohort_id'])
    .where('person_id', '=', viewer.id)
    .where('live_slot', '=', 'live')
    .execute();
  return {
    applications,
    recommendations: recommendations.map((r) => ({
      ...r,
      cohorts: openCohorts
        .filter((c) => c.programme_id === r.programme_id)
        .map((c) => ({ ...c, applicationId: live.find((a) => a.cohort_id === c.id)?.id ?? null })),
    })),
  };
}

/**
 * An outside applicant moved school: their draft applications name the new school and headteacher
 * (submitted ones keep what was sent, as the headteacher was asked about that school). Returns how many.
 */
export async function moveDraftApplicationsToSchool(
  trx: Executor,
  personId: string,
  school: { urn: string; headteacherName: string; headteacherEmail: string },
  now: string,
): Promise<number> {
  return q.moveDraftsToSchool(trx, personId, school, now);
}
