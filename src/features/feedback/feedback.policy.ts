import type { Viewer } from '../../platform/http/env';

interface RoundFacts {
  organisation_id: string;
  person_id: string;
}

/** Only the participant runs their round: respondents, class link, self-rating, closing, sharing. */
export function isRoundOwner(viewer: Viewer, round: RoundFacts): boolean {
  return round.organisation_id === viewer.organisationId && round.person_id === viewer.id;
}

/**
 * The report: the participant, and those they share it with (their coach, their line manager).
 * Nobody else, whatever their role: programme leads see completion through the programme's requirements.
 */
export function canReadReport(viewer: Viewer, round: RoundFacts, sharedWith: readonly string[]): boolean {
  if (round.organisation_id !== viewer.organisationId) return false;
  return round.person_id === viewer.id || sharedWith.includes(viewer.id);
}
