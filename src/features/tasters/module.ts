import type { FeatureModule } from '../../platform/module';
import { seedTasters } from './demo/tasters.demo';
import * as tasters from './migrations/2026_12_05_0900_tasters';
import * as tasterPlaces from './migrations/2026_12_07_1417_taster_places';
import { tastersPersonalData } from './tasters.personal-data';
import { tasterRoutes } from './tasters.routes';
import { deleteOldSignUps } from './tasters.service';

/** Public taster sessions and events: listed without sign-in, and anyone signs up by email (confirmed by link). */
export const tastersModule: FeatureModule = {
  name: 'tasters',
  routes: [tasterRoutes],
  migrations: { '2026_12_05_0900_tasters': tasters, '2026_12_07_1417_taster_places': tasterPlaces },
  navigation: [{ href: '/tasters', text: 'Taster sessions', order: 5, shownTo: 'signed-out', current: (path) => path.startsWith('/tasters') }],
  retention: [
    {
      key: 'tasters.sign-ups',
      name: 'Sign-ups to public taster sessions',
      description: 'The name and email address of each person who signed up for a public taster, from the day the taster ended',
      action: 'deleted',
      defaultMonths: 6,
      minimumMonths: 0,
      basis: 'Kept only to follow up on the taster; nothing requires keeping them longer',
      apply: (trx, organisationId, cutoff) => deleteOldSignUps(trx, organisationId, cutoff),
    },
  ],
  demo: { seed: seedTasters },
  personalData: {
    holds: ['Sign-ups to public taster sessions: the name and email address given, the taster, and when the place was asked for and confirmed'],
    ...tastersPersonalData,
  },
};
