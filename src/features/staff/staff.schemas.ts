import { z } from 'zod';
import type { LeadershipLevel, Role, StaffType } from './staff.tables';

export const STAFF_TYPES: Record<StaffType, string> = {
  teaching: 'Teaching staff',
  associate: 'Associate or support staff',
};

export const LEADERSHIP_LEVELS: Record<LeadershipLevel, string> = {
  none: 'Not in a leadership role',
  middle: 'Middle leader',
  senior: 'Senior leader',
  headteacher: 'Headteacher',
  executive: 'Executive leader',
};

export const ROLE_NAMES: Record<Role, string> = {
  org_admin: 'Organisation admin',
  school_admin: 'School admin',
  programme_lead: 'Programme lead',
  data_protection_officer: 'Data protection officer',
};

/** Reads the many ways MIS exports and people write staff type ("Teacher", "Support", "TA"…). */
export function parseStaffType(text: string | undefined | null): StaffType | null {
  const v = (text ?? '').trim().toLowerCase();
  if (v === '') return null;
  if (/^(teach|teacher|teaching|qualified teacher|unqualified teacher|ect|nqt|lecturer|teaching staff)/.test(v)) return 'teaching';
  if (
    /^(associate|support|non[- ]?teaching|ta\b|teaching assistant|hlta|admin|business|site|office|learning (mentor|support)|cover supervisor|technician|lunchtime|catering|other)/.test(
      v,
    )
  )
    return 'associate';
  return null;
}

/** Reads leadership level words ("Middle leader", "SLT", "Head"…). */
export function parseLeadershipLevel(text: string | undefined | null): LeadershipLevel | null {
  const v = (text ?? '').trim().toLowerCase();
  if (v === '' || /^(none|no|n\/a|not in a leadership role|classroom|teacher)$/.test(v)) return v === '' ? null : 'none';
  if (/^(middle|mid|middle leader|mlt|head of (department|year|faculty)|subject lead)/.test(v)) return 'middle';
  if (/^(senior|slt|senior leader|deputy|assistant head)/.test(v)) return 'senior';
  if (/^(head|headteacher|head teacher|principal)$/.test(v)) return 'headteacher';
  if (/^(executive|ceo|executive head|executive leader|trust leader)/.test(v)) return 'executive';
  return null;
}

const requiredName = (label: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}`)
    .max(100, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be 100 characters or fewer`);

/** Blank means "not given": an empty or whitespace-only value becomes null before any rule runs. */
const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional()).transform((v) => (v === undefined ? null : v));

export const emailField = z
  .string()
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an email address in the correct format, like name@school.org.uk');

/**
 * The fields of a staff record, as text: used by the add/edit form and by each row of a staff
 * import, so both apply the same rules and messages.
 */
export const personRecord = z.object({
  /** How pupils address them ("Mr", "Dr"); optional. */
  title: optional(z.string().trim().max(20, 'Title must be 20 characters or fewer')),
  /** First name as used at work. */
  givenName: requiredName('a first name'),
  /** Last name. */
  familyName: requiredName('a last name'),
  /** Work email; also their sign-in. */
  email: emailField,
  /** Job title as the school writes it. */
  jobTitle: optional(z.string().trim().max(150, 'Job title must be 150 characters or fewer')),
  /** Teaching or associate (support) staff. */
  staffType: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parseStaffType(v);
      if (parsed === null) {
        ctx.addIssue({
          code: 'custom',
          message: v?.trim() ? `Staff type “${v.trim()}” is not recognised: use teaching or associate` : 'Select whether they are teaching or associate staff',
        });
        return z.NEVER;
      }
      return parsed;
    }),
  /** YYYY-MM-DD, when they started teaching or working in schools. */
  startedInSchoolsOn: optional(
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date started in schools must be a real date'),
  ),
  /** Current leadership level; none when blank. */
  leadershipLevel: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return 'none' as LeadershipLevel;
      const parsed = parseLeadershipLevel(v);
      if (parsed === null) {
        ctx.addIssue({ code: 'custom', message: `Leadership level “${v.trim()}” is not recognised: use none, middle, senior, headteacher or executive` });
        return z.NEVER;
      }
      return parsed;
    }),
  /** Teacher reference number: 7 digits, optional. */
  trn: optional(
    z
      .string()
      .trim()
      .regex(/^\d{7}$/, 'Teacher reference number (TRN) must be 7 digits'),
  ),
  /** The staff id in the MIS, used to match a person when their email changes. */
  misStaffId: optional(z.string().trim().max(64, 'MIS staff ID must be 64 characters or fewer')),
  /** The line manager's work email; must belong to someone in the organisation. */
  lineManagerEmail: optional(emailField.transform((v) => v.toLowerCase())),
});

export type PersonRecord = z.infer<typeof personRecord>;

/** The add/edit form: a staff record plus the school picked from a list. */
export const personForm = personRecord.extend({
  /** One of the organisation's schools, or blank for central (trust) staff. */
  schoolId: z
    .string()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type PersonForm = z.infer<typeof personForm>;

export const roleForm = z.object({
  role: z.enum(['org_admin', 'school_admin', 'programme_lead', 'data_protection_officer'], { message: 'Select a role' }),
  /** Only for school admin: which school. */
  schoolId: z.string().optional(),
});

export const directoryQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  school: z.string().max(64).optional().catch(undefined),
  staffType: z.enum(['teaching', 'associate']).optional().catch(undefined),
  level: z.enum(['none', 'middle', 'senior', 'headteacher', 'executive']).optional().catch(undefined),
  role: z.enum(['org_admin', 'school_admin', 'programme_lead', 'data_protection_officer']).optional().catch(undefined),
  status: z.enum(['active', 'deactivated', 'all']).default('active').catch('active'),
  /** The page after this person (by id), in the directory's order. */
  after: z.string().max(64).optional().catch(undefined),
  /** The page before this person (by id). */
  before: z.string().max(64).optional().catch(undefined),
});
export type DirectoryQuery = z.infer<typeof directoryQuery>;

/** Lower-cased text the directory search looks in. */
export function buildSearchText(p: { given_name: string; family_name: string; email: string; job_title: string | null }): string {
  return `${p.given_name} ${p.family_name} ${p.email} ${p.job_title ?? ''}`.toLowerCase();
}
