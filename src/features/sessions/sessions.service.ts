import { withOutsideSchoolNames } from '../establishments';
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import { formatTimeRange } from '../../platform/dates';
import { deleteFile, readFile, saveFile, uploadContentType } from '../../platform/files/files';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { skillsOfVersion } from '../frameworks';
import { notify } from '../notifications';
import { searchActiveStaff } from '../staff';
import { programmeFocusSkills } from '../programmes';
import { canManageMaterials, canManageSessions, canSeeSession } from './sessions.policy';
import * as q from './sessions.queries';
import { EVENT_KINDS, MAX_MATERIAL_BYTES, MODES, parseSkillIds, type SessionForm } from './sessions.schemas';
import type { SessionMode, SessionStatus } from './sessions.tables';

/**
 * A session or open event as a calendar shows it (feeds and .ics downloads). Times are UTC ISO
 * instants; `sequence` is the iCalendar SEQUENCE (raised on every change to what a calendar shows).
 */
export interface CalendarSession {
  id: string;
  title: string;
  description: string;
  startsAt: string;
  endsAt: string;
  mode: SessionMode;
  venue: string | null;
  onlineUrl: string | null;
  status: SessionStatus;
  sequence: number;
  updatedAt: string;
  createdAt: string;
  cancelReason: string | null;
  organisationName: string;
  facilitatorNames: string[];
}

type SessionRowWithNames = q.SessionWithNames;

export async function toCalendarSessions(db: Executor, rows: readonly SessionRowWithNames[]): Promise<CalendarSession[]> {
  const facilitators = await q.listFacilitators(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCalendarSession(r, facilitators));
}

/** One session as a calendar shows it; `facilitators` may include other sessions' facilitators. */
function toCalendarSession(r: SessionRowWithNames, facilitators: readonly { session_id: string; given_name: string; family_name: string }[]): CalendarSession {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    mode: r.mode,
    venue: r.venue,
    onlineUrl: r.online_url,
    status: r.status,
    sequence: Number(r.sequence),
    updatedAt: r.updated_at,
    createdAt: r.created_at,
    cancelReason: r.cancel_reason,
    organisationName: r.organisation_name,
    facilitatorNames: facilitators.filter((f) => f.session_id === r.id).map((f) => `${f.given_name} ${f.family_name}`),
  };
}

/**
 * Every session and event in a person's calendar, past and upcoming, cancelled ones included (so a
 * calendar can show STATUS:CANCELLED): their cohorts' sessions (enrolment active or completed), open
 * events they have a place at (booked, not waiting), and sessions they facilitate. Oldest first.
 */
export async function sessionsForPerson(db: Executor, personId: string): Promise<CalendarSession[]> {
  const rows = await q.listSessionsForPerson(db, personId);
  return toCalendarSessions(db, rows);
}

/** The session and how the viewer stands to it, if they may see it; NotFound otherwise. */
async function loadVisibleSession(db: Executor, viewer: Viewer, sessionId: string) {
  const session = await q.findSessionWithOrg(db, viewer.organisationId, sessionId);
  if (!session) throw new NotFound();
  const relation = await q.personRelation(db, session, viewer.id);
  const facts = {
    organisation_id: session.organisation_id,
    cohort_id: session.cohort_id,
    facilitates: relation.facilitates,
    enrolmentStatus: relation.enrolmentStatus,
  };
  if (!canSeeSession(viewer, facts)) throw new NotFound();
  // An open event's joining link is for those with a place (and those who run it): not for people
  // on the waiting list, or anyone just looking.
  const mayJoin =
    session.cohort_id !== null || relation.facilitates || relation.booking?.status === 'booked' || canManageSessions(viewer, session.organisation_id);
  return { session: mayJoin ? session : { ...session, online_url: null }, relation, facts };
}

/**
 * The session as a calendar shows it, when the viewer may see it (see `canSeeSession`);
 * NotFound otherwise, or when it doesn't exist.
 */
export async function findVisibleSession(db: Executor, viewer: Viewer, sessionId: string): Promise<CalendarSession> {
  const { session } = await loadVisibleSession(db, viewer, sessionId);
  return toCalendarSession(session, await q.listFacilitators(db, [session.id]));
}

// ----- Reading -----

/** Skills a cohort's session may focus on: the programme's focus skills, or every skill of its framework version. */
async function skillChoices(db: Executor, programme: { programme_id: string | null; framework_version_id: string | null } | null) {
  if (!programme?.programme_id || !programme.framework_version_id) return [];
  const [domains, focusSkills] = await Promise.all([skillsOfVersion(db, programme.framework_version_id), programmeFocusSkills(db, programme.programme_id)]);
  const focus = focusSkills.map((s) => s.id);
  const skills = domains.flatMap((d) => d.skills.map((s) => ({ id: s.id, code: s.code, title: s.title, domain: d.title })));
  return focus.length ? skills.filter((s) => focus.includes(s.id)) : skills;
}

/** Everything the session page shows the viewer. */
export async function getSessionPage(deps: AppDeps, viewer: Viewer, sessionId: string) {
  const { session, relation, facts } = await loadVisibleSession(deps.db, viewer, sessionId);
  const canManage = canManageSessions(viewer, session.organisation_id);
  const [facilitators, materials, skills, booked, bookings] = await Promise.all([
    q.listFacilitators(deps.db, [session.id]),
    q.listMaterials(deps.db, session.id),
    skillChoices(deps.db, session.cohort_id ? session : null),
    session.cohort_id === null ? q.countBooked(deps.db, session.id) : Promise.resolve(0),
    canManage && session.cohort_id === null
      ? q.listBookings(deps.db, session.id).then((rows) => withOutsideSchoolNames(deps, rows, (r) => r.person_id))
      : Promise.resolve([]),
  ]);
  const skillIds = parseSkillIds(session.skill_ids);
  const now = deps.clock.now().toISOString();
  return {
    session,
    facilitators,
    materials,
    skills: skills.filter((s) => skillIds.includes(s.id)),
    isEvent: session.cohort_id === null,
    placesLeft: session.capacity === null ? null : Math.max(0, session.capacity - booked),
    booked,
    booking: relation.booking && relation.booking.status !== 'cancelled' ? relation.booking : undefined,
    waitingPosition:
      relation.booking?.status === 'waiting' && relation.booking.waiting_since ? await q.waitingPosition(deps.db, session.id, relation.booking) : null,
    bookings,
    canManage,
    canManageMaterials: canManageMaterials(viewer, facts),
    isPast: session.ends_at <= now,
  };
}

/** The cohort's sessions, for its leads. */
export async function getCohortSessions(deps: AppDeps, viewer: Viewer, cohortId: string) {
  const cohort = await q.findCohortForSessions(deps.db, viewer.organisationId, cohortId);
  if (!cohort || !canManageSessions(viewer, cohort.organisation_id)) throw new NotFound();
  const sessions = await q.listCohortSessions(deps.db, cohort.id);
  const facilitators = await q.listFacilitators(
    deps.db,
    sessions.map((s) => s.id),
  );
  return { cohort, sessions: sessions.map((s) => ({ ...s, facilitators: facilitators.filter((f) => f.session_id === s.id) })) };
}

/** The cohort a session is added to (none for an open event), when the viewer may add sessions; NotFound otherwise. */
async function cohortToAddTo(deps: AppDeps, viewer: Viewer, cohortId: string | null) {
  let cohort: Awaited<ReturnType<typeof q.findCohortForSessions>>;
  if (cohortId) {
    cohort = await q.findCohortForSessions(deps.db, viewer.organisationId, cohortId);
    if (!cohort) throw new NotFound();
  }
  if (!canManageSessions(viewer, viewer.organisationId)) throw new NotFound();
  return cohort;
}

/** What the session form offers: skills (cohort sessions only). Facilitators are found by searching staff. */
export async function getSessionFormChoices(deps: AppDeps, viewer: Viewer, target: { cohortId: string | null }) {
  const cohort = await cohortToAddTo(deps, viewer, target.cohortId);
  const skills = await skillChoices(deps.db, cohort ?? null);
  return { cohort, skills };
}

/** At most this many people are listed for a facilitator search; more asks for a closer search. */
export const FACILITATOR_RESULTS = 20;

/**
 * The facilitator picker: the chosen people (active staff of the organisation among `chosenIds`) and,
 * for a search, the active staff it finds (any school) who aren't chosen already.
 */
export async function getFacilitatorPicker(deps: AppDeps, viewer: Viewer, chosenIds: readonly string[], search: string | null) {
  const chosen = await q.listStaffByIds(deps.db, viewer.organisationId, chosenIds);
  if (!search) return { chosen, found: null };
  const chosenSet = new Set(chosen.map((p) => p.id));
  const rows = await searchActiveStaff(deps.db, viewer.organisationId, search, FACILITATOR_RESULTS + chosenSet.size + 1);
  const found = rows.filter((p) => !chosenSet.has(p.id));
  return { chosen, found: found.slice(0, FACILITATOR_RESULTS), more: found.length > FACILITATOR_RESULTS };
}

/** A session the viewer may change (leads and organisation admins of its organisation); NotFound otherwise. */
async function managedSession(deps: AppDeps, viewer: Viewer, sessionId: string) {
  const session = await q.findSessionWithOrg(deps.db, viewer.organisationId, sessionId);
  if (!session || !canManageSessions(viewer, session.organisation_id)) throw new NotFound();
  return session;
}

/** A session the viewer may change, with its facilitators (for the form). */
export async function getManagedSession(deps: AppDeps, viewer: Viewer, sessionId: string) {
  const session = await managedSession(deps, viewer, sessionId);
  const facilitators = await q.listFacilitators(deps.db, [session.id]);
  return { session, facilitatorIds: facilitators.map((f) => f.id) };
}

/** The viewer's sessions: upcoming (soonest first) and past (latest first), with their booking of events. */
export async function getYourSessions(deps: AppDeps, viewer: Viewer) {
  const rows = await q.listSessionsForPerson(deps.db, viewer.id, { includeWaiting: true });
  const facilitators = await q.listFacilitators(
    deps.db,
    rows.map((r) => r.id),
  );
  const now = deps.clock.now().toISOString();
  const withFacilitating = rows.map((r) => ({ ...r, facilitating: facilitators.some((f) => f.session_id === r.id && f.id === viewer.id) }));
  return { upcoming: withFacilitating.filter((r) => r.ends_at > now), past: withFacilitating.filter((r) => r.ends_at <= now).reverse() };
}

/** The organisation's open events that haven't ended yet. */
export async function getUpcomingEvents(deps: AppDeps, viewer: Viewer) {
  const rows = await q.listUpcomingEvents(deps.db, viewer.organisationId, viewer.id, deps.clock.now().toISOString());
  return rows.map((r) => ({ ...r, booked: Number(r.booked ?? 0) }));
}

// ----- Creating, changing and cancelling -----

async function checkChoices(
  db: Executor,
  viewer: Viewer,
  form: SessionForm,
  cohort: { programme_id: string | null; framework_version_id: string | null } | null,
) {
  const errors: Record<string, string> = {};
  if (form.skillIds.length) {
    const allowed = new Set((await skillChoices(db, cohort)).map((s) => s.id));
    if (form.skillIds.some((id) => !allowed.has(id))) errors.skillIds = 'Select skills from the list';
  }
  if (form.facilitatorIds.length && (await q.countActiveStaff(db, viewer.organisationId, form.facilitatorIds)) !== form.facilitatorIds.length) {
    errors.facilitatorIds = 'Select facilitators from the list of staff';
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
}

function sessionTerm(session: { cohort_id: string | null }) {
  return session.cohort_id ? 'session' : 'event';
}

/** Creates a cohort's session (cohortId) or an open event of the organisation (cohortId null). */
export async function createSession(deps: AppDeps, viewer: Viewer, cohortId: string | null, form: SessionForm, requestId: string | null): Promise<string> {
  const cohort = await cohortToAddTo(deps, viewer, cohortId);
  const first = newId();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await checkChoices(trx, viewer, form, cohort ?? null);
    // One session, or the first of a series and the rest at their own times: all or none.
    const times = [{ startsAt: form.startsAt, endsAt: form.endsAt }, ...(cohort ? form.repeats : [])];
    for (const [index, time] of times.entries()) {
      const id = index === 0 ? first : newId();
      const when = { ...form, ...time };
      await q.insertSession(
        trx,
        {
          id,
          organisation_id: viewer.organisationId,
          cohort_id: cohort?.id ?? null,
          kind: cohort ? 'session' : form.kind,
          title: form.title,
          description: form.description,
          skill_ids: JSON.stringify(cohort ? form.skillIds : []),
          starts_at: when.startsAt,
          ends_at: when.endsAt,
          mode: form.mode,
          venue: form.venue,
          online_url: form.onlineUrl,
          capacity: cohort ? null : form.capacity,
          status: 'scheduled',
          cancel_reason: null,
          cancelled_at: null,
          sequence: 0,
          check_in_secret: randomBytes(32).toString('hex'),
          created_by: viewer.id,
          created_at: now,
          updated_at: now,
        },
        form.facilitatorIds,
      );
      await recordAudit(trx, deps.clock, {
        action: 'session_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'session',
        subjectId: id,
        detail: { cohortId: cohort?.id ?? null, title: form.title, startsAt: when.startsAt },
        requestId,
      });
      // The cohort's participants (and the facilitators) are told, each by their own email choices.
      if (cohort) {
        const where = placeText({ mode: form.mode, venue: form.venue, online_url: form.onlineUrl });
        for (const personId of await q.listAffectedPeople(trx, { id, cohort_id: cohort.id }, { includeWaiting: false })) {
          await notify(trx, deps.clock, {
            personId,
            kind: 'session_new',
            subject: `New session: “${form.title}”, ${formatTimeRange(when.startsAt, when.endsAt)}`,
            paragraphs: [
              `A session has been added to your programme: “${form.title}”.`,
              `When: ${formatTimeRange(when.startsAt, when.endsAt)} (UK time)`,
              `Where: ${where}`,
              'Calendars that subscribe to your Waymark calendar show it by themselves.',
            ],
            link: `/sessions/${id}`,
            linkText: 'See the session:',
            dedupeKey: `session-new:${id}:${personId}`,
          });
        }
      }
    }
  });
  return first;
}

function placeText(s: { mode: SessionMode; venue: string | null; online_url: string | null }): string {
  return s.mode === 'online' ? `online at ${s.online_url ?? ''}` : `in person at ${s.venue ?? ''}`;
}

/**
 * Changes a session or event. A new time or place tells everyone affected what changed (old → new,
 * London time); other changes (title, description, skills, facilitators, places) are saved quietly.
 * Any change calendars show (time, place, title, description, facilitators) raises the calendar
 * sequence. Raising an upcoming event's places offers them to the waiting list in order. A cancelled
 * session can't be changed.
 */
export async function editSession(deps: AppDeps, viewer: Viewer, sessionId: string, form: SessionForm, requestId: string | null): Promise<void> {
  const session = await managedSession(deps, viewer, sessionId);
  await deps.db.transaction().execute(async (trx) => {
    const current = await q.lockSession(trx, session.id);
    if (!current) throw new NotFound();
    if (current.status === 'cancelled') throw new Conflict(`This ${sessionTerm(current)} has been cancelled, so it can no longer be changed.`);
    await checkChoices(trx, viewer, form, session.cohort_id ? session : null);
    const isEvent = current.cohort_id === null;
    if (isEvent && form.capacity !== null) {
      const booked = await q.countBooked(trx, current.id);
      if (form.capacity < booked) throw new Invalid({ capacity: `Number of places cannot be less than the ${booked} already booked` });
    }
    const timeChanged = current.starts_at !== form.startsAt || current.ends_at !== form.endsAt;
    const placeChanged = current.mode !== form.mode || (current.venue ?? null) !== form.venue || (current.online_url ?? null) !== form.onlineUrl;
    const notifying = timeChanged || placeChanged;
    // Calendars show the title, description and facilitators too: any change to what they show
    // raises the SEQUENCE, or Google and Outlook keep the old copy of an event they already have.
    const before = (await q.listFacilitators(trx, [current.id])).map((f) => f.id);
    const facilitatorsChanged = before.length !== form.facilitatorIds.length || before.some((id) => !form.facilitatorIds.includes(id));
    const calendarChanged = notifying || current.title !== form.title || current.description !== form.description || facilitatorsChanged;
    const sequence = Number(current.sequence) + (calendarChanged ? 1 : 0);
    const now = deps.clock.now().toISOString();
    const columns = {
      kind: isEvent ? form.kind : ('session' as const),
      title: form.title,
      description: form.description,
      skill_ids: JSON.stringify(isEvent ? [] : form.skillIds),
      starts_at: form.startsAt,
      ends_at: form.endsAt,
      mode: form.mode,
      venue: form.venue,
      online_url: form.onlineUrl,
      capacity: isEvent ? form.capacity : null,
    };
    const changed = Object.entries(columns)
      .filter(([k, v]) => (current as Record<string, unknown>)[k] !== v)
      .map(([k]) => k)
      .concat(facilitatorsChanged ? ['facilitators'] : []);
    await q.updateSession(trx, current.id, { ...columns, sequence, updated_at: now });
    await q.replaceFacilitators(trx, current.id, form.facilitatorIds);
    await recordAudit(trx, deps.clock, {
      action: 'session_updated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: current.id,
      detail: { changed, sequence },
      requestId,
    });
    if (notifying) {
      // People waiting for a place are told of the change, but not given the joining link.
      const waiting = new Set(
        (await trx.selectFrom('session_bookings').select('person_id').where('session_id', '=', current.id).where('status', '=', 'waiting').execute()).map(
          (b) => b.person_id,
        ),
      );
      const place = (s: { mode: SessionMode; venue: string | null; online_url: string | null }, withLink: boolean) =>
        withLink ? placeText(s) : s.mode === 'online' ? 'online' : placeText(s);
      const what = [timeChanged ? 'time' : null, placeChanged ? 'place' : null].filter(Boolean).join(' and ');
      for (const personId of await q.listAffectedPeople(trx, current, { includeWaiting: true })) {
        const lines: string[] = [];
        if (timeChanged) lines.push(`When: ${formatTimeRange(current.starts_at, current.ends_at)} → ${formatTimeRange(form.startsAt, form.endsAt)} (UK time)`);
        const withLink = !waiting.has(personId);
        if (placeChanged)
          lines.push(`Where: ${place(current, withLink)} → ${place({ mode: form.mode, venue: form.venue, online_url: form.onlineUrl }, withLink)}`);
        await notify(trx, deps.clock, {
          personId,
          kind: 'session_change',
          subject: `The ${what} of “${form.title}” has changed`,
          paragraphs: [`The ${what} of “${form.title}” has changed.`, ...lines, 'Calendars that subscribe to your Waymark calendar update by themselves.'],
          link: `/sessions/${current.id}`,
          linkText: `See the ${sessionTerm(current)}:`,
          dedupeKey: `session-change:${current.id}:${sequence}:${personId}`,
        });
      }
    }
    // More places go to the people waiting, in order; not once the event is over (nobody can come).
    if (isEvent && form.endsAt > now && (form.capacity === null || (current.capacity !== null && form.capacity > current.capacity)))
      await fillFreedPlaces(trx, deps.clock, current.id);
  });
}

/** Cancels a session or event with a reason: it stays visible, marked cancelled, and everyone affected is told. */
export async function cancelSession(deps: AppDeps, viewer: Viewer, sessionId: string, reason: string, requestId: string | null): Promise<void> {
  const session = await managedSession(deps, viewer, sessionId);
  await deps.db.transaction().execute(async (trx) => {
    const current = await q.lockSession(trx, session.id);
    if (!current) throw new NotFound();
    if (current.status === 'cancelled') throw new Conflict(`This ${sessionTerm(current)} has already been cancelled.`);
    const now = deps.clock.now().toISOString();
    const sequence = Number(current.sequence) + 1;
    await q.updateSession(trx, current.id, { status: 'cancelled', cancel_reason: reason, cancelled_at: now, sequence, updated_at: now });
    await recordAudit(trx, deps.clock, {
      action: 'session_cancelled',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: current.id,
      detail: { reason, sequence },
      requestId,
    });
    for (const personId of await q.listAffectedPeople(trx, current, { includeWaiting: true })) {
      await notify(trx, deps.clock, {
        personId,
        kind: 'session_change',
        subject: `Cancelled: ${current.title}, ${formatTimeRange(current.starts_at, current.ends_at)}`,
        paragraphs: [
          `“${current.title}” on ${formatTimeRange(current.starts_at, current.ends_at)} (UK time) has been cancelled.`,
          `The reason given: “${reason}”`,
          'It is marked as cancelled in calendars that subscribe to your Waymark calendar.',
        ],
        link: `/sessions/${current.id}`,
        linkText: `See the ${sessionTerm(current)}:`,
        dedupeKey: `session-cancelled:${current.id}:${personId}`,
      });
    }
  });
}

// ----- Booking open events -----

/** An open event the viewer may book: visible, not cancelled, not over. */
async function bookableEvent(deps: AppDeps, viewer: Viewer, sessionId: string) {
  const { session } = await loadVisibleSession(deps.db, viewer, sessionId);
  if (session.cohort_id !== null) throw new NotFound();
  return session;
}

function assertOpenForBooking(session: { status: string; ends_at: string }, now: string) {
  if (session.status === 'cancelled') throw new Conflict('This event has been cancelled.');
  if (session.ends_at <= now) throw new Conflict('This event has finished.');
}

/**
 * Books the viewer a place at an open event, or puts them on its waiting list when it is full.
 * Returns which. Booking twice changes nothing.
 */
export async function bookPlace(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<'booked' | 'waiting'> {
  const event = await bookableEvent(deps, viewer, sessionId);
  return deps.db.transaction().execute(async (trx) => {
    const current = await q.lockSession(trx, event.id);
    if (!current) throw new NotFound();
    const now = deps.clock.now().toISOString();
    assertOpenForBooking(current, now);
    const existing = await q.findBooking(trx, current.id, viewer.id);
    if (existing && existing.status !== 'cancelled') return existing.status;
    const full = current.capacity !== null && (await q.countBooked(trx, current.id)) >= current.capacity;
    const status = full ? 'waiting' : 'booked';
    const columns = { status, waiting_since: full ? now : null, booked_at: full ? null : now, cancelled_at: null, updated_at: now } as const;
    if (existing) await q.updateBooking(trx, existing.id, columns);
    else await q.insertBooking(trx, { id: newId(), session_id: current.id, person_id: viewer.id, ...columns, created_at: now });
    const when = formatTimeRange(current.starts_at, current.ends_at);
    await notify(trx, deps.clock, {
      personId: viewer.id,
      kind: 'session_booking',
      subject: full ? `You are on the waiting list for ${current.title}` : `You have a place at ${current.title}`,
      paragraphs: full
        ? [
            `${current.title} (${when}, UK time) is full, so you are on the waiting list.`,
            'If a place becomes free, it is offered to the people waiting in the order they joined, and we will tell you if it is yours.',
          ]
        : [
            `You have a place at ${current.title}: ${when} (UK time), ${placeText(current)}.`,
            'If you can no longer come, cancel your place so that someone else can have it.',
          ],
      link: `/sessions/${current.id}`,
      linkText: 'See the event:',
    });
    return status;
  });
}

/** Cancels the viewer's place (or takes them off the waiting list); a freed place goes to the first person waiting. Returns what they had. */
export async function cancelPlace(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<'booked' | 'waiting'> {
  const event = await bookableEvent(deps, viewer, sessionId);
  return deps.db.transaction().execute(async (trx) => {
    const current = await q.lockSession(trx, event.id);
    if (!current) throw new NotFound();
    const booking = await q.findBooking(trx, current.id, viewer.id);
    if (!booking || booking.status === 'cancelled') throw new Conflict('You do not have a place at this event.');
    const now = deps.clock.now().toISOString();
    await q.updateBooking(trx, booking.id, { status: 'cancelled', cancelled_at: now, updated_at: now });
    await notify(trx, deps.clock, {
      personId: viewer.id,
      kind: 'session_booking',
      subject: booking.status === 'waiting' ? `You have left the waiting list for ${current.title}` : `Your place at ${current.title} is cancelled`,
      paragraphs: [
        booking.status === 'waiting'
          ? `You are no longer on the waiting list for ${current.title}.`
          : `You no longer have a place at ${current.title} (${formatTimeRange(current.starts_at, current.ends_at)}, UK time).`,
      ],
      link: `/sessions/${current.id}`,
      linkText: 'See the event:',
    });
    if (booking.status === 'booked' && current.status === 'scheduled' && current.ends_at > now) await fillFreedPlaces(trx, deps.clock, current.id);
    return booking.status;
  });
}

/**
 * Gives free places at an event to the people waiting, one at a time in the order they joined,
 * telling each one. Call inside the transaction that freed the place, after `lockSession`, so two
 * cancellations at once on PostgreSQL can never over-fill it.
 */
export async function fillFreedPlaces(trx: Executor, clock: Clock, sessionId: string): Promise<number> {
  const session = await trx
    .selectFrom('sessions_events')
    .select(['id', 'title', 'capacity', 'starts_at', 'ends_at', 'mode', 'venue', 'online_url', 'status'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (session?.status !== 'scheduled') return 0;
  let given = 0;
  for (;;) {
    if (session.capacity !== null && (await q.countBooked(trx, sessionId)) >= session.capacity) return given;
    const next = await q.firstWaiting(trx, sessionId);
    if (!next) return given;
    const now = clock.now().toISOString();
    await q.updateBooking(trx, next.id, { status: 'booked', booked_at: now, updated_at: now });
    await notify(trx, clock, {
      personId: next.person_id,
      kind: 'waitlist_place',
      subject: `A place has become free at ${session.title} — it is yours`,
      paragraphs: [
        `A place has become free at ${session.title} (${formatTimeRange(session.starts_at, session.ends_at)}, UK time), and as you were next on the waiting list, you have it.`,
        `It is ${placeText(session)}.`,
        'If you can no longer come, cancel your place so that the next person waiting can have it.',
      ],
      link: `/sessions/${session.id}`,
      linkText: 'See the event:',
      dedupeKey: `waitlist-place:${next.id}:${now}`,
    });
    given += 1;
  }
}

// ----- Materials -----

/** The session, if the viewer may add or remove its materials: leads and its facilitators. Others who can see it get 403. */
export async function getMaterialsSession(deps: AppDeps, viewer: Viewer, sessionId: string) {
  const { session, facts } = await loadVisibleSession(deps.db, viewer, sessionId);
  if (!canManageMaterials(viewer, facts)) throw new Forbidden('Only programme leads and the session’s facilitators add and remove materials.');
  return session;
}

/** Adds a link as a material. */
export async function addLinkMaterial(
  deps: AppDeps,
  viewer: Viewer,
  sessionId: string,
  link: { title: string; url: string },
  requestId: string | null,
): Promise<void> {
  const session = await getMaterialsSession(deps, viewer, sessionId);
  await deps.db.transaction().execute(async (trx) => {
    const id = newId();
    await q.insertMaterial(trx, {
      id,
      session_id: session.id,
      title: link.title,
      url: link.url,
      file_id: null,
      added_by: viewer.id,
      created_at: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      action: 'session_material_added',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: session.id,
      detail: { materialId: id, url: link.url },
      requestId,
    });
  });
}

/** Uploads a file as a material (PDF, Office documents, images; up to 10 MB). Invalid names the `file` field. */
export async function addFileMaterial(
  deps: AppDeps,
  viewer: Viewer,
  sessionId: string,
  upload: { title: string; fileName: string; bytes: Uint8Array },
  requestId: string | null,
): Promise<void> {
  const session = await getMaterialsSession(deps, viewer, sessionId);
  if (upload.bytes.byteLength === 0) throw new Invalid({ file: 'The selected file is empty' });
  if (upload.bytes.byteLength > MAX_MATERIAL_BYTES) throw new Invalid({ file: 'The selected file must be smaller than 10 MB' });
  const contentType = uploadContentType(upload.fileName, upload.bytes);
  if (!contentType) throw new Invalid({ file: 'The selected file must be a PDF, a Word, Excel or PowerPoint document, or a PNG, JPG or GIF image' });
  const fileName = upload.fileName.replace(/[\\/\r\n"]/g, '_').slice(-200);
  await deps.db.transaction().execute(async (trx) => {
    const fileId = await saveFile(trx, deps.clock, { organisationId: viewer.organisationId, fileName, contentType, bytes: upload.bytes, createdBy: viewer.id });
    const id = newId();
    await q.insertMaterial(trx, {
      id,
      session_id: session.id,
      title: upload.title || fileName,
      url: null,
      file_id: fileId,
      added_by: viewer.id,
      created_at: deps.clock.now().toISOString(),
    });
    await recordAudit(trx, deps.clock, {
      action: 'session_material_added',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: session.id,
      detail: { materialId: id, fileName, bytes: upload.bytes.byteLength },
      requestId,
    });
  });
}

/** Removes a material (and its stored file). Removing one that is already gone (a second click) changes nothing. */
export async function removeMaterial(deps: AppDeps, viewer: Viewer, sessionId: string, materialId: string, requestId: string | null): Promise<void> {
  const session = await getMaterialsSession(deps, viewer, sessionId);
  await deps.db.transaction().execute(async (trx) => {
    const material = await q.findMaterial(trx, session.id, materialId);
    if (!material) return;
    await q.deleteMaterial(trx, material.id);
    if (material.file_id) await deleteFile(trx, material.file_id);
    await recordAudit(trx, deps.clock, {
      action: 'session_material_removed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: session.id,
      detail: { materialId, title: material.title },
      requestId,
    });
  });
}

/** A material's file, for anyone who can see the session; NotFound for links and out-of-reach sessions. */
export async function readMaterialFile(deps: AppDeps, viewer: Viewer, sessionId: string, materialId: string) {
  const { session } = await loadVisibleSession(deps.db, viewer, sessionId);
  const material = await q.findMaterial(deps.db, session.id, materialId);
  if (!material?.file_id) throw new NotFound();
  const stored = await readFile(deps.db, material.file_id);
  if (!stored) throw new NotFound();
  return stored;
}

export { EVENT_KINDS, MODES };
