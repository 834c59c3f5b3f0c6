export { findVisibleSession, sessionsForPerson, type CalendarSession } from './sessions.service';
export { canSeeSession } from './sessions.policy';
export { attendanceForEnrolments, attendanceForPerson, describeAttendance, type AttendanceSummary } from './attendance.service';
