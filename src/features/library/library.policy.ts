import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** Organisation admins and programme leads share, browse and copy. */
export const canUseLibrary = isProgrammeLead;

/** A withdrawn item is seen only by the organisation that shared it; to anyone else it does not exist. */
export function canSeeItem(viewer: Viewer, item: { organisation_id: string; withdrawn_at: string | null }): boolean {
  return item.withdrawn_at === null || item.organisation_id === viewer.organisationId;
}

/** Only the organisation that shared an item withdraws it. */
export function canWithdraw(viewer: Viewer, item: { organisation_id: string }): boolean {
  return item.organisation_id === viewer.organisationId;
}
