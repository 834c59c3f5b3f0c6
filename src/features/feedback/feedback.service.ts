import { createHash, randomUUID } from 'node:crypto';
import type { Db, Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { MINUTE, type Clock } from '../../platform/db/clock';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import { addDays, formatDate, londonDate } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { isProgrammeLead } from '../../platform/http/access';
import { Conflict, Forbidden, Invalid, NotFound, TooManyRequests } from '../../platform/http/errors';
import { hashToken, looksLikeToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { type CountedAttempt, describeWait, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import { coachOfEnrolment, enrolmentsOf } from '../enrolments';
import { listPublishedVersions, skillsOfVersion } from '../frameworks';
import { notify } from '../notifications';
import { findProgramme, programmeFocusSkills } from '../programmes';
import { findPersonSummary } from '../staff';
import { buildReport } from './feedback.report';
import {
  DEFAULT_GROUP_MINIMUM,
  DEFAULT_PUPIL_QUESTIONS,
  type PupilQuestion,
  RATER_GROUPS,
  type GroupSetting,
  type RaterGroup,
  type ReportInput,
  type ReportSkill,
  type SubmittedResponse,
} from './feedback.model';
import { canReadReport, isRoundOwner } from './feedback.policy';
import * as q from './feedback.queries';
import * as q_ from './feedback.queries';
import { parseDraft, parseRatings, type Answers, type RespondentForm, type RoundForm } from './feedback.schemas';
import type { ShareRelationship } from './feedback.tables';

// ----- Pupil questions -----

/** The pupil questions a new round takes: the programme's own, or the default set (also for rounds outside a programme). */
export async function pupilQuestionsFor(db: Executor, programmeId: string | null): Promise<PupilQuestion[]> {
  const own = programmeId ? await q.listProgrammePupilQuestions(db, programmeId) : [];
  return own.length > 0 ? own : [...DEFAULT_PUPIL_QUESTIONS];
}

/** A programme (of the viewer's organisation) whose pupil questions a programme lead may edit; NotFound otherwise. */
async function editableProgramme(deps: AppDeps, viewer: Viewer, programmeId: string) {
  const programme = await findProgramme(deps.db, viewer.organisationId, programmeId);
  if (!programme) throw new NotFound();
  if (!isProgrammeLead(viewer)) throw new Forbidden();
  return programme;
}

/** The programme's pupil questions for its lead to edit, and whether they are still the default set. */
export async function getPupilQuestions(deps: AppDeps, viewer: Viewer, programmeId: string) {
  const programme = await editableProgramme(deps, viewer, programmeId);
  const own = await q.listProgrammePupilQuestions(deps.db, programme.id);
  return {
    programme: { id: programme.id, title: programme.title },
    questions: own.length > 0 ? own : [...DEFAULT_PUPIL_QUESTIONS],
    isDefault: own.length === 0,
  };
}
export type PupilQuestionsPage = Awaited<ReturnType<typeof getPupilQuestions>>;

/** Saves the programme's pupil questions (already checked: 1 to the maximum, each worded). New rounds use them; running rounds keep theirs. */
export async function savePupilQuestions(deps: AppDeps, viewer: Viewer, programmeId: string, questions: { text: string }[], requestId: string | null) {
  const programme = await editableProgramme(deps, viewer, programmeId);
  await deps.db.transaction().execute(async (trx) => {
    // Every save writes fresh ids: a question's words belong to the rounds that copied them, not to the programme's row.
    await q.replaceProgrammePupilQuestions(
      trx,
      programme.id,
      questions.map((question) => ({ id: newId(), text: question.text })),
    );
    await recordAudit(trx, deps.clock, {
      action: 'feedback_pupil_questions_changed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'programme',
      subjectId: programme.id,
      detail: { questions: questions.length },
      requestId,
    });
  });
}

/** How pupils know their teacher: title and surname ("Mr Walsh"), or the full name without a title. */
export function pupilName(person: { title: string | null; given_name: string; family_name: string }): string {
  const title = person.title?.trim();
  return title ? `${title} ${person.family_name}` : `${person.given_name} ${person.family_name}`;
}

// ----- Rounds: reading -----

/** Closed when closed early or by the sweep, or once its closing date (London) has passed. */
export function isClosed(round: { closed_at: string | null; closes_on: string }, clock: Clock): boolean {
  return round.closed_at !== null || round.closes_on < londonDate(clock.now());
}

/** Skills of a framework version as a flat list, in framework order. */
async function versionSkills(db: Executor, versionId: string): Promise<(ReportSkill & { domain: string; description: string })[]> {
  const domains = await skillsOfVersion(db, versionId);
  return domains.flatMap((d) => d.skills.map((s) => ({ id: s.id, code: s.code, title: s.title, description: s.description, domain: d.title })));
}

/** The round's skills, in the order chosen. */
async function roundSkills(db: Executor, round: { id: string; framework_version_id: string }) {
  const [chosen, all] = await Promise.all([q.listRoundSkillIds(db, round.id), versionSkills(db, round.framework_version_id)]);
  const byId = new Map(all.map((s) => [s.id, s]));
  return chosen.map((c) => byId.get(c.skill_id)).filter((s): s is NonNullable<typeof s> => s !== undefined);
}

/** The round, if it is the viewer's own; NotFound otherwise. */
export async function findOwnRound(deps: AppDeps, viewer: Viewer, id: string): Promise<q.RoundRecord> {
  const round = await q.findRound(deps.db, viewer.organisationId, id);
  if (!round || !isRoundOwner(viewer, round)) throw new NotFound();
  return round;
}

/** The viewer's rounds and the reports shared with them. */
export async function listFeedback(deps: AppDeps, viewer: Viewer) {
  const [rounds, shared, approvals] = await Promise.all([
    q.listRoundsOf(deps.db, viewer.id),
    q.listRoundsSharedWith(deps.db, viewer.id),
    listApprovals(deps, viewer),
  ]);
  return {
    approvals: approvals.length,
    rounds: rounds.map((r) => ({ ...r, answered: Number(r.answered ?? 0), closed: isClosed(r, deps.clock) })),
    shared: shared.map((r) => ({ ...r, closed: isClosed(r, deps.clock) })),
  };
}

/** What a round can be about: the viewer's active enrolments (their programme's focus skills), or a published framework. */
export async function roundSources(deps: AppDeps, viewer: Viewer) {
  const [enrolments, versions] = await Promise.all([enrolmentsOf(deps.db, viewer.id), listPublishedVersions(deps.db, viewer.organisationId)]);
  // Only the newest published version of each framework.
  const newest = versions.filter((v, i) => versions.findIndex((w) => w.frameworkId === v.frameworkId) === i);
  return { enrolments: enrolments.filter((e) => e.status === 'active'), versions: newest };
}

export type RoundSource = { enrolmentId: string } | { versionId: string };

/** The skills a new round may ask about, which are ticked at first, and what the round is for. */
export async function newRoundChoices(deps: AppDeps, viewer: Viewer, source: RoundSource) {
  if ('enrolmentId' in source) {
    const enrolment = (await enrolmentsOf(deps.db, viewer.id)).find((e) => e.id === source.enrolmentId && e.status === 'active');
    if (!enrolment) throw new NotFound();
    const programme = await findProgramme(deps.db, viewer.organisationId, enrolment.programme_id);
    if (!programme?.framework_version_id)
      throw new Conflict(
        'This programme has no leadership skills framework yet, so a round can’t be based on it. Start a round for your own development instead.',
      );
    const [skills, focus] = await Promise.all([versionSkills(deps.db, programme.framework_version_id), programmeFocusSkills(deps.db, programme.id)]);
    return {
      label: `${enrolment.programme_title}, ${enrolment.cohort_name}`,
      enrolmentId: enrolment.id,
      programmeId: programme.id as string | null,
      versionId: programme.framework_version_id,
      skills,
      defaults: focus.map((s) => s.id),
    };
  }
  const version = (await listPublishedVersions(deps.db, viewer.organisationId)).find((v) => v.versionId === source.versionId);
  if (!version) throw new NotFound();
  return {
    label: `For your own development: ${version.title}`,
    enrolmentId: null,
    programmeId: null,
    versionId: version.versionId,
    skills: await versionSkills(deps.db, version.versionId),
    defaults: [] as string[],
  };
}
export type NewRoundChoices = Awaited<ReturnType<typeof newRoundChoices>>;

/** Opens a round for the viewer from `choices` (their `newRoundChoices`, which settles what they may use). Returns its id. */
export async function openRound(
  deps: AppDeps,
  viewer: Viewer,
  choices: NewRoundChoices,
  skillIds: string[],
  closesOn: string,
  form: RoundForm,
  requestId: string | null,
): Promise<string> {
  const allowed = new Set(choices.skills.map((s) => s.id));
  const chosen = choices.skills.map((s) => s.id).filter((id) => skillIds.includes(id));
  if (chosen.length === 0 || skillIds.some((id) => !allowed.has(id))) throw new Invalid({ skills: 'Select at least one skill to ask about' });
  const now = deps.clock.now().toISOString();
  const id = newId();
  const minimums: Record<RaterGroup, number> = {
    line_manager: 1,
    peer: form.minimumPeer,
    direct_report: form.minimumDirectReport,
    student: form.minimumStudent,
    other: form.minimumOther,
  };
  const today = londonDate(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    // One open round at a time: two rounds taking answers together could be differenced.
    const open = await q.listOpenRoundsOf(trx, viewer.id, today);
    if (open.length > 0)
      throw new Invalid({
        closesOn: `You already have a feedback round open until ${formatDate(open[0]?.closes_on ?? today)}. Close it or wait for it to close before you start another: two rounds open together could show what one person answered`,
      });
    await q.insertRound(
      trx,
      {
        id,
        organisation_id: viewer.organisationId,
        person_id: viewer.id,
        enrolment_id: choices.enrolmentId,
        framework_version_id: choices.versionId,
        closes_on: closesOn,
        closed_at: null,
        margin: form.margin,
        self_ratings: null,
        class_token: null,
        class_open: 0,
        created_at: now,
        updated_at: now,
      },
      chosen,
      RATER_GROUPS.map((group) => ({ group, minimum: minimums[group], anonymous: group !== 'line_manager' })),
    );
    // A copy of the pupil questions as they are now: editing the programme's set changes no running round.
    await q.insertRoundPupilQuestions(trx, id, await pupilQuestionsFor(trx, choices.programmeId));
    await recordAudit(trx, deps.clock, {
      action: 'feedback_round_opened',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'feedback_round',
      subjectId: id,
      detail: { skills: chosen.length, closesOn },
      requestId,
    });
  });
  return id;
}

/** Everything the participant's round page shows: counts per group, never who answered. */
export async function getRoundPage(deps: AppDeps, viewer: Viewer, id: string) {
  const round = await findOwnRound(deps, viewer, id);
  const [skills, groups, invited, counts, shares, lineManager, coachId] = await Promise.all([
    roundSkills(deps.db, round),
    q.listRoundGroups(deps.db, id),
    q.listInvited(deps.db, id),
    q.countResponsesByGroup(deps.db, id),
    q.listShares(deps.db, id),
    round.line_manager_id ? findPersonSummary(deps.db, round.line_manager_id, round.organisation_id) : Promise.resolve(undefined),
    round.enrolment_id ? coachOfEnrolment(deps.db, round.enrolment_id) : Promise.resolve(null),
  ]);
  const coach = coachId ? await findPersonSummary(deps.db, coachId, round.organisation_id) : undefined;
  const minimum = new Map(groups.map((g) => [g.rater_group, g.minimum]));
  return {
    round,
    closed: isClosed(round, deps.clock),
    skills,
    groups: RATER_GROUPS.map((group) => ({
      group,
      minimum: minimum.get(group) ?? DEFAULT_GROUP_MINIMUM,
      answered: counts.get(group) ?? 0,
      invited: invited.filter((r) => r.rater_group === group).map((r) => ({ name: r.name, email: r.email, approval: r.approval })),
    })),
    totalInvited: invited.length,
    totalAnswered: [...counts.values()].reduce((a, b) => a + b, 0),
    selfRated: round.self_ratings !== null,
    classLink: round.class_token ? { url: `${deps.config.BASE_URL}/feedback/class/${round.class_token}`, open: round.class_open === 1 } : null,
    lineManager: lineManager && lineManager.status === 'active' ? lineManager : null,
    lineManagerInvited: invited.some((r) => r.rater_group === 'line_manager'),
    coach: coach && coach.status === 'active' ? coach : null,
    shares,
  };
}
export type RoundPage = Awaited<ReturnType<typeof getRoundPage>>;

function assertOpen(round: { closed_at: string | null; closes_on: string }, clock: Clock) {
  if (isClosed(round, clock)) throw new Conflict('This feedback round has closed.');
}

/** Titles that start a name typed as "Dr Amina Shah": such a name is used whole, as first names are not. */
const TITLES = /^(mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|revd|lady|lord)\.?$/i;

/**
 * Whom a 360 email greets, as Waymark's other emails do: by first name ("Hello Tom," for a
 * respondent typed in as "Tom Walsh"), or by the whole name when it starts with a title ("Hello Dr
 * Shah,") or is one word.
 */
export function greetingName(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0] ?? '';
  return words.length < 2 || TITLES.test(first) ? name.trim() : first;
}

function respondentEmail(deps: AppDeps, round: q.RoundRecord, respondent: { name: string; email: string; group: RaterGroup }, token: string) {
  const who = `${round.given_name} ${round.family_name}`;
  const named =
    respondent.group === 'line_manager'
      ? `As ${round.given_name}’s line manager, your answers are shown with your role, so ${round.given_name} will know they are yours.`
      : `Your answers are anonymous: they are only shown together with others’, never on their own or with your name.`;
  return {
    to: respondent.email,
    subject: `${who} would like your feedback`,
    text: `Hello ${greetingName(respondent.name)},\n\n${who} has asked for your feedback on their leadership, as part of their professional development. It takes about 10 minutes: how often you see them do a few things, and two short questions.\n\n${named}\n\nGive your feedback by ${formatDate(round.closes_on)}:\n\n${deps.config.BASE_URL}/feedback/respond/${token}\n\nThis link is only for you. You don’t need an account. If you would rather not, you can decline from the same page.\n`,
  };
}

/** Enough for any real 360 (8–20 is usual); stops a round being used to send mail to anyone at all. */
export const MAX_RESPONDENTS = 40;

/**
 * Invites one respondent. A colleague on Waymark in the organisation (matched by email address) gets a
 * private single-use link by email at once; anyone else is an outside address, which waits, with no
 * email sent, until the participant's line manager or a programme lead approves it (they see the
 * address). So nobody the participant controls, such as an address of their own, can be counted in an
 * anonymous group. One invitation per person (and per address) per round.
 */
export async function inviteRespondent(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  form: RespondentForm,
  requestId: string | null,
): Promise<'sent' | 'awaiting_approval'> {
  const round = await findOwnRound(deps, viewer, id);
  assertOpen(round, deps.clock);
  const emailNormalised = form.email.toLowerCase();
  if (emailNormalised === viewer.email.toLowerCase()) throw new Invalid({ email: 'Enter someone else’s email address: rate yourself on your own form' });
  const colleague = await q.findColleagueByEmail(deps.db, viewer.organisationId, emailNormalised);
  if (colleague?.id === viewer.id) throw new Invalid({ email: 'Enter someone else’s email address: rate yourself on your own form' });
  const token = newToken();
  const outcome = colleague ? 'sent' : 'awaiting_approval';
  try {
    await deps.db.transaction().execute(async (trx) => {
      if ((await q.countRespondents(trx, id)) >= MAX_RESPONDENTS)
        throw new Invalid({ email: `You have invited ${MAX_RESPONDENTS} people, the most one round can have` });
      if (form.group === 'line_manager' && (await q.countRespondentsInGroup(trx, id, 'line_manager')) > 0)
        throw new Invalid({ group: 'You have already invited your line manager' });
      await q.insertRespondent(trx, {
        id: newId(),
        round_id: id,
        rater_group: form.group,
        name: colleague ? `${colleague.given_name} ${colleague.family_name}` : form.name,
        email: colleague ? colleague.email : form.email,
        email_normalised: emailNormalised,
        // An outside address gets its link only when approved; until then the hash is of a token nobody has.
        token_hash: hashToken(token),
        status: colleague ? 'invited' : 'awaiting_approval',
        draft: null,
        decline_reason: null,
        invited_at: londonDate(deps.clock.now()),
        reminded_on: null,
        person_id: colleague?.id ?? null,
        approved_by: null,
      });
      if (colleague) await enqueueEmail(trx, deps.clock, respondentEmail(deps, round, { name: form.name, email: colleague.email, group: form.group }, token));
      else if (round.line_manager_id)
        await notify(trx, deps.clock, {
          personId: round.line_manager_id,
          kind: 'feedback_update',
          subject: `${viewer.givenName} ${viewer.familyName} would like to ask someone outside Waymark for 360 feedback`,
          paragraphs: [
            `${viewer.givenName} ${viewer.familyName} would like to ask ${form.name} (${form.email}) for 360 feedback. As their line manager, you (or a programme lead) approve it before the invitation is sent, so that only real people are counted in an anonymous group.`,
          ],
          link: '/feedback/approvals',
          linkText: 'Approve or refuse it:',
        });
      await recordAudit(trx, deps.clock, {
        action: 'feedback_respondent_invited',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'feedback_round',
        subjectId: id,
        detail: { group: form.group, awaitingApproval: !colleague },
        requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ email: 'You have already invited this person' });
    throw error;
  }
  return outcome;
}

/** Colleagues matching a search, to pick as respondents (not the participant, not anyone already invited). */
export async function findColleaguesToInvite(deps: AppDeps, viewer: Viewer, id: string, q: string) {
  await findOwnRound(deps, viewer, id);
  if (q.trim() === '') return [];
  const invited = await q_.listInvited(deps.db, id);
  const taken = [viewer.id, ...invited.map((r) => r.person_id).filter((p): p is string => p !== null)];
  return q_.searchColleagues(deps.db, viewer.organisationId, q.trim().slice(0, 100), taken);
}

export type ColleagueFound = Awaited<ReturnType<typeof findColleaguesToInvite>>[number];

/** Invites the colleagues picked from the directory, in one group; each gets their link by email. Returns how many were invited. */
export async function inviteColleagues(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  group: RespondentForm['group'],
  personIds: string[],
  requestId: string | null,
): Promise<number> {
  const unique = [...new Set(personIds)].slice(0, MAX_RESPONDENTS);
  const people = await q_.findColleagues(deps.db, viewer.organisationId, unique);
  if (people.length === 0) throw new Invalid({ people: 'Select at least one colleague to ask' });
  if (group === 'line_manager' && people.length > 1) throw new Invalid({ group: 'You have one line manager: select only them, or choose another group' });
  // Checked before anyone is invited, so a refusal sends nothing.
  if ((await q.countRespondents(deps.db, id)) + people.length > MAX_RESPONDENTS)
    throw new Invalid({ people: `One round can ask at most ${MAX_RESPONDENTS} people: select fewer` });
  if (group === 'line_manager' && (await q.countRespondentsInGroup(deps.db, id, 'line_manager')) > 0)
    throw new Invalid({ group: 'You have already invited your line manager' });
  if (people.some((p) => p.id === viewer.id)) throw new Invalid({ people: 'Rate yourself on your own form, not as a respondent' });
  for (const person of people)
    await inviteRespondent(deps, viewer, id, { group, name: `${person.given_name} ${person.family_name}`, email: person.email }, requestId);
  return people.length;
}

/** Whether the viewer may approve outside addresses for this participant: their line manager, or a programme lead. */
function mayApprove(viewer: Viewer, participant: { person_id: string; line_manager_id: string | null }): boolean {
  if (participant.person_id === viewer.id) return false;
  return participant.line_manager_id === viewer.id || isProgrammeLead(viewer);
}

/** Outside addresses the viewer may approve: their reports' (as line manager) or everyone's (as a programme lead). */
export async function listApprovals(deps: AppDeps, viewer: Viewer) {
  const rows = await q.listAwaitingApproval(deps.db, viewer.organisationId, londonDate(deps.clock.now()));
  return rows.filter((row) => mayApprove(viewer, row));
}
export type Approval = Awaited<ReturnType<typeof listApprovals>>[number];

/** One outside address the viewer may approve; NotFound otherwise. */
export async function findApproval(deps: AppDeps, viewer: Viewer, respondentId: string): Promise<Approval> {
  const row = (await listApprovals(deps, viewer)).find((r) => r.id === respondentId);
  if (!row) throw new NotFound();
  return row;
}

/** Approves an outside address (the invitation is sent now) or refuses it (nothing is sent). */
export async function decideOutsideAddress(deps: AppDeps, viewer: Viewer, respondentId: string, approve: boolean, requestId: string | null): Promise<void> {
  const row = await findApproval(deps, viewer, respondentId);
  const round = await q.findRound(deps.db, viewer.organisationId, row.round_id);
  if (!round) throw new NotFound();
  const token = newToken();
  await deps.db.transaction().execute(async (trx) => {
    const changed = approve
      ? await q.decideApproval(trx, respondentId, {
          status: 'invited',
          token_hash: hashToken(token),
          approved_by: viewer.id,
          invited_at: londonDate(deps.clock.now()),
        })
      : await q.decideApproval(trx, respondentId, { status: 'refused' });
    if (!changed) return;
    if (approve) await enqueueEmail(trx, deps.clock, respondentEmail(deps, round, { name: row.name, email: row.email, group: row.rater_group }, token));
    await notify(trx, deps.clock, {
      personId: row.person_id,
      kind: 'feedback_update',
      subject: approve ? `${row.name} has been asked for your 360 feedback` : `${row.name} will not be asked for your 360 feedback`,
      paragraphs: [
        approve
          ? `${viewer.givenName} ${viewer.familyName} approved ${row.name} (${row.email}), so their invitation has been sent.`
          : `${viewer.givenName} ${viewer.familyName} did not approve ${row.name} (${row.email}), so no invitation was sent. Ask a colleague on Waymark instead, or talk to them about it.`,
      ],
      link: `/feedback/${row.round_id}`,
      linkText: 'Your feedback round:',
    });
    await recordAudit(trx, deps.clock, {
      action: approve ? 'feedback_respondent_approved' : 'feedback_respondent_refused',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'feedback_round',
      subjectId: row.round_id,
      detail: { group: row.rater_group },
      requestId,
    });
  });
}

/** The participant's own rating form. */
export async function getSelfRating(deps: AppDeps, viewer: Viewer, id: string) {
  const round = await findOwnRound(deps, viewer, id);
  return { round, closed: isClosed(round, deps.clock), skills: await roundSkills(deps.db, round), ratings: parseRatings(round.self_ratings) };
}

/** Saves the participant's own ratings (they may change them until the round closes). */
export async function saveSelfRating(deps: AppDeps, viewer: Viewer, id: string, answers: Answers): Promise<void> {
  const round = await findOwnRound(deps, viewer, id);
  assertOpen(round, deps.clock);
  await q.updateRound(deps.db, id, { self_ratings: JSON.stringify(answers.ratings), updated_at: deps.clock.now().toISOString() });
}

/** Opens the class link (made on first use, then the same link each time) or closes it. */
export async function setClassLink(deps: AppDeps, viewer: Viewer, id: string, open: boolean): Promise<void> {
  const round = await findOwnRound(deps, viewer, id);
  if (open) assertOpen(round, deps.clock);
  await q.updateRound(deps.db, id, { class_token: round.class_token ?? newToken(), class_open: open ? 1 : 0, updated_at: deps.clock.now().toISOString() });
}

/** Closes the round early; the report is ready at once. */
export async function closeRound(deps: AppDeps, viewer: Viewer, id: string, requestId: string | null): Promise<void> {
  const round = await findOwnRound(deps, viewer, id);
  assertOpen(round, deps.clock);
  const answered = [...(await q.countResponsesByGroup(deps.db, id)).values()].reduce((a, b) => a + b, 0);
  if (answered === 0) throw new Conflict('Nobody has answered yet, so there is no report to close the round for. It stays open until its closing date.');
  await deps.db.transaction().execute(async (trx) => {
    await q.closeRoundRow(trx, id, deps.clock.now().toISOString());
    await recordAudit(trx, deps.clock, {
      action: 'feedback_round_closed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'feedback_round',
      subjectId: id,
      requestId,
    });
  });
}

/** Shares the report with the coach or line manager, or stops; the person is told either way. */
export async function changeSharing(
  deps: AppDeps,
  viewer: Viewer,
  id: string,
  relationship: ShareRelationship,
  share: boolean,
  requestId: string | null,
): Promise<void> {
  const page = await getRoundPage(deps, viewer, id);
  const who = `${viewer.givenName} ${viewer.familyName}`;
  await deps.db.transaction().execute(async (trx) => {
    if (share) {
      const person = relationship === 'coach' ? page.coach : page.lineManager;
      if (!person)
        throw new Conflict(
          relationship === 'coach' ? 'You have no coach named on your programme application.' : 'You have no line manager on your staff record.',
        );
      await q.addShare(trx, { round_id: id, person_id: person.id, relationship, created_at: deps.clock.now().toISOString() });
      await notify(trx, deps.clock, {
        personId: person.id,
        kind: 'feedback_update',
        subject: `${who} has shared their 360 feedback report with you`,
        paragraphs: [
          `${who} has shared their 360 feedback report with you, as their ${relationship === 'coach' ? 'coach' : 'line manager'}.`,
          page.closed ? 'The report is ready to read.' : `The report will be ready when the round closes on ${formatDate(page.round.closes_on)}.`,
        ],
        link: `/feedback/${id}/report`,
        linkText: 'Read the report:',
      });
    } else {
      const existing = page.shares.find((s) => s.relationship === relationship);
      if (!existing || !(await q.removeShare(trx, id, relationship))) return;
      await notify(trx, deps.clock, {
        personId: existing.person_id,
        kind: 'feedback_update',
        subject: `${who} has stopped sharing their 360 feedback report`,
        paragraphs: [`${who} has stopped sharing their 360 feedback report with you.`],
      });
    }
    await recordAudit(trx, deps.clock, {
      action: share ? 'feedback_report_shared' : 'feedback_report_unshared',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'feedback_round',
      subjectId: id,
      detail: { relationship },
      requestId,
    });
  });
}

// ----- The report -----

/**
 * The report, for the participant and those they shared it with; until the round closes, when it will be ready.
 * Someone other than the participant reading it is kept in the audit log (decision 0007), as a page or a PDF.
 */
export async function getReport(deps: AppDeps, viewer: Viewer, id: string, read: { format: 'page' | 'pdf'; requestId: string | null }) {
  const round = await q.findRound(deps.db, viewer.organisationId, id);
  if (!round) throw new NotFound();
  const shares = await q.listShares(deps.db, id);
  if (
    !canReadReport(
      viewer,
      round,
      shares.map((s) => s.person_id),
    )
  )
    throw new NotFound();
  const enrolment = round.enrolment_id ? (await enrolmentsOf(deps.db, round.person_id)).find((e) => e.id === round.enrolment_id) : undefined;
  const roundTitle = enrolment ? `${enrolment.programme_title}, ${enrolment.cohort_name}` : 'For their own development';
  const meta = {
    roundId: id,
    roundTitle,
    participantName: `${round.given_name} ${round.family_name}`,
    closesOn: round.closes_on,
    isParticipant: round.person_id === viewer.id,
  };
  if (!isClosed(round, deps.clock)) return { ...meta, ready: false as const };
  const [skills, groups, rows, pupilQuestions] = await Promise.all([
    roundSkills(deps.db, round),
    q.listRoundGroups(deps.db, id),
    q.listResponses(deps.db, id),
    q.listRoundPupilQuestions(deps.db, id),
  ]);
  const responses: SubmittedResponse[] = rows.map((r) => ({
    group: r.rater_group,
    ratings: parseRatings(r.ratings) ?? {},
    strengths: r.strengths,
    develop: r.develop,
  }));
  const invitedGroups = new Set((await q.listInvited(deps.db, id)).map((r) => r.rater_group));
  if (round.class_token) invitedGroups.add('student');
  for (const r of responses) invitedGroups.add(r.group);
  const settings: GroupSetting[] = groups
    .filter((g) => invitedGroups.has(g.rater_group))
    .sort((a, b) => RATER_GROUPS.indexOf(a.rater_group) - RATER_GROUPS.indexOf(b.rater_group))
    .map((g) => ({ group: g.rater_group, minimum: g.minimum, anonymous: g.anonymous === 1 }));
  const input: ReportInput = {
    skills: skills.map((s) => ({ id: s.id, code: s.code, title: s.title })),
    groups: settings,
    self: parseRatings(round.self_ratings),
    responses,
    margin: round.margin,
    seed: id,
    // Rounds opened before pupils had their own questions have none: their pupils rated the skills.
    pupilQuestions: pupilQuestions.length > 0 ? pupilQuestions : undefined,
  };
  if (!meta.isParticipant) {
    await recordAudit(deps.db, deps.clock, {
      action: 'feedback_report_viewed',
      organisationId: round.organisation_id,
      actorId: viewer.id,
      subjectType: 'feedback_round',
      subjectId: id,
      personId: round.person_id,
      detail: { format: read.format },
      requestId: read.requestId,
    });
  }
  return { ...meta, ready: true as const, closedOn: round.closed_at ?? round.closes_on, report: buildReport(input) };
}
export type ReportPage = Awaited<ReturnType<typeof getReport>>;

// ----- Respondents (no account: the link is the key) -----

// Links that match nothing, from one address: tokens can't be guessed, but a flood of tries is refused.
const UNKNOWN_LINK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };
// Class answers from one address: a whole school shares one, so a few classes' worth an hour.
const CLASS_ANSWER_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 150, firstWaitMs: 15_000, refuseFrom: 200, refusalMs: 15 * MINUTE };

// Counted with auth's attempt counters (one table and one rule set for every limit), under `feedback-…` keys.
// An attempt is counted before it is made (so many at once can't all get through) and given back if it wasn't one to count.
async function takeAttempt(deps: AppDeps, key: string, limits: ThrottleLimits, reason: string): Promise<CountedAttempt[]> {
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[key, limits]]);
  if (reservation.admitted) return reservation.attempts;
  const until = reservation.lockedUntil;
  throw new TooManyRequests(`${reason} Wait ${describeWait(until, now)} and try again.`, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

export type RespondentLink =
  | {
      state: 'open';
      respondent: NonNullable<Awaited<ReturnType<typeof q.findRespondentByTokenHash>>>;
      skills: Awaited<ReturnType<typeof roundSkills>>;
      draft: Answers | null;
    }
  | { state: 'used' | 'declined' | 'closed'; participantName: string };

/** What a respondent's link opens; an unknown link is NotFound and counts against the address. */
export async function openRespondentLink(deps: AppDeps, token: string, address: string | null): Promise<RespondentLink> {
  const key = `feedback-link:address:${address ?? 'unknown'}`;
  const attempts = await takeAttempt(deps, key, UNKNOWN_LINK_LIMITS, 'Too many links that do not work have been opened from your network.');
  const respondent = looksLikeToken(token) ? await q.findRespondentByTokenHash(deps.db, hashToken(token)) : undefined;
  // An outside address's link works only once it has been approved (until then nobody has one).
  if (!respondent || respondent.status === 'awaiting_approval' || respondent.status === 'refused') throw new NotFound();
  await refundAttempts(deps.db, attempts);
  const participantName = `${respondent.given_name} ${respondent.family_name}`;
  if (respondent.status === 'submitted') return { state: 'used', participantName };
  if (respondent.status === 'declined') return { state: 'declined', participantName };
  if (isClosed(respondent, deps.clock)) return { state: 'closed', participantName };
  const skills = await roundSkills(deps.db, { id: respondent.round_id, framework_version_id: respondent.framework_version_id });
  return { state: 'open', respondent, skills, draft: parseDraft(respondent.draft) };
}

/**
 * Saves a respondent's answers to continue later, or submits them. Submitting copies the answers
 * into a response row that holds only the group (no respondent id, no time) and marks the
 * respondent as answered, in one transaction; a second submission changes nothing.
 */
export async function answerAsRespondent(deps: AppDeps, respondentId: string, answers: Answers, submit: boolean): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await q.findRespondentPlace(trx, respondentId);
    const round = await q.findRoundState(trx, row.round_id);
    if (isClosed(round, deps.clock)) return false;
    if (!submit) return q.setRespondentStatus(trx, respondentId, ['invited', 'started'], { status: 'started', draft: JSON.stringify(answers) });
    if (!(await q.setRespondentStatus(trx, respondentId, ['invited', 'started'], { status: 'submitted', draft: null }))) return false;
    await q.insertResponse(trx, {
      id: randomUUID(),
      round_id: row.round_id,
      rater_group: row.rater_group,
      ratings: JSON.stringify(answers.ratings),
      strengths: answers.strengths,
      develop: answers.develop,
    });
    return true;
  });
}

/** A respondent declines; their reason stays private. */
export async function declineAsRespondent(deps: AppDeps, respondentId: string, reason: string): Promise<void> {
  await q.setRespondentStatus(deps.db, respondentId, ['invited', 'started'], { status: 'declined', draft: null, decline_reason: reason || null });
}

// ----- The class link -----

export type ClassLink =
  | {
      state: 'open';
      roundId: string;
      participantName: string;
      /** How pupils know the teacher: "Mr Walsh", or the full name without a title. */
      teacherName: string;
      /** The pupil questions (or, for a round opened before pupils had their own, the skills). */
      questions: { id: string; title: string; description: string }[];
      pupilWorded: boolean;
      answered: boolean;
    }
  | { state: 'closed'; participantName: string };

/** Which browser this is for a round: the cookie, hashed with the round, so rounds can't be linked. */
export function browserHash(roundId: string, cookie: string): string {
  return createHash('sha256').update(`${roundId}:${cookie}`).digest('hex');
}

/** What a class link opens; unknown links are NotFound and count against the address. */
export async function openClassLink(deps: AppDeps, token: string, cookie: string | undefined, address: string | null): Promise<ClassLink> {
  const key = `feedback-link:address:${address ?? 'unknown'}`;
  const attempts = await takeAttempt(deps, key, UNKNOWN_LINK_LIMITS, 'Too many links that do not work have been opened from your network.');
  const round = looksLikeToken(token) ? await q.findRoundByClassToken(deps.db, token) : undefined;
  if (!round) throw new NotFound();
  await refundAttempts(deps.db, attempts);
  const participantName = `${round.given_name} ${round.family_name}`;
  if (round.class_open !== 1 || isClosed(round, deps.clock)) return { state: 'closed', participantName };
  const answered = cookie ? !!(await q.hasClassBrowser(deps.db, round.id, browserHash(round.id, cookie))) : false;
  const pupilQuestions = await q.listRoundPupilQuestions(deps.db, round.id);
  const questions =
    pupilQuestions.length > 0
      ? pupilQuestions.map((question) => ({ id: question.id, title: question.text, description: '' }))
      : (await roundSkills(deps.db, round)).map((skill) => ({ id: skill.id, title: skill.title, description: skill.description }));
  return { state: 'open', roundId: round.id, participantName, teacherName: pupilName(round), questions, pupilWorded: pupilQuestions.length > 0, answered };
}

/** A student's answers through the class link: one per browser, limited per address. False if this browser already answered or the link closed. */
export async function answerThroughClassLink(deps: AppDeps, roundId: string, cookie: string, answers: Answers, address: string | null): Promise<boolean> {
  const key = `feedback-class:address:${address ?? 'unknown'}`;
  const attempts = await takeAttempt(deps, key, CLASS_ANSWER_LIMITS, 'Too many answers have been sent from your network.');
  const answered = await deps.db.transaction().execute(async (trx) => {
    const round = await q.findRoundState(trx, roundId);
    if (round.class_open !== 1 || isClosed(round, deps.clock)) return false;
    if (!(await q.claimClassBrowser(trx, roundId, browserHash(roundId, cookie)))) return false;
    await q.insertResponse(trx, {
      id: randomUUID(),
      round_id: roundId,
      rater_group: 'student',
      ratings: JSON.stringify(answers.ratings),
      strengths: answers.strengths,
      develop: answers.develop,
    });
    return true;
  });
  // Only answers taken count towards the limit.
  if (!answered) await refundAttempts(deps.db, attempts);
  return answered;
}

// ----- Sweep: closing and reminders -----

/** Reminders go this many days before a round closes. */
const REMIND_DAYS_BEFORE = 3;

/**
 * Whether a respondent who hasn't answered is due their one reminder today: the round closes within
 * three days, and they were invited before that window began. Someone invited inside it has just had
 * their invitation, and a reminder would replace the link in it (only its hash is kept) within the hour.
 */
function dueReminder(respondent: { invited_at: string; closes_on: string }, today: string): boolean {
  const windowStarts = addDays(respondent.closes_on, -REMIND_DAYS_BEFORE);
  return today >= windowStarts && today <= respondent.closes_on && respondent.invited_at < windowStarts;
}

/**
 * Closes rounds whose closing date has passed (telling the participant their report is ready) and
 * reminds respondents who haven't answered, three days before a round closes, once each (not those
 * invited within those three days).
 */
export async function sweepFeedbackRounds(db: Db, clock: Clock, baseUrl: string): Promise<number> {
  const today = londonDate(clock.now());
  let done = 0;
  for (const round of await q.listRoundsPastClosing(db, today)) {
    await db.transaction().execute(async (trx) => {
      if (!(await q.closeRoundRow(trx, round.id, clock.now().toISOString()))) return;
      await notify(trx, clock, {
        personId: round.person_id,
        kind: 'feedback_update',
        subject: 'Your 360 feedback report is ready',
        paragraphs: [`Your 360 feedback round closed on ${formatDate(round.closes_on)}. Your report is ready to read.`],
        link: `/feedback/${round.id}/report`,
        linkText: 'Read your report:',
        dedupeKey: `feedback-ready:${round.id}`,
      });
      done += 1;
    });
  }
  for (const r of await q.listRespondentsToRemind(db, today, addDays(today, REMIND_DAYS_BEFORE))) {
    if (!dueReminder(r, today)) continue;
    // Only the link's hash is kept, so the reminder carries a new link and the first one stops working.
    const token = newToken();
    await db.transaction().execute(async (trx) => {
      if (!(await q.remindRespondent(trx, r.id, hashToken(token), today))) return;
      await enqueueEmail(
        trx,
        clock,
        {
          to: r.email,
          subject: `Reminder: ${r.given_name} ${r.family_name} would like your feedback`,
          text: `Hello ${greetingName(r.name)},\n\nA reminder that ${r.given_name} ${r.family_name} would value your feedback. The round closes on ${formatDate(r.closes_on)}.\n\nGive your feedback (anything you saved is still there):\n\n${baseUrl}/feedback/respond/${token}\n\nThis link replaces the one in your first email. If you would rather not, you can decline from the same page.\n`,
        },
        `feedback-reminder:${r.id}`,
      );
      done += 1;
    });
  }
  return done;
}
