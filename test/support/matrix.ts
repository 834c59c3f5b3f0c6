import { cohortRows } from './matrix/cohorts';
import { enrolmentRows } from './matrix/enrolments';
import { frameworkRows } from './matrix/frameworks';
import { programmeRows } from './matrix/programmes';
import { notificationRows } from './matrix/notifications';
import { sessionRows } from './matrix/sessions';
import { selfAssessmentRows } from './matrix/self-assessment';
import { feedbackRows } from './matrix/feedback';

// The authorisation matrix: every route and who may use it. The matrix test walks it with every
// kind of viewer; the browser suite visits every page it lists.

/**
 * Every route, and what each kind of person gets from it:
 * - `allowed`: reached the page or action (any status but the ones below; a 400 for an empty form counts)
 * - `sign-in`: sent to the sign-in page
 * - `forbidden`: 403
 * - `not-found`: 404 (also used when a record exists but isn't the viewer's to know about)
 *
 * Path parameters name records in the test world: `:personId` is a teacher at school A who is
 * line managed by the line manager; `:schoolId` is school A; `:grantId` is a role that teacher
 * holds; `:signInId` is one of that teacher's sign-in sessions; `:token` is a link token nobody holds;
 * `:importId` is a previewed staff import uploaded by school A's admin.
 *
 * The programme world (test/support/programme-world.ts) adds: `:frameworkId` and its draft
 * `:versionId` (with `:domainId`, `:skillId`); `:pathwayId`; `:programmeId` (open, modular, led by
 * the programme lead) with `:moduleId`; `:cohortId` (applications open); `:applicationId`, the
 * teacher's application to it, waiting for the line manager's `:endorsementId`; and
 * `:enrolmentId`, the same teacher's active enrolment in an earlier cohort.
 *
 * The programme lead is a member of staff at school B with the programme lead role; nobody else
 * in the world holds it except as noted.
 */
export { A, F, N, S, viewers, type Outcome, type Row, type Viewer } from './matrix/outcomes';
import { A, F, N, S, type Row } from './matrix/outcomes';

//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
const foundation: Row[] = [
  { route: 'GET /assets/app.css', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /assets/:file', path: '/assets/app.js', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /accessibility', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /privacy', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /health', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /sign-in', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-in', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-out', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /sign-in/link', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-in/link', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /password-reset', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /password-reset', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /sign-in/link/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /sign-in/link/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /password-reset/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /password-reset/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /invitation/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /invitation/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /account', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /account/sessions/:signInId/end', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /dev/mail', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /schools', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /schools/new', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /schools', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /schools/:schoolId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /schools/:schoolId/edit', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /schools/:schoolId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /staff', expect: [S, F, A, A, A, A, A, F] },
  { route: 'GET /staff/new', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /staff/invitations', expect: [S, F, F, A, A, A, A, F] },
  { route: 'POST /staff/invitations', expect: [S, F, F, A, A, A, A, F] },
  { route: 'POST /staff', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /staff/:personId', expect: [S, N, A, A, N, A, N, N] },
  { route: 'GET /staff/:personId/edit', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /staff/:personId/deactivate', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/deactivate', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/reactivate', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/invite', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/roles', expect: [S, F, F, F, F, A, N, F] },
  { route: 'POST /staff/:personId/roles/:grantId/remove', expect: [S, F, F, F, F, A, N, F] },
  { route: 'GET /import', expect: [S, F, F, A, A, A, A, F] },
  { route: 'POST /import', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /import/:importId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /import/:importId/mapping', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /import/:importId/mapping', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /import/:importId/discard', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /import/:importId/apply', expect: [S, F, F, A, N, A, N, F] },
];

export const matrix: Row[] = [...foundation, ...frameworkRows, ...programmeRows, ...cohortRows, ...enrolmentRows, ...notificationRows, ...sessionRows, ...selfAssessmentRows, ...feedbackRows];
