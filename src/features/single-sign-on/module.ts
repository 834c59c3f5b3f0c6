import { MINUTE } from '../../platform/db/clock';
import type { FeatureModule } from '../../platform/module';
import * as singleSignOn from './migrations/2026_12_04_1301_single_sign_on';
import { singleSignOnPersonalData } from './single-sign-on.personal-data';
import { linkedAccountsOnStaffRecord } from './single-sign-on.record';
import { singleSignOnRoutes } from './single-sign-on.routes';
import { signInChoicesFor, sweepExpiredAttempts } from './single-sign-on.service';

/** Single sign-on with Microsoft Entra ID and Google Workspace (OpenID Connect), set up by each organisation's admins. */
export const singleSignOnModule: FeatureModule = {
  name: 'single-sign-on',
  routes: [singleSignOnRoutes],
  navigation: [
    {
      href: '/organisation/single-sign-on',
      text: 'Single sign-on',
      order: 95,
      shownTo: 'org-admin',
      current: (path) => path.startsWith('/organisation/single-sign-on'),
    },
  ],
  signInChoices: signInChoicesFor,
  personRecordSections: [linkedAccountsOnStaffRecord],
  sweeps: () => [{ name: 'single-sign-on-attempts', everyMs: 30 * MINUTE, run: (db, clock) => sweepExpiredAttempts(db, clock.now()) }],
  migrations: { '2026_12_04_1301_single_sign_on': singleSignOn },
  personalData: {
    holds: [
      'Bindings to Microsoft or Google accounts: the account’s stable identifier (tenant and object id, or Google’s subject), the email it was first matched by, and when it was made and last used',
      'Sign-in attempts in progress through a provider, for up to 10 minutes (no personal data until the provider answers)',
    ],
    ...singleSignOnPersonalData,
  },
};
