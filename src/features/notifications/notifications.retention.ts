import type { RetentionRecordType } from '../../platform/module';

export const notificationsRetention: RetentionRecordType[] = [
  {
    key: 'notifications.read-notifications',
    name: 'Notifications',
    description: 'Messages in people’s Waymark inboxes, from when they were read (or sent, if never read)',
    action: 'deleted',
    defaultMonths: 12,
    minimumMonths: 1,
    basis: 'A notification repeats what the record it links to holds, so it is kept only as long as it is useful: a year by default',
    async apply(trx, organisationId, cutoff) {
      const result = await trx
        .deleteFrom('notifications')
        .where('organisation_id', '=', organisationId)
        .where((eb) => eb.or([eb('read_at', '<', cutoff), eb.and([eb('read_at', 'is', null), eb('created_at', '<', cutoff)])]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  },
];
