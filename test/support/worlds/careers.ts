import { installStarterDirectory, installStarterRoles } from '../../../src/features/careers/careers.queries';
import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';

/**
 * Records the careers matrix rows need: the starter role map (`:roleId`) and directory (`:itemId`); the teacher
 * (world.report) shares an aspiration with their line manager and has a career conversation with
 * them (`:conversationId`) with a next step of their own (`:nextStepId`); the line manager posted an
 * opportunity (`:opportunityId`) in which the member of staff (world.staff) expressed interest
 * (`:interestId`).
 */
export async function makeCareersWorld(db: Db, world: World): Promise<Record<string, string>> {
  const at = '2026-11-10T09:00:00.000Z';
  await installStarterRoles(db, world.organisation.id, at);
  await installStarterDirectory(db, world.organisation.id, at);
  const item = await db
    .selectFrom('careers_directory_items')
    .select('id')
    .where('organisation_id', '=', world.organisation.id)
    .orderBy('title')
    .executeTakeFirstOrThrow();
  const role = await db
    .selectFrom('careers_roles')
    .select('id')
    .where('organisation_id', '=', world.organisation.id)
    .orderBy('title')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('careers_aspirations')
    .values({
      person_id: world.report.id,
      organisation_id: world.organisation.id,
      role_id: role.id,
      timeframe: '1_to_3',
      barriers: '["confidence"]',
      support: 'Shadowing',
      sharing: 'line_manager',
      updated_at: at,
    })
    .execute();
  const conversationId = newId();
  await db
    .insertInto('careers_conversations')
    .values({
      id: conversationId,
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      manager_id: world.lineManager.id,
      held_on: '2026-11-09',
      discussed: 'Where they would like to be in three years.',
      aspiration_agreed: '',
      recorded_by: world.lineManager.id,
      recorded_at: at,
      confirmed_at: null,
    })
    .execute();
  const actionId = newId();
  await db
    .insertInto('careers_actions')
    .values({
      id: actionId,
      conversation_id: conversationId,
      description: 'Read about the NPQ in Leading Behaviour and Culture',
      owner_id: world.report.id,
      due_on: '2026-12-01',
      opportunity_id: null,
      done_at: null,
      created_at: at,
    })
    .execute();
  const opportunityId = newId();
  await db
    .insertInto('careers_opportunities')
    .values({
      id: opportunityId,
      organisation_id: world.organisation.id,
      posted_by: world.lineManager.id,
      title: 'Lead the reading working party',
      kind: 'working_party',
      description: 'Bring colleagues together to plan reading across the school.',
      skill_codes: '[]',
      time_needed: 'An hour a week',
      starts_on: '2027-01-10',
      ends_on: '2027-03-10',
      closes_on: '2027-01-01',
      open_to: 'all',
      places: 1,
      created_at: at,
    })
    .execute();
  const interestId = newId();
  await db
    .insertInto('careers_interests')
    .values({
      id: interestId,
      opportunity_id: opportunityId,
      person_id: world.staff.id,
      line: 'I would love to.',
      status: 'interested',
      reason: null,
      decided_by: null,
      decided_at: null,
      verified_note: null,
      completed_at: null,
      created_at: at,
    })
    .execute();
  return { itemId: item.id, roleId: role.id, conversationId, nextStepId: actionId, opportunityId, interestId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeCareersWorld;
