import type { FeatureModule } from '../../platform/module';
import { seedSelfAssessments } from './demo/self-assessment.demo';
import { baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator } from './self-assessment.evaluators';
import { SELF_ASSESSMENT_NOTIFICATIONS } from './self-assessment.notifications';
import * as evidenceFiles from './migrations/2026_12_04_0930_self_assessment_evidence_files';
import { selfAssessmentRoutes } from './self-assessment.routes';
import { selfAssessmentPersonalData } from './self-assessment.personal-data';

/** Self-assessment against the programme's skills at checkpoints, and progress over time. */
export const selfAssessmentModule: FeatureModule = {
  name: 'self-assessment',
  routes: [selfAssessmentRoutes],
  evaluators: [baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator],
  notificationKinds: SELF_ASSESSMENT_NOTIFICATIONS,
  migrations: { '2026_12_04_0930_self_assessment_evidence_files': evidenceFiles },
  // A section of a self-assessment may carry evidence files (up to 10 MB); limited in the route.
  ownBodyLimits: [/^\/enrolments\/[^/]+\/self-assessment\/[^/]+\/[^/]+$/],
  demo: { seed: seedSelfAssessments },
  personalData: {
    holds: ['Self-assessments: a rating, a note and evidence (a link or files) for each skill at each checkpoint'],
    ...selfAssessmentPersonalData,
  },
};
