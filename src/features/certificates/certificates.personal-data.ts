import type { PersonalDataHook } from '../../platform/module';
import { eraseTables, exportTables, type PersonalTables, scrubColumn } from '../../platform/personal-data';
import { enrolmentIdsOfPerson } from '../enrolments';
import { publishStatusList } from './certificates.credential';
import * as q from './certificates.queries';

const tables: PersonalTables = {
  own: [
    { table: 'certificates', column: 'person_id', label: 'certificates (with each signed credential as issued)' },
    { table: 'completion_confirmations', column: 'enrolment_id', in: { ids: enrolmentIdsOfPerson }, label: 'completion confirmations' },
  ],
  doneBy: [
    { table: 'completion_confirmations', column: 'confirmed_by' },
    { table: 'certificates', column: 'revoked_by' },
  ],
};

/**
 * Certificates name their holder, so on erasure the rows go. What a verifier relies on stays right:
 * each credential's entry in the signed status list is kept (taken, so never given to another), and
 * set when the organisation chose to revoke (or it was revoked already). With "keep", a credential
 * the person downloaded still verifies anywhere; Waymark's own page for its code says it is not found.
 */
export const certificatesPersonalData: Pick<PersonalDataHook, 'export' | 'erase'> = {
  export: (db, subject) => exportTables(db, tables, subject),
  async erase(trx, subject, context) {
    const held = await trx.selectFrom('certificates').select(['organisation_id', 'status_index', 'revoked_at']).where('person_id', '=', subject.id).execute();
    const listed = held.filter((c) => c.status_index !== null);
    for (const c of listed) {
      await trx
        .insertInto('certificate_erasures')
        .values({
          organisation_id: c.organisation_id,
          status_index: Number(c.status_index),
          revoked: c.revoked_at || context.credentials === 'revoke' ? 1 : 0,
          erased_at: context.now,
        })
        .execute();
    }
    const done = await eraseTables(trx, tables, subject, context);
    // Others' certificates keep what was met in words ("Signed off by …"): the name goes from those words
    // (the signed credentials never carry them, so their signatures stay good).
    const named =
      (await scrubColumn(trx, 'certificates', 'id', 'criteria', subject.strings)) +
      (await scrubColumn(trx, 'completion_confirmations', 'enrolment_id', 'criteria', subject.strings));
    if (named > 0) done.push(`Took their name out of what ${named} certificates and confirmations of others say was met`);
    const newlyRevoked = listed.filter((c) => !c.revoked_at && context.credentials === 'revoke');
    if (newlyRevoked.length > 0) {
      for (const organisationId of new Set(newlyRevoked.map((c) => c.organisation_id))) {
        await q.lockStatusList(trx, organisationId);
        await publishStatusList(trx, context.clock, context.config, organisationId);
      }
      done.push(`Revoked ${newlyRevoked.length} signed credentials (the status list was re-signed)`);
    } else if (listed.length > 0) done.push(`${listed.length} signed credentials stay verifiable`);
    return done;
  },
};
