export { selfAssessmentRoutes } from './self-assessment.routes';
export { baselineSelfAssessmentEvaluator, finalSelfAssessmentEvaluator } from './self-assessment.evaluators';
