import { z } from 'zod';

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

/** Where an audit entry sits in the log, as a page link carries it: its time and id, `<created_at>~<id>`. */
const position = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z~[A-Za-z0-9-]{1,64}$/)
  .optional()
  .catch(undefined);

/** The audit log viewer's filters and page, from the query string; anything unreadable is ignored. */
export const auditLogQuery = z.object({
  /** The email address of the person whose data was seen or changed. */
  person: z.string().trim().max(320).optional().catch(undefined),
  /** The email address of the person who did it. */
  actor: z.string().trim().max(320).optional().catch(undefined),
  /** One action, e.g. `staff_record_viewed`. */
  action: z
    .string()
    .trim()
    .regex(/^[a-z_]{1,64}$/)
    .optional()
    .catch(undefined),
  /** First and last day (YYYY-MM-DD, UK days), both included. */
  from: day,
  to: day,
  /** Keyset: the page of entries older than this one (the last shown), as `<created_at>~<id>`; anything else shows the newest page. */
  older: position,
  /** Keyset: the page of entries newer than this one (the first shown). */
  newer: position,
});
export type AuditLogQuery = z.infer<typeof auditLogQuery>;

/** The form field for a record type's period: record type keys hold dots, which ids shouldn't. */
export function periodField(key: string): string {
  return `months-${key.replace(/[^a-z0-9-]/gi, '-')}`;
}

/** Months as the retention form gives them: a whole number from 1 to 1200 (100 years). */
export const monthsValue = z
  .string()
  .trim()
  .min(1, 'Enter a period in months')
  .regex(/^\d+$/, 'Enter the period as a whole number of months, like 72')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 1200, 'Enter a period from 1 to 1,200 months');
