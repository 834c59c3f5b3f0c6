import type { FeatureModule } from '../../platform/module';
import { tablePersonalData } from '../../platform/personal-data';
import { seedPartnerStaff } from './demo/partner-staff.demo';
import { partnerStaffRoutes } from './partner-staff.routes';

/**
 * Partner organisations on one installation: staff apply to another organisation's programme with
 * their one account (endorsed at home as usual), and their home organisation sees its staff's
 * applications, places and completions there. Holds no table of its own.
 */
export const partnerStaffModule: FeatureModule = {
  name: 'partner-staff',
  routes: [partnerStaffRoutes],
  navigation: [
    {
      href: '/partner-programmes',
      text: 'Partner programmes',
      order: 11,
      shownTo: 'signed-in',
      current: (path) => path.startsWith('/partner-programmes'),
    },
    {
      href: '/organisation/staff-on-partner-programmes',
      text: 'Staff on partner programmes',
      order: 72,
      shownTo: 'staff-admin',
      current: (path) => path.startsWith('/organisation/staff-on-partner-programmes'),
    },
  ],
  demo: { seed: seedPartnerStaff },
  // Applications and enrolments are the cohorts and enrolments features' (and in their hooks): nothing of its own.
  personalData: { holds: [], ...tablePersonalData({}) },
};
