export { findVisibleSession, sessionsForPerson, type CalendarSession } from './sessions.service';
export { canSeeSession } from './sessions.policy';
export { listGraduationEvents } from './sessions.queries';
