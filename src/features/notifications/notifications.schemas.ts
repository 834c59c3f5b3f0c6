import { z } from 'zod';

/** The inbox's query string. */
export const inboxQuery = z.object({
  /** The page after this notification (by id), newest first; an unknown or malformed one shows the first page. */
  after: z.string().max(64).optional().catch(undefined),
  /** The page before this notification (by id). */
  before: z.string().max(64).optional().catch(undefined),
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
