import type { Executor } from '../../platform/db/database';
import type { Graduation, InvitationRole } from './graduation.tables';

// Only this feature writes these tables; events, cohorts and enrolments are read through their
// owners' public entries.

export function findGraduation(db: Executor, eventId: string): Promise<Graduation | undefined> {
  return db.selectFrom('graduations').selectAll().where('event_id', '=', eventId).executeTakeFirst();
}

export async function listLinkedCohortIds(db: Executor, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('graduation_cohorts').select('cohort_id').where('event_id', '=', eventId).orderBy('cohort_id').execute();
  return rows.map((r) => r.cohort_id);
}

/** The ceremonies of the organisation that celebrate a cohort. */
export function listGraduationsOfCohort(db: Executor, organisationId: string, cohortId: string) {
  return db
    .selectFrom('graduation_cohorts')
    .innerJoin('graduations', 'graduations.event_id', 'graduation_cohorts.event_id')
    .selectAll('graduations')
    .where('graduation_cohorts.cohort_id', '=', cohortId)
    .where('graduations.organisation_id', '=', organisationId)
    .execute();
}

/** Every ceremony of the organisation with its cohorts linked: a map from event to cohort ids. */
export async function listLinkedCohortsOfOrganisation(db: Executor, organisationId: string): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('graduation_cohorts')
    .innerJoin('graduations', 'graduations.event_id', 'graduation_cohorts.event_id')
    .select(['graduation_cohorts.event_id', 'graduation_cohorts.cohort_id'])
    .where('graduations.organisation_id', '=', organisationId)
    .execute();
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.event_id, [...(map.get(row.event_id) ?? []), row.cohort_id]);
  return map;
}

export async function saveGraduation(
  trx: Executor,
  row: { eventId: string; organisationId: string; proceedings: string; inviteLineManagers: boolean; cohortIds: readonly string[]; actorId: string; at: string },
): Promise<void> {
  const existing = await findGraduation(trx, row.eventId);
  const values = { proceedings: row.proceedings, invite_line_managers: row.inviteLineManagers ? 1 : 0, updated_by: row.actorId, updated_at: row.at };
  if (existing) await trx.updateTable('graduations').set(values).where('event_id', '=', row.eventId).execute();
  else
    await trx
      .insertInto('graduations')
      .values({ ...values, event_id: row.eventId, organisation_id: row.organisationId, created_at: row.at })
      .execute();
  await trx.deleteFrom('graduation_cohorts').where('event_id', '=', row.eventId).execute();
  if (row.cohortIds.length > 0) {
    await trx
      .insertInto('graduation_cohorts')
      .values([...new Set(row.cohortIds)].map((cohortId) => ({ event_id: row.eventId, cohort_id: cohortId })))
      .execute();
  }
}

/** Records an invitation; false when the person was already invited (nothing is written). */
export async function insertInvitation(trx: Executor, row: { eventId: string; personId: string; role: InvitationRole; at: string }): Promise<boolean> {
  const result = await trx
    .insertInto('graduation_invitations')
    .values({ event_id: row.eventId, person_id: row.personId, role: row.role, invited_at: row.at })
    .onConflict((oc) => oc.columns(['event_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export function listInvitations(db: Executor, eventId: string) {
  return db.selectFrom('graduation_invitations').selectAll().where('event_id', '=', eventId).execute();
}

/** A person's invitations, with the organisation of each ceremony. */
export function listInvitationsOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('graduation_invitations')
    .innerJoin('graduations', 'graduations.event_id', 'graduation_invitations.event_id')
    .select(['graduation_invitations.event_id', 'graduation_invitations.role', 'graduation_invitations.invited_at', 'graduations.organisation_id'])
    .where('graduation_invitations.person_id', '=', personId)
    .execute();
}

export async function exportInvitations(db: Executor, personId: string) {
  return db.selectFrom('graduation_invitations').select(['event_id', 'role', 'invited_at']).where('person_id', '=', personId).execute();
}

export async function eraseInvitations(trx: Executor, personId: string): Promise<void> {
  await trx.deleteFrom('graduation_invitations').where('person_id', '=', personId).execute();
  await trx.updateTable('graduations').set({ updated_by: null }).where('updated_by', '=', personId).execute();
}
