import type { Db, Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/db/clock';
import { isUniqueViolation, uniqueViolationTarget } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { installBuiltInFrameworks } from '../frameworks';
import * as q from './organisations.queries';
import { canAddSchool, canEditSchool, visibleSchoolIds } from './organisations.policy';
import type { SchoolForm } from './organisations.schemas';

let cachedName: { value: string; at: number } | undefined;

/**
 * The name for the header when nobody is signed in: the organisation's, when the install has
 * exactly one; otherwise "Waymark". Cached for a minute.
 */
export async function installDisplayName(db: Db): Promise<string> {
  if (cachedName && Date.now() - cachedName.at < 60_000) return cachedName.value;
  const [only, ...others] = await q.listOrganisations(db);
  const value = only && others.length === 0 ? only.name : 'Waymark';
  cachedName = { value, at: Date.now() };
  return value;
}

/** Forgets the cached header name (after an organisation is created or renamed). */
export function forgetInstallDisplayName(): void {
  cachedName = undefined;
}

/** Creates an organisation; used by the CLI and the demo. */
export async function createOrganisation(db: Db, clock: Clock, name: string): Promise<string> {
  const id = newId();
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisations').values({ id, name, created_at: now, updated_at: now }).execute();
    // Every organisation starts with Waymark's built-in skills frameworks.
    await installBuiltInFrameworks(trx, clock, id);
  });
  forgetInstallDisplayName();
  return id;
}

export function listSchools(deps: AppDeps, viewer: Viewer) {
  return q.listSchoolsOf(deps.db, viewer.organisationId, visibleSchoolIds(viewer));
}

/** Every school of the organisation (id, name, URN), for pickers and imports (no access check: callers have one). */
export function listAllSchools(db: Db, organisationId: string) {
  return q.listSchoolNames(db, organisationId);
}

export async function getSchool(deps: AppDeps, viewer: Viewer, id: string) {
  const school = await q.findSchool(deps.db, viewer.organisationId, id);
  const visible = visibleSchoolIds(viewer);
  if (!school || (visible && !visible.includes(school.id))) throw new NotFound();
  return school;
}

function schoolColumns(form: SchoolForm) {
  return {
    name: form.name,
    name_normalised: form.name.toLowerCase(),
    urn: form.urn,
    phase: form.phase,
    local_authority: form.localAuthority,
    address_line1: form.addressLine1,
    address_line2: form.addressLine2,
    town: form.town,
    postcode: form.postcode,
  };
}

function duplicateSchool(error: unknown): never {
  const target = uniqueViolationTarget(error) ?? '';
  if (target.includes('urn')) throw new Invalid({ urn: 'Another school in your organisation already has this URN' });
  throw new Invalid({ name: 'Another school in your organisation already has this name' });
}

/** Adds a school to the viewer's organisation (organisation admins only). */
export async function addSchool(deps: AppDeps, viewer: Viewer, form: SchoolForm, requestId: string | null): Promise<string> {
  if (!canAddSchool(viewer)) throw new Forbidden();
  const id = newId();
  const now = deps.clock.now().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertSchool(trx, { id, organisation_id: viewer.organisationId, ...schoolColumns(form), status: 'open', created_at: now, updated_at: now });
      await recordAudit(trx, deps.clock, {
        action: 'school_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'school',
        subjectId: id,
        detail: { name: form.name },
        requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) duplicateSchool(error);
    throw error;
  }
  return id;
}

/** Changes a school's details. */
export async function editSchool(deps: AppDeps, viewer: Viewer, id: string, form: SchoolForm, requestId: string | null): Promise<void> {
  const school = await getSchool(deps, viewer, id);
  if (!canEditSchool(viewer, school.id)) throw new Forbidden();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.updateSchool(trx, id, { ...schoolColumns(form), updated_at: deps.clock.now().toISOString() });
      await recordAudit(trx, deps.clock, {
        action: 'school_updated',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'school',
        subjectId: id,
        detail: { name: form.name },
        requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) duplicateSchool(error);
    throw error;
  }
}

/** Up to two organisation ids: enough to tell whether the install has exactly one (for the command line). */
export async function listOrganisationIds(db: Db): Promise<string[]> {
  return (await q.listOrganisations(db)).map((organisation) => organisation.id);
}

/** Every organisation's id and name, by name (for the command line). */
export async function listAllOrganisations(db: Db): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('organisations').select(['id', 'name']).orderBy('name').execute();
}

/** An organisation's name (for a document made about one of its people). */
export async function findOrganisationName(db: Executor, id: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** True when the database has an organisation already (the demo is only seeded into an empty one). */
export async function anyOrganisationExists(db: Db): Promise<boolean> {
  return (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** The id of the organisation with exactly this name, if there is one (for the command line). */
export async function findOrganisationIdByName(db: Db, name: string): Promise<string | undefined> {
  return (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst())?.id;
}
