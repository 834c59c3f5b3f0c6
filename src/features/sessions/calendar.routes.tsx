import { Hono } from 'hono';
import { access, requireViewer } from '../../platform/http/access';
import type { AppEnv } from '../../platform/http/env';
import { NotFound } from '../../platform/http/errors';
import { looksLikeToken } from '../../platform/http/tokens';
import { renderPage } from '../../platform/ui/page';
import { findCalendarOwner, getCalendarToken, resetCalendarToken } from './attendance.service';
import { buildCalendar, buildSessionFile } from './ical';
import { findVisibleSession, sessionsForPerson } from './sessions.service';
import { CalendarPage } from './views/calendar';

/** Private calendar feeds, the page that gives out their address, and one session as a file. */
export const calendarRoutes = new Hono<AppEnv>();

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';

/** The address part of MAIL_FROM ("Waymark <no-reply@example.org>" → no-reply@example.org). */
function senderAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/** A file name from a title: "session-3-leading-change.ics". */
function fileName(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'session'}.ics`;
}

calendarRoutes.get('/calendar', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const token = await getCalendarToken(deps, viewer);
  const base = new URL(deps.config.BASE_URL);
  const feedUrl = token ? `${base.origin}/calendar/${token}.ics` : null;
  const webcalUrl = token ? `webcal://${base.host}/calendar/${token}.ics` : null;
  const done = c.req.query('done');
  c.header('Cache-Control', 'no-store');
  return renderPage(
    c,
    { title: 'Your calendar' },
    <CalendarPage
      feedUrl={feedUrl}
      webcalUrl={webcalUrl}
      banner={
        done === 'reset' ? 'Your calendar has a new address. The old one no longer works.' : done === 'created' ? 'Your calendar address is ready' : undefined
      }
    />,
  );
});

calendarRoutes.post('/calendar/reset', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const { replaced } = await resetCalendarToken(deps, viewer, c.get('requestId'));
  return c.redirect(`/calendar?done=${replaced ? 'reset' : 'created'}`, 303);
});

// The feed itself: no sign-in (calendar programs can't), the unguessable address is the key.
calendarRoutes.get('/calendar/:calendarToken{[A-Za-z0-9_-]+\\.ics}', access('anyone'), async (c) => {
  const deps = c.get('deps');
  const token = c.req.param('calendarToken').replace(/\.ics$/, '');
  if (!looksLikeToken(token)) throw new NotFound();
  const owner = await findCalendarOwner(deps.db, token);
  if (!owner) throw new NotFound();
  const now = deps.clock.now();
  const sessions = await sessionsForPerson(deps.db, owner.person_id);
  // Other features' entries for this person (the next mentoring meeting, say).
  const entries = (await Promise.all((deps.calendarEntries ?? []).map((entriesOf) => entriesOf(deps.db, owner.person_id, now)))).flat();
  const body = buildCalendar(
    sessions,
    {
      baseUrl: deps.config.BASE_URL,
      now,
      method: 'PUBLISH',
      calendarName: `Waymark: ${owner.organisation_name}`,
      organizerEmail: senderAddress(deps.config.MAIL_FROM),
    },
    { organisationName: owner.organisation_name, list: entries },
  );
  return c.body(body, 200, {
    'Content-Type': CALENDAR_TYPE,
    'Content-Disposition': 'inline; filename="waymark.ics"',
    'Cache-Control': 'private, no-cache',
    'X-Robots-Tag': 'noindex',
  });
});

calendarRoutes.get('/sessions/:sessionId/calendar.ics', access('signed-in'), async (c) => {
  const viewer = requireViewer(c.get('viewer'));
  const deps = c.get('deps');
  const session = await findVisibleSession(deps.db, viewer, c.req.param('sessionId'));
  const body = buildSessionFile(session, {
    baseUrl: deps.config.BASE_URL,
    now: deps.clock.now(),
    organizerEmail: senderAddress(deps.config.MAIL_FROM),
    attendee: { name: `${viewer.givenName} ${viewer.familyName}`, email: viewer.email },
  });
  return c.body(body, 200, {
    'Content-Type': CALENDAR_TYPE,
    'Content-Disposition': `attachment; filename="${fileName(session.title)}"`,
    'Cache-Control': 'private, no-cache',
  });
});
