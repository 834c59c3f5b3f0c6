import * as certificateErasures from './migrations/2026_12_04_1230_certificate_erasures';
import type { FeatureModule } from '../../platform/module';
import { HOUR } from '../../platform/db/clock';
import { issueCertificate, signMissingCredentials } from './certificates.service';
import { certificateRoutes } from './certificates.routes';
import { seedCertificates } from './demo/certificates.demo';
import * as certificatesTables from './migrations/2026_12_04_0603_certificates';
import * as openBadges from './migrations/2026_12_04_0930_open_badges';
import { certificatesPersonalData } from './certificates.personal-data';

/**
 * Confirming completion for a cohort, the certificates it issues (each with a signed Open Badges 3.0
 * credential), and the public pages anyone uses to check one.
 */
export const certificatesModule: FeatureModule = {
  name: 'certificates',
  routes: [certificateRoutes],
  navigation: [{ href: '/certificates', text: 'Certificates', order: 48, shownTo: 'signed-in', current: (path) => path === '/certificates' }],
  subscriptions: {
    'enrolment.completed': async (context, payload) => {
      await issueCertificate(context.db, context.clock, context.config, payload);
    },
  },
  // Certificates issued before credentials were signed (and the demo's) get theirs from the worker.
  sweeps: (config) => [{ name: 'certificate-credentials', everyMs: HOUR, run: (db, clock) => signMissingCredentials(db, clock, config) }],
  demo: { seed: seedCertificates },
  migrations: {
    '2026_12_04_0603_certificates': certificatesTables,
    '2026_12_04_0930_open_badges': openBadges,
    '2026_12_04_1230_certificate_erasures': certificateErasures,
  },
  personalData: {
    holds: [
      'Certificates: each award as issued (name, programme, cohort, dates, criteria met, skills, project title), its verification code, and any revocation with its reason; completion confirmations with any exception and its reason',
      'Open Badges credentials: each certificate’s signed credential, which carries the award and the person’s email address and Teacher Reference Number only as salted SHA-256 hashes',
    ],
    ...certificatesPersonalData,
  },
};
