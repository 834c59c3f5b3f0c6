export { cohortRoutes } from './cohorts.routes';
