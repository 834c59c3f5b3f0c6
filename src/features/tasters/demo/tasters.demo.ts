import { DAY } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import { hashToken, newToken } from '../../../platform/http/tokens';
import type { DemoStep } from '../../../platform/module';

/**
 * The demo trust lists its Towards Middle Leadership taster as a public taster (see /tasters, no
 * sign-in): a teacher from another school has confirmed a place and another has yet to confirm.
 */
export const seedTasters: DemoStep['seed'] = async (trx, clock, context) => {
  const taster = await trx
    .selectFrom('sessions_events')
    .select('id')
    .where('organisation_id', '=', context.organisationId)
    .where('kind', '=', 'taster')
    .where('status', '=', 'scheduled')
    .orderBy('starts_at')
    .executeTakeFirst();
  if (!taster) return;
  const now = clock.now();
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
  await trx
    .insertInto('public_tasters')
    .values({ session_id: taster.id, organisation_id: context.organisationId, made_public_by: context.ids.get('director') ?? null, made_public_at: at(72) })
    .execute();
  const signUps = [
    { name: 'Dan Okoro', email: 'd.okoro@hillside-primary.example.org', confirmed: true, hoursAgo: 30 },
    { name: 'Grace Lin', email: 'g.lin@northgate-academy.example.org', confirmed: false, hoursAgo: 3 },
  ];
  for (const s of signUps)
    await trx
      .insertInto('taster_sign_ups')
      .values({
        id: newId(),
        session_id: taster.id,
        organisation_id: context.organisationId,
        name: s.name,
        email: s.email,
        email_normalised: s.email,
        token_hash: hashToken(newToken()),
        status: s.confirmed ? 'confirmed' : 'pending',
        created_at: at(s.hoursAgo),
        expires_at: new Date(now.getTime() - s.hoursAgo * 3_600_000 + 2 * DAY).toISOString(),
        confirmed_at: s.confirmed ? at(s.hoursAgo - 1) : null,
      })
      .execute();
};
