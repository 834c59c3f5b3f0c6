import type { FeatureModule } from '../../platform/module';
import { headerNameMiddleware } from './organisations.middleware';
import { organisationRoutes } from './organisations.routes';
import { organisationsPersonalData } from './organisations.personal-data';

/** Organisations (a trust, a local authority, a provider) and their schools. */
export const organisationsModule: FeatureModule = {
  name: 'organisations',
  routes: [organisationRoutes],
  middleware: [headerNameMiddleware],
  navigation: [{ href: '/schools', text: 'Schools', order: 70, shownTo: 'staff-admin', current: (path) => path.startsWith('/schools') }],
  personalData: { holds: [], ...organisationsPersonalData },
};
