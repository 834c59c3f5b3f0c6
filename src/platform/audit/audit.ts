import type { Executor } from '../db/database';
import type { Clock } from '../db/clock';
import { newId } from '../db/ids';

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_refused'
  | 'sign_in_link_used'
  | 'sign_out'
  | 'session_ended'
  | 'everyone_signed_out'
  | 'password_reset'
  | 'invitation_sent'
  | 'invitation_accepted'
  | 'role_granted'
  | 'role_revoked'
  | 'person_created'
  | 'person_updated'
  | 'person_deactivated'
  | 'person_reactivated'
  | 'school_created'
  | 'school_updated'
  | 'staff_import_applied'
  | 'framework_created'
  | 'framework_imported'
  | 'framework_version_created'
  | 'framework_version_published'
  | 'framework_version_discarded'
  | 'pathway_created'
  | 'pathway_updated'
  | 'programme_created'
  | 'programme_updated'
  | 'cohort_created'
  | 'cohort_updated'
  | 'recommendation_made'
  | 'application_submitted'
  | 'application_withdrawn'
  | 'endorsement_answered'
  | 'application_decided'
  | 'place_offered'
  | 'enrolment_changed'
  | 'enrolment_signed_off'
  | 'feedback_round_opened'
  | 'feedback_pupil_questions_changed'
  | 'feedback_round_closed'
  | 'feedback_respondent_invited'
  | 'feedback_respondent_approved'
  | 'feedback_respondent_refused'
  | 'feedback_report_shared'
  | 'feedback_report_unshared'
  | 'feedback_report_viewed'
  | 'self_assessment_submitted'
  | 'self_assessment_viewed'
  | 'project_status_changed'
  | 'project_discarded'
  | 'session_created'
  | 'session_updated'
  | 'session_cancelled'
  | 'attendance_recorded'
  | 'calendar_address_reset'
  | 'session_material_added'
  | 'session_material_removed'
  | 'mentoring_pairing_assigned'
  | 'mentoring_pairing_ended'
  | 'mentoring_signed_off'
  | 'portfolio_verification_requested'
  | 'portfolio_verification_answered'
  | 'portfolio_verification_cleared'
  | 'portfolio_entry_removed'
  | 'completion_confirmed'
  | 'certificate_issued'
  | 'certificate_revoked'
  | 'signing_key_rotated'
  | 'single_sign_on_configured'
  | 'single_sign_on_removed'
  | 'single_sign_on_bound'
  | 'single_sign_on_refused'
  | 'password_sign_in_turned_off'
  | 'password_sign_in_turned_on'
  | 'subject_access_requested'
  | 'subject_access_downloaded'
  | 'person_erased';

export interface AuditEntry {
  action: AuditAction;
  organisationId?: string | null;
  actorId?: string | null;
  subjectType?: string;
  subjectId?: string;
  detail?: Record<string, unknown>;
  ipAddress?: string | null;
  requestId?: string | null;
}

/** Records who did what; call inside the same transaction as the change. */
export async function recordAudit(db: Executor, clock: Clock, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      organisation_id: entry.organisationId ?? null,
      actor_id: entry.actorId ?? null,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      ip_address: entry.ipAddress ?? null,
      request_id: entry.requestId ?? null,
      created_at: clock.now().toISOString(),
    })
    .execute();
}

/**
 * Keeps the audit log whole when a person is erased, without naming them: entries they made or that
 * are about them point at the former person standing in for them (one per erasure, so the entries
 * still belong together), and their name, email or id in an entry's detail becomes "[erased]".
 * The only change the log ever takes; the pseudonymous id leads back to no one once the person row is gone.
 */
export async function pseudonymiseAudit(trx: Executor, personId: string, formerPersonId: string, strings: readonly string[]): Promise<number> {
  const actor = await trx.updateTable('audit_events').set({ actor_id: formerPersonId }).where('actor_id', '=', personId).executeTakeFirst();
  const subject = await trx.updateTable('audit_events').set({ subject_id: formerPersonId }).where('subject_id', '=', personId).executeTakeFirst();
  const needles = [...new Set([personId, ...strings])].filter((s) => s.length > 0);
  const naming = await trx
    .selectFrom('audit_events')
    .select(['id', 'detail'])
    .where((eb) => eb.or(needles.map((n) => eb(eb.fn('lower', ['detail']), 'like', `%${n.toLowerCase()}%`))))
    .execute();
  for (const row of naming) {
    let detail = row.detail;
    for (const n of needles.sort((a, b) => b.length - a.length))
      detail = detail.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '[erased]');
    await trx.updateTable('audit_events').set({ detail }).where('id', '=', row.id).execute();
  }
  return Number(actor.numUpdatedRows) + Number(subject.numUpdatedRows) + naming.length;
}
