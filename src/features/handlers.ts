import type { Config } from '../config';
import type { Db } from '../database';
import type { Clock } from '../platform/db/clock';
import { platformHandlers, type OutboxHandler } from '../platform/jobs/outbox';
import type { Mailer } from '../platform/mail/mailer';
import { NOTIFICATION_OUTBOX_KIND, notificationHandler } from './notifications';

/** Every kind of outbox message the worker can deliver: the platform's (email) and the features'. */
export function outboxHandlers(deps: { db: Db; clock: Clock; mailer: Mailer; config: Pick<Config, 'BASE_URL'> }): Record<string, OutboxHandler> {
  return {
    ...platformHandlers(deps.mailer),
    [NOTIFICATION_OUTBOX_KIND]: notificationHandler(deps.db, deps.clock, deps.mailer, deps.config.BASE_URL),
  };
}
