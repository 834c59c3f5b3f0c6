import type { FeatureModule } from '../../platform/module';
import { reportsDemo } from './demo/reports.demo';
import { progressOnStaffRecord } from './reports.record';
import { reportRoutes } from './reports.routes';
import * as reportSettings from './migrations/2026_12_04_1305_report_settings';
import { reportsPersonalData } from './reports.personal-data';

/** Oversight: work queues, My team, a school's people on programmes, and reports and downloads for programme leads. */
export const reportsModule: FeatureModule = {
  name: 'reports',
  routes: [reportRoutes],
  navigation: [{ href: '/reports', text: 'Reports', order: 55, shownTo: 'programme-lead', current: (path) => path.startsWith('/reports') }],
  personRecordSections: [progressOnStaffRecord],
  migrations: { '2026_12_04_1305_report_settings': reportSettings },
  demo: reportsDemo,
  // Reports read other features' records; of their own they keep only an organisation's settings.
  personalData: { holds: [], ...reportsPersonalData },
};
