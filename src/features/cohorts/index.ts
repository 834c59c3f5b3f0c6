export { releasePlace } from './decisions.service';
export { APPLICATION_STATUSES } from './cohorts.schemas';
export { windowState } from './cohorts.policy';
export type { ApplicationStatus, Cohort, EndorsementStatus } from './cohorts.tables';

import type { Executor } from '../../platform/db/database';
import { countPlacesTaken, listCohortsOfProgramme } from './cohorts.queries';
export { PLACE_HOLDING } from './cohorts.queries';

/** Every cohort of a programme (newest start first), for the programme's page. */
export function cohortsOfProgramme(db: Executor, organisationId: string, programmeId: string) {
  return listCohortsOfProgramme(db, organisationId, programmeId);
}

/** Places taken in a cohort: its enrolments that are active or completed. */
export function placesTaken(db: Executor, cohortId: string): Promise<number> {
  return countPlacesTaken(db, cohortId);
}
