import type { Executor } from '../../platform/db/database';
import type { SsoProvider } from './single-sign-on.tables';

export function findConnection(db: Executor, id: string) {
  return db.selectFrom('sso_connections').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listConnectionsOf(db: Executor, organisationId: string) {
  return db.selectFrom('sso_connections').selectAll().where('organisation_id', '=', organisationId).orderBy('provider').execute();
}

/** The organisations that have set up single sign-on (at most two, to learn whether there is only one). */
export function listOrganisationsWithConnections(db: Executor) {
  return db.selectFrom('sso_connections').select('organisation_id').distinct().limit(2).execute();
}

export function findIdentity(db: Executor, provider: SsoProvider, subject: string) {
  return db.selectFrom('sso_identities').select(['id', 'person_id']).where('provider', '=', provider).where('subject', '=', subject).executeTakeFirst();
}

export function findIdentityOfPerson(db: Executor, personId: string, provider: SsoProvider) {
  return db.selectFrom('sso_identities').select(['id', 'subject']).where('person_id', '=', personId).where('provider', '=', provider).executeTakeFirst();
}

/** The person's bindings, Microsoft first. */
export function listIdentitiesOf(db: Executor, personId: string) {
  return db
    .selectFrom('sso_identities')
    .select(['id', 'provider', 'subject', 'email_at_binding', 'created_at', 'last_used_at'])
    .where('person_id', '=', personId)
    .orderBy('provider', 'desc')
    .execute();
}

/** Deletes one of the person's bindings; gives it as it was, or undefined when it is not theirs. */
export function deleteIdentityOf(db: Executor, personId: string, identityId: string) {
  return db
    .deleteFrom('sso_identities')
    .where('id', '=', identityId)
    .where('person_id', '=', personId)
    .returning(['id', 'provider', 'subject'])
    .executeTakeFirst();
}

/** Takes a sign-in attempt by its state, deleting it in the same statement so it can be used only once. */
export async function takeAttempt(db: Executor, stateHash: string) {
  return db.deleteFrom('sso_sign_in_attempts').where('state_hash', '=', stateHash).returningAll().executeTakeFirst();
}

export async function deleteExpiredAttempts(db: Executor, now: string): Promise<number> {
  const result = await db.deleteFrom('sso_sign_in_attempts').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
