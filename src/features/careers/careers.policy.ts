import { adminSchoolIds, isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** Who may edit the organisation's role map: organisation admins and programme leads. */
export function canEditRoleMap(viewer: Viewer): boolean {
  return isProgrammeLead(viewer);
}

/** Who may post a "have a go" opportunity: leaders — line managers, school admins (heads), organisation admins and programme leads. */
export function canPostOpportunity(viewer: Viewer): boolean {
  return viewer.isLineManager || adminSchoolIds(viewer).length > 0 || isProgrammeLead(viewer);
}

/**
 * A career conversation is between a member of staff and their line manager: only the two of
 * them see it. Nobody else — not admins, not programme leads — reads it.
 */
export function isInConversation(viewer: Viewer, conversation: { person_id: string; manager_id: string }): boolean {
  return viewer.id === conversation.person_id || viewer.id === conversation.manager_id;
}

/** Whether the viewer is this person's line manager, and so may hold career conversations with them. */
export function managesPerson(viewer: Viewer, person: { id: string; organisation_id: string; line_manager_id: string | null; status: string }): boolean {
  return person.organisation_id === viewer.organisationId && person.line_manager_id === viewer.id && person.id !== viewer.id && person.status === 'active';
}

/** An aspiration is private unless its owner shares it with their line manager. */
export function canSeeAspiration(viewer: Viewer, aspiration: { person_id: string; sharing: string }, person: { line_manager_id: string | null }): boolean {
  if (viewer.id === aspiration.person_id) return true;
  return aspiration.sharing === 'line_manager' && person.line_manager_id === viewer.id;
}

/** Who may apply for an opportunity, by the staff type it is open to. */
export function mayApply(openTo: string, staffType: string): boolean {
  return openTo === 'all' || openTo === staffType;
}
