import { F, N, S, A, type Row } from '../../../test/support/matrix/outcomes';

// Messages to a round's applicants: organisation admins and programme leads of the cohort's organisation; another organisation's admin is told the cohort does not exist.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /cohorts/:cohortId/messages', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/messages/preview', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/messages', expect: [S, F, F, F, F, A, N, A] },
];
