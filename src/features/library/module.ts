import type { FeatureModule } from '../../platform/module';
import { tablePersonalData } from '../../platform/personal-data';
import { seedLibrary } from './demo/library.demo';
import { libraryRoutes } from './library.routes';
import * as library from './migrations/2026_12_04_1302_library';

/** The shared library: frameworks and programme designs organisations share with the installation, and copies of them. */
export const libraryModule: FeatureModule = {
  name: 'library',
  routes: [libraryRoutes],
  navigation: [{ href: '/library', text: 'Library', order: 52, shownTo: 'programme-lead', current: (path) => path.startsWith('/library') }],
  migrations: { '2026_12_04_1302_library': library },
  demo: { seed: seedLibrary },
  personalData: {
    holds: ['Who shared, withdrew or copied an item of the shared library, and when'],
    // The items and copies belong to organisations; a person erased becomes "a former member of staff" on them.
    ...tablePersonalData({
      doneBy: [
        { table: 'library_items', column: 'published_by' },
        { table: 'library_items', column: 'withdrawn_by' },
        { table: 'library_copies', column: 'copied_by' },
      ],
    }),
  },
};
