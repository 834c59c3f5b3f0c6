import type { FeatureModule } from '../../platform/module';
import { sessionMiddleware } from './auth.middleware';
import { authRoutes } from './auth.routes';

/** Signing in and out: passwords, emailed sign-in links, password resets, invitations and sign-in sessions. */
export const authModule: FeatureModule = {
  name: 'auth',
  routes: [authRoutes],
  middleware: [sessionMiddleware],
  navigation: [
    { href: '/sign-in', text: 'Sign in', order: 0, shownTo: 'signed-out', current: (path) => path.startsWith('/sign-in') },
    { href: '/account', text: 'Your account', order: 100, shownTo: 'signed-in', current: (path) => path.startsWith('/account') },
  ],
  personalData: {
    holds: [
      'Sign-in sessions: when each began and was last used, the browser and the network address',
      'Sign-in links, password reset links and invitations: when each was sent and used (only a hash of the link is kept)',
      'Failed sign-in attempts per email address and network address, for a short time',
    ],
  },
};
