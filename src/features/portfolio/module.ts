import type { FeatureModule } from '../../platform/module';
import { seedPortfolio } from './demo/portfolio.demo';
import * as portfolioTables from './migrations/2026_12_04_0910_portfolio';
import { portfolioEvidenceEvaluator } from './portfolio.evaluators';
import { PORTFOLIO_NOTIFICATIONS } from './portfolio.notifications';
import { portfolioSubscriptions } from './portfolio.recorded';
import { portfolioRoutes } from './portfolio.routes';
import { portfolioPersonalData } from './portfolio.personal-data';

/** A person's portfolio of professional development: entries with their reflection, attachments, and verification by someone else. */
export const portfolioModule: FeatureModule = {
  name: 'portfolio',
  routes: [portfolioRoutes],
  navigation: [{ href: '/portfolio', text: 'Portfolio', order: 47, shownTo: 'signed-in', current: (path) => path.startsWith('/portfolio') }],
  evaluators: [portfolioEvidenceEvaluator],
  notificationKinds: PORTFOLIO_NOTIFICATIONS,
  subscriptions: portfolioSubscriptions,
  // Entries and attachments carry files up to 10 MB: the routes set their own limit.
  ownBodyLimits: [/^\/portfolio\/new$/, /^\/portfolio\/entries\/[^/]+\/attachments$/],
  migrations: { '2026_12_04_0910_portfolio': portfolioTables },
  demo: { seed: seedPortfolio },
  personalData: {
    holds: [
      'Portfolio entries: the kind of development, title, dates, hours, skills and the person’s reflection on what changed in their practice and for whom',
      'Files and links attached to entries',
      'Verification requests: the name and email address of the person asked (colleague or someone outside Waymark), their role, statement or reason for declining, and when',
    ],
    ...portfolioPersonalData,
  },
};
