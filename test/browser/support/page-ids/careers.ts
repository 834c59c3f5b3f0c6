import type { Harness } from '../harness';

/**
 * For the every-page browser test: the demo records the careers routes' `:params` stand for.
 * `:conversationId` is Tom Walsh's career conversation with Grace Adeyemi (the demo's member of
 * staff, whose line manager he is), opened as Tom; `:opportunityId` is the Year 7 transition
 * working party, with interest; `:roleId` is the headteacher role on the role map; `:itemId` is the
 * NPQ for Headship in the development directory.
 */
export async function careersPageIds(h: Harness): Promise<{ ids: Record<string, string>; owners: Record<string, string> }> {
  const conversation = await h.db
    .selectFrom('careers_conversations')
    .innerJoin('people as manager', 'manager.id', 'careers_conversations.manager_id')
    .select(['careers_conversations.id', 'manager.email'])
    .where('manager.given_name', '=', 'Tom')
    .executeTakeFirstOrThrow();
  const opportunity = await h.db
    .selectFrom('careers_opportunities')
    .select('id')
    .where('title', '=', 'Lead the Year 7 transition working party')
    .executeTakeFirstOrThrow();
  const item = await h.db.selectFrom('careers_directory_items').select('id').where('starter_key', '=', 'npqh').executeTakeFirstOrThrow();
  const role = await h.db.selectFrom('careers_roles').select('id').where('starter_key', '=', 'headteacher').executeTakeFirstOrThrow();
  return {
    ids: { ':itemId': item.id, ':conversationId': conversation.id, ':opportunityId': opportunity.id, ':roleId': role.id },
    owners: { '/careers/conversations/:conversationId': conversation.email },
  };
}

/** The every-page test finds every `pageIds` in this folder. */
export const pageIds = careersPageIds;
