import type { FeatureModule } from '../../platform/module';
import { seedPartners } from './demo/partners.demo';
import * as partners from './migrations/2026_12_04_1310_partners';
import { partnersPersonalData } from './partners.personal-data';
import { partnersRoutes } from './partners.routes';
import { outsideSchoolsOf } from './partners.service';

/** Providers and partner schools: programmes opened to other schools, and outside applicants who join to apply. */
export const partnersModule: FeatureModule = {
  name: 'partners',
  routes: [partnersRoutes],
  migrations: { '2026_12_04_1310_partners': partners },
  demo: { seed: seedPartners },
  outsideSchoolsOf,
  personalData: {
    holds: [
      'Sign-ups from other schools’ staff: the work email address given, the cohort asked about, and when the link was sent and used',
      'For a member of staff of another school who joined to apply: their school (its URN on the school list), and their headteacher’s name and email address',
    ],
    ...partnersPersonalData,
  },
};
