export { projectPublicSummary, type ProjectPublicSummary } from './projects.summary';
export type { ProjectStatus } from './projects.tables';
export { findProjectOfEnrolment, listProjectsOf } from './projects.queries';
