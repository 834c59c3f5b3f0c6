import type { Kysely } from 'kysely';

// Frozen once landed. A respondent is now either a colleague on Waymark (person_id, one invitation
// per person per round) or an outside address that the participant's line manager or a programme
// lead approved before it was sent (approved_by; status 'awaiting_approval' until then, 'refused' if
// not). Respondents invited before this migration keep person_id and approved_by empty.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('feedback_respondents')
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema
    .alterTable('feedback_respondents')
    .addColumn('approved_by', 'text', (c) => c.references('people.id'))
    .execute();
  await db.schema
    .createIndex('feedback_respondents_round_person')
    .on('feedback_respondents')
    .columns(['round_id', 'person_id'])
    .unique()
    .where('person_id', 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('feedback_respondents_round_person').execute();
  await db.schema.alterTable('feedback_respondents').dropColumn('approved_by').execute();
  await db.schema.alterTable('feedback_respondents').dropColumn('person_id').execute();
}
