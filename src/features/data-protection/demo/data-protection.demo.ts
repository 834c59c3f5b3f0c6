import { auditLogRetention, recordAudit } from '../../../platform/audit/audit';
import { DAY, type Clock } from '../../../platform/db/clock';
import { newId } from '../../../platform/db/ids';
import type { DemoStep } from '../../../platform/module';

/** A clock fixed `days` before now, so demo audit entries read as the past weeks. */
const daysAgo = (clock: Clock, days: number): Clock => ({ now: () => new Date(clock.now().getTime() - days * DAY) });

/**
 * The office manager at Riverside Academy is the trust's data protection officer (read-only on the
 * audit log and retention); the log holds a few entries of people seeing records, and the run log
 * last week's retention sweep.
 */
export const seedDataProtection: DemoStep = {
  async seed(trx, clock, context) {
    const dpoId = context.ids.get('rOff');
    const ceoId = context.ids.get('ceo');
    const hrId = context.ids.get('hr');
    const teacherId = context.ids.get('rMat');
    if (!dpoId || !ceoId || !hrId || !teacherId) return [];
    const now = clock.now().toISOString();
    await trx
      .insertInto('role_grants')
      .values({
        id: newId(),
        person_id: dpoId,
        role: 'data_protection_officer',
        school_id: null,
        scope_key: 'organisation',
        granted_by: ceoId,
        created_at: now,
      })
      .execute();
    const org = context.organisationId;
    await recordAudit(trx, daysAgo(clock, 20), {
      action: 'role_granted',
      organisationId: org,
      actorId: ceoId,
      subjectType: 'person',
      subjectId: dpoId,
      detail: { role: 'data_protection_officer' },
    });
    await recordAudit(trx, daysAgo(clock, 9), {
      action: 'staff_record_viewed',
      organisationId: org,
      actorId: hrId,
      subjectType: 'person',
      subjectId: teacherId,
    });
    await recordAudit(trx, daysAgo(clock, 3), {
      action: 'staff_record_viewed',
      organisationId: org,
      actorId: ceoId,
      subjectType: 'person',
      subjectId: teacherId,
    });
    await recordAudit(trx, daysAgo(clock, 2), {
      action: 'retention_period_changed',
      organisationId: org,
      actorId: ceoId,
      detail: { recordType: 'notifications.read-notifications', from: 12, to: 24 },
    });
    await trx
      .insertInto('retention_periods')
      .values({
        organisation_id: org,
        record_type: 'notifications.read-notifications',
        months: 24,
        updated_by: ceoId,
        updated_at: daysAgo(clock, 2).now().toISOString(),
      })
      .execute();
    // Last week's sweep, as the run log shows it (the worker adds today's when it starts).
    const ranAt = daysAgo(clock, 7).now();
    const runs: [string, number][] = [
      [auditLogRetention.key, 0],
      ['cohorts.unsuccessful-applications', 2],
      ['cohorts.withdrawn-applications', 1],
      ['notifications.read-notifications', 14],
      ['staff.leavers', 0],
    ];
    for (const [recordType, affected] of runs)
      await trx
        .insertInto('retention_runs')
        .values({
          id: newId(),
          organisation_id: org,
          record_type: recordType,
          run_on: ranAt.toISOString().slice(0, 10),
          cutoff: ranAt.toISOString(),
          affected,
          created_at: ranAt.toISOString(),
        })
        .execute();
    const dpo = await trx.selectFrom('people').select('email').where('id', '=', dpoId).executeTakeFirst();
    return dpo ? [{ who: 'Data protection officer (office manager, Riverside Academy)', email: dpo.email }] : [];
  },
};
