import type { FeatureModule } from '../../platform/module';
import { frameworkRoutes } from './frameworks.routes';

/** Skills frameworks: domains, skills and level descriptors, versioned, imported and exported. */
export const frameworksModule: FeatureModule = {
  name: 'frameworks',
  routes: [frameworkRoutes],
  navigation: [{ href: '/frameworks', text: 'Frameworks', order: 50, shownTo: 'programme-lead', current: (path) => path.startsWith('/frameworks') }],
  personalData: { holds: [] },
};
