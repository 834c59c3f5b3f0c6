import type { FeatureModule } from '../../platform/module';
import { devMailRoutes } from './dev-mail.routes';
import { devMailPersonalData } from './dev-mail.personal-data';
import { devMailRetention } from './dev-mail.retention';

/** Outside production, without a mail server: the mail Waymark would have sent. */
export const devMailModule: FeatureModule = {
  name: 'dev-mail',
  routes: [devMailRoutes],
  retention: devMailRetention,
  personalData: {
    holds: ['Only where no mail server is set up (development and the demo): a copy of each email Waymark would have sent, in its data folder'],
    ...devMailPersonalData,
  },
};
