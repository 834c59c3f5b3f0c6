export { frameworkRoutes } from './frameworks.routes';
