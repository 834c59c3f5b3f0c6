import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** Programme leads (and organisation admins) of the organisation link cohorts and write the programme. */
export function canManageGraduation(viewer: Viewer, organisationId: string): boolean {
  return viewer.organisationId === organisationId && isProgrammeLead(viewer);
}

/**
 * Who sees a ceremony's programme: those who manage it, its graduates, and their line managers.
 * Everyone else gets 404 (the event itself stays on the events list for anyone to book).
 */
export function canSeeGraduation(
  viewer: Viewer,
  graduation: { organisation_id: string },
  graduates: readonly { person_id: string; line_manager_id: string | null }[],
): boolean {
  if (canManageGraduation(viewer, graduation.organisation_id)) return true;
  if (graduation.organisation_id !== viewer.organisationId) return false;
  return graduates.some((g) => g.person_id === viewer.id || g.line_manager_id === viewer.id);
}
