import type { FeatureModule } from '../../platform/module';
import { seedSubjectRights } from './demo/seed';
import * as subjectRightsTables from './migrations/2026_12_04_1300_subject_rights';
import * as erasureJobsTables from './migrations/2026_12_06_2000_erasure_jobs';
import { subjectRightsPersonalData } from './subject-rights.personal-data';
import { subjectRightsRoutes } from './subject-rights.routes';
import { ERASURE_OUTBOX_KIND, EXPORT_OUTBOX_KIND, expireOldExports, produceExport, resumeErasures } from './subject-rights.service';

const HOUR = 3600 * 1000;

/**
 * Subject access and erasure: an organisation admin asks for everything Waymark holds about one
 * person (the worker makes a ZIP from every feature's personal-data hook), or erases a person
 * (every feature's hook, in one transaction).
 */
export const subjectRightsModule: FeatureModule = {
  name: 'subject-rights',
  routes: [subjectRightsRoutes],
  navigation: [{ href: '/subject-rights', text: 'Subject access', order: 94, shownTo: 'org-admin', current: (path) => path.startsWith('/subject-rights') }],
  outboxHandlers: (context) => ({
    [EXPORT_OUTBOX_KIND]: async (payload) => {
      const { exportId } = payload as { exportId: string };
      await produceExport(context, exportId);
    },
    // Resumes every erasure left unfinished (one stopped part-way by a crash or a failing step).
    [ERASURE_OUTBOX_KIND]: async () => {
      await resumeErasures(context.db, context.clock, context, context.personalData);
    },
  }),
  sweeps: () => [{ name: 'subject-access-exports-expiry', everyMs: HOUR, run: (db, clock) => expireOldExports(db, clock) }],
  migrations: { '2026_12_04_1300_subject_rights': subjectRightsTables, '2026_12_06_2000_erasure_jobs': erasureJobsTables },
  demo: { seed: seedSubjectRights },
  personalData: {
    holds: [
      'Subject access exports made about a person (the ZIP, until it expires after 7 days), who asked for each and when it was downloaded',
      'Erasures: who carried each out and when (never whom they erased)',
    ],
    ...subjectRightsPersonalData,
  },
};
