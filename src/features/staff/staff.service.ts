import { keysetCursor } from '../../platform/db/keyset';
import type { Db, Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { MAX_ROWS } from '../../platform/csv';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors';
import { enqueueEmail, enqueueEmails } from '../../platform/jobs/outbox';
import {
  endAllSignInSessions,
  hashPassword,
  issueToken,
  issueTokens,
  latestInvitation,
  normaliseEmail,
  savePasswordHashes,
  tellLeaverHowToKeepRecord,
  withdrawInvitations,
} from '../auth';
import { listAllSchools } from '../organisations';
import { londonDate } from '../../platform/dates';
import * as q from './staff.queries';
import { closeCurrentRole, listRolesHeld, recordRoleChanges, reopenRole } from './staff.roles-held';
import { canEditPerson, canManageRoles, canPlaceInSchool, canViewPerson, directoryScope } from './staff.policy';
import { buildSearchText, type DirectoryQuery, type PersonForm } from './staff.schemas';
import type { Role } from './staff.tables';

export const DIRECTORY_PAGE_SIZE = 25;

/** A page of the staff directory, limited to the people the viewer may see. */
export function searchStaff(deps: AppDeps, viewer: Viewer, filters: DirectoryQuery) {
  return q.searchDirectory(deps.db, directoryScope(viewer), filters, DIRECTORY_PAGE_SIZE, keysetCursor(filters));
}

/** Everyone the directory's search and filters find for the viewer, every page of them (up to MAX_ROWS), for its download. */
export async function searchStaffForDownload(deps: AppDeps, viewer: Viewer, filters: DirectoryQuery) {
  const result = await q.searchDirectory(deps.db, directoryScope(viewer), { ...filters, after: undefined, before: undefined }, MAX_ROWS, null);
  return result.rows;
}

/** Everything the person page shows; NotFound when the viewer may not see them. */
export async function getPersonProfile(deps: AppDeps, viewer: Viewer, id: string) {
  const person = await q.findPerson(deps.db, viewer.organisationId, id);
  if (!person) throw new NotFound();
  if (!canViewPerson(viewer, person)) {
    // A member of staff may see who their own line manager is (their name, email, school and job
    // title), so the link on their record leads somewhere; nothing more of the record.
    const own = await q.findPerson(deps.db, viewer.organisationId, viewer.id);
    if (own?.line_manager_id !== person.id) throw new NotFound();
    return {
      view: 'line-manager' as const,
      person,
      reports: [],
      roles: [],
      rolesHeld: [],
      invitation: undefined,
      sections: [],
      canEdit: false,
      canManageRoles: false,
    };
  }
  const subject = { id: person.id, organisationId: person.organisation_id, schoolId: person.school_id, lineManagerId: person.line_manager_id };
  const [reports, roles, rolesHeld, invitation, sections] = await Promise.all([
    q.listReports(deps.db, id),
    q.listRoleGrants(deps.db, id),
    listRolesHeld(deps.db, id),
    latestInvitation(deps.db, id),
    Promise.all(
      deps.personRecordSections.map(async (section) => ({
        heading: person.id === viewer.id ? section.heading.own : section.heading.other,
        lines: await section.lines(deps.db, viewer, subject),
      })),
    ),
  ]);
  return {
    view: 'full' as const,
    person,
    reports,
    roles,
    rolesHeld,
    invitation,
    sections: sections.filter((s) => s.lines.length > 0),
    // Someone being erased is on their way out: nothing more is done to their record.
    canEdit: person.status !== 'being_erased' && canEditPerson(viewer, person),
    canManageRoles: person.status !== 'being_erased' && canManageRoles(viewer),
  };
}

/** The person, if the viewer may change them. */
export async function getEditablePerson(deps: AppDeps, viewer: Viewer, id: string) {
  const person = await q.findPerson(deps.db, viewer.organisationId, id);
  if (!person || !canViewPerson(viewer, person)) throw new NotFound();
  if (!canEditPerson(viewer, person)) throw new Forbidden();
  if (person.status === 'being_erased') throw new Conflict(BEING_ERASED);
  return person;
}

const BEING_ERASED = 'This person is being erased, so their record can no longer be changed.';

/** Schools a viewer may choose for a person: all for an org admin, their own for a school admin. */
export async function schoolChoices(deps: AppDeps, viewer: Viewer) {
  const schools = await listAllSchools(deps.db, viewer.organisationId);
  return schools.filter((s) => canPlaceInSchool(viewer, s.id)).map((s) => ({ id: s.id, name: s.name }));
}

async function resolveLineManager(db: Executor, organisationId: string, email: string | null, personId: string | null): Promise<string | null> {
  if (!email) return null;
  const manager = await q.findPersonByEmail(db, normaliseEmail(email));
  if (!manager || manager.organisation_id !== organisationId) throw new Invalid({ lineManagerEmail: 'No one in your organisation has this email address' });
  if (manager.status !== 'active') throw new Invalid({ lineManagerEmail: 'This person has been deactivated, so cannot be a line manager' });
  if (personId) {
    if (manager.id === personId) throw new Invalid({ lineManagerEmail: 'A person cannot be their own line manager' });
    if ((await q.managerChain(db, manager.id)).includes(personId))
      throw new Invalid({ lineManagerEmail: 'This would make a loop: that person is managed, directly or not, by this person' });
  }
  return manager.id;
}

function personColumns(form: PersonForm) {
  const email = form.email.trim();
  const columns = {
    title: form.title,
    given_name: form.givenName,
    family_name: form.familyName,
    email,
    email_normalised: normaliseEmail(email),
    job_title: form.jobTitle,
    staff_type: form.staffType,
    started_in_schools_on: form.startedInSchoolsOn,
    leadership_level: form.leadershipLevel,
    trn: form.trn,
    mis_staff_id: form.misStaffId,
    school_id: form.schoolId,
  };
  return { ...columns, search_text: buildSearchText(columns) };
}

/** Said when an email address is taken by someone outside the viewer's organisation: nothing about them, or where they are. */
export const EMAIL_NOT_AVAILABLE = 'This email address cannot be used. Check it is the person’s own work email address';

/**
 * A unique index refused the write. An email taken in the viewer's own organisation is named as
 * such (they can see that person); one taken elsewhere gets words that tell nothing about anyone
 * outside it.
 */
async function duplicate(deps: AppDeps, viewer: Viewer, form: PersonForm, error: unknown): Promise<never> {
  const message = error instanceof Error ? error.message : '';
  if (/mis/i.test(message)) throw new Invalid({ misStaffId: 'Another person in your organisation has this MIS staff ID' });
  const holder = await q.findPersonByEmail(deps.db, normaliseEmail(form.email));
  if (holder && holder.organisation_id === viewer.organisationId) throw new Invalid({ email: 'Someone in your organisation already has this email address' });
  throw new Invalid({ email: EMAIL_NOT_AVAILABLE });
}

async function checkSchool(deps: AppDeps, viewer: Viewer, schoolId: string | null) {
  if (schoolId !== null && !(await schoolChoices(deps, viewer)).some((s) => s.id === schoolId))
    throw new Invalid({ schoolId: 'Select a school from the list' });
  if (!canPlaceInSchool(viewer, schoolId)) throw new Invalid({ schoolId: 'Select one of your schools' });
}

/** Adds a member of staff; optionally emails them an invitation to set a password. */
export async function addPerson(deps: AppDeps, viewer: Viewer, form: PersonForm, options: { invite: boolean; requestId: string | null }): Promise<string> {
  await checkSchool(deps, viewer, form.schoolId);
  const id = newId();
  const now = deps.clock.now().toISOString();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const lineManagerId = await resolveLineManager(trx, viewer.organisationId, form.lineManagerEmail, null);
      await q.insertPerson(trx, {
        id,
        organisation_id: viewer.organisationId,
        ...personColumns(form),
        line_manager_id: lineManagerId,
        status: 'active',
        created_at: now,
        updated_at: now,
        deactivated_at: null,
      });
      await recordAudit(trx, deps.clock, {
        action: 'person_created',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'person',
        subjectId: id,
        requestId: options.requestId,
      });
      if (options.invite) await writeInvitation(trx, deps, viewer, { id, given_name: form.givenName, email: form.email }, options.requestId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) await duplicate(deps, viewer, form, error);
    throw error;
  }
  return id;
}

/** Changes a staff record. */
export async function editPerson(deps: AppDeps, viewer: Viewer, id: string, form: PersonForm, requestId: string | null): Promise<void> {
  const person = await getEditablePerson(deps, viewer, id);
  if (form.schoolId !== person.school_id) await checkSchool(deps, viewer, form.schoolId);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const lineManagerId = await resolveLineManager(trx, viewer.organisationId, form.lineManagerEmail, id);
      const columns = personColumns(form);
      const now = deps.clock.now();
      await q.updatePersonRow(trx, id, { ...columns, line_manager_id: lineManagerId, updated_at: now.toISOString() });
      if (person.status === 'active')
        await recordRoleChanges(
          trx,
          [{ personId: id, organisationId: person.organisation_id, createdAt: person.created_at, before: person, after: columns }],
          londonDate(now),
          now.toISOString(),
        );
      const changed = Object.entries(columns)
        .filter(([k, v]) => k !== 'search_text' && (person as Record<string, unknown>)[k] !== v)
        .map(([k]) => k);
      if (lineManagerId !== person.line_manager_id) changed.push('line_manager_id');
      await recordAudit(trx, deps.clock, {
        action: 'person_updated',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'person',
        subjectId: id,
        detail: { changed },
        requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) await duplicate(deps, viewer, form, error);
    throw error;
  }
}

/** Deactivates a person: they can no longer sign in; their record and history stay. */
export async function deactivatePerson(deps: AppDeps, viewer: Viewer, id: string, requestId: string | null): Promise<void> {
  const person = await getEditablePerson(deps, viewer, id);
  if (person.id === viewer.id) throw new Conflict('You cannot deactivate yourself. Ask another administrator.');
  if (person.status === 'deactivated') return;
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.updatePersonRow(trx, id, { status: 'deactivated', deactivated_at: now, updated_at: now });
    await closeCurrentRole(trx, id, londonDate(new Date(now)));
    await endAllSignInSessions(trx, id);
    // Their leadership record stays theirs: at a personal address they have confirmed, they are told how to keep it.
    await tellLeaverHowToKeepRecord(trx, deps, id, viewer.organisationName);
    await recordAudit(trx, deps.clock, {
      action: 'person_deactivated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: id,
      requestId,
    });
  });
}

export async function reactivatePerson(deps: AppDeps, viewer: Viewer, id: string, requestId: string | null): Promise<void> {
  const person = await getEditablePerson(deps, viewer, id);
  if (person.status === 'active') return;
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.updatePersonRow(trx, id, { status: 'active', deactivated_at: null, updated_at: now });
    await reopenRole(trx, { personId: id, organisationId: person.organisation_id, role: person }, londonDate(new Date(now)), now);
    await recordAudit(trx, deps.clock, {
      action: 'person_reactivated',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: id,
      requestId,
    });
  });
}

function invitationEmail(deps: AppDeps, viewer: Viewer, person: { given_name: string; email: string }, token: string) {
  return {
    to: person.email,
    subject: `${viewer.organisationName} has invited you to Waymark`,
    text: `Hello ${person.given_name},\n\n${viewer.givenName} ${viewer.familyName} has invited you to Waymark, where ${viewer.organisationName} runs its leadership development.\n\nChoose your password here (the link works for 14 days):\n\n${deps.config.BASE_URL}/invitation/${token}\n`,
  };
}

async function writeInvitation(
  trx: Executor,
  deps: AppDeps,
  viewer: Viewer,
  person: { id: string; given_name: string; email: string },
  requestId: string | null,
) {
  const token = await issueToken(trx, deps, person.id, 'invitation', viewer.id);
  await enqueueEmail(trx, deps.clock, invitationEmail(deps, viewer, person, token));
  await recordAudit(trx, deps.clock, {
    action: 'invitation_sent',
    organisationId: viewer.organisationId,
    actorId: viewer.id,
    subjectType: 'person',
    subjectId: person.id,
    requestId,
  });
}

/** Sends (or sends again) an invitation to set a password. Earlier invitations stop working. */
export async function invitePerson(deps: AppDeps, viewer: Viewer, id: string, requestId: string | null): Promise<void> {
  const person = await getEditablePerson(deps, viewer, id);
  if (person.status !== 'active') throw new Conflict('This person is deactivated. Reactivate them before inviting them.');
  await deps.db.transaction().execute(async (trx) => {
    await withdrawInvitations(trx, deps.clock, id);
    await writeInvitation(trx, deps, viewer, person, requestId);
  });
}

/** People in the viewer's schools (or organisation) who can't sign in yet and have no working invitation. */
export function listUninvited(deps: AppDeps, viewer: Viewer) {
  const { organisationId, wholeOrganisation, schoolIds } = directoryScope(viewer);
  return q.findUninvited(deps.db, { organisationId, wholeOrganisation, schoolIds }, deps.clock.now().toISOString());
}

/**
 * Invites everyone `listUninvited` finds, in one transaction: tokens, emails through the outbox,
 * and one audit event with the count. Returns how many were invited.
 */
export async function inviteEveryoneUninvited(deps: AppDeps, viewer: Viewer, requestId: string | null): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const { organisationId, wholeOrganisation, schoolIds } = directoryScope(viewer);
    const people = await q.findUninvited(trx, { organisationId, wholeOrganisation, schoolIds }, deps.clock.now().toISOString());
    if (people.length === 0) return 0;
    const tokens = await issueTokens(
      trx,
      deps,
      people.map((p) => p.id),
      'invitation',
      viewer.id,
    );
    await enqueueEmails(
      trx,
      deps.clock,
      people.map((person) => invitationEmail(deps, viewer, person, tokens.get(person.id) as string)),
    );
    await recordAudit(trx, deps.clock, {
      action: 'invitation_sent',
      organisationId,
      actorId: viewer.id,
      detail: { count: people.length, bulk: true },
      requestId,
    });
    return people.length;
  });
}

/** Grants a role. School admin needs a school of the organisation. */
export async function grantRole(
  deps: AppDeps,
  viewer: Viewer,
  personId: string,
  role: Role,
  schoolId: string | undefined,
  requestId: string | null,
): Promise<void> {
  if (!canManageRoles(viewer)) throw new Forbidden();
  const person = await q.findPerson(deps.db, viewer.organisationId, personId);
  if (!person) throw new NotFound();
  if (person.status === 'being_erased') throw new Conflict(BEING_ERASED);
  let scopeSchool: string | null = null;
  if (role === 'school_admin') {
    const schools = await listAllSchools(deps.db, viewer.organisationId);
    if (!schoolId || !schools.some((s) => s.id === schoolId)) throw new Invalid({ schoolId: 'Select the school they will administer' });
    scopeSchool = schoolId;
  }
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('role_grants')
        .values({
          id: newId(),
          person_id: personId,
          role,
          school_id: scopeSchool,
          scope_key: scopeSchool ?? 'organisation',
          granted_by: viewer.id,
          created_at: deps.clock.now().toISOString(),
        })
        .execute();
      await recordAudit(trx, deps.clock, {
        action: 'role_granted',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        subjectType: 'person',
        subjectId: personId,
        detail: { role, schoolId: scopeSchool },
        requestId,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ role: 'They already have this role' });
    throw error;
  }
}

/** Removes a role; an organisation must keep at least one organisation admin. */
export async function revokeRole(deps: AppDeps, viewer: Viewer, personId: string, grantId: string, requestId: string | null): Promise<void> {
  if (!canManageRoles(viewer)) throw new Forbidden();
  const person = await q.findPerson(deps.db, viewer.organisationId, personId);
  if (!person) throw new NotFound();
  if (person.status === 'being_erased') throw new Conflict(BEING_ERASED);
  await deps.db.transaction().execute(async (trx) => {
    const grant = await trx.selectFrom('role_grants').selectAll().where('id', '=', grantId).where('person_id', '=', personId).executeTakeFirst();
    if (!grant) throw new NotFound();
    if (grant.role === 'org_admin') {
      const admins = await trx
        .selectFrom('role_grants')
        .innerJoin('people', 'people.id', 'role_grants.person_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role_grants.role', '=', 'org_admin')
        .where('people.organisation_id', '=', viewer.organisationId)
        .where('people.status', '=', 'active')
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw new Conflict('Your organisation needs at least one organisation admin. Give someone else the role first.');
    }
    await trx.deleteFrom('role_grants').where('id', '=', grantId).execute();
    await recordAudit(trx, deps.clock, {
      action: 'role_revoked',
      organisationId: viewer.organisationId,
      actorId: viewer.id,
      subjectType: 'person',
      subjectId: personId,
      detail: { role: grant.role, schoolId: grant.school_id },
      requestId,
    });
  });
}

/**
 * Creates (or promotes and reactivates) an organisation admin from the command line, with the
 * password given: they can sign in at once.
 */
export async function createAdmin(
  db: Db,
  clock: AppDeps['clock'],
  input: { organisationId: string; givenName: string; familyName: string; email: string; password: string },
): Promise<string> {
  const emailNormalised = normaliseEmail(input.email);
  const now = clock.now().toISOString();
  // Hashed before the transaction: argon2id takes a while, and SQLite would hold its write lock meanwhile.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const existing = await q.findPersonByEmail(trx, emailNormalised);
    let id = existing?.id;
    if (existing) {
      if (existing.organisation_id !== input.organisationId) throw new Conflict(`${input.email} belongs to another organisation`);
      if (existing.status === 'being_erased') throw new Conflict(`${input.email} is being erased`);
      await q.updatePersonRow(trx, existing.id, { status: 'active', deactivated_at: null, updated_at: now });
      if (existing.status !== 'active') {
        const record = await q.findPersonSummary(trx, existing.id);
        if (record) await reopenRole(trx, { personId: existing.id, organisationId: input.organisationId, role: record }, londonDate(new Date(now)), now);
      }
    } else {
      id = newId();
      const columns = { given_name: input.givenName, family_name: input.familyName, email: input.email.trim(), job_title: null };
      await q.insertPerson(trx, {
        id,
        organisation_id: input.organisationId,
        school_id: null,
        ...columns,
        email_normalised: emailNormalised,
        search_text: buildSearchText(columns),
        staff_type: 'associate',
        started_in_schools_on: null,
        leadership_level: 'none',
        line_manager_id: null,
        trn: null,
        mis_staff_id: null,
        status: 'active',
        created_at: now,
        updated_at: now,
        deactivated_at: null,
      });
    }
    await savePasswordHashes(trx, clock, [{ personId: id as string, hash: passwordHash }]);
    await trx
      .insertInto('role_grants')
      .values({ id: newId(), person_id: id as string, role: 'org_admin', school_id: null, scope_key: 'organisation', granted_by: null, created_at: now })
      .onConflict((oc) => oc.columns(['person_id', 'role', 'scope_key']).doNothing())
      .execute();
    await recordAudit(trx, clock, {
      action: 'role_granted',
      organisationId: input.organisationId,
      subjectType: 'person',
      subjectId: id,
      detail: { role: 'org_admin', via: 'command line' },
    });
    return id as string;
  });
}
