import { z } from 'zod';
import type { Clock } from '../../platform/db/clock';
import type { Executor } from '../../platform/db/database';
import { enqueue, type OutboxHandler } from '../../platform/jobs/outbox';
import type { NotificationKinds, WorkerContext } from '../../platform/module';
import { findPersonSummary } from '../staff';

/**
 * Every kind of notification, by name. Each feature declares its own kinds in its
 * `*.notifications.ts` (labels for the settings page, whether they must be acted on) and adds
 * their names here by declaration merging, so `notify` accepts exactly the kinds that exist.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the features' *.notifications.ts
export interface NotificationKindRegistry {}
export type NotificationKind = keyof NotificationKindRegistry & string;

/** What a feature asks to tell a person. */
export interface Notification {
  /** The member of staff told; must be a person in the organisation. */
  personId: string;
  kind: NotificationKind;
  /** The email subject and the inbox heading. */
  subject: string;
  /** Plain text paragraphs, without greeting or sign-off (added here). */
  paragraphs: string[];
  /** A path in Waymark such as `/sessions/abc`; emails get it as a full address. */
  link?: string;
  /** The words before the link in the email, e.g. "See the session:". */
  linkText?: string;
  /** A second notification with the same key is not sent (reminders use it). */
  dedupeKey?: string;
}

const payloadSchema = z.object({
  personId: z.string(),
  kind: z.string(),
  subject: z.string(),
  paragraphs: z.array(z.string()),
  link: z.string().optional(),
  linkText: z.string().optional(),
  /** When it was queued, so the inbox shows when it happened even if delivery was retried later. */
  at: z.string().optional(),
});

export const NOTIFICATION_OUTBOX_KIND = 'notification';

/**
 * Tells a person something, in their inbox and (unless they switched the kind off) by email.
 * Call it inside the transaction that makes the change: it only writes an outbox row, and the
 * worker delivers both. Returns false when a notification with the same dedupe key was already
 * queued (so nothing new was).
 */
export async function notify(trx: Executor, clock: Clock, notification: Notification): Promise<boolean> {
  const { dedupeKey, ...rest } = notification;
  const payload = { ...rest, at: clock.now().toISOString() };
  return enqueue(trx, clock, { kind: NOTIFICATION_OUTBOX_KIND, payload, dedupeKey: dedupeKey ? `notify:${dedupeKey}` : undefined });
}

/** Whether this person gets this kind by email. */
export async function wantsEmail(db: Executor, kinds: NotificationKinds, personId: string, kind: string): Promise<boolean> {
  if (kinds[kind]?.mustAct) return true;
  const row = await db.selectFrom('notification_preferences').select('email').where('person_id', '=', personId).where('kind', '=', kind).executeTakeFirst();
  return row ? row.email === 1 : true;
}

/**
 * The worker's handler for notifications: writes the inbox entry (keyed by the outbox message, so a
 * retry after a failed email never makes a second) and sends the email. A person who has left
 * (deactivated) still gets the inbox entry but no email.
 */
export function notificationHandler({ db, clock, mailer, config, notificationKinds }: WorkerContext): OutboxHandler {
  const baseUrl = config.BASE_URL;
  return async (raw, messageId) => {
    const n = payloadSchema.parse(raw);
    // A kind no module declares any more: fail, so it shows in the outbox rather than vanishing.
    if (!(n.kind in notificationKinds)) throw new Error(`Unknown notification kind "${n.kind}"`);
    const person = await findPersonSummary(db, n.personId);
    if (!person) return; // erased since: nothing to tell
    const email = person.status === 'active' && (await wantsEmail(db, notificationKinds, person.id, n.kind));
    await db
      .insertInto('notifications')
      .values({
        id: messageId,
        organisation_id: person.organisation_id,
        person_id: person.id,
        kind: n.kind,
        subject: n.subject,
        body: n.paragraphs.join('\n\n'),
        link: n.link ?? null,
        emailed: email ? 1 : 0,
        created_at: n.at ?? clock.now().toISOString(),
        read_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (!email) return;
    const link = n.link ? `\n\n${n.linkText ?? 'See it in Waymark:'}\n\n${baseUrl}${n.link}` : '';
    await mailer.send(
      {
        to: person.email,
        subject: n.subject,
        text: `Hello ${person.given_name},\n\n${n.paragraphs.join('\n\n')}${link}\n\nYou can choose which emails Waymark sends you: ${baseUrl}/notifications/settings\n`,
      },
      messageId,
    );
  };
}
