export { outsideApplicantSchool } from './partners.service';
export type { OpenTo } from './partners.tables';
export { listOpenedTo as programmesOpenedTo } from './partners.queries';
