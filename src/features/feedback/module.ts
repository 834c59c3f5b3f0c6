import { HOUR } from '../../platform/db/clock';
import type { FeatureModule } from '../../platform/module';
import { seedFeedback } from './demo/feedback.demo';
import { feedback360Evaluator } from './feedback.evaluators';
import { FEEDBACK_NOTIFICATIONS } from './feedback.notifications';
import { feedbackRoutes } from './feedback.routes';
import { sweepFeedbackRounds } from './feedback.service';
import * as respondentApproval from './migrations/2026_12_04_0443_respondent_approval';
import * as pupilQuestions from './migrations/2026_12_04_0601_pupil_questions';
import { feedbackPersonalData } from './feedback.personal-data';

/** 360-degree feedback: rounds, respondents by group, private links, the report and its anonymity. */
export const feedbackModule: FeatureModule = {
  name: 'feedback',
  routes: [feedbackRoutes],
  navigation: [{ href: '/feedback', text: '360 feedback', order: 30, shownTo: 'signed-in', current: (path) => path.startsWith('/feedback') }],
  evaluators: [feedback360Evaluator],
  notificationKinds: FEEDBACK_NOTIFICATIONS,
  sweeps: (config) => [{ name: 'feedback-rounds', everyMs: HOUR, run: (db, clock) => sweepFeedbackRounds(db, clock, config.BASE_URL) }],
  demo: { seed: seedFeedback },
  migrations: { '2026_12_04_0443_respondent_approval': respondentApproval, '2026_12_04_0601_pupil_questions': pupilQuestions },
  personalData: {
    holds: [
      'The participant’s 360 rounds: who was invited, in which group, and the participant’s own ratings',
      'Answers given as a respondent: ratings and comments (reported only under the anonymity rules)',
      'Who a report was shared with',
    ],
    ...feedbackPersonalData,
  },
};
