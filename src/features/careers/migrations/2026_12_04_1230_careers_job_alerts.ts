import { type Kysely, sql } from 'kysely';

// Careers: weekly job alerts, and matching that reads only the matches. A vacancy remembers when it
// was first seen (an update by the feed keeps it); each vacancy has a row per role on the role map it
// matches, ordered for the vacancies page; a person's vacancy settings say whether they want alerts
// and when the last went. Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('careers_vacancies').addColumn('first_seen_at', 'text').execute();
  await sql`update careers_vacancies set first_seen_at = imported_at`.execute(db);
  await db.schema
    .createTable('careers_vacancy_roles')
    .addColumn('url', 'text', (c) => c.notNull().references('careers_vacancies.url'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('district', 'text')
    .addColumn('date_posted', 'text')
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('valid_through', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('careers_vacancy_roles_pk', ['url', 'role_key'])
    .execute();
  await db.schema.createIndex('careers_vacancy_roles_match').on('careers_vacancy_roles').columns(['role_key', 'district', 'date_posted']).execute();
  await db.schema.createIndex('careers_vacancy_roles_new').on('careers_vacancy_roles').columns(['role_key', 'first_seen_at']).execute();
  const existing = await sql<{
    url: string;
    role_keys: string;
    district: string | null;
    date_posted: string | null;
    imported_at: string;
    valid_through: string;
  }>`select url, role_keys, district, date_posted, imported_at, valid_through from careers_vacancies`.execute(db);
  const rows = existing.rows.flatMap((v) =>
    (JSON.parse(v.role_keys) as string[]).map((role_key) => ({
      url: v.url,
      role_key,
      district: v.district,
      date_posted: v.date_posted,
      first_seen_at: v.imported_at,
      valid_through: v.valid_through,
    })),
  );
  for (let i = 0; i < rows.length; i += 500)
    await db
      .withTables<{ careers_vacancy_roles: (typeof rows)[number] }>()
      .insertInto('careers_vacancy_roles')
      .values(rows.slice(i, i + 500))
      .execute();
  await db.schema.alterTable('careers_vacancy_settings').addColumn('job_alerts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('careers_vacancy_settings').addColumn('alerts_sent_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('careers_vacancy_settings').dropColumn('alerts_sent_at').execute();
  await db.schema.alterTable('careers_vacancy_settings').dropColumn('job_alerts').execute();
  await db.schema.dropTable('careers_vacancy_roles').execute();
  await db.schema.alterTable('careers_vacancies').dropColumn('first_seen_at').execute();
}
