import type { FeatureModule } from '../../platform/module';
import { staffRetention } from './staff.retention';
import { seedTrust } from './demo/trust.demo';
import * as directorySearchIndex from './migrations/2026_12_04_0515_directory_search_index';
import * as personTitle from './migrations/2026_12_04_0601_person_title';
import * as rolesHeld from './migrations/2026_12_06_1845_roles_held';
import * as rolesHeldBackfill from './migrations/2026_12_06_1846_roles_held_backfill';
import { staffRoutes } from './staff.routes';
import { staffPersonalData } from './staff.personal-data';

/** The staff directory and staff records: schools, line managers, roles and invitations. */
export const staffModule: FeatureModule = {
  name: 'staff',
  routes: [staffRoutes],
  navigation: [{ href: '/staff', text: 'Staff', order: 60, shownTo: 'people-manager', current: (path) => path.startsWith('/staff') }],
  migrations: {
    '2026_12_04_0515_directory_search_index': directorySearchIndex,
    '2026_12_04_0601_person_title': personTitle,
    '2026_12_06_1845_roles_held': rolesHeld,
    '2026_12_06_1846_roles_held_backfill': rolesHeldBackfill,
  },
  retention: staffRetention,
  demo: { seed: seedTrust },
  personalData: {
    holds: [
      'The staff record: title, name, work email, job title, school, staff type, leadership level, line manager, teacher reference number, MIS staff id, start date in schools, and whether the person is active',
      'Roles held over time: each job title, leadership level and school on the staff record, with the dates from and to',
      'Roles in Waymark (organisation admin, school admin, programme lead, data protection officer) and who granted them',
    ],
    ...staffPersonalData,
  },
};
