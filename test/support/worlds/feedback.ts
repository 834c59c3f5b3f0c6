import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import { hashToken, newToken } from '../../../src/platform/http/tokens';
import { RATER_GROUPS } from '../../../src/features/feedback/feedback.model';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

const at = '2026-11-20T09:00:00.000Z';

/**
 * Records the feedback matrix rows need, added to the shared world (teacher = world.report, enrolled in
 * programmes.cohortId). Returns the route parameters (`:name` → id) those rows use.
 *
 * The teacher has an open round on their enrolment (closing 15 December 2026), shared with their line
 * manager, with one invited peer (`:respondentToken`, the raw link token), an open class link (`:classToken`)
 * and an outside address awaiting approval (`:respondentId`).
 */
export async function makeFeedbackWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const roundId = newId();
  const classToken = newToken();
  const respondentToken = newToken();
  await db
    .insertInto('feedback_rounds')
    .values({
      id: roundId,
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      enrolment_id: programmes.enrolmentId,
      framework_version_id: programmes.publishedVersionId,
      closes_on: '2026-12-15',
      closed_at: null,
      margin: 1.3,
      self_ratings: null,
      class_token: classToken,
      class_open: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const skills = await db.selectFrom('framework_skills').select('id').where('version_id', '=', programmes.publishedVersionId).orderBy('position').execute();
  await db
    .insertInto('feedback_round_skills')
    .values(skills.map((s, i) => ({ round_id: roundId, skill_id: s.id, position: i + 1 })))
    .execute();
  await db
    .insertInto('feedback_round_groups')
    .values(RATER_GROUPS.map((g) => ({ round_id: roundId, rater_group: g, minimum: g === 'line_manager' ? 1 : 3, anonymous: g === 'line_manager' ? 0 : 1 })))
    .execute();
  await db
    .insertInto('feedback_respondents')
    .values({
      id: newId(),
      round_id: roundId,
      rater_group: 'peer',
      name: 'Pat Peer',
      email: `pat-${roundId}@example.org`,
      email_normalised: `pat-${roundId}@example.org`,
      token_hash: hashToken(respondentToken),
      status: 'invited',
      draft: null,
      decline_reason: null,
      invited_at: '2026-11-20',
      reminded_on: null,
    })
    .execute();
  const outsideId = newId();
  await db
    .insertInto('feedback_respondents')
    .values({
      id: outsideId,
      round_id: roundId,
      rater_group: 'other',
      name: 'Olu Outside',
      email: `olu-${roundId}@example.net`,
      email_normalised: `olu-${roundId}@example.net`,
      token_hash: hashToken(newToken()),
      status: 'awaiting_approval',
      draft: null,
      decline_reason: null,
      invited_at: '2026-11-20',
      reminded_on: null,
    })
    .execute();
  await db.insertInto('feedback_shares').values({ round_id: roundId, person_id: world.lineManager.id, relationship: 'line_manager', created_at: at }).execute();
  return { roundId, respondentToken, classToken, respondentId: outsideId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeFeedbackWorld;
