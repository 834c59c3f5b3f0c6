import type { FeatureModule } from '../../platform/module';
import { installBuiltInFrameworks } from './frameworks.builtin';
import { frameworkRoutes } from './frameworks.routes';
import { frameworksPersonalData } from './frameworks.personal-data';

/** Skills frameworks: domains, skills and level descriptors, versioned, imported and exported. */
export const frameworksModule: FeatureModule = {
  name: 'frameworks',
  routes: [frameworkRoutes],
  navigation: [{ href: '/frameworks', text: 'Frameworks', order: 50, shownTo: 'programme-lead', current: (path) => path.startsWith('/frameworks') }],
  // The demo trust gets the built-in frameworks, as every new organisation does.
  demo: { seed: async (trx, clock, context) => void (await installBuiltInFrameworks(trx, clock, context.organisationId)) },
  personalData: { holds: [], ...frameworksPersonalData },
};
