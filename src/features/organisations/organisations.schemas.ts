import { z } from 'zod';

export const SCHOOL_PHASES = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  'all-through': 'All-through',
  special: 'Special',
  'alternative-provision': 'Alternative provision',
  'sixth-form': 'Sixth form or college',
  other: 'Other',
} as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .transform((v) => (v === '' ? null : v));

export const schoolForm = z.object({
  /** The school's name as parents know it. */
  name: z.string().trim().min(1, 'Enter the school’s name').max(200, 'School name must be 200 characters or fewer'),
  /** Unique reference number from Get Information about Schools: 6 digits, optional for schools without one. */
  urn: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, 'URN must be 6 digits, like 100000')
    .transform((v) => (v === '' ? null : v)),
  /** Phase of education. */
  phase: z.enum(Object.keys(SCHOOL_PHASES) as [keyof typeof SCHOOL_PHASES], { message: 'Select the school’s phase' }),
  localAuthority: optionalText(100, 'Local authority'),
  addressLine1: optionalText(200, 'Address line 1'),
  addressLine2: optionalText(200, 'Address line 2'),
  town: optionalText(100, 'Town or city'),
  /** UK postcode, stored upper-case. */
  postcode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})?$/, 'Enter a real postcode, like SW1A 1AA')
    .transform((v) => (v === '' ? null : v)),
});

export type SchoolForm = z.infer<typeof schoolForm>;
