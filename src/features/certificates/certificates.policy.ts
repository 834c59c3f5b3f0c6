import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** Programme leads (and organisation admins) confirm completion for their organisation's cohorts. */
export function canConfirmCompletion(viewer: Viewer): boolean {
  return isProgrammeLead(viewer);
}

/** Only a programme lead of the issuing organisation revokes a certificate. */
export function canRevoke(viewer: Viewer, certificate: { organisation_id: string }): boolean {
  return certificate.organisation_id === viewer.organisationId && isProgrammeLead(viewer);
}
