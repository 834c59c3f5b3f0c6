import type { Selectable } from 'kysely';

/** One message in a person's in-app inbox; written by the outbox worker, the same moment as its email. */
export interface NotificationsTable {
  /** The outbox message's own id, so a retried delivery never makes a second one. */
  id: string;
  organisation_id: string;
  person_id: string;
  kind: string;
  subject: string;
  /** Plain text; paragraphs separated by blank lines. */
  body: string;
  /** A path inside Waymark (`/sessions/…`), or null. */
  link: string | null;
  /** Whether an email went too (false when the person switched this kind off). */
  emailed: number;
  created_at: string;
  read_at: string | null;
}

/** Only the kinds a person has switched off are stored; everything else is on. */
export interface NotificationPreferencesTable {
  person_id: string;
  kind: string;
  email: number;
  updated_at: string;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
}

export type NotificationRow = Selectable<NotificationsTable>;

declare module '../../platform/db/database' {
  interface Database extends NotificationTables {}
}
