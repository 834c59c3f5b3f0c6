export { projectPublicSummary, publicProjectsOf, type ProjectPublicSummary } from './projects.summary';
export type { ProjectStatus } from './projects.tables';
export { findProjectOfEnrolment, listProjectsOf } from './projects.queries';
export { withUnit, type MeasureSeries } from './impact-chart';
export { ImpactTable, impactRows } from './views/impact-chart';
export { JUDGEMENTS } from './projects.schemas';
