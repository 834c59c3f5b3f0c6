import { recordAudit } from '../../platform/audit/audit';
import { DAY, HOUR, MINUTE } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import { formatDateTime, formatTimeRange } from '../../platform/dates';
import type { Executor } from '../../platform/db/database';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { type FieldErrors, Invalid, NotFound, TooManyRequests } from '../../platform/http/errors';
import { hashToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { describeWait, normaliseEmail, reserveAttempt, type ThrottleLimits } from '../auth';
import { buildSessionFile, canManageSessions, type PublicSession, sessionsByIds } from '../sessions';
import * as q from './tasters.queries';
import type { PublicTaster, TasterSignUp } from './tasters.tables';

/** How long a sign-up's confirmation link works. */
export const CONFIRM_LINK_DAYS = 2;

/** Per network address: generous, as a school's staff often share one. */
const ADDRESS_LIMITS: ThrottleLimits = { windowMs: HOUR, slowFrom: 20, firstWaitMs: 15_000, refuseFrom: 40, refusalMs: 15 * MINUTE };
/** Per email address: nobody needs more than a few links an hour. */
const EMAIL_LIMITS: ThrottleLimits = { windowMs: HOUR, slowFrom: 4, firstWaitMs: 60_000, refuseFrom: 6, refusalMs: HOUR };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Where a taster is: its venue, or "Online". */
export function placeOf(session: Pick<PublicSession, 'mode' | 'venue'>): string {
  return session.mode === 'online' ? 'Online' : (session.venue ?? '');
}

/** A public taster as its pages show it: the session, its public places (null: no limit) and how many are left. */
export interface TasterListing extends PublicSession {
  places: number | null;
  placesLeft: number | null;
}

async function withPlaces(db: Executor, sessions: PublicSession[], tasters: Map<string, PublicTaster>): Promise<TasterListing[]> {
  const taken = await q.countConfirmed(
    db,
    sessions.map((s) => s.id),
  );
  return sessions.map((s) => {
    const places = tasters.get(s.id)?.places ?? null;
    return { ...s, places, placesLeft: places === null ? null : Math.max(0, places - (taken.get(s.id) ?? 0)) };
  });
}

/** Public tasters that haven't started and aren't cancelled, soonest first, across the installation, with places left. */
export async function listUpcomingTasters(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<TasterListing[]> {
  const now = deps.clock.now().toISOString();
  const tasters = new Map((await q.listPublicTasters(deps.db)).map((t) => [t.session_id, t]));
  const sessions = (await sessionsByIds(deps.db, [...tasters.keys()])).filter((s) => s.status === 'scheduled' && s.startsAt > now);
  return withPlaces(deps.db, sessions, tasters);
}

/** One upcoming public taster with its places, or NotFound. */
export async function findUpcomingTaster(deps: Pick<AppDeps, 'db' | 'clock'>, sessionId: string): Promise<TasterListing> {
  const taster = await q.findPublicTaster(deps.db, sessionId);
  const [session] = taster ? await sessionsByIds(deps.db, [sessionId]) : [];
  if (!taster || session?.status !== 'scheduled' || session.startsAt <= deps.clock.now().toISOString()) throw new NotFound();
  const [listing] = await withPlaces(deps.db, [session], new Map([[sessionId, taster]]));
  return listing as TasterListing;
}

const STATUS_ORDER: Record<TasterSignUp['status'], number> = { confirmed: 0, waiting: 1, pending: 2, cancelled: 3 };

/** A session of the viewer's organisation for its leads: whether it is a public taster, its places, and who signed up (cancellations too). */
export async function getTasterSettings(deps: Pick<AppDeps, 'db'>, viewer: Viewer, sessionId: string) {
  const [session] = await sessionsByIds(deps.db, [sessionId]);
  if (!session || session.organisationId !== viewer.organisationId) throw new NotFound();
  const [taster, signUps] = await Promise.all([q.findPublicTaster(deps.db, sessionId), q.listSignUps(deps.db, sessionId)]);
  const count = (status: TasterSignUp['status']) => signUps.filter((u) => u.status === status).length;
  return {
    session,
    isPublic: !!taster,
    places: taster?.places ?? null,
    counts: { confirmed: count('confirmed'), waiting: count('waiting'), pending: count('pending'), cancelled: count('cancelled') },
    // Confirmed first, then the waiting list in its order, then those yet to confirm, then cancellations.
    signUps: [...signUps].sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        (a.waiting_since ?? a.created_at).localeCompare(b.waiting_since ?? b.created_at) ||
        a.id.localeCompare(b.id),
    ),
    canManage: canManageSessions(viewer, session.organisationId),
  };
}
export type TasterSettings = Awaited<ReturnType<typeof getTasterSettings>>;

/** What a sign-up's status is called on the lead's list and in the CSV file. */
export function signUpStatusText(u: Pick<TasterSignUp, 'status' | 'cancelled_at'>): string {
  if (u.status === 'confirmed') return 'Confirmed';
  if (u.status === 'waiting') return 'On the waiting list';
  if (u.status === 'cancelled') return `Cancelled${u.cancelled_at ? ` on ${formatDateTime(u.cancelled_at)}` : ''}`;
  return 'Waiting to confirm';
}

/**
 * Opens a session to the public as a taster with a number of places (empty: no limit), or closes it
 * (sign-ups so far are kept). More places go to the waiting list in order, each told by email.
 */
export async function setPublic(
  deps: AppDeps,
  viewer: Viewer,
  sessionId: string,
  values: { public?: string | undefined; places?: string | undefined },
  requestId: string | null,
) {
  const settings = await getTasterSettings(deps, viewer, sessionId);
  const makePublic = values.public;
  const errors: FieldErrors = {};
  if (makePublic !== 'yes' && makePublic !== 'no') errors.public = 'Select whether anyone may sign up for this session';
  else if (makePublic === 'yes' && settings.session.status === 'cancelled') errors.public = 'This session is cancelled, so it cannot be a public taster';
  const placesText = (values.places ?? '').trim();
  let places: number | null = null;
  if (makePublic === 'yes' && placesText !== '') {
    if (!/^\d+$/.test(placesText)) errors.places = 'Number of places must be a whole number, like 20';
    else if (Number(placesText) < 1) errors.places = 'Number of places must be 1 or more';
    else if (Number(placesText) > 10000) errors.places = 'Number of places must be 10,000 or fewer';
    else places = Number(placesText);
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  await deps.db.transaction().execute(async (trx) => {
    if (makePublic === 'yes') {
      await q.lockTaster(trx, sessionId);
      const taken = (await q.countConfirmed(trx, [sessionId])).get(sessionId) ?? 0;
      if (places !== null && places < taken) throw new Invalid({ places: `Number of places cannot be fewer than the ${taken} already taken` });
      await q.makePublic(trx, {
        session_id: sessionId,
        organisation_id: viewer.organisationId,
        made_public_by: viewer.id,
        made_public_at: deps.clock.now().toISOString(),
        places,
      });
      await fillFreedPlaces(trx, deps, settings.session);
    } else await q.makePrivate(trx, sessionId);
    await recordAudit(trx, deps.clock, {
      action: 'public_taster_changed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: sessionId,
      detail: { public: makePublic === 'yes', places },
      requestId,
    });
  });
}

function details(session: PublicSession): string {
  return `${session.title}, run by ${session.organisationName}\n${formatTimeRange(session.startsAt, session.endsAt)}\n${placeOf(session)}`;
}

function linkOf(deps: Pick<AppDeps, 'config'>, token: string): string {
  return `${deps.config.BASE_URL}/taster-sign-ups/${token}`;
}

/** The email with a place: the details, the calendar file and the private link to cancel. */
function placeEmail(deps: Pick<AppDeps, 'config'>, session: PublicSession, name: string, token: string, opening: string) {
  const link = linkOf(deps, token);
  return `Hello ${name},\n\n${opening}\n\n${details(session)}\n\nAdd it to your calendar:\n${link}/calendar.ics\n\nIf you can no longer come, cancel your place with this link, so that someone on the waiting list can have it. The link is yours alone: don't share it.\n${link}/cancel\n\n${session.description}\n`;
}

/** The email for someone on the waiting list: what happens next, and the private link to leave it. */
function waitingEmail(deps: Pick<AppDeps, 'config'>, session: PublicSession, name: string, token: string, opening: string) {
  return `Hello ${name},\n\n${opening}\n\n${details(session)}\n\nIf a place comes free, it goes to the people waiting in the order they joined, and we will email you if it is yours.\n\nTo leave the waiting list, use this link (it is yours alone: don't share it):\n${linkOf(deps, token)}/cancel\n`;
}

/**
 * Someone asks for a place at a public taster. Whatever the address, the page that follows is the
 * same: a new address (or one that hasn't confirmed yet, or cancelled) gets a link to confirm it; an
 * address with a place or on the waiting list gets that again with new links. Confirming takes a
 * place if one is left, else a place on the waiting list. Rate limited by network and email address.
 */
export async function requestSignUp(deps: AppDeps, sessionId: string, values: { name?: string; email?: string }, address: string | null): Promise<string> {
  const session = await findUpcomingTaster(deps, sessionId);
  const name = (values.name ?? '').trim();
  const email = (values.email ?? '').trim();
  const errors: Record<string, string> = {};
  if (name === '') errors.name = 'Enter your name';
  else if (name.length > 150) errors.name = 'Name must be 150 characters or fewer';
  if (email === '') errors.email = 'Enter your email address';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'Enter an email address in the correct format, like name@school.org.uk';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const key = normaliseEmail(email);

  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [
    [`taster-sign-up:address:${address ?? 'unknown'}`, ADDRESS_LIMITS],
    // The email's hash, not the address itself: the throttle keeps no personal data.
    [`taster-sign-up:email:${hashToken(key)}`, EMAIL_LIMITS],
  ]);
  if (!reservation.admitted)
    throw new TooManyRequests(
      `Too many sign-ups have been asked for from your network or for this email address. Wait ${describeWait(reservation.lockedUntil, now)} and try again.`,
      Math.ceil((reservation.lockedUntil.getTime() - now.getTime()) / 1000),
    );

  const token = newToken();
  const link = linkOf(deps, token);
  await deps.db.transaction().execute(async (trx) => {
    const existing = await q.findSignUpByEmail(trx, session.id, key);
    if (existing?.status === 'confirmed') {
      await q.renewSignUp(trx, existing.id, { token_hash: hashToken(token) });
      await enqueueEmail(trx, deps.clock, {
        to: email,
        subject: `You already have a place: ${session.title}`,
        text: placeEmail(
          deps,
          session,
          existing.name,
          token,
          'Someone asked for a place at this taster with this email address, and you already have one. If it wasn’t you, you can ignore this email: the links in earlier emails no longer work, these do.',
        ),
      });
      return;
    }
    if (existing?.status === 'waiting') {
      await q.renewSignUp(trx, existing.id, { token_hash: hashToken(token) });
      await enqueueEmail(trx, deps.clock, {
        to: email,
        subject: `You are on the waiting list: ${session.title}`,
        text: waitingEmail(
          deps,
          session,
          existing.name,
          token,
          'Someone asked for a place at this taster with this email address, and you are already on its waiting list. If it wasn’t you, you can ignore this email.',
        ),
      });
      return;
    }
    const expiresAt = new Date(now.getTime() + CONFIRM_LINK_DAYS * DAY).toISOString();
    if (existing)
      await q.renewSignUp(trx, existing.id, {
        token_hash: hashToken(token),
        name,
        expires_at: expiresAt,
        status: 'pending',
        cancelled_at: null,
        waiting_since: null,
      });
    else
      await q.insertSignUp(trx, {
        id: newId(),
        session_id: session.id,
        organisation_id: session.organisationId,
        name,
        email,
        email_normalised: key,
        token_hash: hashToken(token),
        status: 'pending',
        created_at: now.toISOString(),
        expires_at: expiresAt,
        confirmed_at: null,
        waiting_since: null,
        cancelled_at: null,
      });
    const full = session.placesLeft === 0;
    await enqueueEmail(trx, deps.clock, {
      to: email,
      subject: full ? `Confirm to join the waiting list: ${session.title}` : `Confirm your place: ${session.title}`,
      text: full
        ? `Hello,\n\nThis taster is full. To join its waiting list, follow this link. It works for ${CONFIRM_LINK_DAYS} days:\n\n${details(session)}\n\n${link}\n\nIf a place is free when you follow the link, it is yours.\n\nIf you didn't ask, you can ignore this email.\n`
        : `Hello,\n\nTo confirm your place at this taster, follow this link. It works for ${CONFIRM_LINK_DAYS} days:\n\n${details(session)}\n\n${link}\n\nIf you didn't ask for a place, you can ignore this email: nothing is booked until you confirm.\n`,
    });
  });
  return email;
}

export type LinkProblem = 'unknown' | 'expired' | 'cancelled';

/** A sign-up's link and its taster; or why it doesn't work (a cancelled place's links no longer work). */
export async function checkLink(deps: Pick<AppDeps, 'db' | 'clock'>, token: string) {
  const signUp = await q.findSignUpByToken(deps.db, hashToken(token));
  if (!signUp) return { ok: false as const, reason: 'unknown' as LinkProblem };
  const [session] = await sessionsByIds(deps.db, [signUp.session_id]);
  if (!session) return { ok: false as const, reason: 'unknown' as LinkProblem };
  if (signUp.status === 'cancelled') return { ok: false as const, reason: 'cancelled' as LinkProblem, signUp, session };
  if (signUp.status === 'pending' && signUp.expires_at <= deps.clock.now().toISOString()) return { ok: false as const, reason: 'expired' as LinkProblem };
  return { ok: true as const, signUp, session };
}

/** Where someone stands on the waiting list (1 is next), for their link's page. */
export function waitingPosition(deps: Pick<AppDeps, 'db'>, signUp: TasterSignUp): Promise<number> {
  return q.waitingPosition(deps.db, signUp);
}

/**
 * Confirms the sign-up (POST from the link's page): a place if one is left, else the waiting list.
 * Emails which, with the calendar file and the private link to cancel.
 */
export async function confirmPlace(deps: AppDeps, token: string): Promise<void> {
  const check = await checkLink(deps, token);
  if (!check.ok) throw new NotFound();
  const { signUp, session } = check;
  if (signUp.status !== 'pending') return;
  if (session.status !== 'scheduled' || session.startsAt <= deps.clock.now().toISOString()) throw new NotFound();
  await deps.db.transaction().execute(async (trx) => {
    const taster = await q.lockTaster(trx, session.id);
    if (!taster) throw new NotFound();
    const now = deps.clock.now().toISOString();
    const taken = (await q.countConfirmed(trx, [session.id])).get(session.id) ?? 0;
    const full = taster.places !== null && taken >= taster.places;
    if (full) {
      if (!(await q.moveSignUp(trx, signUp.id, 'pending', { status: 'waiting', waiting_since: now }))) return;
      await enqueueEmail(trx, deps.clock, {
        to: signUp.email,
        subject: `You are on the waiting list: ${session.title}`,
        text: waitingEmail(deps, session, signUp.name, token, 'This taster is full, so you are on its waiting list:'),
      });
      return;
    }
    if (!(await q.moveSignUp(trx, signUp.id, 'pending', { status: 'confirmed', confirmed_at: now }))) return;
    await enqueueEmail(trx, deps.clock, {
      to: signUp.email,
      subject: `Your place is confirmed: ${session.title}`,
      text: placeEmail(deps, session, signUp.name, token, 'Your place is confirmed:'),
    });
  });
}

/**
 * Cancels a place, or leaves the waiting list (POST from the private link in the emails). The
 * link stops working; a freed place goes to whoever has waited longest, told by email.
 */
export async function cancelPlace(deps: AppDeps, token: string): Promise<void> {
  const check = await checkLink(deps, token);
  if (!check.ok) throw new NotFound();
  const { signUp, session } = check;
  if (signUp.status !== 'confirmed' && signUp.status !== 'waiting') throw new NotFound();
  await deps.db.transaction().execute(async (trx) => {
    await q.lockTaster(trx, session.id);
    const now = deps.clock.now().toISOString();
    if (!(await q.moveSignUp(trx, signUp.id, signUp.status, { status: 'cancelled', cancelled_at: now }))) return;
    await recordAudit(trx, deps.clock, {
      action: 'taster_place_cancelled',
      organisationId: session.organisationId,
      subjectType: 'session',
      subjectId: session.id,
      detail: { signUpId: signUp.id, was: signUp.status },
      requestId: null,
    });
    await enqueueEmail(trx, deps.clock, {
      to: signUp.email,
      subject: signUp.status === 'waiting' ? `You have left the waiting list: ${session.title}` : `Your place is cancelled: ${session.title}`,
      text: `Hello ${signUp.name},\n\n${signUp.status === 'waiting' ? 'You are no longer on the waiting list for this taster:' : 'Your place at this taster is cancelled:'}\n\n${details(session)}\n\nIf you change your mind, sign up again from the taster's page while places are left:\n${deps.config.BASE_URL}/tasters/${session.id}\n`,
    });
    if (signUp.status === 'confirmed') await fillFreedPlaces(trx, deps, session);
  });
}

/**
 * Gives free places to the waiting list, one at a time in the order they joined, each told by
 * email with new links (only their hash is kept, so the old ones are replaced). Call inside the
 * transaction that freed the place, after `lockTaster`. Nothing once the taster has started.
 */
async function fillFreedPlaces(trx: Executor, deps: Pick<AppDeps, 'clock' | 'config'>, session: PublicSession): Promise<number> {
  const now = deps.clock.now().toISOString();
  if (session.status !== 'scheduled' || session.startsAt <= now) return 0;
  const taster = await q.findPublicTaster(trx, session.id);
  if (!taster) return 0;
  let given = 0;
  for (;;) {
    if (taster.places !== null && ((await q.countConfirmed(trx, [session.id])).get(session.id) ?? 0) >= taster.places) return given;
    const next = await q.firstWaiting(trx, session.id);
    if (!next) return given;
    const token = newToken();
    if (!(await q.moveSignUp(trx, next.id, 'waiting', { status: 'confirmed', confirmed_at: now, token_hash: hashToken(token) }))) return given;
    given++;
    await enqueueEmail(trx, deps.clock, {
      to: next.email,
      subject: `A place has come free and it is yours: ${session.title}`,
      text: placeEmail(deps, session, next.name, token, 'A place has come free at this taster, and as you were next on the waiting list, it is yours:'),
    });
  }
}

/** The calendar file of a confirmed place. */
export async function calendarFile(deps: AppDeps, token: string): Promise<{ body: string; title: string }> {
  const check = await checkLink(deps, token);
  if (!check.ok || check.signUp.status !== 'confirmed') throw new NotFound();
  const organizerEmail = /<([^>]+)>/.exec(deps.config.MAIL_FROM)?.[1] ?? deps.config.MAIL_FROM.trim();
  const body = buildSessionFile(check.session, {
    baseUrl: deps.config.BASE_URL,
    now: deps.clock.now(),
    organizerEmail,
    attendee: { name: check.signUp.name, email: check.signUp.email },
  });
  return { body, title: check.session.title };
}

/** Retention: deletes the organisation's sign-ups to tasters that ended before `cutoff`. */
export async function deleteOldSignUps(db: Parameters<typeof q.listSignedUpSessionIds>[0], organisationId: string, cutoff: string): Promise<number> {
  const sessions = await sessionsByIds(db, await q.listSignedUpSessionIds(db, organisationId));
  return q.deleteSignUpsOfSessions(
    db,
    organisationId,
    sessions.filter((s) => s.endsAt < cutoff).map((s) => s.id),
  );
}
