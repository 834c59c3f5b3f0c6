import type { FeatureModule } from '../../platform/module';
import { pageRoutes } from './home.routes';
import { homePersonalData } from './home.personal-data';

/** The home page (what needs doing), the accessibility statement, the privacy notice and the health check. */
export const homeModule: FeatureModule = {
  name: 'home',
  routes: [pageRoutes],
  navigation: [{ href: '/', text: 'Home', order: 0, shownTo: 'signed-in', current: (path) => path === '/' }],
  personalData: { holds: [], ...homePersonalData },
};
