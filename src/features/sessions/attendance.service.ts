import { outsideSchoolNames } from '../establishments';
import type { Executor } from '../../platform/db/database';
import { isProgrammeLead } from '../../platform/http/access';
import { recordAudit } from '../../platform/audit/audit';
import { MINUTE } from '../../platform/db/clock';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import { newToken } from '../../platform/http/tokens';
import { clearFailedAttempts, describeWait, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import * as q from './attendance.queries';
import { checkCheckInCode, checkInStatus, checkInWindow, currentCheckInCode, secondsUntilNextCode, type CheckInWindow } from './check-in';
import { canSeeSession } from './sessions.policy';
import { parseSkillIds } from './sessions.schemas';
import { relationTo } from './sessions.queries';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from './sessions.tables';

export const ATTENDANCE_STATUS_TEXT: Record<AttendanceStatus, string> = {
  present: 'Present',
  late: 'Late',
  absent_with_reason: 'Absent with reason',
  absent: 'Absent',
};

/** Someone was marked present or late at a session (or checked in): the portfolio records it. */
export interface SessionAttended {
  organisationId: string;
  personId: string;
  sessionId: string;
  title: string;
  programmeTitle: string | null;
  startsAt: string;
  endsAt: string;
  skillIds: string[];
}

declare module '../../platform/events' {
  interface DomainEvents {
    'session.attended': SessionAttended;
  }
}

/** Publishes `session.attended` for each person, in the transaction that marks them. */
async function publishAttended(deps: AppDeps, trx: Executor, session: q.AttendanceSession, personIds: string[]): Promise<void> {
  for (const personId of personIds)
    await deps.events.publish(trx, 'session.attended', {
      organisationId: session.organisation_id,
      personId,
      sessionId: session.id,
      title: session.title,
      programmeTitle: session.programme_title ?? null,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      skillIds: parseSkillIds(session.skill_ids),
    });
}

/** Longest reason for an absence we keep. */
export const REASON_MAX = 500;

/** Wrong check-in codes, per person: four free tries, then doubling waits from 30 seconds, then 10 minutes out. */
export const CHECK_IN_LIMITS: ThrottleLimits = { windowMs: 30 * MINUTE, slowFrom: 5, firstWaitMs: 30_000, refuseFrom: 10, refusalMs: 10 * MINUTE };

/** What views may know about a session here (never its check-in secret). */
export interface AttendanceSessionView {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
  cohortName: string | null;
  programmeTitle: string | null;
  isEvent: boolean;
}

function publicSession(session: q.AttendanceSession): AttendanceSessionView {
  return {
    id: session.id,
    title: session.title,
    startsAt: session.starts_at,
    endsAt: session.ends_at,
    cancelled: session.status === 'cancelled',
    cohortName: session.cohort_name,
    programmeTitle: session.programme_title,
    isEvent: session.cohort_id === null,
  };
}

/** The session and how the viewer stands to it; NotFound when they may not see it. */
async function loadSession(db: Executor, viewer: Viewer, sessionId: string) {
  const session = await q.findSessionForAttendance(db, viewer.organisationId, sessionId);
  if (!session) throw new NotFound();
  const relation = await relationTo(db, session, viewer.id);
  if (!canSeeSession(viewer, { organisation_id: session.organisation_id, cohort_id: session.cohort_id, ...relation })) throw new NotFound();
  return { session, relation };
}

/** Programme leads (and organisation admins) of the organisation and the session's facilitators take its register. */
export function canTakeRegister(viewer: Viewer, session: { organisation_id: string }, relation: { facilitates: boolean }): boolean {
  return session.organisation_id === viewer.organisationId && (isProgrammeLead(viewer) || relation.facilitates);
}

/** A session whose register the viewer may take: NotFound if they can't see it, Forbidden if they may only see it. */
async function loadRegisterSession(db: Executor, viewer: Viewer, sessionId: string) {
  const { session, relation } = await loadSession(db, viewer, sessionId);
  if (!canTakeRegister(viewer, session, relation)) throw new Forbidden('Only the session’s facilitators and programme leads can take its register.');
  return session;
}

export interface RegisterEntry {
  personId: string;
  name: string;
  schoolName: string | null;
  status: AttendanceStatus | null;
  reason: string | null;
  method: 'register' | 'check_in' | null;
  markedAt: string | null;
}

export interface Register {
  session: AttendanceSessionView;
  entries: RegisterEntry[];
  counts: Record<AttendanceStatus | 'unmarked', number>;
}

/** Everyone expected at the session (and anyone marked since who no longer is), with their marks. */
async function buildRegister(deps: Pick<AppDeps, 'db' | 'outsideSchoolsOf'>, session: q.AttendanceSession): Promise<Register> {
  const db = deps.db;
  const [listed, marks] = await Promise.all([q.listExpected(db, session), q.listAttendance(db, session.id)]);
  // Participants from schools not on Waymark: their school's name from the school list.
  const outside = await outsideSchoolNames(
    deps,
    listed.filter((p) => p.schoolName === null).map((p) => p.personId),
  );
  const expected = listed.map((p) => (p.schoolName === null && outside.has(p.personId) ? { ...p, schoolName: outside.get(p.personId) ?? null } : p));
  const byPerson = new Map(marks.map((m) => [m.person_id, m]));
  const people = [...expected];
  for (const mark of marks) {
    if (!people.some((p) => p.personId === mark.person_id))
      people.push({ personId: mark.person_id, givenName: mark.given_name, familyName: mark.family_name, schoolName: null });
  }
  const entries = people.map((p) => {
    const mark = byPerson.get(p.personId);
    return {
      personId: p.personId,
      name: `${p.givenName} ${p.familyName}`,
      schoolName: p.schoolName,
      status: mark?.status ?? null,
      reason: mark?.reason ?? null,
      method: mark?.method ?? null,
      markedAt: mark?.marked_at ?? null,
    };
  });
  const counts: Register['counts'] = { present: 0, late: 0, absent_with_reason: 0, absent: 0, unmarked: 0 };
  for (const e of entries) counts[e.status ?? 'unmarked'] += 1;
  return { session: publicSession(session), entries, counts };
}

/** Settles that the viewer may take the session's register (NotFound or Forbidden otherwise), without building it. */
export async function assertCanTakeRegister(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<void> {
  await loadRegisterSession(deps.db, viewer, sessionId);
}

/** The register of a session, for its facilitators and programme leads. */
export async function getRegister(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<Register> {
  const session = await loadRegisterSession(deps.db, viewer, sessionId);
  return buildRegister(deps, session);
}

/** Field names on the register form, per person. */
export const statusField = (personId: string) => `status-${personId}`;
export const reasonField = (personId: string) => `reason-${personId}`;

/**
 * Saves the register as submitted: one status per person (a person left unmarked stays as they
 * were), a reason for "absent with reason". All or nothing: any bad entry and nothing is written.
 * A facilitator's mark replaces a self check-in. Returns how many marks changed.
 */
export async function saveRegister(deps: AppDeps, viewer: Viewer, sessionId: string, values: FormValues, requestId: string | null): Promise<number> {
  const session = await loadRegisterSession(deps.db, viewer, sessionId);
  if (session.status === 'cancelled') throw new Conflict('This session was cancelled, so it has no register.');
  const register = await buildRegister(deps, session);
  const errors: FieldErrors = {};
  const changes: q.MarkRow[] = [];
  const now = deps.clock.now().toISOString();
  for (const entry of register.entries) {
    const status = (values[statusField(entry.personId)] ?? '').trim();
    const reason = (values[reasonField(entry.personId)] ?? '').trim();
    if (!status) continue;
    if (!(ATTENDANCE_STATUSES as readonly string[]).includes(status)) {
      errors[statusField(entry.personId)] = `Select present, late, absent with reason or absent for ${entry.name}`;
      continue;
    }
    if (status === 'absent_with_reason' && !reason) {
      errors[reasonField(entry.personId)] = `Enter why ${entry.name} was absent`;
      continue;
    }
    if (reason.length > REASON_MAX) {
      errors[reasonField(entry.personId)] = `The reason for ${entry.name} must be ${REASON_MAX} characters or fewer`;
      continue;
    }
    const kept = status === 'absent_with_reason' ? reason : null;
    if (entry.status === status && (entry.reason ?? null) === kept && entry.method === 'register') continue;
    changes.push({
      session_id: session.id,
      person_id: entry.personId,
      status: status as AttendanceStatus,
      reason: kept,
      method: 'register',
      marked_by: viewer.id,
      marked_at: now,
    });
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  if (changes.length === 0) return 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const change of changes) await q.saveMark(trx, change);
    await publishAttended(
      deps,
      trx,
      session,
      changes.filter((c) => c.status === 'present' || c.status === 'late').map((c) => c.person_id),
    );
    await recordAudit(trx, deps.clock, {
      action: 'attendance_recorded',
      organisationId: session.organisation_id,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: session.id,
      detail: { marks: changes.length },
      requestId,
    });
  });
  return changes.length;
}

/**
 * "Mark all present": marks everyone expected who has no mark yet as present. Marks already made
 * (late, absent, a check-in) are left alone. Returns how many were marked.
 */
export async function markAllPresent(deps: AppDeps, viewer: Viewer, sessionId: string, requestId: string | null): Promise<number> {
  const session = await loadRegisterSession(deps.db, viewer, sessionId);
  if (session.status === 'cancelled') throw new Conflict('This session was cancelled, so it has no register.');
  const register = await buildRegister(deps, session);
  const unmarked = register.entries.filter((e) => e.status === null);
  if (unmarked.length === 0) return 0;
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    let marked = 0;
    for (const entry of unmarked) {
      if (
        await q.addMarkIfNone(trx, {
          session_id: session.id,
          person_id: entry.personId,
          status: 'present',
          reason: null,
          method: 'register',
          marked_by: viewer.id,
          marked_at: now,
        })
      ) {
        marked += 1;
        await publishAttended(deps, trx, session, [entry.personId]);
      }
    }
    await recordAudit(trx, deps.clock, {
      action: 'attendance_recorded',
      organisationId: session.organisation_id,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: session.id,
      detail: { allPresent: marked },
      requestId,
    });
    return marked;
  });
}

// ----- Self check-in -----

export interface CheckInCodeView {
  session: AttendanceSessionView;
  window: CheckInWindow;
  /** Only while check-in is open. */
  code: string | null;
  /** Where the QR code points (with the code). */
  checkInUrl: string;
  /** Seconds until the code changes (or until check-in opens, if sooner than a minute). */
  refreshInSeconds: number;
}

/** The code (and where its QR code points) for the session's facilitators and leads to show. */
export async function getCheckInCode(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<CheckInCodeView> {
  const session = await loadRegisterSession(deps.db, viewer, sessionId);
  const now = deps.clock.now();
  const window = session.status === 'cancelled' ? 'closed' : checkInWindow({ startsAt: session.starts_at, endsAt: session.ends_at }, now);
  const code = window === 'open' ? currentCheckInCode(session.check_in_secret, now) : null;
  const origin = new URL(deps.config.BASE_URL).origin;
  return {
    session: publicSession(session),
    window,
    code,
    checkInUrl: `${origin}/sessions/${session.id}/check-in${code ? `?code=${code}` : ''}`,
    refreshInSeconds: secondsUntilNextCode(now),
  };
}

/** Where a participant stands with checking in to a session. */
export type CheckInState =
  | { kind: 'cancelled' }
  | { kind: 'not_expected' }
  | { kind: 'marked'; status: AttendanceStatus; method: 'register' | 'check_in'; markedAt: string }
  | { kind: 'not_open'; opensAt: string }
  | { kind: 'closed' }
  | { kind: 'open' };

export interface CheckInPage {
  session: AttendanceSessionView;
  state: CheckInState;
}

async function checkInState(db: Executor, session: q.AttendanceSession, personId: string, now: Date): Promise<CheckInState> {
  if (session.status === 'cancelled') return { kind: 'cancelled' };
  const mark = await q.findMark(db, session.id, personId);
  if (mark) return { kind: 'marked', status: mark.status, method: mark.method, markedAt: mark.marked_at };
  if (!(await q.isExpected(db, session, personId))) return { kind: 'not_expected' };
  const window = checkInWindow({ startsAt: session.starts_at, endsAt: session.ends_at }, now);
  if (window === 'not_open') return { kind: 'not_open', opensAt: new Date(new Date(session.starts_at).getTime() - 15 * MINUTE).toISOString() };
  if (window === 'closed') return { kind: 'closed' };
  return { kind: 'open' };
}

/** Settles that the viewer may see the session (NotFound otherwise), without working out their check-in state. */
export async function assertCanSeeForCheckIn(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<void> {
  await loadSession(deps.db, viewer, sessionId);
}

/** The check-in page for a participant: whether they can check in now, or why not. */
export async function getCheckIn(deps: AppDeps, viewer: Viewer, sessionId: string): Promise<CheckInPage> {
  const { session } = await loadSession(deps.db, viewer, sessionId);
  return { session: publicSession(session), state: await checkInState(deps.db, session, viewer.id, deps.clock.now()) };
}

export type CheckInResult = { ok: true; status: 'present' | 'late' } | { ok: false; page: CheckInPage; error?: string; locked?: { retryAfterSeconds: number } };

/** Wrong check-in codes are counted per person under this prefix and their id (the retention rule forgets old counts). */
export const CHECK_IN_THROTTLE_PREFIX = 'check-in:';

/**
 * Checks a participant in with the code on the facilitator's screen: only while the session is
 * running (from 15 minutes before the start to the end), only for people expected at it. Marks
 * them present (late when more than 10 minutes after the start), never replacing a mark already
 * made. Wrong codes are counted per person and slowed down.
 */
export async function checkIn(deps: AppDeps, viewer: Viewer, sessionId: string, code: string): Promise<CheckInResult> {
  const { session } = await loadSession(deps.db, viewer, sessionId);
  const now = deps.clock.now();
  const page = async (): Promise<CheckInPage> => ({ session: publicSession(session), state: await checkInState(deps.db, session, viewer.id, now) });
  const current = await page();
  if (current.state.kind !== 'open') return { ok: false, page: current };

  const throttleKey = `${CHECK_IN_THROTTLE_PREFIX}${viewer.id}`;
  // Counted before the code is compared, so codes sent at the same moment can't all be tried;
  // anything that turns out not to be a wrong code is given back.
  const reservation = await reserveAttempt(deps.db, now, [[throttleKey, CHECK_IN_LIMITS]]);
  if (!reservation.admitted) {
    const locked = reservation.lockedUntil;
    return {
      ok: false,
      page: current,
      error: `You have entered too many wrong codes. Wait ${describeWait(locked, now)} and try again, or ask the facilitator to mark you present.`,
      locked: { retryAfterSeconds: Math.ceil((locked.getTime() - now.getTime()) / 1000) },
    };
  }
  const notAFailure = async (error: string): Promise<CheckInResult> => {
    await refundAttempts(deps.db, reservation.attempts);
    return { ok: false, page: current, error };
  };
  const trimmed = code.replace(/\s+/g, '');
  if (!trimmed) return notAFailure('Enter the 6-digit code shown by the facilitator');
  if (!/^\d{6}$/.test(trimmed)) return notAFailure('The code must be 6 digits, like 123456');
  const check = checkCheckInCode(session.check_in_secret, trimmed, now);
  if (check === 'expired') return notAFailure('That code has expired. Enter the code on the facilitator’s screen now');
  if (check === 'wrong') {
    const lockSet = reservation.attempts[0]?.lockedUntil;
    const lockedNow = lockSet ? new Date(lockSet) : null;
    return {
      ok: false,
      page: current,
      error: lockedNow
        ? `That code is not right. You have entered too many wrong codes: wait ${describeWait(lockedNow, now)} and try again, or ask the facilitator to mark you present.`
        : 'That code is not right. Check the code on the facilitator’s screen and try again',
    };
  }
  const status = checkInStatus(session.starts_at, now);
  const written = await deps.db.transaction().execute(async (trx) => {
    const added = await q.addMarkIfNone(trx, {
      session_id: session.id,
      person_id: viewer.id,
      status,
      reason: null,
      method: 'check_in',
      marked_by: viewer.id,
      marked_at: now.toISOString(),
    });
    if (added) {
      await clearFailedAttempts(trx, throttleKey);
      await publishAttended(deps, trx, session, [viewer.id]);
    }
    return added;
  });
  // A facilitator marked them in the meantime: their mark stands (and the right code cost nothing).
  if (!written) {
    await refundAttempts(deps.db, reservation.attempts);
    return { ok: false, page: await page() };
  }
  return { ok: true, status };
}

// ----- Attendance percentage -----

export interface AttendanceSummary {
  /** Sessions of the cohort that have ended and were not cancelled. */
  held: number;
  /** Of those, how many they were marked present or late at. */
  attended: number;
  /** Sessions of the cohort still to come (not cancelled). */
  upcoming: number;
  /** Whole per cent of held sessions attended; null before any session has been held. */
  percent: number | null;
}

/**
 * Attendance per enrolment: of its cohort's sessions that have ended and were not cancelled, how
 * many the participant attended (present or late count). Two queries for any number of enrolments.
 */
export async function attendanceForEnrolments(
  db: Executor,
  now: Date,
  enrolments: readonly { id: string; personId: string; cohortId: string }[],
): Promise<Map<string, AttendanceSummary>> {
  const cohortIds = [...new Set(enrolments.map((e) => e.cohortId))];
  const sessions = await q.listCountedSessions(db, cohortIds);
  const nowIso = now.toISOString();
  const held = sessions.filter((s) => s.ends_at <= nowIso);
  const marks = await q.listAttendedMarks(
    db,
    held.map((s) => s.id),
    [...new Set(enrolments.map((e) => e.personId))],
  );
  const attendedKeys = new Set(marks.map((m) => `${m.session_id} ${m.person_id}`));
  const out = new Map<string, AttendanceSummary>();
  for (const enrolment of enrolments) {
    const cohortHeld = held.filter((s) => s.cohort_id === enrolment.cohortId);
    const upcoming = sessions.filter((s) => s.cohort_id === enrolment.cohortId && s.ends_at > nowIso).length;
    const attended = cohortHeld.filter((s) => attendedKeys.has(`${s.id} ${enrolment.personId}`)).length;
    out.set(enrolment.id, {
      held: cohortHeld.length,
      attended,
      upcoming,
      percent: cohortHeld.length === 0 ? null : Math.round((attended / cohortHeld.length) * 100),
    });
  }
  return out;
}

/** "4 of 5 sessions (80%)", "No sessions held yet", or "No sessions" (a programme without any). */
export function describeAttendance(summary: AttendanceSummary): string {
  if (summary.held === 0) return summary.upcoming === 0 ? 'No sessions' : 'No sessions held yet';
  return `${summary.attended} of ${summary.held} ${summary.held === 1 ? 'session' : 'sessions'} (${summary.percent}%)`;
}

// ----- Calendar feeds -----

/** The viewer's private calendar feed token, if they have one. */
export async function getCalendarToken(deps: AppDeps, viewer: Viewer): Promise<string | null> {
  return (await q.findFeedOf(deps.db, viewer.id))?.token ?? null;
}

/** Gives the viewer a new private calendar address; the old one stops working at once. `replaced`: they had one. */
export async function resetCalendarToken(deps: AppDeps, viewer: Viewer, requestId: string | null): Promise<{ token: string; replaced: boolean }> {
  const token = newToken();
  const replaced = await deps.db.transaction().execute(async (trx) => {
    const had = !!(await q.findFeedOf(trx, viewer.id));
    await q.replaceFeed(trx, viewer.id, token, deps.clock.now().toISOString());
    await recordAudit(trx, deps.clock, {
      action: 'calendar_address_reset',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: viewer.id,
      detail: { replaced: had },
      requestId,
    });
    return had;
  });
  return { token, replaced };
}

/** The owner of a feed address (active people only), or nothing. */
export async function findCalendarOwner(db: Executor, token: string) {
  return q.findFeedOwner(db, token);
}
