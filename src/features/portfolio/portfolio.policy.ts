import type { Viewer } from '../../platform/http/env';

/** A portfolio is its owner's: only they see and change their entries (verifiers see one entry, through their request). */
export function ownsEntry(viewer: Viewer, entry: { person_id: string; organisation_id: string }): boolean {
  return entry.person_id === viewer.id && entry.organisation_id === viewer.organisationId;
}

/** The colleague a request names answers it; nobody else. */
export function isNamedVerifier(viewer: Viewer, request: { verifier_person_id: string | null }): boolean {
  return request.verifier_person_id !== null && request.verifier_person_id === viewer.id;
}

/** Entries recorded by Waymark come from its own records: nobody needs to verify them. */
export function needsVerification(entry: { source: string }): boolean {
  return entry.source === 'own';
}
