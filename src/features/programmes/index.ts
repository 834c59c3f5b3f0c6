export { programmeRoutes } from './programmes.routes';
