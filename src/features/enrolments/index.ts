export { enrolmentRoutes } from './enrolments.routes';
export { enrolmentsOf, type EnrolmentSummary } from './enrolments.service';
export { ENROLMENT_STATUSES, ENROLMENT_STATUS_TAG } from './enrolments.schemas';
export type { EnrolmentStatus } from './enrolments.tables';

import type { Executor } from '../../database';

/** The coach named on the application that led to the enrolment (a member of staff), if any. */
export async function coachOfEnrolment(db: Executor, enrolmentId: string): Promise<string | null> {
  const row = await db
    .selectFrom('enrolments')
    .innerJoin('applications', 'applications.id', 'enrolments.application_id')
    .select('applications.coach_person_id')
    .where('enrolments.id', '=', enrolmentId)
    .executeTakeFirst();
  return row?.coach_person_id ?? null;
}

import { findEnrolment } from './enrolments.queries';
export type { EnrolmentRecord } from './enrolments.queries';

/**
 * One enrolment of the organisation with its participant, programme and cohort, for features that
 * hang work off an enrolment (self-assessment). No access check: the caller decides who may see it.
 */
export function findEnrolmentRecord(db: Executor, organisationId: string, enrolmentId: string) {
  return findEnrolment(db, organisationId, enrolmentId);
}
