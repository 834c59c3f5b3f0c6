import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database';
import type { RetentionRecordType } from '../../platform/module';

/** The organisation's people, as a subquery (sign-in sessions, links and throttles carry no organisation). */
const peopleOf = (trx: Executor, organisationId: string) => trx.selectFrom('people').select('people.id').where('people.organisation_id', '=', organisationId);

/**
 * Forgets counts of failed attempts kept under `<prefix><person id>` (wrong check-in codes, say) for
 * the organisation's people, whose window started before `cutoff` and whose lock, if any, is over.
 * For features that count attempts per person with `reserveAttempt`. Gives how many it forgot.
 */
export async function forgetAttemptsOfPeople(trx: Executor, organisationId: string, prefix: string, cutoff: string): Promise<number> {
  const result = await trx
    .deleteFrom('sign_in_throttles')
    .where('key', 'in', trx.selectFrom('people').select(sql<string>`${prefix} || people.id`.as('key')).where('people.organisation_id', '=', organisationId))
    .where('window_started_at', '<', cutoff)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const authRetention: RetentionRecordType[] = [
  {
    key: 'auth.ended-sign-in-sessions',
    name: 'Ended sign-in sessions',
    description: 'Sign-in sessions (browser, network address, when signed in and last used) that have expired, from when they expired',
    action: 'deleted',
    defaultMonths: 1,
    minimumMonths: 1,
    basis:
      'An expired session lets nobody in; it is kept a month so a person can ask “was that me?”. Each sign-in itself stays in the audit log. Signing out deletes a session at once',
    async apply(trx, organisationId, cutoff) {
      const result = await trx
        .deleteFrom('sign_in_sessions')
        .where('person_id', 'in', peopleOf(trx, organisationId))
        .where('expires_at', '<', cutoff)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  },
  {
    key: 'auth.spent-sign-in-links',
    name: 'Used or expired sign-in links',
    description:
      'Sign-in links, password reset links and invitations (only a hash of each), from when they were used or expired, and counts of failed password sign-ins to an account',
    action: 'deleted (each person’s latest invitation is kept, so their staff record can say it expired)',
    defaultMonths: 1,
    minimumMonths: 1,
    basis: 'A used or expired link opens nothing; it is kept a month to answer questions about an email someone received. Sending each is in the audit log',
    async apply(trx, organisationId, cutoff) {
      const tokens = await trx
        .deleteFrom('auth_tokens')
        .where('person_id', 'in', peopleOf(trx, organisationId))
        .where((eb) => eb.or([eb('used_at', '<', cutoff), eb.and([eb('used_at', 'is', null), eb('expires_at', '<', cutoff)])]))
        .where((eb) =>
          eb.not(
            eb.and([
              eb('purpose', '=', 'invitation'),
              eb.not(
                eb.exists(
                  eb
                    .selectFrom('auth_tokens as later')
                    .select('later.id')
                    .whereRef('later.person_id', '=', 'auth_tokens.person_id')
                    .where('later.purpose', '=', 'invitation')
                    .whereRef('later.created_at', '>', 'auth_tokens.created_at'),
                ),
              ),
            ]),
          ),
        )
        .executeTakeFirst();
      const accounts = await trx
        .deleteFrom('sign_in_throttles')
        .where(
          'key',
          'in',
          trx.selectFrom('people').select(sql<string>`'account:' || people.email_normalised`.as('key')).where('people.organisation_id', '=', organisationId),
        )
        .where('window_started_at', '<', cutoff)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', cutoff)]))
        .executeTakeFirst();
      return Number(tokens.numDeletedRows) + Number(accounts.numDeletedRows);
    },
  },
];
