import type { Kysely } from 'kysely';

// Frozen once landed. Roles already included in someone's record get their kept copy from the staff
// record's role history as it is now (the item's id is `<person id>_<from>`, `_2`… for a second role
// from the same day, counted newest first as the record lists them). Self-contained: the level
// names are written out here rather than imported.
const LEVELS: Record<string, string> = {
  none: 'Not in a leadership role',
  middle: 'Middle leader',
  senior: 'Senior leader',
  headteacher: 'Headteacher',
  executive: 'Executive leader',
};

interface Db {
  record_items: { person_id: string; kind: string; item_id: string; kept: string | null };
  roles_held: { id: string; person_id: string; organisation_id: string; job_title: string | null; leadership_level: string; school_id: string | null; started_on: string; ended_on: string | null; created_at: string };
  schools: { id: string; name: string };
  organisations: { id: string; name: string };
}

export async function up(unknownDb: Kysely<unknown>): Promise<void> {
  const db = unknownDb as unknown as Kysely<Db>;
  const items = await db.selectFrom('record_items').select(['person_id', 'item_id']).where('kind', '=', 'role').where('kept', 'is', null).execute();
  for (const item of items) {
    const [personId, from, nth] = item.item_id.split('_');
    if (!personId || !from) continue;
    const rows = await db
      .selectFrom('roles_held')
      .leftJoin('schools', 'schools.id', 'roles_held.school_id')
      .innerJoin('organisations', 'organisations.id', 'roles_held.organisation_id')
      .select(['roles_held.job_title', 'roles_held.leadership_level', 'schools.name as school', 'organisations.name as organisation', 'roles_held.ended_on'])
      .where('roles_held.person_id', '=', personId)
      .where('roles_held.started_on', '=', from)
      .orderBy('roles_held.created_at', 'desc')
      .orderBy('roles_held.id', 'desc')
      .execute();
    const role = rows[nth ? Number(nth) - 1 : 0];
    if (!role) continue;
    const kept = {
      jobTitle: role.job_title,
      leadershipLevel: LEVELS[role.leadership_level] ?? role.leadership_level,
      school: role.school,
      organisation: role.organisation,
      from,
      to: role.ended_on,
      broughtFrom: null,
    };
    await db
      .updateTable('record_items')
      .set({ kept: JSON.stringify(kept) })
      .where('person_id', '=', item.person_id)
      .where('kind', '=', 'role')
      .where('item_id', '=', item.item_id)
      .execute();
  }
}

export async function down(): Promise<void> {}
