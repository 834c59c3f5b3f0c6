import { londonDate } from '../../platform/dates';
import type { FeatureModule } from '../../platform/module';
import { findPersonSummary } from '../staff';
import { seedRecord } from './demo/record.demo';
import * as recordTables from './migrations/2026_12_04_1040_record';
import * as recordImports from './migrations/2026_12_04_1300_record_imports';
import * as keptRole from './migrations/2026_12_07_2141_record_item_kept_role';
import * as keptRoleBackfill from './migrations/2026_12_07_2142_record_item_kept_role_backfill';
import { detachRolesOf, eraseOf, exportOf, moveRecord } from './record.queries';
import { recordRoutes } from './record.routes';

/** The person's leadership record: what they choose to show from their certificates and portfolio, the private links they share it by, and the file they take with them. */
export const recordModule: FeatureModule = {
  name: 'record',
  routes: [recordRoutes],
  navigation: [{ href: '/record', text: 'Leadership record', order: 49, shownTo: 'own-record', current: (path) => path.startsWith('/record') }],
  migrations: {
    '2026_12_04_1040_record': recordTables,
    '2026_12_04_1300_record_imports': recordImports,
    '2026_12_07_2141_record_item_kept_role': keptRole,
    '2026_12_07_2142_record_item_kept_role_backfill': keptRoleBackfill,
  },
  demo: { seed: seedRecord },
  // A new school's account linked to the person's personal account: their record comes with them.
  reactions: { 'account.linked': (trx, _context, payload) => moveRecord(trx, payload.fromPersonIds, payload.personId) },
  personalData: {
    holds: [
      'Leadership record: which certificates, portfolio entries, completed programmes, projects and roles held the person includes (with a copy of each role held as it was when included), and their personal statement',
      'Record files brought in: each file as uploaded, and each item brought from it (certificates with their credentials, portfolio entries) with where it came from and what the check on import found',
      'Shared links: what each is for, what it shows, when it expires or was revoked, and each time it was opened with a coarse description of the browser (no address)',
    ],
    export: async (db, subject) => ({ data: { record: await exportOf(db, subject.id) }, files: [], withheld: [] }),
    erase: async (trx, subject, context) => {
      await eraseOf(trx, subject.id);
      // A role they still held here ends on the day they left, or today if they never left.
      const person = await findPersonSummary(trx, subject.id);
      const endedOn = londonDate(new Date(person?.status === 'deactivated' && person.deactivated_at ? person.deactivated_at : context.now));
      const kept = await detachRolesOf(trx, subject.id, endedOn);
      return [
        'Deleted their leadership record, statement and shared links',
        ...(kept > 0
          ? [
              `Kept ${kept === 1 ? 'the role' : `the ${kept} roles`} held here that their record under another organisation's account includes, without this staff record's id`,
            ]
          : []),
      ];
    },
  },
};
