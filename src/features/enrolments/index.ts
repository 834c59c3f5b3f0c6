export { cohortCompletion, completeEnrolmentInCohort, enrolmentsOf, lockCohortPlaces, placesTaken, type EnrolmentSummary } from './enrolments.service';
export { completedProgrammesOf, type CompletedProgramme } from './enrolments.completed';
export {
  enrolApplicant,
  holdsPlace,
  PLACE_HOLDING,
  withdrawApplicantsPlace,
  type EnrolmentCompleted,
  type LifecycleDeps,
  type PlaceFor,
  type PlaceFreed,
} from './enrolments.lifecycle';
export { ENROLMENT_STATUSES } from './enrolments.schemas';
export type { EnrolmentStatus } from './enrolments.tables';
export {
  coachOfEnrolment,
  enrolmentIdsOfPerson,
  findEnrolment as findEnrolmentRecord,
  listCompletedInCohorts,
  listEnrolmentRecords,
  type EnrolmentRecord,
} from './enrolments.queries';
export { listStaffEnrolmentsElsewhere } from './elsewhere.queries';
