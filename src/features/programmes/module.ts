import type { FeatureModule } from '../../platform/module';
import { seedProgrammes } from './demo/programmes.demo';
import { PROGRAMME_NOTIFICATIONS } from './programmes.notifications';
import { programmeRoutes } from './programmes.routes';
import { programmesPersonalData } from './programmes.personal-data';

/** Pathways, stages and programmes: who they are for, eligibility, delivery and what they require. */
export const programmesModule: FeatureModule = {
  name: 'programmes',
  routes: [programmeRoutes],
  navigation: [
    {
      href: '/programmes',
      text: 'Programmes',
      order: 10,
      shownTo: 'signed-in',
      current: (path) => /^\/(programmes|cohorts|applications|enrolments|my-programme|pathways)(\/|$)/.test(path),
    },
  ],
  notificationKinds: PROGRAMME_NOTIFICATIONS,
  demo: { seed: seedProgrammes },
  personalData: { holds: ['Recommendations: who recommended whom for which programme, and what they said'], ...programmesPersonalData },
};
