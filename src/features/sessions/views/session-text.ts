import { EVENT_KINDS } from '../sessions.schemas';
import type { SessionKind, SessionMode } from '../sessions.tables';

/** "In person: Aspen Academy, Room 12" or "Online" (the link is shown where it can be followed). */
export function placeSummary(s: { mode: SessionMode; venue: string | null }): string {
  return s.mode === 'online' ? 'Online' : (s.venue ?? 'In person');
}

/** "Session", or the kind of open event ("Network meeting"). */
export function kindName(kind: SessionKind): string {
  return kind === 'session' ? 'Session' : EVENT_KINDS[kind];
}
