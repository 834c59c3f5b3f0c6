import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Partner organisations' staff. `:cohortId` is the programme world's cohort, run by the world's own
// organisation and not opened to partners: nobody applies to it as a partner's cohort (404). The
// home organisation's view lists only the viewer's own organisation's staff (a school admin: their schools').
//                                                                             anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /partner-programmes', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /partner-programmes/:cohortId/apply', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /organisation/staff-on-partner-programmes', expect: [S, F, F, A, A, A, A, F] },
];
