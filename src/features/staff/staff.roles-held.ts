import { chunks } from '../../platform/db/batches';
import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import type { LeadershipLevel } from './staff.tables';

// Roles held: the job title, leadership level and school on a person's staff record, kept as a
// history. Whatever changes the record (an admin's edit, a staff import) calls these functions in
// the same transaction; a change closes the open row with the day's date and opens another.

/** The part of a staff record that makes up the role someone holds. */
export interface RoleFacts {
  job_title: string | null;
  leadership_level: LeadershipLevel;
  school_id: string | null;
}

/** Leadership levels from least to most senior, for "a move to a more senior level". */
export const LEADERSHIP_RANK: Record<LeadershipLevel, number> = { none: 0, middle: 1, senior: 2, headteacher: 3, executive: 4 };

/** A role as the staff record page and the leadership record show it, newest first. */
export interface RoleHeld {
  jobTitle: string | null;
  leadershipLevel: LeadershipLevel;
  schoolName: string | null;
  /** YYYY-MM-DD. */
  from: string;
  /** YYYY-MM-DD, or null while the role is current. */
  to: string | null;
}

const ROWS_PER_STATEMENT = 500;

function sameRole(a: RoleFacts, b: RoleFacts): boolean {
  return (a.job_title ?? null) === (b.job_title ?? null) && a.leadership_level === b.leadership_level && (a.school_id ?? null) === (b.school_id ?? null);
}

interface NewRow {
  personId: string;
  organisationId: string;
  role: RoleFacts;
  startedOn: string;
  endedOn: string | null;
}

async function insertRows(db: Executor, rows: NewRow[], now: string): Promise<void> {
  for (const batch of chunks(rows, ROWS_PER_STATEMENT))
    await db
      .insertInto('roles_held')
      .values(
        batch.map((row) => ({
          id: newId(),
          organisation_id: row.organisationId,
          person_id: row.personId,
          job_title: row.role.job_title,
          leadership_level: row.role.leadership_level,
          school_id: row.role.school_id,
          started_on: row.startedOn,
          ended_on: row.endedOn,
          created_at: now,
        })),
      )
      .execute();
}

/** Opens the first role of people just added to Waymark, from `on` (YYYY-MM-DD). */
export function openFirstRoles(db: Executor, people: { personId: string; organisationId: string; role: RoleFacts }[], on: string, now: string): Promise<void> {
  return insertRows(
    db,
    people.map((p) => ({ ...p, startedOn: on, endedOn: null })),
    now,
  );
}

/** A staff record's role before and after a change. */
export interface RoleChange {
  personId: string;
  organisationId: string;
  /** When the staff record was made (ISO): where a role with no history began. */
  createdAt: string;
  before: RoleFacts;
  after: RoleFacts;
}

/**
 * Keeps the history of changed roles, on `on` (YYYY-MM-DD): the open role ends that day and the new
 * one begins. A change on the day the open role began corrects that role rather than adding one (a
 * mistake put right the same day is not a change of role). Someone with no history yet (added before
 * roles were kept, or by other means) gets their old role from the day their record was made.
 * People who have left (whose roles are all closed) are left as they are.
 */
export async function recordRoleChanges(db: Executor, changes: RoleChange[], on: string, now: string): Promise<void> {
  const changed = changes.filter((c) => !sameRole(c.before, c.after));
  if (changed.length === 0) return;
  const toClose: string[] = [];
  const rows: NewRow[] = [];
  for (const batch of chunks(changed, ROWS_PER_STATEMENT)) {
    const existing = await db
      .selectFrom('roles_held')
      .select(['id', 'person_id', 'started_on', 'ended_on'])
      .where(
        'person_id',
        'in',
        batch.map((c) => c.personId),
      )
      .execute();
    for (const change of batch) {
      const held = existing.filter((r) => r.person_id === change.personId);
      const open = held.find((r) => r.ended_on === null);
      if (open && open.started_on >= on) {
        await db
          .updateTable('roles_held')
          .set({ job_title: change.after.job_title, leadership_level: change.after.leadership_level, school_id: change.after.school_id })
          .where('id', '=', open.id)
          .execute();
        continue;
      }
      if (open) toClose.push(open.id);
      else if (held.length > 0) continue;
      else {
        const since = change.createdAt.slice(0, 10);
        if (since < on) rows.push({ personId: change.personId, organisationId: change.organisationId, role: change.before, startedOn: since, endedOn: on });
      }
      rows.push({ personId: change.personId, organisationId: change.organisationId, role: change.after, startedOn: on, endedOn: null });
    }
  }
  for (const batch of chunks(toClose, ROWS_PER_STATEMENT * 2)) await db.updateTable('roles_held').set({ ended_on: on }).where('id', 'in', batch).execute();
  await insertRows(db, rows, now);
}

/** Ends a leaver's current role on `on` (YYYY-MM-DD). */
export async function closeCurrentRole(db: Executor, personId: string, on: string): Promise<void> {
  await db.updateTable('roles_held').set({ ended_on: on }).where('person_id', '=', personId).where('ended_on', 'is', null).execute();
}

/** Opens a role again for someone who comes back (reactivated): their record's role, from `on`. */
export async function reopenRole(db: Executor, person: { personId: string; organisationId: string; role: RoleFacts }, on: string, now: string): Promise<void> {
  const held = await db.selectFrom('roles_held').select(['id', 'ended_on']).where('person_id', '=', person.personId).execute();
  // No history at all: the record's own role stands for it (see listRolesHeld).
  if (held.length === 0 || held.some((r) => r.ended_on === null)) return;
  await insertRows(db, [{ ...person, startedOn: on, endedOn: null }], now);
}

/**
 * The roles a person has held (job title, leadership level, school, from and to), newest first; the
 * current one has `to: null`. Someone with no history kept yet gets their staff record's role, from
 * the day the record was made (to the day they left, if they have); a leaver whose details have
 * been removed after the retention period has none.
 */
export async function listRolesHeld(db: Executor, personId: string): Promise<RoleHeld[]> {
  const rows = await db
    .selectFrom('roles_held')
    .leftJoin('schools', 'schools.id', 'roles_held.school_id')
    .select(['roles_held.job_title', 'roles_held.leadership_level', 'schools.name as school_name', 'roles_held.started_on', 'roles_held.ended_on'])
    .where('roles_held.person_id', '=', personId)
    .orderBy('roles_held.started_on', 'desc')
    .orderBy('roles_held.created_at', 'desc')
    .orderBy('roles_held.id', 'desc')
    .execute();
  if (rows.length > 0)
    return rows.map((r) => ({ jobTitle: r.job_title, leadershipLevel: r.leadership_level, schoolName: r.school_name, from: r.started_on, to: r.ended_on }));
  const person = await db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select(['people.job_title', 'people.leadership_level', 'schools.name as school_name', 'people.created_at', 'people.status', 'people.deactivated_at'])
    .where('people.id', '=', personId)
    .executeTakeFirst();
  if (!person) return [];
  // A leaver whose role history and school's details the retention rules have removed held no role we still know of.
  if (person.status === 'deactivated' && person.job_title === null && person.school_name === null && person.leadership_level === 'none') return [];
  return [
    {
      jobTitle: person.job_title,
      leadershipLevel: person.leadership_level,
      schoolName: person.school_name,
      from: person.created_at.slice(0, 10),
      to: person.status === 'deactivated' && person.deactivated_at ? person.deactivated_at.slice(0, 10) : null,
    },
  ];
}
