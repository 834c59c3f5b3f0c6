import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database';
import { engineOfDb } from '../../platform/db/connect';
import type { RequirementSpec } from '../../platform/completion';
import type { RecommendScope } from './programmes.policy';
import type { PathwaysTable, ProgrammeModulesTable, ProgrammeRequirementsTable, ProgrammesTable } from './programmes.tables';

// ----- Pathways -----

export function listPathways(db: Executor, organisationId: string) {
  return db
    .selectFrom('pathways')
    .select(['pathways.id', 'pathways.title', 'pathways.summary'])
    .select((eb) =>
      eb
        .selectFrom('programmes')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('programmes.pathway_id', '=', 'pathways.id')
        .as('stage_count'),
    )
    .where('pathways.organisation_id', '=', organisationId)
    .orderBy('pathways.title_normalised')
    .execute();
}

export function findPathway(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('pathways').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

export async function insertPathway(db: Executor, row: Insertable<PathwaysTable>) {
  await db.insertInto('pathways').values(row).execute();
}

export async function updatePathwayRow(db: Executor, id: string, changes: Updateable<PathwaysTable>) {
  await db.updateTable('pathways').set(changes).where('id', '=', id).execute();
}

/**
 * Holds the pathway while its stages are renumbered, so two leads reordering at once queue
 * rather than interleave. SQLite already runs one writer at a time.
 */
export async function lockPathway(trx: Executor, id: string) {
  if (engineOfDb(trx) === 'postgres') await trx.selectFrom('pathways').select('id').where('id', '=', id).forUpdate().execute();
}

/** Holds a programme row (PostgreSQL) so two pathways can't both take it as a stage at once. */
export async function lockProgramme(trx: Executor, id: string) {
  if (engineOfDb(trx) === 'postgres') await trx.selectFrom('programmes').select('id').where('id', '=', id).forUpdate().execute();
}

/** The pathway's stages in order (every status). */
export function listStages(db: Executor, pathwayId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'title', 'summary', 'audience', 'status', 'stage_position', 'pathway_id'])
    .where('pathway_id', '=', pathwayId)
    .orderBy('stage_position')
    .orderBy('title_normalised')
    .execute();
}

export async function placeProgramme(db: Executor, programmeId: string, pathwayId: string | null, position: number | null, now: string) {
  await db.updateTable('programmes').set({ pathway_id: pathwayId, stage_position: position, updated_at: now }).where('id', '=', programmeId).execute();
}

/** Programmes of the organisation that are not a stage of any pathway. */
export function listStandaloneProgrammes(db: Executor, organisationId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'title', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('pathway_id', 'is', null)
    .orderBy('title_normalised')
    .execute();
}

// ----- Programmes -----

export function findProgrammeRow(db: Executor, organisationId: string, id: string) {
  return db.selectFrom('programmes').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
}

/** The catalogue: programmes with their pathway, in pathway and stage order. */
export function listCatalogue(db: Executor, organisationId: string, includeHidden: boolean) {
  let query = db
    .selectFrom('programmes')
    .leftJoin('pathways', 'pathways.id', 'programmes.pathway_id')
    .select([
      'programmes.id',
      'programmes.title',
      'programmes.summary',
      'programmes.audience',
      'programmes.status',
      'programmes.delivery',
      'programmes.duration',
      'programmes.pathway_id',
      'programmes.stage_position',
      'pathways.title as pathway_title',
      'pathways.summary as pathway_summary',
    ])
    .where('programmes.organisation_id', '=', organisationId);
  if (!includeHidden) query = query.where('programmes.status', '=', 'open');
  return query.orderBy('pathways.title_normalised').orderBy('programmes.stage_position').orderBy('programmes.title_normalised').execute();
}

/** Open programmes with their eligibility rules, for "Is this for me?". */
export function listOpenProgrammes(db: Executor, organisationId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'title', 'summary', 'eligibility'])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .orderBy('title_normalised')
    .execute();
}

export async function insertProgramme(db: Executor, row: Insertable<ProgrammesTable>) {
  await db.insertInto('programmes').values(row).execute();
}

export async function updateProgrammeRow(db: Executor, id: string, changes: Updateable<ProgrammesTable>) {
  await db.updateTable('programmes').set(changes).where('id', '=', id).execute();
}

// ----- Modules -----

/** The programme's modules in order, with how many enrolments have chosen each. */
export function listModules(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_modules')
    .select(['programme_modules.id', 'programme_modules.title', 'programme_modules.description', 'programme_modules.position'])
    .select((eb) =>
      eb
        .selectFrom('enrolment_modules')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('enrolment_modules.module_id', '=', 'programme_modules.id')
        .as('chosen_by'),
    )
    .where('programme_modules.programme_id', '=', programmeId)
    .orderBy('programme_modules.position')
    .execute();
}

export async function insertModule(db: Executor, row: Insertable<ProgrammeModulesTable>) {
  await db.insertInto('programme_modules').values(row).execute();
}

export async function nextModulePosition(db: Executor, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('programme_modules')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export function findModule(db: Executor, programmeId: string, moduleId: string) {
  return db.selectFrom('programme_modules').selectAll().where('programme_id', '=', programmeId).where('id', '=', moduleId).executeTakeFirst();
}

export async function countModuleChoices(db: Executor, moduleId: string): Promise<number> {
  const row = await db
    .selectFrom('enrolment_modules')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('module_id', '=', moduleId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countModules(db: Executor, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('programme_modules')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programme_id', '=', programmeId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteModule(db: Executor, moduleId: string) {
  await db.deleteFrom('programme_modules').where('id', '=', moduleId).execute();
}

// ----- Requirements -----

export function listRequirements(db: Executor, programmeId: string): Promise<RequirementSpec[]> {
  return db
    .selectFrom('programme_requirements')
    .select(['id', 'kind', 'position', 'settings'])
    .where('programme_id', '=', programmeId)
    .orderBy('position')
    .execute();
}

export async function replaceRequirements(trx: Executor, programmeId: string, rows: Insertable<ProgrammeRequirementsTable>[]) {
  await trx.deleteFrom('programme_requirements').where('programme_id', '=', programmeId).execute();
  if (rows.length > 0) await trx.insertInto('programme_requirements').values(rows).execute();
}

// ----- Frameworks (read-only: versions, domains and skills belong to the frameworks feature) -----

/** Published versions of the organisation's frameworks, newest first within each framework. */
export function listPublishedVersions(db: Executor, organisationId: string) {
  return db
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .select(['framework_versions.id', 'framework_versions.number', 'framework_versions.levels', 'frameworks.title as framework_title'])
    .where('frameworks.organisation_id', '=', organisationId)
    .where('framework_versions.status', '=', 'published')
    .orderBy('frameworks.title_normalised')
    .orderBy('framework_versions.number', 'desc')
    .execute();
}

export function findVersion(db: Executor, organisationId: string, versionId: string) {
  return db
    .selectFrom('framework_versions')
    .innerJoin('frameworks', 'frameworks.id', 'framework_versions.framework_id')
    .select([
      'framework_versions.id',
      'framework_versions.number',
      'framework_versions.status',
      'framework_versions.levels',
      'frameworks.title as framework_title',
    ])
    .where('frameworks.organisation_id', '=', organisationId)
    .where('framework_versions.id', '=', versionId)
    .executeTakeFirst();
}

/** Every skill of a version with its domain, in domain then skill order. */
export function listVersionSkills(db: Executor, versionId: string) {
  return db
    .selectFrom('framework_skills')
    .innerJoin('framework_domains', 'framework_domains.id', 'framework_skills.domain_id')
    .select([
      'framework_skills.id',
      'framework_skills.code',
      'framework_skills.title',
      'framework_skills.description',
      'framework_domains.id as domain_id',
      'framework_domains.title as domain_title',
    ])
    .where('framework_skills.version_id', '=', versionId)
    .orderBy('framework_domains.position')
    .orderBy('framework_skills.position')
    .execute();
}

/** The programme's focus skills, in framework order. */
export function listFocusSkills(db: Executor, programmeId: string) {
  return db
    .selectFrom('programme_focus_skills')
    .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
    .innerJoin('framework_domains', 'framework_domains.id', 'framework_skills.domain_id')
    .select(['framework_skills.id', 'framework_skills.code', 'framework_skills.title', 'framework_domains.title as domain_title'])
    .where('programme_focus_skills.programme_id', '=', programmeId)
    .orderBy('framework_domains.position')
    .orderBy('framework_skills.position')
    .execute();
}

export async function replaceFocusSkills(trx: Executor, programmeId: string, skillIds: string[]) {
  await trx.deleteFrom('programme_focus_skills').where('programme_id', '=', programmeId).execute();
  if (skillIds.length > 0)
    await trx
      .insertInto('programme_focus_skills')
      .values(skillIds.map((skill_id) => ({ programme_id: programmeId, skill_id })))
      .execute();
}

// ----- Cohorts (read-only: cohorts belong to the cohorts feature) -----

export function listCohortsOf(db: Executor, programmeIds: string[]) {
  if (programmeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cohorts')
    .select(['id', 'programme_id', 'name', 'applications_open_on', 'applications_close_on', 'starts_on', 'ends_on', 'capacity'])
    .where('programme_id', 'in', programmeIds)
    .orderBy('applications_open_on')
    .orderBy('name_normalised')
    .execute();
}

// ----- People -----

function recommendable(db: Executor, scope: RecommendScope) {
  let query = db
    .selectFrom('people')
    .leftJoin('schools', 'schools.id', 'people.school_id')
    .select(['people.id', 'people.given_name', 'people.family_name', 'people.email', 'people.job_title', 'schools.name as school_name'])
    .where('people.organisation_id', '=', scope.organisationId)
    .where('people.status', '=', 'active')
    .where('people.id', '!=', scope.excludeId);
  if (!scope.wholeOrganisation) {
    query = query.where((eb) => {
      const ors = [];
      if (scope.schoolIds.length) ors.push(eb('people.school_id', 'in', scope.schoolIds));
      if (scope.lineManagerId) ors.push(eb('people.line_manager_id', '=', scope.lineManagerId));
      return ors.length ? eb.or(ors) : eb.val(false);
    });
  }
  return query;
}

/** Active colleagues the viewer may recommend, by name. */
export function listRecommendable(db: Executor, scope: RecommendScope) {
  return recommendable(db, scope).orderBy('people.family_name').orderBy('people.given_name').orderBy('people.id').limit(2000).execute();
}

export function findRecommendable(db: Executor, scope: RecommendScope, personId: string) {
  return recommendable(db, scope).where('people.id', '=', personId).executeTakeFirst();
}

export async function insertRecommendation(
  db: Executor,
  row: { id: string; organisation_id: string; programme_id: string; person_id: string; recommended_by: string; note: string; created_at: string },
) {
  await db.insertInto('recommendations').values(row).execute();
}

/** The id of the most recent recommendation of the person for the programme, if any. */
export function findLatestRecommendation(db: Executor, personId: string, programmeId: string) {
  return db
    .selectFrom('recommendations')
    .select('id')
    .where('person_id', '=', personId)
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/** Recommendations the person has received, newest first, with the programme and who recommended them. */
export function listRecommendationsReceived(db: Executor, personId: string) {
  return db
    .selectFrom('recommendations')
    .innerJoin('programmes', 'programmes.id', 'recommendations.programme_id')
    .innerJoin('people as recommender', 'recommender.id', 'recommendations.recommended_by')
    .select([
      'recommendations.id',
      'recommendations.note',
      'recommendations.created_at',
      'recommendations.programme_id',
      'programmes.title as programme_title',
      'programmes.status as programme_status',
      'recommender.given_name',
      'recommender.family_name',
    ])
    .where('recommendations.person_id', '=', personId)
    .orderBy('recommendations.created_at', 'desc')
    .execute();
}

export function findProgrammeByTitle(db: Executor, organisationId: string, title: string) {
  return db
    .selectFrom('programmes')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('title_normalised', '=', title.trim().toLowerCase())
    .executeTakeFirst();
}

export function listProgrammeTitles(db: Executor, organisationId: string) {
  return db.selectFrom('programmes').select(['id', 'title', 'status']).where('organisation_id', '=', organisationId).orderBy('title_normalised').execute();
}
