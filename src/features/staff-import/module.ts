import type { FeatureModule } from '../../platform/module';
import { staffImportRoutes } from './staff-import.routes';
import { staffImportPersonalData } from './staff-import.personal-data';

/** Importing the staff list from the CSV files that Arbor, SIMS and Bromcom export. */
export const staffImportModule: FeatureModule = {
  name: 'staff-import',
  routes: [staffImportRoutes],
  navigation: [{ href: '/import', text: 'Import staff', order: 80, shownTo: 'staff-admin', current: (path) => path.startsWith('/import') }],
  // Uploads are limited by IMPORT_MAX_MB in the routes.
  ownBodyLimits: [/^\/import(\/|$)/],
  personalData: {
    holds: ['An uploaded staff list, from upload until it is applied or discarded: every column of the file, for every person in it'],
    ...staffImportPersonalData,
  },
};
