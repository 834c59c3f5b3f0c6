import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for providers and partner schools. `:programmeId` is the programme world's programme, led by
// the programme lead of the world's organisation (the other organisation's admin gets 404). The open
// programmes list and the sign-up page are public; `:cohortId` is not open to any school, so its
// sign-up page is 404 for everyone, and `:token` is a link nobody holds (its page says the link does not work).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /programmes/:programmeId/opening', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/opening', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /open-programmes', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /open-programmes/:cohortId', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /open-programmes/:cohortId', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /join/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /join/:token', expect: [N, N, N, N, N, N, N, N] },
  // Only an outside applicant changes their own school and role; nobody in the world joined from outside, so 404 for all.
  { route: 'GET /account/school-and-role', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /account/school-and-role', expect: [S, N, N, N, N, N, N, N] },
];
