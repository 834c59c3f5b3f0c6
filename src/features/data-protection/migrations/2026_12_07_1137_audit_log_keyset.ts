import type { Kysely } from 'kysely';

// The audit log viewer pages by keyset, newest first by time then id, with or without a filter on
// the person affected, who did it or the action: one index per way in, each ending (created_at, id)
// so every page, in either direction, is a range read of the index in order. The three indexes
// ending at created_at are replaced (each new one serves all they did). Frozen once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_events_org_time_id').on('audit_events').columns(['organisation_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('audit_events_org_person_time_id').on('audit_events').columns(['organisation_id', 'person_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('audit_events_org_actor_time_id').on('audit_events').columns(['organisation_id', 'actor_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('audit_events_org_action_time_id').on('audit_events').columns(['organisation_id', 'action', 'created_at', 'id']).execute();
  await db.schema.dropIndex('audit_events_org_time').execute();
  await db.schema.dropIndex('audit_events_org_person_time').execute();
  await db.schema.dropIndex('audit_events_org_actor_time').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('audit_events_org_time').on('audit_events').columns(['organisation_id', 'created_at']).execute();
  await db.schema.createIndex('audit_events_org_person_time').on('audit_events').columns(['organisation_id', 'person_id', 'created_at']).execute();
  await db.schema.createIndex('audit_events_org_actor_time').on('audit_events').columns(['organisation_id', 'actor_id', 'created_at']).execute();
  await db.schema.dropIndex('audit_events_org_action_time_id').execute();
  await db.schema.dropIndex('audit_events_org_actor_time_id').execute();
  await db.schema.dropIndex('audit_events_org_person_time_id').execute();
  await db.schema.dropIndex('audit_events_org_time_id').execute();
}
