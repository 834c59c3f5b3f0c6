export { sessionRoutes } from './sessions.routes';
export { findVisibleSession, sessionsForPerson, type CalendarSession } from './sessions.service';
export { canSeeSession } from './sessions.policy';
export { sendSessionReminders } from './sessions.reminders';
export { attendanceRoutes } from './attendance.routes';
export { calendarRoutes } from './calendar.routes';
export { attendanceForEnrolments, attendanceForPerson, describeAttendance, type AttendanceSummary } from './attendance.service';
