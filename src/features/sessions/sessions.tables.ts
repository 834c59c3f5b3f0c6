import type { Selectable } from 'kysely';

/** A cohort's own session, or (cohort_id NULL) an open event anyone in the organisation can book. */
export const SESSION_KINDS = ['session', 'taster', 'graduation', 'network', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
export type SessionMode = 'in_person' | 'online';
export type SessionStatus = 'scheduled' | 'cancelled';
export type BookingStatus = 'booked' | 'waiting' | 'cancelled';
export const ATTENDANCE_STATUSES = ['present', 'late', 'absent_with_reason', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface SessionsEventsTable {
  id: string;
  organisation_id: string;
  cohort_id: string | null;
  kind: SessionKind;
  title: string;
  description: string;
  /** JSON array of framework skill ids. */
  skill_ids: string;
  /** UTC ISO instants; entered and shown in Europe/London. */
  starts_at: string;
  ends_at: string;
  mode: SessionMode;
  venue: string | null;
  online_url: string | null;
  capacity: number | null;
  status: SessionStatus;
  cancel_reason: string | null;
  cancelled_at: string | null;
  /** iCalendar SEQUENCE, raised on every change people are told about. */
  sequence: number;
  /** Key for the rotating check-in code. */
  check_in_secret: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionFacilitatorsTable {
  session_id: string;
  person_id: string;
}

export interface SessionMaterialsTable {
  id: string;
  session_id: string;
  title: string;
  url: string | null;
  file_id: string | null;
  added_by: string | null;
  created_at: string;
}

export interface SessionBookingsTable {
  id: string;
  session_id: string;
  person_id: string;
  status: BookingStatus;
  waiting_since: string | null;
  booked_at: string | null;
  cancelled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionAttendanceTable {
  session_id: string;
  person_id: string;
  status: AttendanceStatus;
  reason: string | null;
  method: 'register' | 'check_in';
  marked_by: string | null;
  marked_at: string;
}

export interface CalendarFeedsTable {
  person_id: string;
  token: string;
  created_at: string;
}

export interface SessionTables {
  sessions_events: SessionsEventsTable;
  session_facilitators: SessionFacilitatorsTable;
  session_materials: SessionMaterialsTable;
  session_bookings: SessionBookingsTable;
  session_attendance: SessionAttendanceTable;
  calendar_feeds: CalendarFeedsTable;
}

export type SessionRow = Selectable<SessionsEventsTable>;

declare module '../../platform/db/database' {
  interface Database extends SessionTables {}
}
