import { z } from 'zod';

/** The inbox's query string. */
export const inboxQuery = z.object({
  /** Page of the inbox, from 1; anything else shows the first. */
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** Which confirmation to show after a redirect. */
  done: z.enum(['all-read']).optional().catch(undefined),
});

/** The settings form, for the kinds the installed features send: the kinds ticked for email (repeated `email` fields; none ticked sends none). */
export function settingsForm(kinds: readonly string[]) {
  return z.object({
    /** Kinds the person wants by email. Must-act kinds are always on, so they are accepted and ignored. */
    email: z.array(z.string().refine((kind) => kinds.includes(kind), { error: 'Select emails from the list' })),
  });
}
