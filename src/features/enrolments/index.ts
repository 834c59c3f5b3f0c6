export { enrolmentsOf, type EnrolmentSummary } from './enrolments.service';
export { ENROLMENT_STATUSES } from './enrolments.schemas';
export type { EnrolmentStatus } from './enrolments.tables';
export { coachOfEnrolment, findEnrolment as findEnrolmentRecord, type EnrolmentRecord } from './enrolments.queries';
