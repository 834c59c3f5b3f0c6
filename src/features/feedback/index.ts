export { feedbackRoutes } from './feedback.routes';
export { feedback360Evaluator } from './feedback.evaluators';
export { sweepFeedbackRounds } from './feedback.service';
