import { randomBytes } from 'node:crypto';
import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

const at = '2026-11-01T09:00:00.000Z';

/**
 * Records the sessions matrix rows need, added to the shared world. The teacher (`world.report`) has
 * an active enrolment in `programmes.earlierCohortId` (not `cohortId`, where they have only applied),
 * so `:sessionId` is a session of that earlier cohort: 1 December 2026, 4:15pm to 5:45pm, in person,
 * facilitated by the line manager (who therefore sees it, adds materials and takes the register; other
 * staff do not see it). `:materialId` is a PDF on it. `:eventId` is an open taster event of the
 * organisation (20 places, nobody booked) that anyone in the organisation can see and book.
 */
/** The records `makeSessionWorld` adds, by what they are. */
export interface SessionWorldIds {
  sessionId: string;
  eventId: string;
  materialId: string;
  calendarToken: string;
}

export async function makeSessionWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<SessionWorldIds> {
  const sessionId = newId();
  const eventId = newId();
  const base = {
    organisation_id: world.organisation.id,
    description: 'Bring a recent example of leading your team.',
    venue: 'Aspen Academy, Room 12',
    online_url: null,
    status: 'scheduled' as const,
    cancel_reason: null,
    cancelled_at: null,
    sequence: 0,
    created_by: world.programmeLead.id,
    created_at: at,
    updated_at: at,
  };
  await db
    .insertInto('sessions_events')
    .values([
      {
        ...base,
        id: sessionId,
        cohort_id: programmes.earlierCohortId,
        kind: 'session',
        title: 'Session 1: Leading a team',
        skill_ids: '[]',
        starts_at: '2026-12-01T16:15:00.000Z',
        ends_at: '2026-12-01T17:45:00.000Z',
        mode: 'in_person',
        capacity: null,
        check_in_secret: 'a'.repeat(64),
      },
      {
        ...base,
        id: eventId,
        cohort_id: null,
        kind: 'taster',
        title: 'Leadership taster session',
        skill_ids: '[]',
        starts_at: '2026-12-10T16:00:00.000Z',
        ends_at: '2026-12-10T17:00:00.000Z',
        mode: 'in_person',
        capacity: 20,
        check_in_secret: 'b'.repeat(64),
      },
    ])
    .execute();
  await db.insertInto('session_facilitators').values({ session_id: sessionId, person_id: world.lineManager.id }).execute();
  const fileId = newId();
  const content = Buffer.from('%PDF-1.4\n% Waymark test material\n');
  await db
    .insertInto('stored_files')
    .values({
      id: fileId,
      organisation_id: world.organisation.id,
      file_name: 'pre-reading.pdf',
      content_type: 'application/pdf',
      size_bytes: content.byteLength,
      sha256: 'test',
      content: content.toString('base64'),
      created_by: world.programmeLead.id,
      created_at: at,
    })
    .execute();
  const materialId = newId();
  await db
    .insertInto('session_materials')
    .values({ id: materialId, session_id: sessionId, title: 'Pre-reading', url: null, file_id: fileId, added_by: world.programmeLead.id, created_at: at })
    .execute();
  // The teacher's private calendar feed (attendance-calendars).
  const calendarToken = randomBytes(32).toString('base64url');
  await db.insertInto('calendar_feeds').values({ person_id: world.report.id, token: calendarToken, created_at: at }).execute();
  return { sessionId, eventId, materialId, calendarToken };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeSessionWorld;

/** A two-hour, in-person cohort session starting at `startsAt` (made when the cohort was). */
export async function makeCohortSession(db: Db, organisationId: string, cohortId: string, title: string, startsAt: string) {
  const id = newId();
  await db
    .insertInto('sessions_events')
    .values({
      id,
      organisation_id: organisationId,
      cohort_id: cohortId,
      kind: 'session',
      title,
      description: '',
      skill_ids: '[]',
      starts_at: startsAt,
      ends_at: new Date(new Date(startsAt).getTime() + 2 * 3_600_000).toISOString(),
      mode: 'in_person',
      venue: 'Riverside Academy',
      online_url: null,
      capacity: null,
      status: 'scheduled',
      cancel_reason: null,
      cancelled_at: null,
      sequence: 0,
      check_in_secret: 'secret',
      created_by: null,
      created_at: '2026-11-01T09:00:00.000Z',
      updated_at: '2026-11-01T09:00:00.000Z',
    })
    .execute();
  return id;
}
