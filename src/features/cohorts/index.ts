export { APPLICATION_STATUSES } from './cohorts.schemas';
export { windowState } from './cohorts.policy';
export type { ApplicationStatus, Cohort, EndorsementStatus } from './cohorts.tables';

import type { Executor } from '../../platform/db/database';
import { listCohortsOfOrganisation, listCohortsOfProgramme } from './cohorts.queries';

/** Every cohort of a programme (newest start first), for the programme's page. */
export function cohortsOfProgramme(db: Executor, organisationId: string, programmeId: string) {
  return listCohortsOfProgramme(db, organisationId, programmeId);
}

/** Every cohort of the organisation with its programme and stage (newest start first). */
export function cohortsOfOrganisation(db: Executor, organisationId: string) {
  return listCohortsOfOrganisation(db, organisationId);
}
export type CohortWithProgramme = Awaited<ReturnType<typeof listCohortsOfOrganisation>>[number];

import { findCohort, listApplicantsInStatuses } from './cohorts.queries';
import type { ApplicationStatus } from './cohorts.tables';

/** A cohort of the organisation with its programme's title, or undefined. */
export function findCohortOfOrganisation(db: Executor, organisationId: string, cohortId: string) {
  return findCohort(db, organisationId, cohortId);
}

/** The people who applied to a cohort's round, in the given statuses (one row per application), by name. */
export function applicantsOfCohort(db: Executor, cohortId: string, statuses: readonly ApplicationStatus[]) {
  return listApplicantsInStatuses(db, cohortId, statuses);
}
export { canManageCohorts } from './cohorts.policy';

export { moveDraftApplicationsToSchool, startApplication } from './applications.service';
export { listStaffApplicationsElsewhere } from './partner-applications.queries';
