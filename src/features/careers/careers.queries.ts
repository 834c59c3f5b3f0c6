import type { Executor } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { STARTER_DIRECTORY, STARTER_ROLES } from './careers.schemas';
import type {
  CareersActionsTable,
  CareersAspirationsTable,
  CareersConversationsTable,
  CareersDirectoryItemsTable,
  MarkStatus,
  CareersInterestsTable,
  CareersOpportunitiesTable,
  CareersRolesTable,
  CareersVacanciesTable,
  InterestStatus,
  VacancyArea,
} from './careers.tables';
import type { Insertable, Updateable } from 'kysely';

// ----- The role map -----

/** Adds the starter role map to an organisation that has none of it yet (idempotent by starter key). */
export async function installStarterRoles(db: Executor, organisationId: string, at: string): Promise<void> {
  await db
    .insertInto('careers_roles')
    .values(
      STARTER_ROLES.map((r) => ({
        id: newId(),
        organisation_id: organisationId,
        starter_key: r.key,
        title: r.title,
        track: r.track,
        tier: r.tier,
        summary: r.summary,
        skill_codes: JSON.stringify(r.skills),
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'starter_key']).doNothing())
    .execute();
}

export async function countRoles(db: Executor, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('careers_roles')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listRoles(db: Executor, organisationId: string) {
  return db.selectFrom('careers_roles').selectAll().where('organisation_id', '=', organisationId).orderBy('title').execute();
}

/** A role by its id alone (for the worker, which acts for no organisation). */
export function findRoleById(db: Executor, id: string) {
  return db.selectFrom('careers_roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findRole(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('careers_roles').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertRole(db: Executor, row: Insertable<CareersRolesTable>) {
  await db.insertInto('careers_roles').values(row).execute();
}

export async function updateRole(db: Executor, id: string, changes: Updateable<CareersRolesTable>) {
  await db.updateTable('careers_roles').set(changes).where('id', '=', id).execute();
}

// ----- Aspirations -----

export function findAspiration(db: Executor, personId: string) {
  return db.selectFrom('careers_aspirations').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export function listAspirations(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('careers_aspirations').selectAll().where('person_id', 'in', personIds).execute();
}

export async function saveAspiration(db: Executor, row: Insertable<CareersAspirationsTable>) {
  const { person_id, ...rest } = row;
  await db
    .insertInto('careers_aspirations')
    .values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet(rest))
    .execute();
}

/** Barriers across an organisation's aspirations, counted: the only way anyone but the person sees them. */
export async function listBarrierLists(db: Executor, organisationId: string) {
  return (await db.selectFrom('careers_aspirations').select('barriers').where('organisation_id', '=', organisationId).execute()).map((r) => r.barriers);
}

// ----- Conversations and actions -----

export function listConversationsOf(db: Executor, personId: string) {
  return db
    .selectFrom('careers_conversations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('held_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

export function findConversation(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('careers_conversations').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertConversation(db: Executor, row: Insertable<CareersConversationsTable>) {
  await db.insertInto('careers_conversations').values(row).execute();
}

export async function confirmConversation(db: Executor, id: string, at: string) {
  const result = await db
    .updateTable('careers_conversations')
    .set({ confirmed_at: at })
    .where('id', '=', id)
    .where('confirmed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function listActions(db: Executor, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('careers_actions').selectAll().where('conversation_id', 'in', conversationIds).orderBy('due_on').orderBy('created_at').execute();
}

export function findAction(db: Executor, id: string) {
  return db.selectFrom('careers_actions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertActions(db: Executor, rows: Insertable<CareersActionsTable>[]) {
  if (rows.length > 0) await db.insertInto('careers_actions').values(rows).execute();
}

export async function markActionDone(db: Executor, id: string, at: string) {
  await db.updateTable('careers_actions').set({ done_at: at }).where('id', '=', id).where('done_at', 'is', null).execute();
}

/** Open actions due on or before `by`, for reminders. */
export function listActionsDue(db: Executor, by: string) {
  return db
    .selectFrom('careers_actions')
    .select(['id', 'conversation_id', 'description', 'owner_id', 'due_on'])
    .where('done_at', 'is', null)
    .where('due_on', '<=', by)
    .execute();
}

// ----- Opportunities and interest -----

export function listOpportunities(db: Executor, organisationId: string) {
  return db.selectFrom('careers_opportunities').selectAll().where('organisation_id', '=', organisationId).orderBy('closes_on').orderBy('title').execute();
}

export function findOpportunity(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('careers_opportunities').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertOpportunity(db: Executor, row: Insertable<CareersOpportunitiesTable>) {
  await db.insertInto('careers_opportunities').values(row).execute();
}

export function listInterestsIn(db: Executor, opportunityIds: string[]) {
  if (opportunityIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('careers_interests').selectAll().where('opportunity_id', 'in', opportunityIds).orderBy('created_at').execute();
}

export function listInterestsOf(db: Executor, personId: string) {
  return db.selectFrom('careers_interests').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').execute();
}

export function findInterest(db: Executor, id: string) {
  return db.selectFrom('careers_interests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findInterestOf(db: Executor, opportunityId: string, personId: string) {
  return db.selectFrom('careers_interests').selectAll().where('opportunity_id', '=', opportunityId).where('person_id', '=', personId).executeTakeFirst();
}

export async function insertInterest(db: Executor, row: Insertable<CareersInterestsTable>) {
  await db.insertInto('careers_interests').values(row).execute();
}

/** The only writer of an interest's status: moves it only from the states given (see careers.lifecycle.ts). */
export async function moveInterest(
  db: Executor,
  id: string,
  from: readonly InterestStatus[],
  changes: Omit<Updateable<CareersInterestsTable>, 'status'> & { status: InterestStatus },
): Promise<boolean> {
  const result = await db
    .updateTable('careers_interests')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Verified experiences of a person: what goes on their record. */
export function listCompletedExperiences(db: Executor, personId: string) {
  return db
    .selectFrom('careers_interests')
    .innerJoin('careers_opportunities', 'careers_opportunities.id', 'careers_interests.opportunity_id')
    .select([
      'careers_interests.id',
      'careers_interests.completed_at',
      'careers_interests.verified_note',
      'careers_opportunities.id as opportunity_id',
      'careers_opportunities.title',
      'careers_opportunities.kind',
      'careers_opportunities.skill_codes',
      'careers_opportunities.organisation_id',
      'careers_opportunities.posted_by',
    ])
    .where('careers_interests.person_id', '=', personId)
    .where('careers_interests.status', '=', 'completed')
    .orderBy('careers_interests.completed_at', 'desc')
    .execute();
}

// ----- The development directory -----

/** Adds the starter directory to an organisation (idempotent by starter key), linked to its starter roles. */
export async function installStarterDirectory(db: Executor, organisationId: string, at: string): Promise<void> {
  const roles = new Map(
    (await db.selectFrom('careers_roles').select(['id', 'starter_key']).where('organisation_id', '=', organisationId).execute()).map(
      (r) => [r.starter_key, r.id] as const,
    ),
  );
  await db
    .insertInto('careers_directory_items')
    .values(
      STARTER_DIRECTORY.map((d) => ({
        id: newId(),
        organisation_id: organisationId,
        starter_key: d.key,
        title: d.title,
        provider: d.provider,
        kind: d.kind,
        description: d.description,
        who_for: d.whoFor,
        length: d.length,
        cost: d.cost,
        skill_codes: JSON.stringify(d.skills),
        role_ids: JSON.stringify(d.roles.flatMap((key) => roles.get(key) ?? [])),
        url: d.url,
        updated_at: at,
      })),
    )
    .onConflict((oc) => oc.columns(['organisation_id', 'starter_key']).doNothing())
    .execute();
}

export async function countDirectoryItems(db: Executor, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('careers_directory_items')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function listDirectoryItems(db: Executor, organisationId: string) {
  return db.selectFrom('careers_directory_items').selectAll().where('organisation_id', '=', organisationId).orderBy('title').execute();
}

export function findDirectoryItem(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('careers_directory_items').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertDirectoryItem(db: Executor, row: Insertable<CareersDirectoryItemsTable>) {
  await db.insertInto('careers_directory_items').values(row).execute();
}

export async function updateDirectoryItem(db: Executor, id: string, changes: Updateable<CareersDirectoryItemsTable>) {
  await db.updateTable('careers_directory_items').set(changes).where('id', '=', id).execute();
}

export function listMarksOf(db: Executor, personId: string) {
  return db.selectFrom('careers_directory_marks').selectAll().where('person_id', '=', personId).execute();
}

export async function saveMark(db: Executor, personId: string, itemId: string, status: MarkStatus | null, at: string) {
  if (status === null) {
    await db.deleteFrom('careers_directory_marks').where('person_id', '=', personId).where('item_id', '=', itemId).execute();
    return;
  }
  await db
    .insertInto('careers_directory_marks')
    .values({ person_id: personId, item_id: itemId, status, updated_at: at })
    .onConflict((oc) => oc.columns(['person_id', 'item_id']).doUpdateSet({ status, updated_at: at }))
    .execute();
}

/** Directory items a person has done, for their record. */
export function listDoneItems(db: Executor, personId: string) {
  return db
    .selectFrom('careers_directory_marks')
    .innerJoin('careers_directory_items', 'careers_directory_items.id', 'careers_directory_marks.item_id')
    .select(['careers_directory_items.id', 'careers_directory_items.title', 'careers_directory_items.organisation_id', 'careers_directory_marks.updated_at'])
    .where('careers_directory_marks.person_id', '=', personId)
    .where('careers_directory_marks.status', '=', 'done')
    .orderBy('careers_directory_marks.updated_at', 'desc')
    .execute();
}

// ----- Vacancies -----

/**
 * Stores imported vacancies by their address (new ones added, changed ones updated; when one was
 * first seen stays) with a row for each role it matches, and removes expired ones; returns how many
 * went.
 */
export async function replaceVacancies(db: Executor, rows: CareersVacanciesTable[], now: string): Promise<number> {
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const urls = batch.map((r) => r.url);
    await db
      .insertInto('careers_vacancies')
      .values(batch)
      .onConflict((oc) =>
        oc.column('url').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          employer: eb.ref('excluded.employer'),
          postcode: eb.ref('excluded.postcode'),
          district: eb.ref('excluded.district'),
          job_roles: eb.ref('excluded.job_roles'),
          role_keys: eb.ref('excluded.role_keys'),
          date_posted: eb.ref('excluded.date_posted'),
          valid_through: eb.ref('excluded.valid_through'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
    const firstSeen = new Map(
      (await db.selectFrom('careers_vacancies').select(['url', 'first_seen_at', 'imported_at']).where('url', 'in', urls).execute()).map((v) => [
        v.url,
        v.first_seen_at ?? v.imported_at,
      ]),
    );
    await db.deleteFrom('careers_vacancy_roles').where('url', 'in', urls).execute();
    const matches = batch.flatMap((v) =>
      (JSON.parse(v.role_keys) as string[]).map((role_key) => ({
        url: v.url,
        role_key,
        district: v.district,
        date_posted: v.date_posted,
        first_seen_at: firstSeen.get(v.url) ?? v.imported_at,
        valid_through: v.valid_through,
      })),
    );
    if (matches.length > 0) await db.insertInto('careers_vacancy_roles').values(matches).execute();
  }
  await db
    .deleteFrom('careers_vacancy_roles')
    .where('url', 'in', (eb) => eb.selectFrom('careers_vacancies').select('url').where('valid_through', '<', now))
    .execute();
  const result = await db.deleteFrom('careers_vacancies').where('valid_through', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Open vacancies for a role on the role map (by its starter key), in the districts given (all when none), newest first. */
export function listMatchingVacancies(db: Executor, roleKey: string, districts: string[], now: string, limit: number) {
  let query = db
    .selectFrom('careers_vacancy_roles as r')
    .innerJoin('careers_vacancies as v', 'v.url', 'r.url')
    .select(['v.url', 'v.title', 'v.employer', 'v.postcode', 'v.valid_through'])
    .where('r.role_key', '=', roleKey)
    .where('r.valid_through', '>=', now);
  if (districts.length > 0) query = query.where('r.district', 'in', districts);
  return query.orderBy('r.date_posted', 'desc').orderBy('r.url').limit(limit).execute();
}

export function findVacancySettings(db: Executor, personId: string) {
  return db.selectFrom('careers_vacancy_settings').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/**
 * Saves where a person looks and whether they want job alerts. Switching alerts on starts the
 * count afresh (the first email lists what is new from then); keeping them on keeps the count.
 */
export async function saveVacancySettings(db: Executor, personId: string, area: VacancyArea, districts: string[], jobAlerts: boolean, at: string) {
  const value = JSON.stringify(districts);
  const before = await findVacancySettings(db, personId);
  const alertsSentAt = jobAlerts ? (before?.job_alerts === 1 ? before.alerts_sent_at : at) : null;
  const row = { area, districts: value, job_alerts: jobAlerts ? 1 : 0, alerts_sent_at: alertsSentAt, updated_at: at };
  await db
    .insertInto('careers_vacancy_settings')
    .values({ person_id: personId, ...row })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(row))
    .execute();
}

/** People with job alerts on whose last alert went before `before`, with where they look. */
export function listJobAlertsDue(db: Executor, before: string) {
  return db
    .selectFrom('careers_vacancy_settings')
    .select(['person_id', 'area', 'districts', 'alerts_sent_at'])
    .where('job_alerts', '=', 1)
    .where('alerts_sent_at', '<=', before)
    .execute();
}

export async function markJobAlertSent(db: Executor, personId: string, at: string) {
  await db.updateTable('careers_vacancy_settings').set({ alerts_sent_at: at }).where('person_id', '=', personId).execute();
}

/** Open vacancies for a role first seen after `since`, in the districts given (all when none), newest first. */
export function listNewMatchingVacancies(db: Executor, roleKey: string, districts: string[], since: string, now: string, limit: number) {
  let query = db
    .selectFrom('careers_vacancy_roles as r')
    .innerJoin('careers_vacancies as v', 'v.url', 'r.url')
    .select(['v.url', 'v.title', 'v.employer', 'v.postcode', 'v.valid_through'])
    .where('r.role_key', '=', roleKey)
    .where('r.first_seen_at', '>', since)
    .where('r.valid_through', '>=', now);
  if (districts.length > 0) query = query.where('r.district', 'in', districts);
  return query.orderBy('r.first_seen_at', 'desc').orderBy('r.url').limit(limit).execute();
}

// ----- Personal data -----

export async function exportOf(db: Executor, personId: string) {
  const conversations = await db
    .selectFrom('careers_conversations')
    .selectAll()
    .where((eb) => eb.or([eb('person_id', '=', personId), eb('manager_id', '=', personId)]))
    .execute();
  return {
    aspiration: (await findAspiration(db, personId)) ?? null,
    conversations,
    actions: await listActions(
      db,
      conversations.map((c) => c.id),
    ),
    opportunitiesPosted: await db.selectFrom('careers_opportunities').selectAll().where('posted_by', '=', personId).execute(),
    interests: await listInterestsOf(db, personId),
    development: await listMarksOf(db, personId),
    vacancySettings: (await findVacancySettings(db, personId)) ?? null,
  };
}

export async function eraseOf(db: Executor, personId: string) {
  await db.deleteFrom('careers_vacancy_settings').where('person_id', '=', personId).execute();
  await db.deleteFrom('careers_directory_marks').where('person_id', '=', personId).execute();
  await db.deleteFrom('careers_aspirations').where('person_id', '=', personId).execute();
  await db.deleteFrom('careers_interests').where('person_id', '=', personId).execute();
  const own = db.selectFrom('careers_conversations').select('id').where('person_id', '=', personId);
  await db.deleteFrom('careers_actions').where('conversation_id', 'in', own).execute();
  await db.deleteFrom('careers_conversations').where('person_id', '=', personId).execute();
}
