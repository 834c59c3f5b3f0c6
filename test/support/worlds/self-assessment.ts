import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';
import { item } from '../present';

/**
 * Records the self-assessment matrix rows need, added to the shared world (teacher = world.report, enrolled in
 * programmes.cohortId). Returns the route parameters (`:name` → id) those rows use.
 *
 * The teacher's enrolment (programmes.enrolmentId) has a submitted baseline, rating the programme's
 * focus skills (the programme world's framework has them), with an evidence file (`:evidenceId`).
 */
export async function makeSelfAssessmentWorld(db: Db, world: World, programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const at = '2026-11-10T09:00:00.000Z';
  const assessmentId = newId();
  await db
    .insertInto('self_assessments')
    .values({
      id: assessmentId,
      enrolment_id: programmes.enrolmentId,
      checkpoint: 'baseline',
      status: 'submitted',
      created_at: at,
      updated_at: at,
      submitted_at: at,
    })
    .execute();
  const focus = await db
    .selectFrom('programme_focus_skills')
    .innerJoin('framework_skills', 'framework_skills.id', 'programme_focus_skills.skill_id')
    .select(['programme_focus_skills.skill_id', 'framework_skills.domain_id'])
    .where('programme_focus_skills.programme_id', '=', programmes.programmeId)
    .execute();
  for (const [i, { skill_id }] of focus.entries()) {
    await db
      .insertInto('self_assessment_ratings')
      .values({ self_assessment_id: assessmentId, skill_id, rating: i === 0 ? null : 3, not_sure: i === 0 ? 1 : 0, note: '', evidence_url: '' })
      .execute();
  }
  // An evidence file on the first focus skill (`:evidenceId`).
  const fileId = newId();
  const content = Buffer.from('%PDF-1.4\nminutes\n%%EOF\n');
  await db
    .insertInto('stored_files')
    .values({
      id: fileId,
      organisation_id: world.organisation.id,
      file_name: 'minutes.pdf',
      content_type: 'application/pdf',
      size_bytes: content.byteLength,
      sha256: 'test',
      content: content.toString('base64'),
      created_by: world.report.id,
      created_at: at,
    })
    .execute();
  const evidenceId = newId();
  const first = item(focus, 0, 'a focus skill');
  await db
    .insertInto('self_assessment_evidence_files')
    .values({
      id: evidenceId,
      self_assessment_id: assessmentId,
      skill_id: first.skill_id,
      file_id: fileId,
      file_name: 'minutes.pdf',
      size_bytes: content.byteLength,
      added_at: at,
    })
    .execute();
  return { checkpoint: 'baseline', skillDomainId: first.domain_id, evidenceId };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makeSelfAssessmentWorld;
