import type { FeatureModule } from '../../platform/module';
import { seedSubjectRights } from './demo/seed';
import * as subjectRightsTables from './migrations/2026_12_04_1300_subject_rights';
import * as erasureJobsTables from './migrations/2026_12_06_2000_erasure_jobs';
import { subjectRightsPersonalData } from './subject-rights.personal-data';
import { subjectRightsRoutes } from './subject-rights.routes';
import { ERASURE_OUTBOX_KIND, EXPORT_OUTBOX_KIND, expireOldExports, produceExport, resumeErasures, runErasureJob } from './subject-rights.service';

const HOUR = 3600 * 1000;

/**
 * Subject access and erasure: an organisation admin asks for everything Waymark holds about one
 * person (the worker makes a ZIP from every feature's personal-data hook), or erases a person
 * (the worker runs every feature's hook, a feature at a time, resuming where it stopped).
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
    // Carries out the erasure an admin started (resuming it, if a worker stopped part-way); a failing
    // step throws, so the outbox tries again later.
    [ERASURE_OUTBOX_KIND]: async (payload) => {
      const { jobId } = payload as { jobId: string };
      await runErasureJob(context.db, context.clock, context, context.personalData, jobId);
    },
  }),
  sweeps: (config, composed) => [
    { name: 'subject-access-exports-expiry', everyMs: HOUR, run: (db, clock) => expireOldExports(db, clock) },
    // Picks up any erasure left part-done (the worker stopped mid-way, or the outbox gave up on it).
    { name: 'subject-rights-erasure-resume', everyMs: HOUR / 4, run: (db, clock) => resumeErasures(db, clock, { config }, composed.personalData) },
  ],
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
