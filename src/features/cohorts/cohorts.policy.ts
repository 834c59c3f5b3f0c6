import { adminSchoolIds, isOrgAdmin, isProgrammeLead } from '../../platform/http/access';
import type { Viewer } from '../../platform/http/env';
import type { EndorsementKind } from './cohorts.tables';

/** What the policy needs to know about an application and its applicant. */
export interface ApplicationFacts {
  organisation_id: string;
  person_id: string;
  /** The applicant's school when they applied. */
  school_id: string | null;
  /** The applicant's line manager now. */
  applicant_line_manager_id: string | null;
  /** The applicant's own organisation: another one when they applied to a partner's programme (the provider's is `organisation_id`). */
  applicant_organisation_id?: string;
}

/**
 * How the viewer relates to an application:
 * - `applicant`: it is theirs; they fill it in, submit and withdraw it
 * - `reviewer`: they may read it (their line manager or one who was asked, an admin of the
 *   applicant's school, organisation admins and programme leads)
 * - `none`: they may not know it exists (404)
 */
export function applicationAccess(viewer: Viewer, app: ApplicationFacts, endorserIds: readonly (string | null)[] = []): 'applicant' | 'reviewer' | 'none' {
  // The provider's people (leads) and the applicant's home organisation's people (line manager,
  // school admins) see it; for an application to the applicant's own organisation they are the same.
  const provider = app.organisation_id === viewer.organisationId;
  const home = (app.applicant_organisation_id ?? app.organisation_id) === viewer.organisationId;
  if (!provider && !home) return 'none';
  if (app.person_id === viewer.id) return 'applicant';
  if (provider && isProgrammeLead(viewer)) return 'reviewer';
  if (!home) return 'none';
  if (app.applicant_line_manager_id === viewer.id || endorserIds.includes(viewer.id)) return 'reviewer';
  if (app.school_id !== null && adminSchoolIds(viewer).includes(app.school_id)) return 'reviewer';
  return 'none';
}

/** Organisation admins and programme leads decide, never on their own application. */
export function canDecide(viewer: Viewer, app: ApplicationFacts): boolean {
  return app.organisation_id === viewer.organisationId && isProgrammeLead(viewer) && app.person_id !== viewer.id;
}

/** Cohorts are run by organisation admins and programme leads of the cohort's organisation. */
export function canManageCohorts(viewer: Viewer, organisationId: string): boolean {
  return viewer.organisationId === organisationId && isProgrammeLead(viewer);
}

/**
 * Who may answer an endorsement in the app: the line manager named on it; for the headteacher's
 * support, any admin of the applicant's school, or an admin of the applicant's own organisation when
 * there is no school or the school has no admin. Nobody, when the headteacher of a school not on
 * Waymark was asked by email link (`endorser_email`): only the link answers that.
 */
export function canAnswerEndorsement(
  viewer: Viewer,
  endorsement: { kind: EndorsementKind; endorser_id: string | null; school_id: string | null; endorser_email?: string | null },
  schoolHasAdmin: boolean,
  /** The applicant's own organisation: only its admins stand in for a headteacher. */
  applicantOrganisationId: string = viewer.organisationId,
): boolean {
  if (endorsement.endorser_email) return false;
  if (endorsement.kind === 'line_manager') return endorsement.endorser_id === viewer.id;
  if (endorsement.school_id !== null && adminSchoolIds(viewer).includes(endorsement.school_id)) return true;
  return isOrgAdmin(viewer) && applicantOrganisationId === viewer.organisationId && (endorsement.school_id === null || !schoolHasAdmin);
}

/** Where today falls against a cohort's application window (whole days in Europe/London). */
export function windowState(cohort: { applications_open_on: string; applications_close_on: string }, today: string): 'before' | 'open' | 'after' {
  if (today < cohort.applications_open_on) return 'before';
  if (today > cohort.applications_close_on) return 'after';
  return 'open';
}
