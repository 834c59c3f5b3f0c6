import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Enrolments. `:enrolmentId` is the teacher's: they, their line manager, their school's admin,
// organisation admins and programme leads see it; only the participant works on it; only leads
// change its status or sign it off.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /my-programme', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /cohorts/:cohortId/roster', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/roster.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/members', expect: [S, N, N, N, N, A, N, A] },
  { route: 'GET /enrolments/:enrolmentId', expect: [S, N, A, A, N, A, N, A] },
  { route: 'GET /enrolments/:enrolmentId/modules', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /enrolments/:enrolmentId/modules', expect: [S, N, F, F, N, F, N, F] },
  { route: 'GET /enrolments/:enrolmentId/modules/:moduleId/complete', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /enrolments/:enrolmentId/modules/:moduleId/complete', expect: [S, N, F, F, N, F, N, F] },
  { route: 'GET /enrolments/:enrolmentId/withdraw', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /enrolments/:enrolmentId/withdraw', expect: [S, N, F, F, N, F, N, F] },
  { route: 'GET /enrolments/:enrolmentId/status', expect: [S, N, F, F, N, A, N, A] },
  { route: 'POST /enrolments/:enrolmentId/status', expect: [S, N, F, F, N, A, N, A] },
  { route: 'POST /enrolments/:enrolmentId/sign-off', expect: [S, N, F, F, N, A, N, A] },
];
