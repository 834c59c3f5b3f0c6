export { outsideApplicantSchool } from './partners.service';
export type { OpenTo } from './partners.tables';
