import { z } from 'zod';
import { NOTIFICATION_KIND_NAMES, type NotificationKind } from './notification-kinds';

/** The inbox's query string. */
export const inboxQuery = z.object({
  /** Page of the inbox, from 1; anything else shows the first. */
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  /** Which confirmation to show after a redirect. */
  done: z.enum(['all-read']).optional().catch(undefined),
});

/** The settings form: the kinds ticked for email (repeated `email` fields; none ticked sends none). */
export const settingsForm = z.object({
  /** Kinds the person wants by email. Must-act kinds are always on, so they are accepted and ignored. */
  email: z.array(z.enum(NOTIFICATION_KIND_NAMES as [NotificationKind, ...NotificationKind[]], { error: 'Select emails from the list' })),
});
export type SettingsForm = z.infer<typeof settingsForm>;
