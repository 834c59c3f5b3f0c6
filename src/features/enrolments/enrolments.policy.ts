import { adminSchoolIds, isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** What the rules need to know about an enrolment and its participant. */
interface EnrolmentFacts {
  organisation_id: string;
  person_id: string;
  /** The participant's school and line manager, as on their staff record now. */
  school_id: string | null;
  line_manager_id: string | null;
}

/** The participant, their line manager, an admin of their school, organisation admins and programme leads. */
export function canViewEnrolment(viewer: Viewer, enrolment: EnrolmentFacts): boolean {
  // The participant sees their own, also on a partner organisation's programme.
  if (enrolment.person_id === viewer.id) return true;
  if (enrolment.organisation_id !== viewer.organisationId) return false;
  if (enrolment.line_manager_id === viewer.id || isProgrammeLead(viewer)) return true;
  return enrolment.school_id !== null && adminSchoolIds(viewer).includes(enrolment.school_id);
}

/** Only the participant works on their enrolment (modules, withdrawing). */
export function isParticipant(viewer: Viewer, enrolment: Pick<EnrolmentFacts, 'person_id'>): boolean {
  return enrolment.person_id === viewer.id;
}

/**
 * Programme leads (and organisation admins) change an enrolment's status and sign it off — but
 * never their own: someone else must sign off a lead who takes part in a programme.
 */
export function canManageEnrolment(viewer: Viewer, enrolment: EnrolmentFacts): boolean {
  return canViewEnrolment(viewer, enrolment) && isProgrammeLead(viewer) && !isParticipant(viewer, enrolment);
}

/** Organisation admins and programme leads see a cohort's roster. */
export const canViewRoster = isProgrammeLead;
