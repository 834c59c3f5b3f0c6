export { findVisibleSession, sessionsForPerson, type CalendarSession } from './sessions.service';
export { canSeeSession } from './sessions.policy';
export { listGraduationEvents } from './sessions.queries';
export { type PublicSession, sessionsByIds } from './public-sessions';
export { canManageSessions } from './sessions.policy';
export { buildSessionFile } from './ical';
