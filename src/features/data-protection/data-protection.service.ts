import {
  type AuditCursor,
  type AuditLogEntry,
  type AuditPosition,
  auditLogPage,
  countAuditLog,
  listAuditActions,
  listAuditLog,
  recordAudit,
} from '../../platform/audit/audit';
import type { PersonalDataHolds, RetentionContext, RetentionRecordType } from '../../platform/contributions';
import type { Clock } from '../../platform/db/clock';
import type { Db } from '../../platform/db/database';
import { newId } from '../../platform/db/ids';
import { csvCell, toCsvFile } from '../../platform/csv';
import { addDays, londonDateTimeToUtc } from '../../platform/dates';
import type { AppDeps } from '../../platform/http/env';
import { Forbidden, Invalid, type FieldErrors } from '../../platform/http/errors';
import type { FormValues } from '../../platform/http/forms';
import type { Viewer } from '../../platform/http/viewer';
import { listAllOrganisations, listOrganisationIds } from '../organisations';
import { findPersonByEmail, listPeopleNames } from '../staff';
import { listErasureProgress } from '../subject-rights';
import * as q from './data-protection.queries';
import { canChangeRetention, canReadDataProtection } from './data-protection.policy';
import { type AuditLogQuery, monthsValue, periodField } from './data-protection.schemas';

/** The data protection page: erasures in progress and recently finished (by their reference, naming no one erased). */
export async function getDataProtectionHome(deps: AppDeps, viewer: Viewer) {
  mustRead(viewer);
  return { erasures: await listErasureProgress(deps, viewer.organisationId), canChange: canChangeRetention(viewer), isOrgAdmin: canChangeRetention(viewer) };
}

/** Entries on one page of the audit log viewer. */
export const AUDIT_PAGE_SIZE = 50;
/** How many entries the CSV export reads at a time (the whole filtered log, a batch at a time). */
export const AUDIT_EXPORT_BATCH = 1_000;

function mustRead(viewer: Viewer): void {
  if (!canReadDataProtection(viewer)) throw new Forbidden();
}

/** The audit log's filters, resolved: people by email within the viewer's organisation, days as London midnights. */
interface ResolvedFilter {
  personId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

async function resolveFilter(deps: AppDeps, viewer: Viewer, query: AuditLogQuery): Promise<{ filter: ResolvedFilter; errors: FieldErrors }> {
  const errors: FieldErrors = {};
  const filter: ResolvedFilter = {};
  const personIn = async (field: 'person' | 'actor', email: string | undefined) => {
    if (!email) return undefined;
    const found = await findPersonByEmail(deps.db, email.toLowerCase());
    if (!found || found.organisation_id !== viewer.organisationId) {
      errors[field] = 'No one in your organisation has that email address';
      return undefined;
    }
    return found.id;
  };
  const personId = await personIn('person', query.person);
  const actorId = await personIn('actor', query.actor);
  if (personId) filter.personId = personId;
  if (actorId) filter.actorId = actorId;
  if (query.action) filter.action = query.action;
  const midnight = (date: string) => {
    const at = londonDateTimeToUtc(date, '00:00');
    return 'instant' in at ? at.instant : undefined;
  };
  if (query.from) {
    const from = midnight(query.from);
    if (from) filter.from = from;
    else errors.from = 'Enter a real date for the first day';
  }
  if (query.to) {
    const to = midnight(addDays(query.to, 1));
    if (to) filter.to = to;
    else errors.to = 'Enter a real date for the last day';
  }
  if (filter.from && filter.to && filter.from >= filter.to) errors.to = 'The last day must be the same as or after the first day';
  return { filter, errors };
}

/** An entry with the names of who did it and whose data it was. */
export interface AuditLogRow extends AuditLogEntry {
  actorName: string | null;
  personName: string | null;
}

async function withNames(deps: AppDeps, viewer: Viewer, entries: AuditLogEntry[]): Promise<AuditLogRow[]> {
  const ids = [...new Set(entries.flatMap((e) => [e.actorId, e.personId]).filter((id): id is string => !!id))];
  const names = new Map((await listPeopleNames(deps.db, viewer.organisationId, ids)).map((p) => [p.id, `${p.given_name} ${p.family_name}`]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'Someone no longer on Waymark') : null);
  return entries.map((e) => ({ ...e, actorName: nameOf(e.actorId), personName: nameOf(e.personId) }));
}

/** A position as a page link carries it (`<created_at>~<id>`), and back. */
function positionText(at: AuditPosition): string {
  return `${at.createdAt}~${at.id}`;
}
function positionOf(text: string | undefined): AuditPosition | undefined {
  const at = text?.indexOf('~') ?? -1;
  return text && at > 0 ? { createdAt: text.slice(0, at), id: text.slice(at + 1) } : undefined;
}

/** The query string's cursor (`older` wins over `newer`); a malformed one was dropped by the schema, so that is the newest page. */
function auditCursor(query: AuditLogQuery): AuditCursor {
  const older = positionOf(query.older);
  if (older) return { older };
  const newer = positionOf(query.newer);
  return newer ? { newer } : null;
}

/** Where a page link goes: the cursor's side and position, or nothing for the newest page. */
export type AuditPageLink = { older: string } | { newer: string } | null;

function linkOf(cursor: AuditCursor): AuditPageLink {
  if (!cursor) return null;
  return 'older' in cursor ? { older: positionText(cursor.older) } : { newer: positionText(cursor.newer) };
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  actions: string[];
  errors: FieldErrors;
  /** The page of newer entries (null: the newest page), when there is one. */
  newer?: AuditPageLink;
  /** The page of older entries, when there is one. */
  older?: AuditPageLink;
}

/**
 * One page of the viewer's organisation's audit log, newest first, by keyset. The cursor only says
 * where the page starts: the organisation and the filters are applied to every page, so an edited
 * link shows nothing the viewer couldn't see by filtering.
 */
export async function getAuditLogPage(deps: AppDeps, viewer: Viewer, query: AuditLogQuery): Promise<AuditLogPage> {
  mustRead(viewer);
  const { filter, errors } = await resolveFilter(deps, viewer, query);
  const actions = await listAuditActions(deps.db, viewer.organisationId);
  // With a filter that can't be read, show nothing rather than more than was asked for.
  if (Object.keys(errors).length > 0) return { rows: [], actions, errors };
  const page = await auditLogPage(deps.db, viewer.organisationId, filter, auditCursor(query), AUDIT_PAGE_SIZE);
  return {
    rows: await withNames(deps, viewer, page.entries),
    actions,
    errors,
    newer: page.newer === undefined ? undefined : linkOf(page.newer),
    older: page.older === undefined ? undefined : linkOf(page.older),
  };
}

/** The header row of the audit log's CSV file. */
export const AUDIT_CSV_HEADINGS = [
  'When (UTC)',
  'Action',
  'Done by',
  'Done by (id)',
  'Person affected',
  'Person affected (id)',
  'Record type',
  'Record id',
  'Details',
  'IP address',
] as const;

/**
 * Every entry the filters match, newest first, as CSV lines (the heading first), read by keyset a
 * batch at a time so a long log is never held whole. The export itself is audited first, with how
 * many entries matched when it began.
 */
export async function exportAuditLog(deps: AppDeps, viewer: Viewer, query: AuditLogQuery, requestId: string | null): Promise<AsyncGenerator<string>> {
  mustRead(viewer);
  const { filter, errors } = await resolveFilter(deps, viewer, { ...query, older: undefined, newer: undefined });
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const entries = await countAuditLog(deps.db, viewer.organisationId, filter);
  await recordAudit(deps.db, deps.clock, {
    action: 'audit_log_exported',
    organisationId: viewer.organisationId,
    actorId: viewer.id,
    detail: { entries, filters: { ...query, older: undefined, newer: undefined } },
    requestId,
  });
  async function* lines(): AsyncGenerator<string> {
    yield toCsvFile(AUDIT_CSV_HEADINGS, []);
    let after: AuditPosition | undefined;
    for (;;) {
      const batch = await listAuditLog(deps.db, viewer.organisationId, filter, AUDIT_EXPORT_BATCH, after);
      if (batch.length === 0) return;
      const rows = await withNames(deps, viewer, batch);
      yield rows
        .map((r) =>
          [r.createdAt, r.action, r.actorName, r.actorId, r.personName, r.personId, r.subjectType, r.subjectId, r.detail, r.ipAddress].map(csvCell).join(','),
        )
        .map((line) => `${line}\r\n`)
        .join('');
      const last = batch[batch.length - 1];
      if (!last || batch.length < AUDIT_EXPORT_BATCH) return;
      after = { createdAt: last.createdAt, id: last.id };
    }
  }
  return lines();
}

// ----- Retention -----

/** The period an organisation has for a record type: its own choice, never below the minimum, else the default. */
export function periodOf(type: RetentionRecordType, own: Map<string, number>): number {
  return Math.max(own.get(type.key) ?? type.defaultMonths, type.minimumMonths);
}

/** The instant `months` calendar months before `now` (the cut-off of a retention period). */
export function monthsBefore(now: Date, months: number): string {
  const at = new Date(now.getTime());
  const day = at.getUTCDate();
  at.setUTCDate(1);
  at.setUTCMonth(at.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 0)).getUTCDate();
  at.setUTCDate(Math.min(day, lastDay));
  return at.toISOString();
}

export interface RetentionRow {
  type: RetentionRecordType;
  months: number;
  /** True when the organisation chose the period (otherwise it is the default). */
  chosen: boolean;
}

export interface RetentionPage {
  rows: RetentionRow[];
  runs: { runOn: string; name: string; affected: number; cutoff: string }[];
  canChange: boolean;
}

export async function getRetentionPage(deps: AppDeps, viewer: Viewer): Promise<RetentionPage> {
  mustRead(viewer);
  const types = deps.retention ?? [];
  const own = await q.findRetentionPeriods(deps.db, viewer.organisationId);
  const names = new Map(types.map((t) => [t.key, t.name]));
  const runs = await q.listRetentionRuns(deps.db, viewer.organisationId, 60);
  return {
    rows: types.map((type) => ({ type, months: periodOf(type, own), chosen: own.has(type.key) })),
    runs: runs.map((r) => ({ runOn: r.run_on, name: names.get(r.record_type) ?? r.record_type, affected: Number(r.affected), cutoff: r.cutoff })),
    canChange: canChangeRetention(viewer),
  };
}

/** Saves the organisation's periods from the retention form, all or none; each below its minimum is refused with the reason. */
export async function saveRetentionPeriods(deps: AppDeps, viewer: Viewer, values: FormValues, requestId: string | null): Promise<number> {
  if (!canChangeRetention(viewer)) throw new Forbidden();
  const types = deps.retention ?? [];
  const errors: FieldErrors = {};
  const chosen: { type: RetentionRecordType; months: number }[] = [];
  for (const type of types) {
    const field = periodField(type.key);
    const parsed = monthsValue.safeParse(values[field] ?? '');
    if (!parsed.success) {
      errors[field] = `${type.name}: ${parsed.error.issues[0]?.message ?? 'Enter a period in months'}`;
      continue;
    }
    if (parsed.data < type.minimumMonths) {
      errors[field] = `${type.name} must be kept for at least ${type.minimumMonths} months`;
      continue;
    }
    chosen.push({ type, months: parsed.data });
  }
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  const own = await q.findRetentionPeriods(deps.db, viewer.organisationId);
  const changed = chosen.filter(({ type, months }) => periodOf(type, own) !== months);
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    for (const { type, months } of changed) {
      await q.saveRetentionPeriod(trx, { organisationId: viewer.organisationId, recordType: type.key, months, updatedBy: viewer.id, updatedAt: now });
      await recordAudit(trx, deps.clock, {
        action: 'retention_period_changed',
        organisationId: viewer.organisationId,
        actorId: viewer.id,
        detail: { recordType: type.key, from: periodOf(type, own), to: months },
        requestId,
      });
    }
  });
  return changed.length;
}

/**
 * The daily retention sweep: for each organisation and record type not yet run today, works out
 * the cut-off from the organisation's period and applies it in one transaction with a line in the
 * run log. Safe on several workers at once (one claims each day's run). Returns how many records
 * it deleted or anonymised.
 */
export async function applyRetention(db: Db, clock: Clock, types: readonly RetentionRecordType[], context: RetentionContext): Promise<number> {
  const now = clock.now();
  const runOn = now.toISOString().slice(0, 10);
  let total = 0;
  // Every organisation (listOrganisationIds gives only up to two, to tell whether there is just one).
  for (const { id: organisationId } of await listAllOrganisations(db)) {
    const own = await q.findRetentionPeriods(db, organisationId);
    for (const type of types) {
      const cutoff = monthsBefore(now, periodOf(type, own));
      total += await db.transaction().execute(async (trx) => {
        const id = newId();
        const claimed = await q.claimRetentionRun(trx, { id, organisationId, recordType: type.key, runOn, cutoff, createdAt: now.toISOString() });
        if (!claimed) return 0;
        const affected = await type.apply(trx, organisationId, cutoff, context);
        await q.setRunAffected(trx, id, affected);
        return affected;
      });
    }
  }
  return total;
}

// ----- Privacy notice and record of processing -----

/** "self-assessment" → "Self-assessment". */
export function featureTitle(feature: string): string {
  const words = feature.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export interface PrivacyNotice {
  parts: { title: string; holds: readonly string[]; retention: { name: string; description: string; months: number; action: string }[] }[];
  /** Record types no feature part names (the platform's audit log). */
  general: { name: string; description: string; months: number; action: string }[];
  /** True when the periods are the one organisation's own; false when they are the defaults (several organisations). */
  organisationPeriods: boolean;
}

function ownerOf(type: RetentionRecordType): string {
  return type.key.split('.')[0] ?? '';
}

/** What this installation collects, feature by feature, with how long each kind of record is kept. */
export async function getPrivacyNotice(deps: AppDeps): Promise<PrivacyNotice> {
  const organisations = await listOrganisationIds(deps.db);
  const single = organisations.length === 1 ? organisations[0] : undefined;
  const own = single ? await q.findRetentionPeriods(deps.db, single) : new Map<string, number>();
  const types = deps.retention ?? [];
  const line = (t: RetentionRecordType) => ({ name: t.name, description: t.description, months: periodOf(t, own), action: t.action });
  const holds: readonly PersonalDataHolds[] = deps.personalDataHolds ?? [];
  const featureNames = new Set(holds.map((h) => h.feature));
  return {
    parts: holds
      .filter((h) => h.holds.length > 0)
      .map((h) => ({ title: featureTitle(h.feature), holds: h.holds, retention: types.filter((t) => ownerOf(t) === h.feature).map(line) })),
    general: types.filter((t) => !featureNames.has(ownerOf(t))).map(line),
    organisationPeriods: !!single,
  };
}

/** "72 months (6 years)". */
export function describeMonths(months: number): string {
  const years = months % 12 === 0 ? ` (${months / 12} year${months === 12 ? '' : 's'})` : '';
  return `${months} month${months === 1 ? '' : 's'}${years}`;
}

const LAWFUL_BASIS =
  'Public task (UK GDPR Article 6(1)(e)) for maintained schools, or legitimate interests (Article 6(1)(f)) for academies and independent schools: developing and recording the professional learning of staff';

/** The record of processing activities (UK GDPR Article 30) as CSV: one row per kind of personal data each feature keeps. */
export async function processingRecordCsv(deps: AppDeps, viewer: Viewer, requestId: string | null): Promise<string> {
  mustRead(viewer);
  const own = await q.findRetentionPeriods(deps.db, viewer.organisationId);
  const types = deps.retention ?? [];
  const leavers = types.find((t) => t.key === 'staff.leavers');
  const rows: string[][] = [];
  for (const part of deps.personalDataHolds ?? []) {
    const schedule = types.filter((t) => ownerOf(t) === part.feature).map((t) => `${t.name}: ${describeMonths(periodOf(t, own))}, then ${t.action}`);
    const afterLeaving = leavers ? `While the person works for the organisation; then as "${leavers.name}" (${describeMonths(periodOf(leavers, own))})` : '';
    for (const holds of part.holds) {
      rows.push([
        featureTitle(part.feature),
        holds,
        'Staff of the organisation and its schools (and people they invite to give feedback)',
        'Developing staff: programmes, feedback, records of professional learning and careers',
        LAWFUL_BASIS,
        'Staff of the organisation with a role that needs it; no one outside the organisation unless the person shares it',
        'None',
        schedule.length > 0 ? schedule.join('; ') : afterLeaving,
        'Access by role and record; passwords hashed (argon2id); sign-in sessions hashed; audit log of who saw or changed personal data',
      ]);
    }
  }
  for (const t of types.filter((t) => !(deps.personalDataHolds ?? []).some((h) => h.feature === ownerOf(t)))) {
    rows.push([
      'Audit',
      t.description,
      'Staff of the organisation',
      'Accountability: answering who saw or changed personal data',
      'Legal obligation (UK GDPR Article 6(1)(c)): Article 5(2) and Article 32',
      'Organisation admins and the data protection officer',
      'None',
      `${describeMonths(periodOf(t, own))}, then ${t.action}`,
      'Append-only: no page edits or deletes it',
    ]);
  }
  await recordAudit(deps.db, deps.clock, {
    action: 'processing_record_downloaded',
    organisationId: viewer.organisationId,
    actorId: viewer.id,
    detail: { rows: rows.length },
    requestId,
  });
  return toCsvFile(
    [
      'Processing activity',
      'Personal data',
      'Data subjects',
      'Purpose',
      'Lawful basis',
      'Recipients',
      'Transfers outside the UK',
      'Retention',
      'Security measures',
    ],
    rows,
  );
}
