import type { FeatureModule } from '../../platform/module';
import { seedSelfAssessments } from './demo/self-assessment.demo';
import { baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator } from './self-assessment.evaluators';
import { SELF_ASSESSMENT_NOTIFICATIONS } from './self-assessment.notifications';
import { selfAssessmentRoutes } from './self-assessment.routes';

/** Self-assessment against the programme's skills at checkpoints, and progress over time. */
export const selfAssessmentModule: FeatureModule = {
  name: 'self-assessment',
  routes: [selfAssessmentRoutes],
  evaluators: [baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator],
  notificationKinds: SELF_ASSESSMENT_NOTIFICATIONS,
  demo: { seed: seedSelfAssessments },
  personalData: { holds: ['Self-assessments: a rating and evidence for each skill at each checkpoint'] },
};
