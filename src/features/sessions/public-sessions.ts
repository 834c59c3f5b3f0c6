import type { Executor } from '../../platform/db/database';
import { sessionsWithNames } from './sessions.queries';
import { type CalendarSession, toCalendarSessions } from './sessions.service';

/** A session or event as a page open to the public shows it (the public taster list, say). */
export interface PublicSession extends CalendarSession {
  organisationId: string;
  kind: string;
  cohortName: string | null;
  programmeTitle: string | null;
}

/**
 * Sessions by id, whoever runs them, as a calendar shows them: for features that choose which
 * sessions the public may see (public tasters). The caller decides who may see what.
 */
export async function sessionsByIds(db: Executor, ids: readonly string[]): Promise<PublicSession[]> {
  if (ids.length === 0) return [];
  const rows = await sessionsWithNames(db)
    .where('sessions_events.id', 'in', [...new Set(ids)])
    .orderBy('sessions_events.starts_at')
    .orderBy('sessions_events.id')
    .execute();
  const calendar = await toCalendarSessions(db, rows);
  return rows.map((r, i) => ({
    ...(calendar[i] as CalendarSession),
    organisationId: r.organisation_id,
    kind: r.kind,
    cohortName: r.cohort_name,
    programmeTitle: r.programme_title,
  }));
}
