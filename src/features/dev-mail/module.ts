import type { FeatureModule } from '../../platform/module';
import { devMailRoutes } from './dev-mail.routes';
import { devMailPersonalData } from './dev-mail.personal-data';

/** Outside production, without a mail server: the mail Waymark would have sent. */
export const devMailModule: FeatureModule = {
  name: 'dev-mail',
  routes: [devMailRoutes],
  personalData: { holds: [], ...devMailPersonalData },
};
