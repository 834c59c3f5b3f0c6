import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Executor } from '../../platform/db/database';
import { recordAudit } from '../../platform/audit/audit';
import { DAY, systemClock } from '../../platform/db/clock';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import type { AppDeps, Viewer } from '../../platform/http/env';
import { Conflict, Invalid, NotFound, PayloadTooLarge } from '../../platform/http/errors';
import { listAllSchools, listOrganisationIds } from '../organisations';
import { findEmailsElsewhere, insertPeople, listPeopleForMatching, setLineManagers, updatePeopleColumns } from '../staff';
import { FIELD_LABELS, guessColumnMapping, missingRequiredFields, REQUIRED_FIELDS, type ColumnMapping } from './staff-import.columns';
import { decodeCsvBytes, parseCsv, UnreadableFile, type CsvTable } from '../../platform/csv';
import { managersFirst, planImport, type ImportPlan, type ImportSchool } from './staff-import.plan';
import { canSeeImport, importableSchoolIds, recentImportsUploader } from './staff-import.policy';
import * as q from './staff-import.queries';
import { importSummary, mappingForm, mappingValues, storedMapping, type ImportSummary } from './staff-import.schemas';
import type { StaffImport } from './staff-import.tables';

/** Days an uploaded file waits to be applied before it is discarded. */
export const UNAPPLIED_IMPORT_DAYS = 30;
const DISCARDED = 'This file was discarded, so it cannot be imported. Upload it again to import it.';

/** What the import needs from the app: a database, a clock and the upload limit. */
export type ImportDeps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** Who is importing, and where they may import to. */
interface Importer {
  organisationId: string;
  /** Null when run from the command line. */
  actorId: string | null;
  /** Null for every school of the organisation. */
  schoolIds: ReadonlySet<string> | null;
}

function importerOf(viewer: Viewer): Importer {
  return { organisationId: viewer.organisationId, actorId: viewer.id, schoolIds: importableSchoolIds(viewer) };
}

const MEGABYTE = 1024 * 1024;
const RECENT_IMPORTS = 10;

/** The largest file accepted, in bytes (IMPORT_MAX_MB). */
export function maxUploadBytes(deps: Pick<AppDeps, 'config'>): number {
  return deps.config.IMPORT_MAX_MB * MEGABYTE;
}

/** The message for a file over the limit. */
export function tooLargeMessage(deps: Pick<AppDeps, 'config'>): string {
  return `The selected file must be smaller than ${deps.config.IMPORT_MAX_MB} MB. Split the staff list into smaller files and import each one.`;
}

async function schoolsOf(deps: ImportDeps, organisationId: string): Promise<ImportSchool[]> {
  const schools = await listAllSchools(deps.db, organisationId);
  return schools.map((s) => ({ id: s.id, name: s.name, urn: s.urn }));
}

/** Schools the viewer may choose as the default school on the upload page. */
export async function importSchoolChoices(deps: ImportDeps, viewer: Viewer): Promise<ImportSchool[]> {
  const allowed = importableSchoolIds(viewer);
  return (await schoolsOf(deps, viewer.organisationId)).filter((s) => allowed === null || allowed.has(s.id));
}

/** The latest imports the viewer may see, newest first. */
export async function listRecentStaffImports(deps: ImportDeps, viewer: Viewer) {
  const rows = await q.listRecentImports(deps.db, viewer.organisationId, recentImportsUploader(viewer), RECENT_IMPORTS);
  return rows.map((row) => ({ ...row, summary: readSummary(row.summary) }));
}

function readSummary(json: string | null): ImportSummary | null {
  if (!json) return null;
  const parsed = importSummary.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

function readMapping(json: string): ColumnMapping {
  return storedMapping.parse(JSON.parse(json));
}

function listOfFields(fields: readonly (keyof typeof FIELD_LABELS)[]): string {
  const names = fields.map((f) => FIELD_LABELS[f].toLowerCase());
  const last = names.pop() ?? '';
  return names.length > 0 ? `${names.join(', ')} and ${last}` : last;
}

/** Decodes and parses an uploaded file; Invalid (for the `file` field) when it can't be a staff list. */
function readStaffFile(deps: ImportDeps, bytes: Uint8Array): { text: string; table: CsvTable; mapping: ColumnMapping } {
  if (bytes.length > maxUploadBytes(deps)) throw new PayloadTooLarge(tooLargeMessage(deps));
  try {
    const { text } = decodeCsvBytes(bytes);
    const table = parseCsv(text);
    const mapping = guessColumnMapping(table.headers);
    const missing = missingRequiredFields(mapping, table.headers);
    const headings = table.headers.filter((h) => h !== '');
    // With fewer columns than required fields, no choice of columns could work: say so now.
    if (missing.length > 0 && headings.length < REQUIRED_FIELDS.length) {
      const needs = `A staff list needs a column for each person’s ${listOfFields(REQUIRED_FIELDS)}, with the column headings in the first row.`;
      throw new UnreadableFile(missing.length === REQUIRED_FIELDS.length ? needs : `The file is missing columns for ${listOfFields(missing)}. ${needs}`);
    }
    return { text, table, mapping };
  } catch (error) {
    if (error instanceof UnreadableFile) throw new Invalid({ file: error.message });
    throw error;
  }
}

/**
 * Reads an uploaded staff CSV and keeps it, with the automatic column matching, for preview (or
 * for matching columns by hand, when a required field has no column). Nothing about staff changes.
 */
export async function uploadStaffFile(
  deps: ImportDeps,
  viewer: Viewer,
  upload: { fileName: string; bytes: Uint8Array; defaultSchoolId: string | null },
): Promise<{ id: string }> {
  const choices = await importSchoolChoices(deps, viewer);
  let schoolError: string | undefined;
  if (upload.defaultSchoolId !== null && !choices.some((s) => s.id === upload.defaultSchoolId)) schoolError = 'Select one of your schools';
  if (upload.defaultSchoolId === null && importableSchoolIds(viewer) !== null) schoolError = 'Select the school these staff belong to';
  let file: ReturnType<typeof readStaffFile>;
  try {
    file = readStaffFile(deps, upload.bytes);
  } catch (error) {
    // Report a bad school choice with the file's problem, so both can be put right at once.
    if (error instanceof Invalid && schoolError) throw new Invalid({ ...error.fieldErrors, defaultSchoolId: schoolError });
    throw error;
  }
  if (schoolError) throw new Invalid({ defaultSchoolId: schoolError });
  const id = newId();
  // Files previewed but never applied are let go after a while (they hold staff personal data).
  const staleBefore = new Date(deps.clock.now().getTime() - UNAPPLIED_IMPORT_DAYS * DAY).toISOString();
  await q.discardImports(deps.db, { organisationId: viewer.organisationId, createdBefore: staleBefore });
  await q.insertImport(deps.db, {
    id,
    organisation_id: viewer.organisationId,
    created_by: viewer.id,
    file_name: upload.fileName.slice(0, 255) || 'staff.csv',
    content: file.text,
    column_mapping: JSON.stringify(file.mapping),
    default_school_id: upload.defaultSchoolId,
    status: 'previewed',
    summary: null,
    created_at: deps.clock.now().toISOString(),
    applied_at: null,
  });
  return { id };
}

/** Throws away a previewed import and its file; nothing about staff changes. */
export async function discardStaffImport(deps: ImportDeps, viewer: Viewer, id: string): Promise<void> {
  const staffImport = await getStaffImport(deps, viewer, id);
  if (staffImport.status === 'applied') throw new Conflict('This import has already been applied, so it cannot be discarded.');
  await q.discardImports(deps.db, { id: staffImport.id });
}

/** The import, if the viewer may see it (organisation admins, and the school admin who uploaded it). */
export async function getStaffImport(deps: ImportDeps, viewer: Viewer, id: string): Promise<StaffImport> {
  const staffImport = await q.findImport(deps.db, viewer.organisationId, id);
  if (!staffImport || !canSeeImport(viewer, staffImport)) throw new NotFound();
  return staffImport;
}

/** Ids for people a preview would add: never stored, so they needn't be real ones. */
function previewIds(): () => string {
  let next = 0;
  return () => `preview-${next++}`;
}

async function planStoredImport(
  db: Executor,
  importer: Importer,
  staffImport: StaffImport,
  table: CsvTable,
  schools: ImportSchool[],
  makeId: () => string,
): Promise<ImportPlan> {
  const mapping = readMapping(staffImport.column_mapping);
  const emailPosition = mapping.email === undefined ? -1 : table.headers.indexOf(mapping.email);
  const emails = emailPosition < 0 ? [] : [...new Set(table.rows.map((r) => (r.cells[emailPosition] ?? '').trim().toLowerCase()).filter(Boolean))];
  const [people, emailsElsewhere] = await Promise.all([
    listPeopleForMatching(db, importer.organisationId),
    findEmailsElsewhere(db, importer.organisationId, emails),
  ]);
  return planImport({
    table,
    mapping,
    schools,
    scope: { schoolIds: importer.schoolIds, defaultSchoolId: staffImport.default_school_id },
    people,
    emailsElsewhere,
    newId: makeId,
  });
}

export type ImportPage =
  | { kind: 'mapping'; staffImport: StaffImport; headers: string[]; samples: Record<string, string>; mapping: ColumnMapping; missing: string[] }
  | { kind: 'preview'; staffImport: StaffImport; mapping: ColumnMapping; plan: ImportPlan; defaultSchoolName: string | null; rowCount: number }
  | { kind: 'applied'; staffImport: StaffImport; summary: ImportSummary | null };

/** A few values from the file's first rows for each heading, to help match columns. */
function samplesOf(table: CsvTable): Record<string, string> {
  // No prototype: a heading may be any text, "__proto__" and "constructor" included.
  const samples: Record<string, string> = Object.create(null);
  table.headers.forEach((header, position) => {
    if (header in samples) return;
    const value = table.rows
      .slice(0, 20)
      .map((r) => (r.cells[position] ?? '').trim())
      .find(Boolean);
    samples[header] = value && value.length > 40 ? `${value.slice(0, 39)}…` : (value ?? '');
  });
  return samples;
}

/**
 * What GET /import/:id shows: the column matching while a required field has no column (or when
 * asked for), the preview of what would change, or the result once applied. Reads only.
 */
export async function showStaffImport(deps: ImportDeps, viewer: Viewer, id: string, options: { mapping?: boolean } = {}): Promise<ImportPage> {
  const staffImport = await getStaffImport(deps, viewer, id);
  if (staffImport.status === 'applied') return { kind: 'applied', staffImport, summary: readSummary(staffImport.summary) };
  if (staffImport.status !== 'previewed') throw new NotFound();
  const table = parseCsv(staffImport.content);
  const mapping = readMapping(staffImport.column_mapping);
  const missing = missingRequiredFields(mapping, table.headers);
  if (options.mapping || missing.length > 0) {
    return {
      kind: 'mapping',
      staffImport,
      headers: table.headers.filter((h) => h !== ''),
      samples: samplesOf(table),
      mapping,
      missing: missing.map((f) => FIELD_LABELS[f]),
    };
  }
  const schools = await schoolsOf(deps, viewer.organisationId);
  const plan = await planStoredImport(deps.db, importerOf(viewer), staffImport, table, schools, previewIds());
  const defaultSchoolName = schools.find((s) => s.id === staffImport.default_school_id)?.name ?? null;
  return { kind: 'preview', staffImport, mapping, plan, defaultSchoolName, rowCount: table.rows.length };
}

/** Saves the columns the admin matched to each field. Invalid with a message per field. */
export async function saveColumnMapping(deps: ImportDeps, viewer: Viewer, id: string, values: Record<string, string>): Promise<void> {
  const staffImport = await getStaffImport(deps, viewer, id);
  if (staffImport.status === 'discarded') throw new Conflict(DISCARDED);
  if (staffImport.status !== 'previewed') throw new Conflict('This import has already been applied, so its columns cannot be changed.');
  const { headers } = parseCsv(staffImport.content);
  const result = mappingForm(headers).safeParse(mappingValues(values));
  if (!result.success) {
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'givenName');
      errors[field] ??= issue.message;
    }
    throw new Invalid(errors);
  }
  await q.updateImportMapping(deps.db, id, JSON.stringify(result.data));
}

function summarise(plan: ImportPlan): ImportSummary {
  return {
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged.length,
    rejected: plan.rejected.length,
    warnings: plan.warnings.length,
  };
}

/**
 * Applies an import in one transaction: recomputes the plan from the stored file against the
 * staff as they are now, adds and updates people in batches, then links line managers. All or
 * nothing; an import is applied once.
 */
async function applyImport(
  deps: ImportDeps,
  importer: Importer,
  staffImport: StaffImport,
  request: { requestId?: string | null; ipAddress?: string | null },
): Promise<{ summary: ImportSummary; plan: ImportPlan }> {
  const table = parseCsv(staffImport.content);
  const missing = missingRequiredFields(readMapping(staffImport.column_mapping), table.headers);
  if (missing.length > 0) throw new Conflict(`Choose the columns for ${listOfFields(missing)} before importing.`);
  const schools = await schoolsOf(deps, importer.organisationId);
  const now = deps.clock.now().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (!(await q.claimImportForApply(trx, staffImport.id, now)))
        throw new Conflict('This import has already been applied. To import the file again, upload it again.');
      const plan = await planStoredImport(trx, importer, staffImport, table, schools, () => newId());
      // New people are inserted managers first, so their line managers go in with them; people
      // already in Waymark whose manager changes (perhaps to someone new) are linked afterwards.
      await insertPeople(trx, importer.organisationId, managersFirst(plan.creates), now);
      await updatePeopleColumns(
        trx,
        plan.updates.filter((u) => u.columnsChanged),
        now,
      );
      const links = plan.updates.filter((u) => u.lineManager).map((u) => ({ id: u.id, lineManagerId: (u.lineManager as { id: string }).id }));
      await setLineManagers(trx, links, now);
      const summary = summarise(plan);
      await q.saveImportSummary(trx, staffImport.id, JSON.stringify(summary));
      await recordAudit(trx, deps.clock, {
        action: 'staff_import_applied',
        organisationId: importer.organisationId,
        actorId: importer.actorId,
        subjectType: 'staff_import',
        subjectId: staffImport.id,
        detail: {
          fileName: staffImport.file_name,
          ...summary,
          lineManagersSet: links.length + plan.creates.filter((c) => c.lineManagerId).length,
          ...(importer.actorId ? {} : { via: 'command line' }),
        },
        requestId: request.requestId ?? null,
        ipAddress: request.ipAddress ?? null,
      });
      return { summary, plan };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new Conflict(
        'Someone changed staff records while this import was running, so nothing was imported. Open the import again to check the preview, then import it.',
      );
    }
    throw error;
  }
}

/** Applies a previewed import for the viewer; Conflict when it was already applied. */
export async function applyStaffImport(
  deps: ImportDeps,
  viewer: Viewer,
  id: string,
  request: { requestId: string | null; ipAddress: string | null },
): Promise<ImportSummary> {
  const staffImport = await getStaffImport(deps, viewer, id);
  if (staffImport.status === 'discarded') throw new Conflict(DISCARDED);
  if (staffImport.status !== 'previewed') throw new Conflict('This import has already been applied. To import the file again, upload it again.');
  return (await applyImport(deps, importerOf(viewer), staffImport, request)).summary;
}

/**
 * The `waymark import-staff` command: imports a CSV file for an organisation (the only one when
 * not given), with the named school (or URN) for rows that name none. Matches columns
 * automatically; applies at once. Returns a report to print.
 */
export async function importStaffFile(
  runtime: Pick<AppDeps, 'db' | 'config'> & { clock?: AppDeps['clock'] },
  options: { file: string; organisationId?: string; schoolName?: string },
): Promise<{ report: string; imported: number; rejected: number }> {
  const deps: ImportDeps = { db: runtime.db, config: runtime.config, clock: runtime.clock ?? systemClock };
  let organisationId = options.organisationId;
  if (!organisationId) {
    const [only, ...others] = await listOrganisationIds(deps.db);
    if (!only || others.length > 0)
      throw new Error('This Waymark has more than one organisation: say which with --org-id ID (waymark organisations lists them).');
    organisationId = only;
  }
  const schools = await schoolsOf(deps, organisationId);
  let defaultSchoolId: string | null = null;
  if (options.schoolName) {
    const wanted = options.schoolName.trim().toLowerCase();
    const school = schools.find((s) => s.name.toLowerCase() === wanted || s.urn === wanted);
    if (!school)
      throw new Error(
        `No school called “${options.schoolName}” in this organisation. Its schools are: ${schools.map((s) => s.name).join(', ') || 'none yet'}.`,
      );
    defaultSchoolId = school.id;
  }
  let file: ReturnType<typeof readStaffFile>;
  try {
    file = readStaffFile(deps, await readFile(options.file));
  } catch (error) {
    if (error instanceof Invalid) throw new Error(Object.values(error.fieldErrors).join(' '));
    if (error instanceof PayloadTooLarge) throw new Error(error.message);
    throw error;
  }
  const missing = missingRequiredFields(file.mapping, file.table.headers);
  if (missing.length > 0)
    throw new Error(
      `The file has no column Waymark recognises for ${listOfFields(missing)}. Rename those columns (see docs/importing-staff.md) or import it on the Import staff page, where you can match columns.`,
    );
  const staffImport: StaffImport = {
    id: newId(),
    organisation_id: organisationId,
    created_by: null,
    file_name: basename(options.file),
    content: file.text,
    column_mapping: JSON.stringify(file.mapping),
    default_school_id: defaultSchoolId,
    status: 'previewed',
    summary: null,
    created_at: deps.clock.now().toISOString(),
    applied_at: null,
  };
  await q.insertImport(deps.db, staffImport);
  const { summary, plan } = await applyImport(deps, { organisationId, actorId: null, schoolIds: null }, staffImport, {});
  const lines = [
    `Imported ${staffImport.file_name}: ${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected} rejected.`,
  ];
  for (const row of plan.rejected) lines.push(`  Row ${row.rowNumber} (${row.who}) not imported: ${row.reasons.join('; ')}`);
  for (const row of plan.warnings) lines.push(`  Row ${row.rowNumber} (${row.who}): ${row.message}`);
  return { report: lines.join('\n'), imported: summary.created + summary.updated + summary.unchanged, rejected: summary.rejected };
}
