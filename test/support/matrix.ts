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
 * in the world holds it except as noted. The data protection officer (a ninth viewer, a row's `dpo`,
 * by default what `staff` gets) is a member of staff at school A with the data protection officer role.
 */
/// <reference types="vite/client" />
export { A, expected, F, N, S, leaverOutcome, viewers, type Outcome, type Row, type Viewer } from './matrix/outcomes';
import { A, type Row } from './matrix/outcomes';

//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
/** The platform's own routes (assets); every feature's rows are in its folder, `src/features/<name>/<name>.matrix.ts`. */
const platformRows: Row[] = [
  { route: 'GET /assets/app.css', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /assets/:file', path: '/assets/app.js', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /ready', expect: [A, A, A, A, A, A, A, A] },
];

const featureRows = import.meta.glob<{ matrixRows: Row[] }>('../../src/features/*/*.matrix.ts', { eager: true });

export const matrix: Row[] = [
  ...platformRows,
  ...Object.keys(featureRows)
    .sort()
    .flatMap((file) => featureRows[file]?.matrixRows ?? []),
];
