import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import { type EnrolmentStatus, holdsPlace } from '../enrolments';

/** What the policy needs to know about a session and the viewer's relation to it. */
export interface SessionFacts {
  organisation_id: string;
  /** NULL for an open event of the organisation. */
  cohort_id: string | null;
  /** The viewer facilitates it. */
  facilitates: boolean;
  /** The viewer's enrolment status in the session's cohort, if any. */
  enrolmentStatus: EnrolmentStatus | null;
}

/**
 * Who may see a session (and its materials): organisation admins and programme leads of its
 * organisation; its facilitators; for a cohort's session, the cohort's participants who hold a
 * place in it (active, or completed: they keep the materials; deferred participants follow the
 * cohort they return to, withdrawn ones have left); for an open event, anyone signed in to the
 * organisation. Everyone else gets 404. Only active participants are told about changes and reminded.
 */
export function canSeeSession(viewer: Viewer, session: SessionFacts): boolean {
  if (session.organisation_id !== viewer.organisationId) return false;
  if (isProgrammeLead(viewer) || session.facilitates) return true;
  if (session.cohort_id === null) return true;
  return session.enrolmentStatus !== null && holdsPlace(session.enrolmentStatus);
}

/** Organisation admins and programme leads create, change and cancel sessions and events of their organisation. */
export function canManageSessions(viewer: Viewer, organisationId: string): boolean {
  return viewer.organisationId === organisationId && isProgrammeLead(viewer);
}

/** Leads and the session's facilitators add and remove materials. */
export function canManageMaterials(viewer: Viewer, session: SessionFacts): boolean {
  return canManageSessions(viewer, session.organisation_id) || (session.organisation_id === viewer.organisationId && session.facilitates);
}
