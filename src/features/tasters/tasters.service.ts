import { recordAudit } from '../../platform/audit/audit';
import { DAY, HOUR, MINUTE } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import { formatTimeRange } from '../../platform/dates';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Invalid, NotFound, TooManyRequests } from '../../platform/http/errors';
import { hashToken, newToken } from '../../platform/http/tokens';
import { enqueueEmail } from '../../platform/jobs/outbox';
import { describeWait, normaliseEmail, reserveAttempt, type ThrottleLimits } from '../auth';
import { buildSessionFile, canManageSessions, type PublicSession, sessionsByIds } from '../sessions';
import * as q from './tasters.queries';

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

/** Public tasters that haven't started and aren't cancelled, soonest first, across the installation. */
export async function listUpcomingTasters(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<PublicSession[]> {
  const now = deps.clock.now().toISOString();
  const tasters = await q.listPublicTasters(deps.db);
  return (
    await sessionsByIds(
      deps.db,
      tasters.map((t) => t.session_id),
    )
  ).filter((s) => s.status === 'scheduled' && s.startsAt > now);
}

/** One upcoming public taster, or NotFound. */
export async function findUpcomingTaster(deps: Pick<AppDeps, 'db' | 'clock'>, sessionId: string): Promise<PublicSession> {
  const taster = await q.findPublicTaster(deps.db, sessionId);
  const [session] = taster ? await sessionsByIds(deps.db, [sessionId]) : [];
  if (session?.status !== 'scheduled' || session.startsAt <= deps.clock.now().toISOString()) throw new NotFound();
  return session;
}

/** A session of the viewer's organisation for its leads: whether it is a public taster, and who signed up. */
export async function getTasterSettings(deps: Pick<AppDeps, 'db'>, viewer: Viewer, sessionId: string) {
  const [session] = await sessionsByIds(deps.db, [sessionId]);
  if (!session || session.organisationId !== viewer.organisationId) throw new NotFound();
  const [taster, signUps] = await Promise.all([q.findPublicTaster(deps.db, sessionId), q.listSignUps(deps.db, sessionId)]);
  return { session, isPublic: !!taster, signUps, canManage: canManageSessions(viewer, session.organisationId) };
}
export type TasterSettings = Awaited<ReturnType<typeof getTasterSettings>>;

/** Opens a session to the public as a taster, or closes it (sign-ups so far are kept). */
export async function setPublic(deps: AppDeps, viewer: Viewer, sessionId: string, makePublic: string | undefined, requestId: string | null) {
  const settings = await getTasterSettings(deps, viewer, sessionId);
  if (makePublic !== 'yes' && makePublic !== 'no') throw new Invalid({ public: 'Select whether anyone may sign up for this session' });
  if (makePublic === 'yes' && settings.session.status === 'cancelled')
    throw new Invalid({ public: 'This session is cancelled, so it cannot be a public taster' });
  await deps.db.transaction().execute(async (trx) => {
    if (makePublic === 'yes')
      await q.makePublic(trx, {
        session_id: sessionId,
        organisation_id: viewer.organisationId,
        made_public_by: viewer.id,
        made_public_at: deps.clock.now().toISOString(),
      });
    else await q.makePrivate(trx, sessionId);
    await recordAudit(trx, deps.clock, {
      action: 'public_taster_changed',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'session',
      subjectId: sessionId,
      detail: { public: makePublic === 'yes' },
      requestId,
    });
  });
}

function details(session: PublicSession): string {
  return `${session.title}, run by ${session.organisationName}\n${formatTimeRange(session.startsAt, session.endsAt)}\n${placeOf(session)}`;
}

/**
 * Someone asks for a place at a public taster. Whatever the address, the page that follows is the
 * same: a new address (or one that hasn't confirmed yet) gets a link to confirm it; an address
 * already confirmed gets its details and calendar file again. Rate limited by network and email address.
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
  const link = `${deps.config.BASE_URL}/taster-sign-ups/${token}`;
  await deps.db.transaction().execute(async (trx) => {
    const existing = await q.findSignUpByEmail(trx, session.id, key);
    if (existing?.status === 'confirmed') {
      await q.renewSignUp(trx, existing.id, { token_hash: hashToken(token) });
      await enqueueEmail(trx, deps.clock, {
        to: email,
        subject: `You already have a place: ${session.title}`,
        text: `Hello,\n\nSomeone asked for a place at this taster with this email address, and you already have one:\n\n${details(session)}\n\nAdd it to your calendar:\n${link}/calendar.ics\n\nIf it wasn't you, you can ignore this email.\n`,
      });
      return;
    }
    const expiresAt = new Date(now.getTime() + CONFIRM_LINK_DAYS * DAY).toISOString();
    if (existing) await q.renewSignUp(trx, existing.id, { token_hash: hashToken(token), name, expires_at: expiresAt });
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
      });
    await enqueueEmail(trx, deps.clock, {
      to: email,
      subject: `Confirm your place: ${session.title}`,
      text: `Hello,\n\nTo confirm your place at this taster, follow this link. It works for ${CONFIRM_LINK_DAYS} days:\n\n${details(session)}\n\n${link}\n\nIf you didn't ask for a place, you can ignore this email: nothing is booked until you confirm.\n`,
    });
  });
  return email;
}

/** A sign-up's link and its taster; or why it doesn't work. */
export async function checkLink(deps: Pick<AppDeps, 'db' | 'clock'>, token: string) {
  const signUp = await q.findSignUpByToken(deps.db, hashToken(token));
  if (!signUp) return { ok: false as const, reason: 'unknown' as const };
  const [session] = await sessionsByIds(deps.db, [signUp.session_id]);
  if (!session) return { ok: false as const, reason: 'unknown' as const };
  if (signUp.status === 'pending' && signUp.expires_at <= deps.clock.now().toISOString()) return { ok: false as const, reason: 'expired' as const };
  return { ok: true as const, signUp, session };
}

/** Confirms the place (POST from the link's page), and emails the details with the calendar file's link. */
export async function confirmPlace(deps: AppDeps, token: string): Promise<void> {
  const check = await checkLink(deps, token);
  if (!check.ok) throw new NotFound();
  const { signUp, session } = check;
  if (signUp.status === 'confirmed') return;
  if (session.status !== 'scheduled' || session.startsAt <= deps.clock.now().toISOString()) throw new NotFound();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.confirmSignUp(trx, signUp.id, deps.clock.now().toISOString()))) return;
    await enqueueEmail(trx, deps.clock, {
      to: signUp.email,
      subject: `Your place is confirmed: ${session.title}`,
      text: `Hello ${signUp.name},\n\nYour place is confirmed:\n\n${details(session)}\n\nAdd it to your calendar:\n${deps.config.BASE_URL}/taster-sign-ups/${token}/calendar.ics\n\n${session.description}\n`,
    });
  });
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
