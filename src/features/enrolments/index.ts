export { enrolmentRoutes } from './enrolments.routes';
