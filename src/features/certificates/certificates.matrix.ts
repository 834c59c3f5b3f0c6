import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Certificates. `:completionCohortId` is the cohort of the teacher's enrolment (`:enrolmentId`, not
// yet met its requirements); only programme leads and organisation admins of the organisation
// confirm completion or record an exception (others 403; another organisation's admin 404).
// `:code` is a certificate issued to the teacher: anyone checks it without signing in; only a
// programme lead of the issuing organisation revokes it.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
const exception = '/cohorts/:completionCohortId/completion/:enrolmentId/exception';
export const matrixRows: Row[] = [
  { route: 'GET /cohorts/:cohortId/completion', path: '/cohorts/:completionCohortId/completion', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/completion', path: '/cohorts/:completionCohortId/completion', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/completion/:enrolmentId/exception', path: exception, expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/completion/:enrolmentId/exception', path: exception, expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /certificates', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/:code', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/:code/certificate.pdf', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/:code/revoke', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /certificates/:code/revoke', expect: [S, F, F, F, F, A, N, A] },
];
