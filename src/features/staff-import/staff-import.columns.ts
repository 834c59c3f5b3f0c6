/**
 * The Waymark fields an import fills, and the column headings MIS exports use for each.
 * Headings are compared with case, spaces and punctuation ignored ("E-mail Address" = "email address").
 */
export const IMPORT_FIELDS = [
  {
    key: 'title',
    label: 'Title',
    hint: 'Mr, Mrs, Miss, Ms, Mx, Dr and so on: how pupils address them',
    required: false,
    aliases: ['Title', 'Salutation', 'Honorific', 'Courtesy Title', 'Name Title', 'Preferred Title'],
  },
  {
    key: 'givenName',
    label: 'First name',
    required: true,
    aliases: ['Legal Forename', 'Forename', 'First Name', 'Legal First Name', 'Given Name', 'Firstname', 'Forenames'],
  },
  {
    key: 'preferredGivenName',
    label: 'Preferred first name',
    hint: 'Used instead of the first name when it is filled in',
    required: false,
    aliases: ['Preferred Forename', 'Preferred First Name', 'Preferred Name', 'Known As', 'Chosen Forename'],
  },
  {
    key: 'familyName',
    label: 'Last name',
    required: true,
    aliases: ['Legal Surname', 'Surname', 'Last Name', 'Legal Last Name', 'Family Name', 'Lastname'],
  },
  {
    key: 'preferredFamilyName',
    label: 'Preferred last name',
    hint: 'Used instead of the last name when it is filled in',
    required: false,
    aliases: ['Preferred Surname', 'Preferred Last Name', 'Chosen Surname'],
  },
  {
    key: 'email',
    label: 'Work email',
    required: true,
    aliases: [
      'Work Email',
      'Work Email Address',
      'Email Address (Work)',
      'Email (Work)',
      'School Email',
      'School Email Address',
      'Staff Email',
      'Email Address',
      'Email',
      'Primary Email',
      'Primary Email Address',
    ],
  },
  {
    key: 'jobTitle',
    label: 'Job title',
    required: false,
    aliases: ['Job Title', 'Post', 'Post Title', 'Role', 'Job Role', 'Position', 'Job', 'Staff Role'],
  },
  {
    key: 'staffType',
    label: 'Staff type',
    hint: 'Teaching or support (associate) staff',
    required: true,
    aliases: ['Staff Type', 'Category', 'Staff Category', 'Teaching/Support', 'Teaching or Support', 'Teacher/Support', 'Employee Type', 'Staff Group'],
  },
  {
    key: 'startedInSchoolsOn',
    label: 'Date started in schools',
    required: false,
    aliases: [
      'Date Started in Education',
      'Date Started Teaching',
      'Start Date in Education',
      'Employment Start Date',
      'Start Date',
      'Date of Joining',
      'Date Joined',
      'Contract Start Date',
      'Continuous Service Date',
    ],
  },
  {
    key: 'leadershipLevel',
    label: 'Leadership level',
    hint: 'None, middle, senior, headteacher or executive',
    required: false,
    aliases: ['Leadership Level', 'Leadership', 'Leadership Role', 'Leadership Group'],
  },
  {
    key: 'misStaffId',
    label: 'MIS staff ID',
    hint: 'The staff ID in your MIS: lets Waymark recognise someone whose email has changed',
    required: false,
    aliases: [
      'MIS ID',
      'Staff ID',
      'Staff Id Number',
      'Employee Number',
      'Employee No',
      'Employee ID',
      'Staff Number',
      'Staff No',
      'Person ID',
      'Payroll Number',
      'Staff Reference',
      'Staff UPN',
      'UPN',
      'Staff Code',
      'ID',
    ],
  },
  {
    key: 'trn',
    label: 'Teacher reference number (TRN)',
    required: false,
    aliases: ['Teacher Number', 'TRN', 'DfE Teacher Number', 'Teacher Reference Number', 'Teacher Ref No', 'DfES Number', 'DfE Number (Teacher)'],
  },
  {
    key: 'lineManagerEmail',
    label: 'Line manager (email or name)',
    hint: 'An email, or a name Waymark matches to one person in this file or in Waymark',
    required: false,
    aliases: [
      'Line Manager Email',
      'Line Manager Email Address',
      'Line Manager’s Email',
      'Manager Email',
      'Manager Email Address',
      'Reports To Email',
      'Line Manager',
      'Line Manager Name',
      'Manager',
      'Reports To',
    ],
  },
  {
    key: 'school',
    label: 'School (name or URN)',
    hint: 'When the file has no school column, everyone goes to the school chosen when uploading',
    required: false,
    aliases: ['School', 'School Name', 'Establishment', 'Establishment Name', 'URN', 'School URN', 'Academy', 'Academy Name'],
  },
] as const satisfies readonly { key: string; label: string; hint?: string; required: boolean; aliases: readonly string[] }[];

export type ImportField = (typeof IMPORT_FIELDS)[number]['key'];

/** Waymark field -> the file's column heading. Fields left out aren't in the file. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export const REQUIRED_FIELDS: ImportField[] = IMPORT_FIELDS.filter((f) => f.required).map((f) => f.key);

export const FIELD_LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<ImportField, string>;

/**
 * The staff type for people a file adds when it has no staff-type column: one type for everyone,
 * or worked out from each job title. People already in Waymark keep theirs.
 */
export const STAFF_TYPE_FOR_FILE = {
  teaching: 'Not in this file: everyone new is teaching staff',
  associate: 'Not in this file: everyone new is associate or support staff',
  'job-title': 'Not in this file: work it out from each person’s job title',
} as const;
export type StaffTypeForFile = keyof typeof STAFF_TYPE_FOR_FILE;
/** How the mapping form's staff-type list names a choice that is not a column. */
export const STAFF_TYPE_OPTION_PREFIX = 'staff-type-for-file:';

/** Teaching, associate, or null when the job title doesn't say ("Teacher of Maths" → teaching, "Teaching Assistant" → associate). */
export function staffTypeFromJobTitle(jobTitle: string): 'teaching' | 'associate' | null {
  const v = jobTitle.toLowerCase();
  if (/assistant (head|principal)/.test(v)) return 'teaching';
  if (
    /assistant|\b(h?lta|ta)\b|cover supervisor|admin|office|business|bursar|finance|site|caretaker|technician|librar|catering|cook|clean|lunchtime|midday|reception|secretary|clerk|data manager|exams? officer|mentor|support|it manager|network/.test(
      v,
    )
  )
    return 'associate';
  if (/teacher|teaching|head|principal|deputy|senco|lecturer|\b(ect|nqt)\b|subject lead|phase lead|curriculum lead|tutor|instructor/.test(v)) return 'teaching';
  return null;
}

/** Lower-case letters and digits only: "Work E-mail Address " -> "workemailaddress". */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const aliasIndex = new Map<string, { field: ImportField; rank: number }[]>();
for (const field of IMPORT_FIELDS) {
  field.aliases.forEach((alias, rank) => {
    const key = normaliseHeader(alias);
    aliasIndex.set(key, [...(aliasIndex.get(key) ?? []), { field: field.key, rank }]);
  });
}

/**
 * The automatic guess: for each field, the file's heading that is its best-ranked alias. A heading
 * is used for one field only, so "Preferred Forename" never also fills "First name".
 */
export function guessColumnMapping(headers: string[]): ColumnMapping {
  const candidates: { field: ImportField; rank: number; header: string; position: number }[] = [];
  headers.forEach((header, position) => {
    for (const hit of aliasIndex.get(normaliseHeader(header)) ?? []) candidates.push({ ...hit, header, position });
  });
  candidates.sort((a, b) => a.rank - b.rank || a.position - b.position);
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const candidate of candidates) {
    if (mapping[candidate.field] !== undefined || used.has(candidate.position)) continue;
    mapping[candidate.field] = candidate.header;
    used.add(candidate.position);
  }
  return mapping;
}

/**
 * Headings the automatic guess could read as `field`, best first: when a file has several ID
 * columns ("Staff Code" and "Person ID"), the import picks the one that matches the IDs Waymark has.
 */
export function candidateHeaders(field: ImportField, headers: string[], mapping: ColumnMapping): string[] {
  const takenByOthers = new Set(Object.entries(mapping).flatMap(([key, header]) => (key === field ? [] : [header])));
  return headers
    .map((header, position) => ({ header, position, rank: aliasIndex.get(normaliseHeader(header))?.find((hit) => hit.field === field)?.rank }))
    .filter((c): c is { header: string; position: number; rank: number } => c.rank !== undefined && !takenByOthers.has(c.header))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map((c) => c.header);
}

/** The file's non-blank headings that no field reads. */
export function unusedHeaders(mapping: ColumnMapping, headers: string[]): string[] {
  const used = new Set(Object.values(mapping));
  return headers.filter((h) => h.trim() !== '' && !used.has(h));
}

/** Required fields the mapping doesn't fill from one of the file's headings (staff type is filled by a choice for the file, too). */
export function missingRequiredFields(mapping: ColumnMapping, headers: string[], staffTypeForFile: StaffTypeForFile | null = null): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => {
    if (field === 'staffType' && staffTypeForFile) return false;
    const header = mapping[field];
    return header === undefined || !headers.includes(header);
  });
}

/** Where each mapped field's cells are in a row (first column with that heading). */
export function columnPositions(mapping: ColumnMapping, headers: string[]): Partial<Record<ImportField, number>> {
  const positions: Partial<Record<ImportField, number>> = {};
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field.key];
    if (header === undefined) continue;
    const position = headers.indexOf(header);
    if (position >= 0) positions[field.key] = position;
  }
  return positions;
}
