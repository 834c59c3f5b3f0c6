import type { Db } from '../../../src/platform/db/database';
import { newId } from '../../../src/platform/db/ids';
import { hashToken, newToken } from '../../../src/platform/http/tokens';
import type { World } from '../factories';
import type { ProgrammeWorld } from '../programme-world';

/**
 * Records the portfolio matrix rows need: the teacher (world.report) has an entry with a PDF
 * attached, and has asked their line manager (a pending request) and someone outside Waymark (a
 * pending request whose emailed link holds `:verifyToken`) to verify it.
 */
export async function makePortfolioWorld(db: Db, world: World, _programmes: ProgrammeWorld): Promise<Record<string, string>> {
  const at = '2026-11-20T09:00:00.000Z';
  const entryId = newId();
  await db
    .insertInto('portfolio_entries')
    .values({
      id: entryId,
      organisation_id: world.organisation.id,
      person_id: world.report.id,
      kind: 'training_delivered',
      title: 'INSET on adaptive teaching',
      reflection: 'Colleagues in the science department now plan for the range of pupils in each class.',
      started_on: '2026-11-02',
      ended_on: null,
      hours: 3,
      skills: '[]',
      source: 'own',
      source_key: null,
      source_path: null,
      verification_id: null,
      verification_cleared_at: null,
      verification_cleared_name: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const attachmentId = newId();
  const fileId = newId();
  const pdf = Buffer.from('%PDF-1.7\nslides\n');
  await db
    .insertInto('stored_files')
    .values({
      id: fileId,
      organisation_id: world.organisation.id,
      file_name: 'slides.pdf',
      content_type: 'application/pdf',
      size_bytes: pdf.byteLength,
      sha256: '0'.repeat(64),
      content: pdf.toString('base64'),
      created_by: world.report.id,
      created_at: at,
    })
    .execute();
  await db
    .insertInto('portfolio_attachments')
    .values({ id: attachmentId, entry_id: entryId, title: 'Slides', url: null, file_id: fileId, added_at: at })
    .execute();
  const request = (
    id: string,
    values: { personId: string | null; name: string; email: string; tokenHash: string | null; relationship: 'line_manager' | 'outside' },
  ) =>
    db
      .insertInto('portfolio_verifications')
      .values({
        id,
        entry_id: entryId,
        relationship: values.relationship,
        verifier_person_id: values.personId,
        verifier_name: values.name,
        verifier_email: values.email,
        token_hash: values.tokenHash,
        status: 'pending',
        verifier_role: null,
        statement: null,
        decline_reason: null,
        requested_at: at,
        expires_at: '2026-12-20T09:00:00.000Z',
        answered_at: null,
      })
      .execute();
  const verificationId = newId();
  await request(verificationId, {
    personId: world.lineManager.id,
    name: `${world.lineManager.givenName} ${world.lineManager.familyName}`,
    email: world.lineManager.email,
    tokenHash: null,
    relationship: 'line_manager',
  });
  const verifyToken = newToken();
  await request(newId(), {
    personId: null,
    name: 'Gwen Hughes',
    email: 'gwen@outside.example.org',
    tokenHash: hashToken(verifyToken),
    relationship: 'outside',
  });
  return { entryId, attachmentId, verificationId, verifyToken };
}

/** The records this feature's matrix rows name: the authorisation matrix finds every `matrixRecords` in this folder. */
export const matrixRecords = makePortfolioWorld;
