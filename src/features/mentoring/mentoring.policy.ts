import { adminSchoolIds, isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import type { PairingKind } from './mentoring.tables';

/**
 * Who may pair someone with a mentor or coach: programme leads and organisation admins, any kind;
 * a school admin, an in-school coach for someone at their school.
 */
export function canAssign(viewer: Viewer, kind: PairingKind, menteeSchoolId: string | null): boolean {
  if (isProgrammeLead(viewer)) return true;
  return kind === 'in_school_coach' && menteeSchoolId !== null && adminSchoolIds(viewer).includes(menteeSchoolId);
}

/** Whether the viewer may see someone's pairings and assign any: a programme lead, or a school admin of their school. */
export function canManagePairingsOf(viewer: Viewer, menteeSchoolId: string | null): boolean {
  return isProgrammeLead(viewer) || (menteeSchoolId !== null && adminSchoolIds(viewer).includes(menteeSchoolId));
}

/** The two people in a pairing. */
export function isInPairing(viewer: Viewer, pairing: { mentor_id: string; mentee_id: string }): boolean {
  return viewer.id === pairing.mentor_id || viewer.id === pairing.mentee_id;
}

/**
 * Leads (and the school admin for an in-school pair) see that meetings happened and the reviews,
 * never the notes: mentoring is developmental, not an assessment.
 */
export function canSeeSummary(viewer: Viewer, pairing: { kind: PairingKind; mentee_school_id: string | null }): boolean {
  return isProgrammeLead(viewer) || (pairing.kind === 'in_school_coach' && canManagePairingsOf(viewer, pairing.mentee_school_id));
}
