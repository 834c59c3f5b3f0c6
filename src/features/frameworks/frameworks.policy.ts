import { isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';

/** Organisation admins and programme leads look after the organisation's frameworks. */
export const canManageFrameworks = isProgrammeLead;

/** A framework belongs to one organisation; anyone else is told it does not exist. */
export function isOwnFramework(viewer: Viewer, framework: { organisation_id: string }): boolean {
  return framework.organisation_id === viewer.organisationId;
}

/** Only a draft changes: a published version is what ratings and requirements point at. */
export function isEditable(version: { status: 'draft' | 'published' }): boolean {
  return version.status === 'draft';
}
