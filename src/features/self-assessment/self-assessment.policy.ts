import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** What the rules need to know about an enrolment. */
export interface SelfAssessmentFacts {
  organisation_id: string;
  person_id: string;
  /** The participant's mentor/coach, if they have one. */
  coach_id: string | null;
}

/**
 * The participant, their mentor/coach, and programme leads and organisation admins of the
 * organisation. Unlike the enrolment page, line managers and school admins do not see it:
 * a self-assessment is an honest look at oneself, not a performance record.
 */
export function canViewSelfAssessment(viewer: Viewer, facts: SelfAssessmentFacts): boolean {
  if (facts.organisation_id !== viewer.organisationId) return false;
  return facts.person_id === viewer.id || (facts.coach_id !== null && facts.coach_id === viewer.id) || isProgrammeLead(viewer);
}

/** Only the participant fills in their self-assessment. */
export function isParticipant(viewer: Viewer, facts: Pick<SelfAssessmentFacts, 'person_id'>): boolean {
  return facts.person_id === viewer.id;
}

/** Programme leads and organisation admins choose a programme's checkpoints. */
export const canPlanSelfAssessment = isProgrammeLead;
