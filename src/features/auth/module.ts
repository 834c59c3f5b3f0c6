import type { FeatureModule } from '../../platform/module';
import { sessionMiddleware } from './auth.middleware';
import { authRoutes } from './auth.routes';
import * as passwords from './migrations/2026_12_03_1700_passwords';
import * as copyPasswordHashes from './migrations/2026_12_03_1701_copy_password_hashes';
import * as dropPeoplePasswordHash from './migrations/2026_12_03_1702_drop_people_password_hash';
import * as renameSignInSessions from './migrations/2026_12_03_1710_rename_sign_in_sessions';
import { authPersonalData } from './auth.personal-data';
import { authRetention } from './auth.retention';
import * as passwordSignInRules from './migrations/2026_12_04_1300_password_sign_in_rules';
import * as signInSessionMethod from './migrations/2026_12_05_0900_sign_in_session_method';
import * as personalAccounts from './migrations/2026_12_05_0910_personal_accounts';
import { personalRoutes } from './auth.personal.routes';

/** Signing in and out: passwords, emailed sign-in links, password resets, invitations and sign-in sessions. */
export const authModule: FeatureModule = {
  name: 'auth',
  routes: [authRoutes, personalRoutes],
  middleware: [sessionMiddleware],
  navigation: [
    { href: '/sign-in', text: 'Sign in', order: 0, shownTo: 'signed-out', current: (path) => path.startsWith('/sign-in') },
    { href: '/account', text: 'Your account', order: 100, shownTo: 'signed-in', current: (path) => path.startsWith('/account') },
  ],
  retention: authRetention,
  migrations: {
    '2026_12_03_1700_passwords': passwords,
    '2026_12_03_1701_copy_password_hashes': copyPasswordHashes,
    '2026_12_03_1702_drop_people_password_hash': dropPeoplePasswordHash,
    '2026_12_03_1710_rename_sign_in_sessions': renameSignInSessions,
    '2026_12_04_1300_password_sign_in_rules': passwordSignInRules,
    '2026_12_05_0900_sign_in_session_method': signInSessionMethod,
    '2026_12_05_0910_personal_accounts': personalAccounts,
  },
  personalData: {
    holds: [
      'Passwords: only an argon2id hash of each, and when it was set',
      'Sign-in sessions: when each began and was last used, the browser and the network address',
      'Sign-in links, password reset links and invitations: when each was sent and used (only a hash of the link is kept)',
      'Failed sign-in attempts per email address and network address, for a short time',
      'The personal account, if the person adds one: their personal email address (confirmed by a link) and Teacher Reference Number, shown to nobody else; which of their staff records on this Waymark are linked to it; the links sent to the personal address and the browsers signed in to it (no network address)',
      'Which organisation admin is the break-glass administrator (may still use a password when single sign-on is required), who chose them and when',
    ],
    ...authPersonalData,
  },
};
