export { selfAssessmentRoutes } from './self-assessment.routes';
