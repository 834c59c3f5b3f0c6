import { type Kysely, sql } from 'kysely';

// Frozen once landed. Everyone already on Waymark gets one row of the roles they hold: their staff
// record's job title, leadership level and school, from the day the record was made. A leaver's row
// ends on the day they were deactivated. The stand-ins for erased people (no one) get none.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    INSERT INTO roles_held (id, organisation_id, person_id, job_title, leadership_level, school_id, started_on, ended_on, created_at)
    SELECT 'rh-' || p.id, p.organisation_id, p.id, p.job_title, p.leadership_level, p.school_id, substr(p.created_at, 1, 10),
      CASE WHEN p.status = 'deactivated' THEN substr(coalesce(p.deactivated_at, p.updated_at), 1, 10) ELSE NULL END, p.created_at
    FROM people p
    WHERE p.email_normalised NOT LIKE '%@erased.invalid'
      AND NOT EXISTS (SELECT 1 FROM roles_held r WHERE r.person_id = p.id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM roles_held WHERE id LIKE 'rh-%'`.execute(db);
}
