import { tablePersonalData } from '../../platform/personal-data';
import type { FeatureModule } from '../../platform/module';
import { seedSchoolList } from './demo/establishments.demo';
import { establishmentsRoutes } from './establishments.routes';
import * as establishments from './migrations/2026_12_04_1240_establishments';
import * as byLocalAuthority from './migrations/2026_12_05_1000_establishments_by_local_authority';

/** The national school list (Get information about schools), its loader and the school picker. */
export const establishmentsModule: FeatureModule = {
  name: 'establishments',
  routes: [establishmentsRoutes],
  migrations: {
    '2026_12_04_1240_establishments': establishments,
    '2026_12_05_1000_establishments_by_local_authority': byLocalAuthority,
  },
  demo: { seed: seedSchoolList },
  // The school list names schools, not people: nothing to export or erase.
  personalData: { holds: [], ...tablePersonalData({}) },
};
