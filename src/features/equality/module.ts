import type { FeatureModule } from '../../platform/module';
import { seedEquality } from './demo/equality.demo';
import { equalityOnStaffRecord } from './equality.record';
import { tablePersonalData } from '../../platform/personal-data';
import { equalityRoutes } from './equality.routes';
import * as equality from './migrations/2026_12_04_1300_equality';

/** Equality information each person gives voluntarily, seen only by them and counted in reports. */
export const equalityModule: FeatureModule = {
  name: 'equality',
  routes: [equalityRoutes],
  personRecordSections: [equalityOnStaffRecord],
  migrations: { '2026_12_04_1300_equality': equality },
  demo: { seed: seedEquality },
  personalData: {
    holds: [
      'Equality information a person chose to give: sex, ethnic group, disability, age band and working pattern (each optional; seen only by them, counted in reports with small numbers hidden)',
    ],
    // The answers are the person's alone: exported, and deleted on erasure.
    ...tablePersonalData({ own: [{ table: 'equality_answers', column: 'person_id', label: 'equality information' }] }),
  },
};
