import { recordAudit } from '../../platform/audit/audit';
import type { Db, Executor } from '../../platform/db/database';
import type { Clock } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import { addDays, londonDate, parseDateParts } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import { coachOfEnrolment, enrolmentsOf, findEnrolmentRecord, listEnrolmentRecords } from '../enrolments';
import { listPublishedVersions, skillsOfVersion } from '../frameworks';
import { notify } from '../notifications';
import { evaluationProgramme, findProgramme, programmeFocusSkills, programmeRequirements } from '../programmes';
import { latestRatingsOf } from '../self-assessment';
import type { LeadershipLevel } from '../staff';
import { rankSuggestions, type Suggestion } from './mentoring.matching';
import { canAssign, canManagePairingsOf, canSeeSummary, isInPairing } from './mentoring.policy';
import * as q from './mentoring.queries';
import { isPairingKind, MAX_PLACES, PAIRING_KINDS, parseIdList, REVIEW_VIEWS, SHORT_MAX, TEXT_MAX, type SchoolSetting } from './mentoring.schemas';
import type { PairingKind, ReviewView } from './mentoring.tables';

const fullName = (p: { given_name: string; family_name: string }) => `${p.given_name} ${p.family_name}`;

/** A meeting was confirmed: the totals of the pairing's confirmed meetings, for the mentor's portfolio. */
export interface MentoringMeetingConfirmed {
  organisationId: string;
  pairingId: string;
  kind: PairingKind;
  mentorId: string;
  menteeName: string;
  meetings: number;
  minutes: number;
  firstHeldOn: string;
  lastHeldOn: string;
  skillIds: string[];
}

declare module '../../platform/events' {
  interface DomainEvents {
    'mentoring.meeting_confirmed': MentoringMeetingConfirmed;
  }
}

/** A date from day, month and year fields named `${prefix}-day` etc.; an error message, or null when all are empty and `optional`. */
export function readDate(values: FormValues, prefix: string, what: string, optional: boolean): { date: string | null } | { error: string } {
  const parsed = parseDateParts(values[`${prefix}-day`] ?? '', values[`${prefix}-month`] ?? '', values[`${prefix}-year`] ?? '');
  if ('date' in parsed) return { date: parsed.date };
  if (parsed.error === 'empty') return optional ? { date: null } : { error: `Enter ${what}` };
  return { error: `${what.charAt(0).toUpperCase()}${what.slice(1)} ${parsed.error}` };
}

// ----- Profiles: places and strengths -----

/** The skills someone can name as strengths: the newest published version of each of the organisation's frameworks. */
async function strengthChoices(db: Executor, organisationId: string) {
  const versions = await listPublishedVersions(db, organisationId);
  const newest = versions.filter((v, i) => versions.findIndex((w) => w.frameworkId === v.frameworkId) === i);
  const domains = await Promise.all(newest.map((v) => skillsOfVersion(db, v.versionId)));
  return newest.map((v, i) => ({
    title: v.title,
    skills: (domains[i] ?? []).flatMap((d) => d.skills.map((s) => ({ id: s.id, code: s.code, title: s.title }))),
  }));
}

export async function getProfilePage(deps: AppDeps, viewer: Viewer) {
  const [profile, used, frameworks] = await Promise.all([
    q.findProfile(deps.db, viewer.id),
    q.countActiveByMentor(deps.db, [viewer.id]),
    strengthChoices(deps.db, viewer.organisationId),
  ]);
  return { places: profile?.places ?? 0, strengths: parseIdList(profile?.strengths ?? '[]'), used: used.get(viewer.id) ?? 0, frameworks };
}
export type ProfilePage = Awaited<ReturnType<typeof getProfilePage>>;

export async function saveProfile(deps: AppDeps, viewer: Viewer, values: FormValues, strengths: string[]) {
  const page = await getProfilePage(deps, viewer);
  const errors: FieldErrors = {};
  const raw = (values.places ?? '').trim();
  const places = Number(raw);
  if (raw === '') errors.places = 'Enter how many people you can support at once, or 0';
  else if (!/^\d+$/.test(raw) || places > MAX_PLACES) errors.places = `How many people you can support must be a whole number from 0 to ${MAX_PLACES}`;
  else if (places < page.used)
    errors.places = `You support ${page.used} ${page.used === 1 ? 'person' : 'people'} now, so you need at least ${page.used} places`;
  const known = new Set(page.frameworks.flatMap((f) => f.skills.map((s) => s.id)));
  if (strengths.some((id) => !known.has(id))) errors.strengths = 'Select strengths from the list';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  await deps.db.transaction().execute((trx) =>
    q.saveProfile(trx, {
      person_id: viewer.id,
      organisation_id: viewer.organisationId,
      places,
      strengths: JSON.stringify([...new Set(strengths)]),
      updated_at: deps.clock.now().toISOString(),
    }),
  );
}

// ----- People I support -----

/** A mentor's or coach's mentees: programme, requirements, next meeting and open actions. Nothing about anyone else. */
export async function getPeopleISupport(deps: AppDeps, viewer: Viewer) {
  const { db } = deps;
  const [pairings, profile, asMentee] = await Promise.all([
    q.listActivePairingsOfMentor(db, viewer.id),
    q.findProfile(db, viewer.id),
    q.listPairingsOfMentee(db, viewer.organisationId, viewer.id),
  ]);
  const today = londonDate(deps.clock.now());
  const summaries = await q.summarisePairings(
    db,
    pairings.map((p) => p.id),
    today,
  );
  // One query for every mentee's enrolment, not one each.
  const enrolments = new Map(
    (
      await listEnrolmentRecords(
        db,
        viewer.organisationId,
        pairings.flatMap((p) => (p.enrolment_id ? [p.enrolment_id] : [])),
      )
    ).map((e) => [e.id, e] as const),
  );
  // Requirements: one report per programme, for all of this mentor's mentees on it.
  const byProgramme = new Map<string, string[]>();
  for (const e of enrolments.values()) byProgramme.set(e.programme_id, [...(byProgramme.get(e.programme_id) ?? []), e.id]);
  const requirementText = new Map<string, string>();
  for (const [programmeId, enrolmentIds] of byProgramme) {
    const programme = await findProgramme(db, viewer.organisationId, programmeId);
    if (!programme) continue;
    const reports = await deps.completion.report(
      db,
      evaluationProgramme(programme),
      await programmeRequirements(db, programmeId),
      enrolmentIds.flatMap((id) => {
        const e = enrolments.get(id);
        return e ? [{ id, organisationId: e.organisation_id, personId: e.person_id, cohortId: e.cohort_id, programmeId }] : [];
      }),
    );
    for (const [id, report] of reports) {
      const met = report.requirements.filter((r) => r.status === 'met').length;
      requirementText.set(id, report.requirements.length === 0 ? 'No requirements' : `${met} of ${report.requirements.length} requirements met`);
    }
  }
  const mentees = pairings.map((p) => {
    const summary = summaries.get(p.id);
    const enrolment = p.enrolment_id ? enrolments.get(p.enrolment_id) : undefined;
    return {
      pairing: p,
      programme: enrolment ? `${enrolment.programme_title}, ${enrolment.cohort_name}` : null,
      requirements: enrolment ? (requirementText.get(enrolment.id) ?? 'No requirements') : null,
      nextMeeting: summary?.nextMeetingOn ?? null,
      openActions: summary?.openActions ?? 0,
      overdueActions: summary?.overdueActions ?? 0,
      meetingsHeld: summary?.meetings ?? 0,
    };
  });
  return { mentees, places: profile?.places ?? 0, used: pairings.length, supportedBy: asMentee.filter((p) => p.status === 'active') };
}
export type PeopleISupport = Awaited<ReturnType<typeof getPeopleISupport>>;

// ----- A person's pairings, suggestions and assigning -----

export async function getPersonMentoring(deps: AppDeps, viewer: Viewer, personId: string, setting: SchoolSetting, enrolmentChoice?: string) {
  const { db } = deps;
  const person = await q.findPersonFacts(db, viewer.organisationId, personId);
  if (!person || !canManagePairingsOf(viewer, person.school_id)) throw new NotFound();
  const [history, enrolments, candidates] = await Promise.all([
    q.listPairingsOfMentee(db, viewer.organisationId, personId),
    enrolmentsOf(db, personId),
    q.listOfferingMentors(db, viewer.organisationId),
  ]);
  const active = enrolments.filter((e) => e.status === 'active');
  const used = await q.countActiveByMentor(
    db,
    candidates.map((c) => c.id),
  );
  const enrolmentId = enrolmentChoice !== undefined ? enrolmentChoice : (active[0]?.id ?? '');
  const enrolment = active.find((e) => e.id === enrolmentId);
  // The coach named on the application becomes the suggestion once it is accepted.
  const namedCoachId = enrolment ? await coachOfEnrolment(db, enrolment.id) : null;
  const namedCoach = namedCoachId ? await q.findPersonFacts(db, viewer.organisationId, namedCoachId) : undefined;
  const lowest = await latestRatingsOf(
    db,
    enrolments.map((e) => e.id),
  );
  const skillTitles = new Map<string, string>();
  for (const f of await strengthChoices(db, viewer.organisationId)) for (const s of f.skills) skillTitles.set(s.id, s.title);
  const suggestions: Suggestion[] = rankSuggestions(
    { id: person.id, givenName: person.given_name, schoolId: person.school_id, leadershipLevel: person.leadership_level as LeadershipLevel, lowest },
    candidates.map((c) => ({
      id: c.id,
      name: fullName(c),
      schoolId: c.school_id,
      leadershipLevel: c.leadership_level as LeadershipLevel,
      places: c.places,
      used: used.get(c.id) ?? 0,
      strengths: parseIdList(c.strengths),
    })),
    setting,
    (id) => skillTitles.get(id),
  );
  const kinds = (Object.keys(PAIRING_KINDS) as PairingKind[]).filter((k) => canAssign(viewer, k, person.school_id));
  return {
    person,
    history,
    enrolments: active,
    enrolmentId,
    setting,
    suggestions,
    namedCoach: namedCoach && namedCoach.id !== person.id ? { id: namedCoach.id, name: fullName(namedCoach) } : null,
    kinds,
    isSelf: viewer.id === person.id,
  };
}
export type PersonMentoring = Awaited<ReturnType<typeof getPersonMentoring>>;

/**
 * Pairs the person with a mentor or coach. Refuses the person themselves and anyone with no place
 * free (GOV.UK errors, nothing written). A pairing of the same kind for the same enrolment is
 * ended and linked to the new one, so the history stays.
 */
export async function assignPairing(deps: AppDeps, viewer: Viewer, page: PersonMentoring, values: FormValues, requestId: string | null) {
  const errors: FieldErrors = {};
  const kind = values.kind ?? '';
  const mentorId = (values.mentorId ?? '').trim();
  const enrolmentId = values.enrolmentId ?? '';
  if (!isPairingKind(kind)) errors.kind = 'Select the kind of support';
  else if (!canAssign(viewer, kind, page.person.school_id)) errors.kind = 'You can only pair people with an in-school coach at your school';
  if (enrolmentId !== '' && !page.enrolments.some((e) => e.id === enrolmentId)) errors.enrolmentId = 'Select one of their programmes, or none';
  const mentor = mentorId ? await q.findPersonFacts(deps.db, viewer.organisationId, mentorId) : undefined;
  if (!mentorId) errors.mentorId = 'Select who will support them';
  else if (mentorId === page.person.id) errors.mentorId = `${page.person.given_name} cannot be their own mentor or coach`;
  else if (mentor?.status !== 'active') errors.mentorId = 'Select someone from the list';
  else if (kind === 'in_school_coach' && mentor.school_id !== page.person.school_id) errors.mentorId = 'An in-school coach must work at the same school';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const now = deps.clock.now().toISOString();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const [profile, used] = await Promise.all([q.findProfile(trx, mentorId), q.countActiveByMentor(trx, [mentorId])]);
    const places = profile?.places ?? 0;
    const taken = used.get(mentorId) ?? 0;
    const previous = await q.findActivePairingFor(trx, page.person.id, kind as PairingKind, enrolmentId || null);
    const freed = previous?.mentor_id === mentorId ? 1 : 0;
    if (taken - freed >= places)
      throw new Invalid({
        mentorId:
          places === 0
            ? `${fullName(mentor as { given_name: string; family_name: string })} has not offered any places`
            : `${fullName(mentor as { given_name: string; family_name: string })} has no places free (${taken} of ${places} used)`,
      });
    await trx
      .insertInto('mentoring_pairings')
      .values({
        id,
        organisation_id: viewer.organisationId,
        kind: kind as PairingKind,
        mentor_id: mentorId,
        mentee_id: page.person.id,
        enrolment_id: enrolmentId || null,
        status: 'active',
        assigned_by: viewer.id,
        started_at: now,
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by_id: null,
        signed_off_at: null,
        signed_off_comment: null,
      })
      .execute();
    if (previous)
      await trx
        .updateTable('mentoring_pairings')
        .set({ status: 'ended', ended_at: now, ended_by: viewer.id, end_reason: 'Reassigned', replaced_by_id: id })
        .where('id', '=', previous.id)
        .execute();
    await recordAudit(trx, deps.clock, {
      action: 'mentoring_pairing_assigned',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'mentoring_pairing',
      subjectId: id,
      detail: { kind, mentorId, menteeId: page.person.id, replaced: previous?.id ?? null },
      requestId,
    });
    for (const [personId, subject] of [
      [mentorId, `You are now supporting ${page.person.given_name} ${page.person.family_name}`],
      [page.person.id, `${fullName(mentor as { given_name: string; family_name: string })} is now your ${PAIRING_KINDS[kind as PairingKind].toLowerCase()}`],
    ] as const)
      await notify(trx, deps.clock, {
        personId,
        kind: 'mentoring',
        subject,
        paragraphs: ['Start by agreeing together how you will work: your goals, how often you will meet, and what stays confidential.'],
        link: `/mentoring/pairings/${id}`,
        linkText: 'See the pairing:',
      });
  });
  return id;
}

// ----- One pairing -----

async function loadPairing(deps: AppDeps, viewer: Viewer, pairingId: string) {
  const pairing = await q.findPairing(deps.db, viewer.organisationId, pairingId);
  if (!pairing) throw new NotFound();
  const participant = isInPairing(viewer, pairing);
  if (!participant && !canSeeSummary(viewer, pairing)) throw new NotFound();
  return { pairing, participant, role: viewer.id === pairing.mentor_id ? ('mentor' as const) : viewer.id === pairing.mentee_id ? ('mentee' as const) : null };
}

/** Only the two people in an active pairing change its log. */
async function loadForParticipant(deps: AppDeps, viewer: Viewer, pairingId: string) {
  const loaded = await loadPairing(deps, viewer, pairingId);
  if (!loaded.participant) throw new Forbidden();
  if (loaded.pairing.status !== 'active') throw new Conflict('This pairing has ended, so its log can no longer change.');
  return loaded;
}

async function focusSkillsOf(db: Executor, organisationId: string, enrolmentId: string | null) {
  if (!enrolmentId) return [];
  const enrolment = await findEnrolmentRecord(db, organisationId, enrolmentId);
  return enrolment ? programmeFocusSkills(db, enrolment.programme_id) : [];
}

export async function getPairingPage(deps: AppDeps, viewer: Viewer, pairingId: string) {
  const { db } = deps;
  const { pairing, participant, role } = await loadPairing(deps, viewer, pairingId);
  const [meetings, actions, agreement, reviews, skills, enrolment] = await Promise.all([
    q.listMeetings(db, [pairing.id]),
    participant ? q.listActions(db, [pairing.id]) : Promise.resolve([]),
    participant ? q.latestAgreement(db, pairing.id) : Promise.resolve(undefined),
    q.listReviews(db, [pairing.id]),
    focusSkillsOf(db, viewer.organisationId, pairing.enrolment_id),
    pairing.enrolment_id ? findEnrolmentRecord(db, viewer.organisationId, pairing.enrolment_id) : Promise.resolve(undefined),
  ]);
  return {
    pairing,
    participant,
    role,
    // Leads see that meetings happened: dates, length and whether confirmed, never what was said.
    meetings: participant ? meetings : meetings.map((m) => ({ ...m, shared_notes: '', focus_skills: '[]' })),
    actions,
    agreement,
    reviews,
    skills,
    programme: enrolment ? `${enrolment.programme_title}, ${enrolment.cohort_name}` : null,
    today: londonDate(deps.clock.now()),
    canEnd: pairing.status === 'active' && canManagePairingsOf(viewer, pairing.mentee_school_id) && canAssign(viewer, pairing.kind, pairing.mentee_school_id),
  };
}
export type PairingPage = Awaited<ReturnType<typeof getPairingPage>>;

/**
 * A mentor or coach read their mentee's log (the pairing's page or one meeting's): kept in the
 * audit log with the mentee as the person affected. The mentee reading their own is not, nor a
 * lead's summary (dates only, never what was said).
 */
export async function auditLogRead(
  deps: AppDeps,
  viewer: Viewer,
  read: { pairing: { id: string; organisation_id: string; mentee_id: string }; role: 'mentor' | 'mentee' | null; meetingId?: string },
  requestId: string | null,
): Promise<void> {
  if (read.role !== 'mentor') return;
  await recordAudit(deps.db, deps.clock, {
    action: 'mentoring_log_viewed',
    organisationId: read.pairing.organisation_id,
    actorId: viewer.id,
    subjectType: read.meetingId ? 'mentoring_meeting' : 'mentoring_pairing',
    subjectId: read.meetingId ?? read.pairing.id,
    personId: read.pairing.mentee_id,
    detail: { pairingId: read.pairing.id },
    requestId,
  });
}

export async function endPairing(deps: AppDeps, viewer: Viewer, pairingId: string, values: FormValues, requestId: string | null) {
  const pairing = await q.findPairing(deps.db, viewer.organisationId, pairingId);
  if (!pairing || !canManagePairingsOf(viewer, pairing.mentee_school_id)) throw new NotFound();
  if (!canAssign(viewer, pairing.kind, pairing.mentee_school_id)) throw new Forbidden();
  if (pairing.status !== 'active') throw new Conflict('This pairing has already ended.');
  const reason = (values.reason ?? '').trim().slice(0, SHORT_MAX) || 'Ended';
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mentoring_pairings')
      .set({ status: 'ended', ended_at: now, ended_by: viewer.id, end_reason: reason })
      .where('id', '=', pairing.id)
      .where('status', '=', 'active')
      .execute();
    await recordAudit(trx, deps.clock, {
      action: 'mentoring_pairing_ended',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'mentoring_pairing',
      subjectId: pairing.id,
      detail: { reason },
      requestId,
    });
  });
  return pairing;
}

// ----- Meetings -----

export async function addMeeting(deps: AppDeps, viewer: Viewer, pairingId: string, values: FormValues, focus: string[]) {
  const { pairing } = await loadForParticipant(deps, viewer, pairingId);
  const errors: FieldErrors = {};
  const today = londonDate(deps.clock.now());
  const held = readDate(values, 'held', 'the date of the meeting', false);
  if ('error' in held) errors['held-day'] = held.error;
  else if ((held.date ?? '') > today)
    errors['held-day'] = 'The date of the meeting must be today or in the past: you can record a meeting once it has happened';
  const rawDuration = (values.duration ?? '').trim();
  const duration = Number(rawDuration);
  if (rawDuration === '') errors.duration = 'Enter how long the meeting lasted, in minutes';
  else if (!/^\d+$/.test(rawDuration) || duration < 5 || duration > 600)
    errors.duration = 'How long the meeting lasted must be a whole number of minutes from 5 to 600';
  const skills = await focusSkillsOf(deps.db, viewer.organisationId, pairing.enrolment_id);
  if (focus.some((id) => !skills.some((s) => s.id === id))) errors.focus = 'Select focus skills from the list';
  const shared = (values.sharedNotes ?? '').trim();
  if (shared.length > TEXT_MAX) errors.sharedNotes = `Shared notes must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
  const own = (values.privateNotes ?? '').trim();
  if (own.length > TEXT_MAX) errors.privateNotes = `Private notes must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
  const next = readDate(values, 'next', 'the date of the next meeting', true);
  if ('error' in next) errors['next-day'] = next.error;
  else if (next.date !== null && next.date < today) errors['next-day'] = 'The date of the next meeting must be today or in the future';
  if (Object.keys(errors).length > 0 || 'error' in held || 'error' in next) throw new Invalid(errors);
  const now = deps.clock.now().toISOString();
  const id = newId();
  const other = viewer.id === pairing.mentor_id ? pairing.mentee_id : pairing.mentor_id;
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mentoring_meetings')
      .values({
        id,
        pairing_id: pairing.id,
        held_on: held.date as string,
        duration_minutes: duration,
        focus_skills: JSON.stringify([...new Set(focus)]),
        shared_notes: shared,
        next_meeting_on: next.date,
        status: 'recorded',
        added_by: viewer.id,
        added_at: now,
        confirmed_by: null,
        confirmed_at: null,
      })
      .execute();
    await q.saveOwnPrivateNotes(trx, id, viewer.id, own, now);
    await notify(trx, deps.clock, {
      personId: other,
      kind: 'mentoring',
      subject: `${viewer.givenName} ${viewer.familyName} recorded a mentoring meeting: confirm it happened`,
      paragraphs: ['Check the date and the shared notes, and confirm the meeting happened. You can add your own private notes too.'],
      link: `/mentoring/meetings/${id}`,
      linkText: 'See the meeting:',
    });
  });
  return id;
}

async function loadMeeting(deps: AppDeps, viewer: Viewer, meetingId: string) {
  const meeting = await q.findMeeting(deps.db, meetingId);
  if (!meeting) throw new NotFound();
  const pairing = await q.findPairing(deps.db, viewer.organisationId, meeting.pairing_id);
  // Only the two people in the pairing open a meeting: leads see on the pairing page that it happened.
  if (!pairing || !isInPairing(viewer, pairing)) throw new NotFound();
  return { meeting, pairing };
}

export async function getMeetingPage(deps: AppDeps, viewer: Viewer, meetingId: string) {
  const { meeting, pairing } = await loadMeeting(deps, viewer, meetingId);
  const [privateNotes, actions, skills] = await Promise.all([
    q.findOwnPrivateNotes(deps.db, meeting.id, viewer.id),
    q.listActions(deps.db, [pairing.id]),
    focusSkillsOf(deps.db, viewer.organisationId, pairing.enrolment_id),
  ]);
  const focus = parseIdList(meeting.focus_skills);
  return {
    meeting,
    pairing,
    role: viewer.id === pairing.mentor_id ? ('mentor' as const) : ('mentee' as const),
    privateNotes: privateNotes?.notes ?? '',
    actions: actions.filter((a) => a.meeting_id === meeting.id || a.done_at === null),
    focusSkills: skills.filter((s) => focus.includes(s.id)),
    canConfirm: meeting.status === 'recorded' && meeting.added_by !== viewer.id && pairing.status === 'active',
    active: pairing.status === 'active',
    today: londonDate(deps.clock.now()),
  };
}
export type MeetingPage = Awaited<ReturnType<typeof getMeetingPage>>;

/** The other person confirms the meeting happened; the one who added it can't. */
export async function confirmMeetingHeld(deps: AppDeps, viewer: Viewer, meetingId: string) {
  const { meeting, pairing } = await loadMeeting(deps, viewer, meetingId);
  if (pairing.status !== 'active') throw new Conflict('This pairing has ended, so its log can no longer change.');
  if (meeting.added_by === viewer.id) throw new Forbidden('The other person in the pairing confirms the meeting happened.');
  if (meeting.held_on > londonDate(deps.clock.now())) throw new Conflict('A meeting in the future cannot be confirmed as held.');
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await q.confirmMeeting(trx, meeting.id, viewer.id, deps.clock.now().toISOString()))) return false;
    // The mentor's portfolio records the mentoring they give: the pairing's confirmed meetings so far.
    const confirmed = (await q.listMeetings(trx, [pairing.id])).filter((m) => m.status === 'confirmed');
    await deps.events.publish(trx, 'mentoring.meeting_confirmed', {
      organisationId: pairing.organisation_id,
      pairingId: pairing.id,
      kind: pairing.kind,
      mentorId: pairing.mentor_id,
      menteeName: `${pairing.mentee_given_name} ${pairing.mentee_family_name}`,
      meetings: confirmed.length,
      minutes: confirmed.reduce((sum, m) => sum + m.duration_minutes, 0),
      firstHeldOn: confirmed.map((m) => m.held_on).sort()[0] ?? meeting.held_on,
      lastHeldOn:
        confirmed
          .map((m) => m.held_on)
          .sort()
          .at(-1) ?? meeting.held_on,
      skillIds: [...new Set(confirmed.flatMap((m) => parseIdList(m.focus_skills)))],
    });
    return true;
  });
  if (!done) throw new Conflict('This meeting is already confirmed.');
  return meeting;
}

export async function savePrivateNotes(deps: AppDeps, viewer: Viewer, meetingId: string, values: FormValues) {
  const { meeting } = await loadMeeting(deps, viewer, meetingId);
  const notes = (values.privateNotes ?? '').trim();
  if (notes.length > TEXT_MAX) throw new Invalid({ privateNotes: `Private notes must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer` });
  await deps.db.transaction().execute((trx) => q.saveOwnPrivateNotes(trx, meeting.id, viewer.id, notes, deps.clock.now().toISOString()));
  return meeting;
}

export async function addAction(deps: AppDeps, viewer: Viewer, meetingId: string, values: FormValues) {
  const { meeting, pairing } = await loadMeeting(deps, viewer, meetingId);
  if (pairing.status !== 'active') throw new Conflict('This pairing has ended, so its log can no longer change.');
  const errors: FieldErrors = {};
  const description = (values.description ?? '').trim();
  if (description === '') errors.description = 'Enter what will be done';
  else if (description.length > SHORT_MAX) errors.description = `The action must be ${SHORT_MAX} characters or fewer`;
  const owner = values.owner ?? '';
  if (owner !== pairing.mentor_id && owner !== pairing.mentee_id) errors.owner = 'Select who will do it';
  const due = readDate(values, 'due', 'the date it is due', false);
  if ('error' in due) errors['due-day'] = due.error;
  if (Object.keys(errors).length > 0 || 'error' in due) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mentoring_actions')
      .values({
        id: newId(),
        pairing_id: pairing.id,
        meeting_id: meeting.id,
        description,
        owner_id: owner,
        due_on: due.date as string,
        done_at: null,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
  });
  return meeting;
}

export async function markActionDone(deps: AppDeps, viewer: Viewer, actionId: string) {
  const action = await q.findAction(deps.db, actionId);
  if (!action) throw new NotFound();
  const { meeting } = await loadMeeting(deps, viewer, action.meeting_id);
  if (action.done_at === null)
    await deps.db
      .transaction()
      .execute((trx) =>
        trx
          .updateTable('mentoring_actions')
          .set({ done_at: deps.clock.now().toISOString() })
          .where('id', '=', action.id)
          .where('done_at', 'is', null)
          .execute(),
      );
  return meeting;
}

// ----- The agreement -----

export async function getAgreementPage(deps: AppDeps, viewer: Viewer, pairingId: string) {
  const loaded = await loadForParticipant(deps, viewer, pairingId);
  return { ...loaded, agreement: await q.latestAgreement(deps.db, pairingId) };
}

/** Either of the pair proposes the agreement (or a change to it); the proposer has agreed to it, the other is asked to. */
export async function proposeAgreement(deps: AppDeps, viewer: Viewer, pairingId: string, values: FormValues) {
  const { pairing, role } = await loadForParticipant(deps, viewer, pairingId);
  const errors: FieldErrors = {};
  const fields = { goals: 'your goals', frequency: 'how often you will meet', how: 'how you will meet', confidentiality: 'what stays confidential' } as const;
  const text: Record<string, string> = {};
  for (const [name, what] of Object.entries(fields)) {
    const value = (values[name] ?? '').trim();
    if (value === '') errors[name] = `Enter ${what}`;
    else if (value.length > TEXT_MAX)
      errors[name] = `${what.charAt(0).toUpperCase()}${what.slice(1)} must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
    text[name] = value;
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const latest = await q.latestAgreement(trx, pairing.id);
    await trx
      .insertInto('mentoring_agreements')
      .values({
        id: newId(),
        pairing_id: pairing.id,
        version: (latest?.version ?? 0) + 1,
        goals: text.goals ?? '',
        frequency: text.frequency ?? '',
        how: text.how ?? '',
        confidentiality: text.confidentiality ?? '',
        proposed_by: viewer.id,
        proposed_at: now,
        mentor_agreed_at: role === 'mentor' ? now : null,
        mentee_agreed_at: role === 'mentee' ? now : null,
      })
      .execute();
    await notify(trx, deps.clock, {
      personId: role === 'mentor' ? pairing.mentee_id : pairing.mentor_id,
      kind: 'mentoring',
      subject: `${viewer.givenName} ${viewer.familyName} proposed ${latest ? 'a change to' : ''} your mentoring agreement`.replace('  ', ' '),
      paragraphs: ['Read it and agree, or propose changes.'],
      link: `/mentoring/pairings/${pairing.id}`,
      linkText: 'See the agreement:',
    });
  });
}

export async function agreeToAgreement(deps: AppDeps, viewer: Viewer, pairingId: string) {
  const { pairing, role } = await loadForParticipant(deps, viewer, pairingId);
  const latest = await q.latestAgreement(deps.db, pairing.id);
  if (!latest) throw new Conflict('There is no agreement to agree to yet.');
  const column = role === 'mentor' ? 'mentor_agreed_at' : 'mentee_agreed_at';
  if (latest[column]) throw new Conflict('You have already agreed to this version.');
  await deps.db.transaction().execute((trx) =>
    trx
      .updateTable('mentoring_agreements')
      .set({ [column]: deps.clock.now().toISOString() })
      .where('id', '=', latest.id)
      .where(column, 'is', null)
      .execute(),
  );
}

// ----- Sign-off and progress reviews (the mentor's) -----

export async function signOff(deps: AppDeps, viewer: Viewer, pairingId: string, values: FormValues, requestId: string | null) {
  const { pairing, role } = await loadForParticipant(deps, viewer, pairingId);
  if (role !== 'mentor') throw new Forbidden('Only the mentor or coach signs off.');
  if (pairing.signed_off_at) throw new Conflict('You have already signed off.');
  const comment = (values.comment ?? '').trim();
  if (comment.length > TEXT_MAX) throw new Invalid({ comment: `Your comment must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer` });
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('mentoring_pairings')
      .set({ signed_off_at: now, signed_off_comment: comment || null })
      .where('id', '=', pairing.id)
      .execute();
    await recordAudit(trx, deps.clock, {
      action: 'mentoring_signed_off',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'mentoring_pairing',
      subjectId: pairing.id,
      requestId,
    });
  });
}

export async function getReviewPage(deps: AppDeps, viewer: Viewer, pairingId: string) {
  const loaded = await loadForParticipant(deps, viewer, pairingId);
  if (loaded.role !== 'mentor') throw new Forbidden('Only the mentor or coach writes a progress review.');
  return { ...loaded, skills: await focusSkillsOf(deps.db, viewer.organisationId, loaded.pairing.enrolment_id) };
}
export type ReviewPage = Awaited<ReturnType<typeof getReviewPage>>;

export async function saveReview(deps: AppDeps, viewer: Viewer, page: ReviewPage, values: FormValues) {
  const errors: FieldErrors = {};
  const checkpoint = (values.checkpoint ?? '').trim();
  if (checkpoint === '') errors.checkpoint = 'Enter the checkpoint this review is for, for example ‘Midpoint’';
  else if (checkpoint.length > 100) errors.checkpoint = 'The checkpoint must be 100 characters or fewer';
  const comments: Record<string, string> = {};
  for (const s of page.skills) {
    const text = (values[`comment-${s.id}`] ?? '').trim();
    if (text.length > TEXT_MAX) errors[`comment-${s.id}`] = `Your comment on ${s.code} must be ${TEXT_MAX.toLocaleString('en-GB')} characters or fewer`;
    else if (text) comments[s.id] = text;
  }
  const overall = values.overall ?? '';
  if (!(overall in REVIEW_VIEWS)) errors.overall = 'Select whether they are on track or need support';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mentoring_reviews')
      .values({
        id: newId(),
        pairing_id: page.pairing.id,
        checkpoint,
        overall: overall as ReviewView,
        comments: JSON.stringify(comments),
        author_id: viewer.id,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
    await notify(trx, deps.clock, {
      personId: page.pairing.mentee_id,
      kind: 'mentoring',
      subject: `${viewer.givenName} ${viewer.familyName} wrote a progress review`,
      paragraphs: [`Overall: ${REVIEW_VIEWS[overall as ReviewView]}.`],
      link: `/mentoring/pairings/${page.pairing.id}`,
      linkText: 'Read it:',
    });
  });
}

// ----- Reminders -----

/** Reminds owners of actions due within two days, and whoever added a meeting two days ago without notes; once each. */
export async function sweepMentoringReminders(db: Db, clock: Clock) {
  const today = londonDate(clock.now());
  const [due, bare] = await Promise.all([q.listActionsDue(db, addDays(today, 2)), q.listMeetingsWithoutNotes(db, addDays(today, -2))]);
  let sent = 0;
  await db.transaction().execute(async (trx) => {
    for (const a of due) {
      const queued = await notify(trx, clock, {
        personId: a.owner_id,
        kind: 'mentoring_reminder',
        subject: a.due_on < today ? 'A mentoring action is overdue' : 'A mentoring action is due soon',
        paragraphs: [`“${a.description}”`, `Due on ${a.due_on}.`],
        link: `/mentoring/meetings/${a.meeting_id}`,
        linkText: 'See the action:',
        dedupeKey: `mentoring-action:${a.id}:${a.due_on < today ? 'overdue' : 'due'}`,
      });
      if (queued) sent++;
    }
    for (const m of bare) {
      const queued = await notify(trx, clock, {
        personId: m.added_by,
        kind: 'mentoring_reminder',
        subject: 'Add notes to your mentoring meeting',
        paragraphs: [`The meeting on ${m.held_on} has no shared notes yet.`],
        link: `/mentoring/meetings/${m.id}`,
        linkText: 'Add notes:',
        dedupeKey: `mentoring-notes:${m.id}`,
      });
      if (queued) sent++;
    }
  });
  return sent;
}
