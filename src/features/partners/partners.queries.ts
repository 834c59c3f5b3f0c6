import type { Executor } from '../../platform/db/database';
import type { OpenTo, OutsideApplicant, OutsideSignUp, ProgrammeOpening } from './partners.tables';

export function findOpening(db: Executor, programmeId: string): Promise<ProgrammeOpening | undefined> {
  return db.selectFrom('programme_openings').selectAll().where('programme_id', '=', programmeId).executeTakeFirst();
}

export async function listOpeningPartners(db: Executor, programmeId: string): Promise<string[]> {
  const rows = await db.selectFrom('programme_opening_partners').select('partner_organisation_id').where('programme_id', '=', programmeId).execute();
  return rows.map((r) => r.partner_organisation_id);
}

export async function saveOpening(
  db: Executor,
  opening: { programmeId: string; organisationId: string; openTo: OpenTo; partnerIds: string[]; by: string | null; at: string },
): Promise<void> {
  await db.deleteFrom('programme_opening_partners').where('programme_id', '=', opening.programmeId).execute();
  await db
    .insertInto('programme_openings')
    .values({
      programme_id: opening.programmeId,
      organisation_id: opening.organisationId,
      open_to: opening.openTo,
      updated_by: opening.by,
      updated_at: opening.at,
    })
    .onConflict((oc) => oc.column('programme_id').doUpdateSet({ open_to: opening.openTo, updated_by: opening.by, updated_at: opening.at }))
    .execute();
  if (opening.openTo === 'partners' && opening.partnerIds.length > 0)
    await db
      .insertInto('programme_opening_partners')
      .values(opening.partnerIds.map((id) => ({ programme_id: opening.programmeId, partner_organisation_id: id })))
      .execute();
}

/** Programmes open to staff of any school, across the installation. */
export function listOpenToAnySchool(db: Executor): Promise<ProgrammeOpening[]> {
  return db.selectFrom('programme_openings').selectAll().where('open_to', '=', 'any_school').execute();
}

export async function insertSignUp(db: Executor, row: OutsideSignUp): Promise<void> {
  await db.insertInto('outside_sign_ups').values(row).execute();
}

export function findSignUp(db: Executor, tokenHash: string): Promise<OutsideSignUp | undefined> {
  return db.selectFrom('outside_sign_ups').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

/** Spends a sign-up link: false when it was spent meanwhile. */
export async function spendSignUp(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('outside_sign_ups').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertOutsideApplicant(db: Executor, row: OutsideApplicant): Promise<void> {
  await db.insertInto('outside_applicants').values(row).execute();
}

export function findOutsideApplicant(db: Executor, personId: string): Promise<OutsideApplicant | undefined> {
  return db.selectFrom('outside_applicants').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

/** A person's sign-ups, found by the email address they gave. */
export function listSignUpsOf(db: Executor, emailNormalised: string) {
  return db.selectFrom('outside_sign_ups').select(['email', 'cohort_id', 'created_at', 'used_at']).where('email_normalised', '=', emailNormalised).execute();
}

export async function deleteSignUpsOf(db: Executor, emailNormalised: string): Promise<number> {
  const result = await db.deleteFrom('outside_sign_ups').where('email_normalised', '=', emailNormalised).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The outside applicants among some people, by person id. */
export async function listOutsideApplicants(db: Executor, personIds: readonly string[]): Promise<OutsideApplicant[]> {
  if (personIds.length === 0) return [];
  const rows: OutsideApplicant[] = [];
  // A batch at a time: a cohort's roster may be long, and SQLite limits bound values.
  for (let i = 0; i < personIds.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('outside_applicants')
        .selectAll()
        .where('person_id', 'in', personIds.slice(i, i + 500))
        .execute()),
    );
  return rows;
}

/**
 * Programmes of other organisations whose cohorts the organisation's staff may apply to: opened to
 * it as a named partner, or to any school.
 */
export function listOpenedTo(db: Executor, organisationId: string): Promise<ProgrammeOpening[]> {
  return db
    .selectFrom('programme_openings')
    .selectAll()
    .where('organisation_id', '!=', organisationId)
    .where((eb) =>
      eb.or([
        eb('open_to', '=', 'any_school'),
        eb.and([
          eb('open_to', '=', 'partners'),
          eb.exists(
            eb
              .selectFrom('programme_opening_partners')
              .select('programme_opening_partners.programme_id')
              .whereRef('programme_opening_partners.programme_id', '=', 'programme_openings.programme_id')
              .where('programme_opening_partners.partner_organisation_id', '=', organisationId),
          ),
        ]),
      ]),
    )
    .execute();
}

/** An outside applicant's school and headteacher, changed by themself. */
export async function updateOutsideApplicant(db: Executor, personId: string, changes: { urn: string; headteacher_name: string; headteacher_email: string }) {
  await db.updateTable('outside_applicants').set(changes).where('person_id', '=', personId).execute();
}
