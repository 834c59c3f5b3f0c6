import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { RetentionRecordType } from '../contributions';
import type { Clock } from '../db/clock';
import { newId } from '../db/ids';

export type AuditAction =
  | 'sign_in'
  | 'sign_in_failed'
  | 'sign_in_refused'
  | 'sign_in_link_used'
  | 'personal_sign_in'
  | 'personal_email_confirmed'
  | 'personal_account_linked'
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
  | 'library_item_shared'
  | 'library_item_copied'
  | 'library_item_withdrawn'
  | 'applicants_messaged'
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
  | 'staff_record_viewed'
  | 'file_downloaded'
  | 'career_conversation_viewed'
  | 'mentoring_log_viewed'
  | 'audit_log_viewed'
  | 'audit_log_exported'
  | 'retention_period_changed'
  | 'processing_record_downloaded'
  | 'single_sign_on_configured'
  | 'single_sign_on_removed'
  | 'single_sign_on_bound'
  | 'single_sign_on_unbound'
  | 'single_sign_on_refused'
  | 'password_sign_in_turned_off'
  | 'password_sign_in_turned_on'
  | 'subject_access_requested'
  | 'subject_access_downloaded'
  | 'erasure_started'
  | 'person_erased'
  | 'programme_opening_changed'
  | 'public_taster_changed'
  | 'outside_applicant_joined'
  | 'outside_applicant_details_changed'
  | 'taster_place_cancelled'
  | 'headteacher_link_sent_again'
  | 'headteacher_link_reminded';

export interface AuditEntry {
  action: AuditAction;
  organisationId?: string | null;
  actorId?: string | null;
  subjectType?: string;
  subjectId?: string;
  /** The person whose data was seen or changed; defaults to the subject when the subject is a person. */
  personId?: string | null;
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
      person_id: entry.personId ?? (entry.subjectType === 'person' ? (entry.subjectId ?? null) : null),
      detail: JSON.stringify(entry.detail ?? {}),
      ip_address: entry.ipAddress ?? null,
      request_id: entry.requestId ?? null,
      created_at: clock.now().toISOString(),
    })
    .execute();
}

/** One entry as the audit log viewer shows it. */
export interface AuditLogEntry {
  id: string;
  action: string;
  actorId: string | null;
  personId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  detail: string;
  ipAddress: string | null;
  createdAt: string;
}

export interface AuditLogFilter {
  personId?: string;
  actorId?: string;
  action?: string;
  /** ISO instants: from (inclusive) and to (exclusive). */
  from?: string;
  to?: string;
}

/** Where an entry sits in the log's order (newest first by time, then id): all a cursor carries. */
export interface AuditPosition {
  createdAt: string;
  id: string;
}

/**
 * Where a page of the log starts: the entries older than a position, those newer than it, or the
 * newest. A cursor only positions: the organisation and the filters are applied afresh to every
 * page, so a made-up position can show nothing the filters would not.
 */
export type AuditCursor = { older: AuditPosition } | { newer: AuditPosition } | null;

function filteredLog(db: Executor, organisationId: string, filter: AuditLogFilter) {
  let query = db.selectFrom('audit_events').where('organisation_id', '=', organisationId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  return query;
}

/** Entries on the given side of a position, as a row-value comparison both engines answer from an index. */
function beyond(side: 'older' | 'newer', at: AuditPosition) {
  return sql<boolean>`(${sql.ref('created_at')}, ${sql.ref('id')}) ${sql.raw(side === 'older' ? '<' : '>')} (${at.createdAt}, ${at.id})`;
}

const ENTRY_COLUMNS = [
  'id',
  'action',
  'actor_id as actorId',
  'person_id as personId',
  'subject_type as subjectType',
  'subject_id as subjectId',
  'detail',
  'ip_address as ipAddress',
  'created_at as createdAt',
] as const;

/**
 * Up to `limit` of an organisation's audit entries matching the filter, newest first, older than
 * `olderThan` when given (how the CSV export reads the whole log a batch at a time). Read-only:
 * the log is appended to by `recordAudit` and trimmed only by the retention sweep, never changed by a route.
 */
export function listAuditLog(db: Executor, organisationId: string, filter: AuditLogFilter, limit: number, olderThan?: AuditPosition): Promise<AuditLogEntry[]> {
  let query = filteredLog(db, organisationId, filter).select(ENTRY_COLUMNS);
  if (olderThan) query = query.where(beyond('older', olderThan));
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** How many of an organisation's audit entries match the filter. */
export async function countAuditLog(db: Executor, organisationId: string, filter: AuditLogFilter): Promise<number> {
  const row = await filteredLog(db, organisationId, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AuditLogPageResult {
  entries: AuditLogEntry[];
  /** The page of newer entries: a cursor, null when it is the newest page (the plain address), undefined when there is none. */
  newer: AuditCursor | undefined;
  /** The page of older entries, undefined when there is none. */
  older: AuditCursor | undefined;
}

/**
 * One page of an organisation's audit log, newest first, by keyset: the entries just older or just
 * newer than the cursor's position. It never counts the whole log (which only grows): whether there
 * are newer or older pages is read from at most a page's worth of index entries either side.
 * A page of newer entries that would be short is the newest page instead.
 */
export async function auditLogPage(
  db: Executor,
  organisationId: string,
  filter: AuditLogFilter,
  cursor: AuditCursor,
  pageSize: number,
): Promise<AuditLogPageResult> {
  const select = () => filteredLog(db, organisationId, filter).select(ENTRY_COLUMNS);
  let entries: AuditLogEntry[];
  let first = cursor === null;
  if (cursor && 'newer' in cursor) {
    const newer = await select().where(beyond('newer', cursor.newer)).orderBy('created_at', 'asc').orderBy('id', 'asc').limit(pageSize).execute();
    entries = newer.reverse();
    if (entries.length < pageSize) {
      entries = await select().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).execute();
      first = true;
    }
  } else {
    let query = select();
    if (cursor) query = query.where(beyond('older', cursor.older));
    entries = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize).execute();
  }
  const top = entries[0];
  const bottom = entries[entries.length - 1];
  const position = (e: AuditLogEntry): AuditPosition => ({ createdAt: e.createdAt, id: e.id });
  let newer: AuditCursor | undefined;
  if (!first) {
    if (!top) newer = null;
    else {
      // Up to a page and one of the entries newer than the top one: a page's worth or fewer, and "newer" is the newest page.
      const above = await filteredLog(db, organisationId, filter)
        .select('id')
        .where(beyond('newer', position(top)))
        .orderBy('created_at', 'asc')
        .orderBy('id', 'asc')
        .limit(pageSize + 1)
        .execute();
      newer = above.length === 0 ? undefined : above.length <= pageSize ? null : { newer: position(top) };
    }
  }
  let older: AuditCursor | undefined;
  if (bottom) {
    const below = await filteredLog(db, organisationId, filter)
      .select('id')
      .where(beyond('older', position(bottom)))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (below) older = { older: position(bottom) };
  }
  return { entries, newer, older };
}

/** The actions an organisation's log holds, for the viewer's filter. */
export async function listAuditActions(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('action').distinct().where('organisation_id', '=', organisationId).orderBy('action').execute();
  return rows.map((r) => r.action);
}

/**
 * The audit log as a retention record type: the platform owns the table, so the platform says how
 * it is trimmed. The only delete of `audit_events` anywhere, reached only by the worker's sweep.
 */
export const auditLogRetention: RetentionRecordType = {
  key: 'platform.audit-log',
  name: 'Audit log',
  description: 'Who saw or changed personal data, and when: each entry from the day it was written',
  action: 'deleted',
  defaultMonths: 72,
  minimumMonths: 12,
  basis:
    'Kept as long as the staff records it explains (six years, the limitation period for claims under the Limitation Act 1980); never less than a year, so questions about the past year can always be answered',
  async apply(trx, organisationId, cutoff) {
    const result = await trx.deleteFrom('audit_events').where('organisation_id', '=', organisationId).where('created_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
/**
 * Keeps the audit log whole when a person is erased, without naming them: entries they made or that
 * are about them point at the former person standing in for them (one per erasure, so the entries
 * still belong together), and their name, email or id in an entry's detail becomes "[erased]".
 * The only change the log ever takes; the pseudonymous id leads back to no one once the person row is gone.
 */
export async function pseudonymiseAudit(trx: Executor, personId: string, formerPersonId: string, strings: readonly string[]): Promise<number> {
  const actor = await trx.updateTable('audit_events').set({ actor_id: formerPersonId }).where('actor_id', '=', personId).executeTakeFirst();
  const subject = await trx.updateTable('audit_events').set({ subject_id: formerPersonId }).where('subject_id', '=', personId).executeTakeFirst();
  await trx.updateTable('audit_events').set({ person_id: formerPersonId }).where('person_id', '=', personId).execute();
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
