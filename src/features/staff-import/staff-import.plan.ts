import { formatDate } from '../../platform/dates';
import {
  buildSearchText,
  LEADERSHIP_LEVELS,
  personRecord,
  STAFF_TYPES,
  type ExistingPerson,
  type LeadershipLevel,
  type PersonColumns,
  type StaffType,
} from '../staff';

export type { ExistingPerson, PersonColumns };
import { columnPositions, staffTypeFromJobTitle, type ColumnMapping, type ImportField, type StaffTypeForFile } from './staff-import.columns';
import type { CsvTable } from '../../platform/csv';
import { normaliseTrn, parseImportDate } from './staff-import.schemas';

export interface ImportSchool {
  id: string;
  name: string;
  urn: string | null;
}

/** What the person importing may touch. */
export interface ImportScope {
  /** Schools they may add people to and whose people they may change; null means every school (an organisation admin). */
  schoolIds: ReadonlySet<string> | null;
  /** For rows that name no school. */
  defaultSchoolId: string | null;
}

/** Everything the planner reads: the file, how its columns map, and the organisation as it is now. */
export interface PlanInput {
  table: CsvTable;
  mapping: ColumnMapping;
  /** For a file with no staff-type column: the type of the people it adds (null when the file has the column). */
  staffTypeForFile?: StaffTypeForFile | null;
  schools: ImportSchool[];
  scope: ImportScope;
  people: ExistingPerson[];
  /** Lower-cased emails in the file that belong to people of other organisations. */
  emailsElsewhere: ReadonlySet<string>;
  newId: () => string;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface PlannedCreate {
  rowNumber: number;
  id: string;
  columns: PersonColumns;
  lineManagerId: string | null;
  schoolName: string | null;
}

export interface PlannedUpdate {
  rowNumber: number;
  id: string;
  columns: PersonColumns;
  /** True when a column other than the line manager changes. */
  columnsChanged: boolean;
  /** The new line manager, when it changes. */
  lineManager?: { id: string };
  changes: FieldChange[];
}

export interface UnchangedRow {
  rowNumber: number;
  id: string;
  name: string;
}

export interface RejectedRow {
  rowNumber: number;
  /** Name and/or email, as far as the row gives them. */
  who: string;
  reasons: string[];
}

export interface RowWarning {
  rowNumber: number;
  who: string;
  message: string;
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: UnchangedRow[];
  rejected: RejectedRow[];
  warnings: RowWarning[];
}

/** Columns compared to tell an update from an unchanged row, with how each is shown. */
const COMPARED: { column: keyof PersonColumns; label: string }[] = [
  { column: 'title', label: 'Title' },
  { column: 'given_name', label: 'First name' },
  { column: 'family_name', label: 'Last name' },
  { column: 'email', label: 'Email' },
  { column: 'school_id', label: 'School' },
  { column: 'job_title', label: 'Job title' },
  { column: 'staff_type', label: 'Staff type' },
  { column: 'started_in_schools_on', label: 'Date started in schools' },
  { column: 'leadership_level', label: 'Leadership level' },
  { column: 'trn', label: 'TRN' },
  { column: 'mis_staff_id', label: 'MIS staff ID' },
];

const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const RECORD_LABELS: Record<string, string> = {
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email',
  staffType: 'Staff type',
};

/** School names compared without case, spaces or punctuation ("St Mary's C.E." = "st marys ce"). */
function schoolKey(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

interface AcceptedRow {
  rowNumber: number;
  id: string;
  existing: ExistingPerson | undefined;
  columns: PersonColumns;
  /** The line manager as the file gives them: an email, or a name to find. */
  lineManager: { email: string } | { name: string } | null;
  /** Names this row's person may be called by in a Line Manager column (legal and preferred). */
  names: string[];
  who: string;
}

/** A person's name as a Line Manager column may give it, compared without titles, case or punctuation ("Mrs Smith, Jane" = "jane smith"). */
function nameKey(name: string): string {
  const [before, after] = name.split(',', 2);
  const ordered = after === undefined ? name : `${after} ${before}`;
  return ordered
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .split(/\s+/)
    .filter((word) => word && !/^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev)$/.test(word))
    .join(' ');
}

/**
 * Works out, without touching the database, what importing the file would do: who is added, who
 * changes (and how), who is already up to date, which rows are refused and why, and which line
 * managers are linked. People are matched by email, then by MIS staff ID.
 */
export function planImport(input: PlanInput): ImportPlan {
  const { table, scope } = input;
  const positions = columnPositions(input.mapping, table.headers);
  const schoolsById = new Map(input.schools.map((s) => [s.id, s]));
  const schoolsByName = new Map(input.schools.map((s) => [schoolKey(s.name), s]));
  const schoolsByUrn = new Map(input.schools.filter((s) => s.urn).map((s) => [s.urn as string, s]));
  const peopleByEmail = new Map(input.people.map((p) => [p.email_normalised, p]));
  const peopleByMisId = new Map(input.people.filter((p) => p.mis_staff_id).map((p) => [p.mis_staff_id as string, p]));
  const peopleById = new Map(input.people.map((p) => [p.id, p]));

  const firstRowWithEmail = new Map<string, number>();
  const firstRowWithMisId = new Map<string, number>();
  const firstRowForPerson = new Map<string, number>();
  const accepted: AcceptedRow[] = [];
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], rejected: [], warnings: [] };

  const schoolName = (id: string | null) => (id ? (schoolsById.get(id)?.name ?? 'another school') : 'No school');
  const schoolAllowed = (id: string | null) => scope.schoolIds === null || (id !== null && scope.schoolIds.has(id));

  // Defined once, outside the loop: a closure per row costs more than the rest of the row's work.
  const at = (cells: string[], field: ImportField): string => {
    const position = positions[field];
    return position === undefined ? '' : (cells[position] ?? '').trim();
  };
  for (const row of table.rows) {
    const emailText = at(row.cells, 'email');
    // Only real addresses identify a person: five rows with "n/a" aren't the same person.
    const emailKey = LOOKS_LIKE_EMAIL.test(emailText) ? emailText.toLowerCase() : '';
    const misId = at(row.cells, 'misStaffId');
    const rowName =
      `${at(row.cells, 'preferredGivenName') || at(row.cells, 'givenName')} ${at(row.cells, 'preferredFamilyName') || at(row.cells, 'familyName')}`.trim();
    const who = [rowName, emailText ? `(${emailText})` : ''].filter(Boolean).join(' ') || 'No name or email';

    // Match: email first; MIS staff ID finds someone whose email has changed.
    let existing = emailKey ? peopleByEmail.get(emailKey) : undefined;
    const misMatch = misId ? peopleByMisId.get(misId) : undefined;
    const duplicateOf = seenAt(emailKey, firstRowWithEmail) ?? seenAt(misId, firstRowWithMisId) ?? seenAt((existing ?? misMatch)?.id, firstRowForPerson);
    if (emailKey && !firstRowWithEmail.has(emailKey)) firstRowWithEmail.set(emailKey, row.rowNumber);
    if (misId && !firstRowWithMisId.has(misId)) firstRowWithMisId.set(misId, row.rowNumber);
    if (duplicateOf) {
      plan.rejected.push({ rowNumber: row.rowNumber, who, reasons: [`The same person as row ${duplicateOf}: each person must appear once in the file`] });
      continue;
    }
    // Taken outside the organisation: refused without a word about who has it, or where.
    if (emailKey && input.emailsElsewhere.has(emailKey)) {
      plan.rejected.push({ rowNumber: row.rowNumber, who, reasons: [`${emailText} cannot be used. Check it is the person’s own work email address`] });
      continue;
    }
    if (existing && misMatch && misMatch.id !== existing.id) {
      plan.rejected.push({ rowNumber: row.rowNumber, who, reasons: [`MIS staff ID ${misId} belongs to another person in Waymark (${misMatch.email})`] });
      continue;
    }
    existing ??= misMatch;
    if (existing) firstRowForPerson.set(existing.id, row.rowNumber);

    const reasons: string[] = [];
    // Someone being erased is on their way out of Waymark: an import neither changes nor re-adds them.
    if (existing?.status === 'being_erased') reasons.push(`${existing.given_name} ${existing.family_name} is being erased, so their record cannot be changed`);
    if (existing && scope.schoolIds !== null && !schoolAllowed(existing.school_id)) {
      reasons.push(
        `${existing.given_name} ${existing.family_name} is in Waymark at ${existing.school_id ? schoolName(existing.school_id) : 'trust level (no school)'}, which you do not administer`,
      );
    }

    const dateText = at(row.cells, 'startedInSchoolsOn');
    const date = parseImportDate(dateText);
    if (date && 'error' in date) reasons.push(`Date started in schools: ${date.error}`);
    const trnText = at(row.cells, 'trn');
    const jobTitle = at(row.cells, 'jobTitle') || existing?.job_title || undefined;
    // A file without a staff-type column: people already in Waymark keep theirs; new people get the
    // type chosen for the file, or the one their job title gives.
    let staffTypeForRow: string | undefined = at(row.cells, 'staffType') || existing?.staff_type;
    if (!staffTypeForRow && input.staffTypeForFile === 'job-title') {
      staffTypeForRow = (jobTitle && staffTypeFromJobTitle(jobTitle)) || undefined;
      if (!staffTypeForRow)
        reasons.push(
          jobTitle
            ? `Staff type can’t be worked out from the job title “${jobTitle}”: give this person a staff type in the file, or choose one staff type for the file`
            : 'Staff type can’t be worked out: the job title is blank',
        );
    } else if (!staffTypeForRow && input.staffTypeForFile) staffTypeForRow = input.staffTypeForFile;
    const lineManagerText = at(row.cells, 'lineManagerEmail');
    // A blank cell keeps what Waymark has: exports often leave out what the MIS doesn't hold.
    const values: Record<string, string | undefined> = {
      title: at(row.cells, 'title') || existing?.title || undefined,
      givenName: at(row.cells, 'preferredGivenName') || at(row.cells, 'givenName') || existing?.given_name,
      familyName: at(row.cells, 'preferredFamilyName') || at(row.cells, 'familyName') || existing?.family_name,
      email: emailText || existing?.email,
      jobTitle,
      staffType: staffTypeForRow,
      startedInSchoolsOn: (date && 'date' in date ? date.date : undefined) ?? existing?.started_in_schools_on ?? undefined,
      leadershipLevel: at(row.cells, 'leadershipLevel') || existing?.leadership_level,
      trn: (trnText ? normaliseTrn(trnText) : undefined) ?? existing?.trn ?? undefined,
      misStaffId: misId || existing?.mis_staff_id || undefined,
      lineManagerEmail: LOOKS_LIKE_EMAIL.test(lineManagerText) ? lineManagerText : undefined,
    };
    const record = personRecord.safeParse(values);
    if (!record.success) {
      for (const issue of record.error.issues) {
        const field = String(issue.path[0] ?? '');
        const message = !values[field] && RECORD_LABELS[field] ? `${RECORD_LABELS[field]} is blank` : issue.message;
        if (!reasons.includes(message) && !(field === 'staffType' && reasons.some((r) => r.startsWith('Staff type')))) reasons.push(message);
      }
    }

    const schoolText = at(row.cells, 'school');
    let schoolId: string | null = existing ? existing.school_id : null;
    if (schoolText) {
      const school = schoolsByName.get(schoolKey(schoolText)) ?? schoolsByUrn.get(schoolText.replace(/\s/g, ''));
      if (!school) reasons.push(`School “${schoolText}” is not one of your organisation’s schools in Waymark`);
      else if (!schoolAllowed(school.id)) reasons.push(`You can only import staff into schools you administer, and ${school.name} is not one of them`);
      else schoolId = school.id;
    } else if (scope.defaultSchoolId) {
      if (!schoolAllowed(scope.defaultSchoolId))
        reasons.push(`You can only import staff into schools you administer, and ${schoolName(scope.defaultSchoolId)} is not one of them`);
      else schoolId = scope.defaultSchoolId;
    } else if (!existing && !schoolAllowed(null)) {
      reasons.push('The row names no school: choose the school these staff belong to when you upload the file');
    }

    if (reasons.length > 0 || !record.success) {
      plan.rejected.push({ rowNumber: row.rowNumber, who, reasons });
      continue;
    }
    const r = record.data;
    const email = r.email.trim();
    const columns: PersonColumns = {
      title: r.title,
      given_name: r.givenName,
      family_name: r.familyName,
      email,
      email_normalised: email.toLowerCase(),
      job_title: r.jobTitle,
      staff_type: r.staffType,
      started_in_schools_on: r.startedInSchoolsOn,
      leadership_level: r.leadershipLevel,
      trn: r.trn,
      mis_staff_id: r.misStaffId,
      school_id: schoolId,
      search_text: '',
    };
    columns.search_text = buildSearchText(columns);
    accepted.push({
      rowNumber: row.rowNumber,
      id: existing?.id ?? input.newId(),
      existing,
      who: `${r.givenName} ${r.familyName} (${email})`,
      lineManager: r.lineManagerEmail ? { email: r.lineManagerEmail } : lineManagerText ? { name: lineManagerText } : null,
      names: [
        ...new Set(
          [
            `${r.givenName} ${r.familyName}`,
            `${at(row.cells, 'givenName')} ${at(row.cells, 'familyName')}`,
            `${at(row.cells, 'preferredGivenName') || at(row.cells, 'givenName')} ${at(row.cells, 'familyName')}`,
          ].map(nameKey),
        ),
      ].filter(Boolean),
      columns,
    });
  }

  // Line managers: anyone in the organisation after the import (so also people added or renamed by this file).
  const idByEmail = new Map(input.people.map((p) => [p.email_normalised, p.id]));
  for (const row of accepted)
    if (row.existing && row.existing.email_normalised !== row.columns.email_normalised) idByEmail.delete(row.existing.email_normalised);
  for (const row of accepted) idByEmail.set(row.columns.email_normalised, row.id);
  // Names, for a Line Manager column holding names: everyone after the import, as the file names
  // them (people in the file) or as Waymark does (everyone else).
  const idsByName = new Map<string, Set<string>>();
  const addName = (name: string, id: string) => {
    if (!name) return;
    const ids = idsByName.get(name) ?? new Set<string>();
    ids.add(id);
    idsByName.set(name, ids);
  };
  const inFile = new Set(accepted.map((row) => row.id));
  for (const p of input.people) if (!inFile.has(p.id) && p.status === 'active') addName(nameKey(`${p.given_name} ${p.family_name}`), p.id);
  for (const row of accepted) for (const name of row.names) addName(name, row.id);
  const emailById = new Map(input.people.map((p) => [p.id, p.email]));
  for (const row of accepted) emailById.set(row.id, row.columns.email);
  const managerOf = new Map(input.people.map((p) => [p.id, p.line_manager_id]));
  const managerChanges = new Map<string, string>();
  const warn = (row: AcceptedRow, message: string) => plan.warnings.push({ rowNumber: row.rowNumber, who: row.who, message });

  for (const row of accepted) {
    if (row.existing?.status === 'deactivated') warn(row, 'Deactivated in Waymark: the import updates their record but does not reactivate them');
    if (!row.lineManager) continue;
    const keep = row.existing ? 'their line manager was not changed' : 'no line manager was set';
    let managerId: string | undefined;
    let manager: string;
    if ('email' in row.lineManager) {
      manager = row.lineManager.email;
      managerId = idByEmail.get(manager);
      if (!managerId) {
        warn(row, `Line manager ${manager} is not in Waymark or in this file, so ${keep}`);
        continue;
      }
    } else {
      manager = row.lineManager.name;
      const ids = [...(idsByName.get(nameKey(manager)) ?? [])];
      if (ids.length > 1) {
        warn(row, `More than one person in Waymark or this file is called ${manager}, so ${keep}: give the line manager’s email instead`);
        continue;
      }
      managerId = ids[0];
      if (!managerId) {
        warn(row, `Line manager ${manager} is not in Waymark or in this file, so ${keep}`);
        continue;
      }
    }
    if (managerId === row.id) {
      warn(row, `A person cannot be their own line manager, so ${keep}`);
      continue;
    }
    if (peopleById.get(managerId)?.status === 'deactivated') {
      warn(row, `Line manager ${manager} is deactivated, so ${keep}`);
      continue;
    }
    if (managesDirectlyOrNot(row.id, managerId, managerOf)) {
      warn(row, `Line manager ${manager} is managed, directly or not, by this person: that would make a loop, so ${keep}`);
      continue;
    }
    managerOf.set(row.id, managerId);
    if (managerId !== (row.existing?.line_manager_id ?? null)) managerChanges.set(row.id, managerId);
  }

  const shown = (column: keyof PersonColumns, value: string | null): string => {
    if (value === null || value === '') return 'Not given';
    if (column === 'school_id') return schoolName(value);
    if (column === 'staff_type') return STAFF_TYPES[value as StaffType] ?? value;
    if (column === 'leadership_level') return LEADERSHIP_LEVELS[value as LeadershipLevel] ?? value;
    if (column === 'started_in_schools_on') return formatDate(value);
    return value;
  };
  for (const row of accepted) {
    const managerId = managerChanges.get(row.id);
    if (!row.existing) {
      plan.creates.push({
        rowNumber: row.rowNumber,
        id: row.id,
        columns: row.columns,
        lineManagerId: managerId ?? null,
        schoolName: row.columns.school_id ? schoolName(row.columns.school_id) : null,
      });
      continue;
    }
    const before = row.existing;
    const changes = COMPARED.filter(({ column }) => (before[column as keyof ExistingPerson] ?? null) !== row.columns[column]).map(({ column, label }) => ({
      field: label,
      from: shown(column, before[column as keyof ExistingPerson] ?? null),
      to: shown(column, row.columns[column]),
    }));
    const columnsChanged = changes.length > 0;
    if (managerId)
      changes.push({
        field: 'Line manager',
        from: before.line_manager_id ? (emailById.get(before.line_manager_id) ?? 'Someone else') : 'Not given',
        to: emailById.get(managerId) ?? managerId,
      });
    if (changes.length === 0) {
      plan.unchanged.push({ rowNumber: row.rowNumber, id: row.id, name: row.who });
      continue;
    }
    plan.updates.push({
      rowNumber: row.rowNumber,
      id: row.id,
      columns: row.columns,
      columnsChanged,
      lineManager: managerId ? { id: managerId } : undefined,
      changes,
    });
  }
  plan.warnings.sort((a, b) => a.rowNumber - b.rowNumber);
  return plan;
}

function seenAt(key: string | undefined, firstRows: Map<string, number>): number | undefined {
  return key ? firstRows.get(key) : undefined;
}

/**
 * People to add, reordered so each line manager comes before the people they manage: inserted in
 * this order, everyone's line manager can be set in the same insert (no second pass of updates).
 * The plan has no loops, so every chain ends.
 */
export function managersFirst(creates: PlannedCreate[]): PlannedCreate[] {
  const byId = new Map(creates.map((c) => [c.id, c]));
  const depth = new Map<string, number>();
  for (const create of creates) {
    // Walk up to someone whose depth is known (or the top), then number the chain on the way down.
    const chain: PlannedCreate[] = [];
    const inChain = new Set<string>();
    let current: PlannedCreate | undefined = create;
    while (current && !depth.has(current.id) && !inChain.has(current.id)) {
      chain.push(current);
      inChain.add(current.id);
      current = current.lineManagerId ? byId.get(current.lineManagerId) : undefined;
    }
    let level = current ? (depth.get(current.id) ?? -1) : -1;
    for (const link of chain.reverse()) depth.set(link.id, ++level);
  }
  return [...creates].sort((a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0));
}

/** True when `personId` is `managerId` or above them in the line-management chain. */
function managesDirectlyOrNot(personId: string, managerId: string, managerOf: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  let current: string | null | undefined = managerId;
  while (current && !seen.has(current)) {
    if (current === personId) return true;
    seen.add(current);
    current = managerOf.get(current);
  }
  return false;
}
