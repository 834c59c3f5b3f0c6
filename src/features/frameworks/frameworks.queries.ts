import type { Executor } from '../../platform/db/database';
import type { Clock } from '../../platform/db/clock';
import { newId } from '../../platform/db/ids';
import type { VersionContent } from './frameworks.interchange';
import type { FrameworkSkillsTable, FrameworkTrack, FrameworkVersionStatus } from './frameworks.tables';
import type { Insertable } from 'kysely';

// ----- Frameworks -----

export function listFrameworkRows(db: Executor, organisationId: string) {
  return db.selectFrom('frameworks').selectAll().where('organisation_id', '=', organisationId).orderBy('title_normalised').execute();
}

/** Every version's number and status for the organisation's frameworks (for the list page). */
export function listVersionSummaries(db: Executor, organisationId: string) {
  return db
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .select([
      'framework_versions.id',
      'framework_versions.framework_id',
      'framework_versions.number',
      'framework_versions.status',
      'framework_versions.published_at',
    ])
    .where('frameworks.organisation_id', '=', organisationId)
    .orderBy('framework_versions.number')
    .execute();
}

export function findFramework(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('frameworks').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function titleTaken(db: Executor, organisationId: string, title: string): Promise<boolean> {
  const row = await db
    .selectFrom('frameworks')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('title_normalised', '=', title.trim().toLowerCase())
    .executeTakeFirst();
  return !!row;
}

export async function builtInKeys(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('frameworks')
    .select('builtin_key')
    .where('organisation_id', '=', organisationId)
    .where('builtin_key', 'is not', null)
    .execute();
  return rows.map((r) => r.builtin_key as string);
}

export function touchFramework(db: Executor, id: string, at: string) {
  return db.updateTable('frameworks').set({ updated_at: at }).where('id', '=', id).execute();
}

// ----- Versions -----

/** A framework's versions, newest first, with who created and published each. */
export function listVersions(db: Executor, frameworkId: string) {
  return db
    .selectFrom('framework_versions')
    .leftJoin('people as publisher', 'publisher.id', 'framework_versions.published_by')
    .leftJoin('people as creator', 'creator.id', 'framework_versions.created_by')
    .selectAll('framework_versions')
    .select([
      'publisher.given_name as publisher_given_name',
      'publisher.family_name as publisher_family_name',
      'creator.given_name as creator_given_name',
      'creator.family_name as creator_family_name',
    ])
    .where('framework_versions.framework_id', '=', frameworkId)
    .orderBy('framework_versions.number', 'desc')
    .execute();
}

export function findVersion(db: Executor, frameworkId: string, versionId: string) {
  return db.selectFrom('framework_versions').selectAll().where('framework_id', '=', frameworkId).where('id', '=', versionId).executeTakeFirst();
}

export function findDraft(db: Executor, frameworkId: string) {
  return db.selectFrom('framework_versions').selectAll().where('framework_id', '=', frameworkId).where('status', '=', 'draft').executeTakeFirst();
}

export function latestPublished(db: Executor, frameworkId: string) {
  return db
    .selectFrom('framework_versions')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .where('status', '=', 'published')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function highestNumber(db: Executor, frameworkId: string, status?: FrameworkVersionStatus): Promise<number> {
  let query = db
    .selectFrom('framework_versions')
    .select((eb) => eb.fn.max<number | null>('number').as('n'))
    .where('framework_id', '=', frameworkId);
  if (status) query = query.where('status', '=', status);
  const row = await query.executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function insertVersion(
  db: Executor,
  clock: Clock,
  values: {
    frameworkId: string;
    number: number;
    status: FrameworkVersionStatus;
    levels: VersionContent['levels'];
    basedOn: string | null;
    createdBy: string | null;
  },
): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  const published = values.status === 'published';
  await db
    .insertInto('framework_versions')
    .values({
      id,
      framework_id: values.frameworkId,
      number: values.number,
      status: values.status,
      draft_slot: published ? null : 'draft',
      levels: JSON.stringify(values.levels),
      based_on_version_id: values.basedOn,
      created_by: values.createdBy,
      created_at: now,
      updated_at: now,
      published_by: published ? values.createdBy : null,
      published_at: published ? now : null,
    })
    .execute();
  return id;
}

/** Writes a version's domains and skills, in order. */
export async function insertVersionContent(db: Executor, versionId: string, content: VersionContent): Promise<void> {
  const rows = content.domains.map((domain, i) => ({
    domain,
    row: { id: newId(), version_id: versionId, position: i + 1, title: domain.title, description: domain.description },
  }));
  const domains = rows.map(({ row }) => row);
  const skills: Insertable<FrameworkSkillsTable>[] = rows.flatMap(({ domain, row }) =>
    domain.skills.map((skill, j) => ({
      id: newId(),
      version_id: versionId,
      domain_id: row.id,
      position: j + 1,
      code: skill.code,
      title: skill.title,
      description: skill.description,
      descriptors: JSON.stringify(skill.descriptors),
    })),
  );
  for (let i = 0; i < domains.length; i += 200)
    await db
      .insertInto('framework_domains')
      .values(domains.slice(i, i + 200))
      .execute();
  for (let i = 0; i < skills.length; i += 200)
    await db
      .insertInto('framework_skills')
      .values(skills.slice(i, i + 200))
      .execute();
}

/** A new framework with one version (draft or published) holding `content`. */
export async function insertFrameworkWithVersion(
  db: Executor,
  clock: Clock,
  values: {
    organisationId: string;
    title: string;
    description: string;
    track: FrameworkTrack;
    builtinKey: string | null;
    status: FrameworkVersionStatus;
    createdBy: string | null;
    content: VersionContent;
  },
): Promise<{ frameworkId: string; versionId: string }> {
  const frameworkId = newId();
  const now = clock.now().toISOString();
  await db
    .insertInto('frameworks')
    .values({
      id: frameworkId,
      organisation_id: values.organisationId,
      title: values.title,
      title_normalised: values.title.trim().toLowerCase(),
      description: values.description,
      track: values.track,
      builtin_key: values.builtinKey,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const versionId = await insertVersion(db, clock, {
    frameworkId,
    number: 1,
    status: values.status,
    levels: values.content.levels,
    basedOn: null,
    createdBy: values.createdBy,
  });
  await insertVersionContent(db, versionId, values.content);
  return { frameworkId, versionId };
}

export function updateVersionLevels(db: Executor, versionId: string, levels: string, at: string) {
  return db.updateTable('framework_versions').set({ levels, updated_at: at }).where('id', '=', versionId).where('status', '=', 'draft').execute();
}

export function touchVersion(db: Executor, versionId: string, at: string) {
  return db.updateTable('framework_versions').set({ updated_at: at }).where('id', '=', versionId).execute();
}

export function publishVersion(db: Executor, versionId: string, values: { number: number; by: string; at: string }) {
  return db
    .updateTable('framework_versions')
    .set({ status: 'published', draft_slot: null, number: values.number, published_by: values.by, published_at: values.at, updated_at: values.at })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

/** Deletes a draft with its skills and domains. */
export async function deleteDraft(db: Executor, versionId: string): Promise<void> {
  await db.deleteFrom('framework_skills').where('version_id', '=', versionId).execute();
  await db.deleteFrom('framework_domains').where('version_id', '=', versionId).execute();
  await db.deleteFrom('framework_versions').where('id', '=', versionId).where('status', '=', 'draft').execute();
}

/** Whether programmes point at the version or any of its skills (read from the programmes tables). */
export async function versionInUse(db: Executor, versionId: string): Promise<boolean> {
  const programme = await db.selectFrom('programmes').select('id').where('framework_version_id', '=', versionId).executeTakeFirst();
  if (programme) return true;
  const focus = await db
    .selectFrom('programme_focus_skills')
    .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
    .select('programme_focus_skills.skill_id')
    .where('framework_skills.version_id', '=', versionId)
    .executeTakeFirst();
  return !!focus;
}

export async function skillInUse(db: Executor, skillId: string): Promise<boolean> {
  return !!(await db.selectFrom('programme_focus_skills').select('skill_id').where('skill_id', '=', skillId).executeTakeFirst());
}

// ----- Domains and skills -----

export function listDomains(db: Executor, versionId: string) {
  return db.selectFrom('framework_domains').selectAll().where('version_id', '=', versionId).orderBy('position').orderBy('id').execute();
}

/** Skills of a version in reading order: by domain, then position. */
export function listSkills(db: Executor, versionId: string) {
  return db
    .selectFrom('framework_skills')
    .innerJoin('framework_domains', 'framework_domains.id', 'framework_skills.domain_id')
    .selectAll('framework_skills')
    .where('framework_skills.version_id', '=', versionId)
    .orderBy('framework_domains.position')
    .orderBy('framework_skills.position')
    .orderBy('framework_skills.id')
    .execute();
}

export function findDomain(db: Executor, versionId: string, domainId: string) {
  return db.selectFrom('framework_domains').selectAll().where('version_id', '=', versionId).where('id', '=', domainId).executeTakeFirst();
}

export function findSkill(db: Executor, versionId: string, skillId: string) {
  return db.selectFrom('framework_skills').selectAll().where('version_id', '=', versionId).where('id', '=', skillId).executeTakeFirst();
}

export async function domainTitleTaken(db: Executor, versionId: string, title: string, exceptId?: string): Promise<boolean> {
  const domains = await db.selectFrom('framework_domains').select(['id', 'title']).where('version_id', '=', versionId).execute();
  return domains.some((d) => d.id !== exceptId && d.title.toLowerCase() === title.toLowerCase());
}

export async function codeTaken(db: Executor, versionId: string, code: string, exceptId?: string): Promise<boolean> {
  const skills = await db.selectFrom('framework_skills').select(['id', 'code']).where('version_id', '=', versionId).execute();
  return skills.some((s) => s.id !== exceptId && s.code.toLowerCase() === code.toLowerCase());
}

async function nextPosition(db: Executor, table: 'framework_domains' | 'framework_skills', column: 'version_id' | 'domain_id', value: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where(column, '=', value)
    .executeTakeFirst();
  return Number(row?.p ?? 0) + 1;
}

export async function insertDomain(db: Executor, versionId: string, values: { title: string; description: string }): Promise<string> {
  const id = newId();
  await db
    .insertInto('framework_domains')
    .values({ id, version_id: versionId, position: await nextPosition(db, 'framework_domains', 'version_id', versionId), ...values })
    .execute();
  return id;
}

export function updateDomain(db: Executor, domainId: string, values: { title: string; description: string }) {
  return db.updateTable('framework_domains').set(values).where('id', '=', domainId).execute();
}

export async function countSkillsInDomain(db: Executor, domainId: string): Promise<number> {
  const row = await db
    .selectFrom('framework_skills')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('domain_id', '=', domainId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function deleteDomain(db: Executor, domainId: string) {
  return db.deleteFrom('framework_domains').where('id', '=', domainId).execute();
}

export async function insertSkill(
  db: Executor,
  versionId: string,
  values: { domainId: string; code: string; title: string; description: string; descriptors: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('framework_skills')
    .values({
      id,
      version_id: versionId,
      domain_id: values.domainId,
      position: await nextPosition(db, 'framework_skills', 'domain_id', values.domainId),
      code: values.code,
      title: values.title,
      description: values.description,
      descriptors: values.descriptors,
    })
    .execute();
  return id;
}

/** Changes a skill; moving it to another domain puts it last there. */
export async function updateSkill(
  db: Executor,
  skillId: string,
  values: { domainId: string; code: string; title: string; description: string; descriptors: string },
  movedDomain: boolean,
) {
  const position = movedDomain ? { position: await nextPosition(db, 'framework_skills', 'domain_id', values.domainId) } : {};
  return db
    .updateTable('framework_skills')
    .set({ domain_id: values.domainId, code: values.code, title: values.title, description: values.description, descriptors: values.descriptors, ...position })
    .where('id', '=', skillId)
    .execute();
}

export function setSkillDescriptors(db: Executor, skillId: string, descriptors: string) {
  return db.updateTable('framework_skills').set({ descriptors }).where('id', '=', skillId).execute();
}

export function deleteSkill(db: Executor, skillId: string) {
  return db.deleteFrom('framework_skills').where('id', '=', skillId).execute();
}

// ----- For other features -----

export function publishedVersionRows(db: Executor, organisationId: string) {
  return db
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .select(['framework_versions.id', 'framework_versions.framework_id', 'framework_versions.number', 'framework_versions.levels', 'frameworks.title'])
    .where('frameworks.organisation_id', '=', organisationId)
    .where('framework_versions.status', '=', 'published')
    .orderBy('frameworks.title_normalised')
    .orderBy('framework_versions.number', 'desc')
    .execute();
}

/** A published version of one of the organisation's frameworks, with the framework's title, description and track. */
export function findPublishedVersionOfOrganisation(db: Executor, organisationId: string, versionId: string) {
  return db
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .selectAll('framework_versions')
    .select(['frameworks.title', 'frameworks.description', 'frameworks.track'])
    .where('frameworks.organisation_id', '=', organisationId)
    .where('framework_versions.id', '=', versionId)
    .where('framework_versions.status', '=', 'published')
    .executeTakeFirst();
}

export function setCopiedFrom(db: Executor, frameworkId: string, copiedFrom: string) {
  return db.updateTable('frameworks').set({ copied_from: copiedFrom }).where('id', '=', frameworkId).execute();
}
