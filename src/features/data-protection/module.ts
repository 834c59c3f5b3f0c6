import { DAY } from '../../platform/db/clock';
import type { FeatureModule } from '../../platform/module';
import { tablePersonalData } from '../../platform/personal-data';
import { seedDataProtection } from './demo/data-protection.demo';
import { dataProtectionRoutes } from './data-protection.routes';
import { applyRetention } from './data-protection.service';
import * as dataProtection from './migrations/2026_12_04_1330_data_protection';
import * as auditLogKeyset from './migrations/2026_12_07_1137_audit_log_keyset';

/** Data protection: the audit log viewer, retention periods and their daily sweep, the privacy notice and the record of processing. */
export const dataProtectionModule: FeatureModule = {
  name: 'data-protection',
  routes: [dataProtectionRoutes],
  navigation: [
    {
      href: '/data-protection',
      text: 'Data protection',
      order: 85,
      shownTo: 'data-protection',
      current: (path) => path.startsWith('/data-protection'),
    },
  ],
  // Runs hourly, but each organisation's record types run once a day (the run log claims the day).
  sweeps: (config, composed) => [
    { name: 'data-protection-retention', everyMs: DAY / 24, run: (db, clock) => applyRetention(db, clock, composed.retention, { config }) },
  ],
  migrations: { '2026_12_04_1330_data_protection': dataProtection, '2026_12_07_1137_audit_log_keyset': auditLogKeyset },
  demo: seedDataProtection,
  personalData: {
    holds: ['Who last changed each retention period, and when'],
    ...tablePersonalData({ cleared: [{ table: 'retention_periods', column: 'updated_by' }] }),
  },
};
