import type { RetentionRecordType } from '../../platform/module';
import { buildSearchText } from './staff.schemas';

/**
 * Leavers: after the period, the school's details of a deactivated person go (job title, school,
 * line manager, leadership level, MIS id, start date, roles), and so does the history of the roles
 * they held (a record type of its own, so the organisation sees and sets it). Their name, email and teacher
 * reference number stay, because the leadership record is theirs after they leave: their
 * certificates, own entries and reflections, and verifications given to them keep their owner
 * (docs/leadership-record.md, docs/data-protection.md).
 */
export const staffRetention: RetentionRecordType[] = [
  {
    key: 'staff.leavers',
    name: 'Staff records of leavers',
    description:
      'The school’s details of someone who has left (job title, school, line manager, leadership level, MIS id, start date, roles), from when they left',
    action: 'removed; the person’s own leadership record stays with them',
    defaultMonths: 72,
    minimumMonths: 72,
    basis:
      'The IRMS toolkit for schools keeps personnel records six years after employment ends: the limitation period for contract claims (Limitation Act 1980)',
    async apply(trx, organisationId, cutoff) {
      const leavers = await trx
        .selectFrom('people')
        .select([
          'id',
          'given_name',
          'family_name',
          'email',
          'job_title',
          'school_id',
          'line_manager_id',
          'mis_staff_id',
          'started_in_schools_on',
          'leadership_level',
        ])
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'deactivated')
        .where('deactivated_at', '<', cutoff)
        .execute();
      let changed = 0;
      for (const p of leavers) {
        const grants = await trx.deleteFrom('role_grants').where('person_id', '=', p.id).executeTakeFirst();
        const hasDetails =
          p.job_title !== null ||
          p.school_id !== null ||
          p.line_manager_id !== null ||
          p.mis_staff_id !== null ||
          p.started_in_schools_on !== null ||
          p.leadership_level !== 'none';
        if (!hasDetails && Number(grants.numDeletedRows) === 0) continue;
        await trx
          .updateTable('people')
          .set({
            job_title: null,
            school_id: null,
            line_manager_id: null,
            mis_staff_id: null,
            started_in_schools_on: null,
            leadership_level: 'none',
            search_text: buildSearchText({ ...p, job_title: null }),
          })
          .where('id', '=', p.id)
          .execute();
        changed++;
      }
      return changed;
    },
  },
  {
    key: 'staff.leavers-role-history',
    name: 'Role history of leavers',
    description:
      'Each job title, leadership level and school someone held while they worked for the organisation, with the dates from and to, from when they left',
    action: 'removed; roles the person included in their leadership record stay in it, with them',
    defaultMonths: 72,
    minimumMonths: 72,
    basis:
      'Part of the personnel record: the IRMS toolkit for schools keeps it six years after employment ends, the limitation period for contract claims (Limitation Act 1980)',
    async apply(trx, organisationId, cutoff) {
      // The leadership record keeps its own copy of each role the person chose to include, so the
      // school's history can go without taking anything from the person's record.
      const leavers = trx
        .selectFrom('people')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where('status', '=', 'deactivated')
        .where('deactivated_at', '<', cutoff);
      const removed = await trx.deleteFrom('roles_held').where('organisation_id', '=', organisationId).where('person_id', 'in', leavers).executeTakeFirst();
      return Number(removed.numDeletedRows);
    },
  },
];
