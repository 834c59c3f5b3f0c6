export { projectPublicSummary, type ProjectPublicSummary } from './projects.summary';
export type { ProjectStatus } from './projects.tables';
export { findProjectOfEnrolment } from './projects.queries';
