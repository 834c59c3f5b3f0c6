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
  // The issuer's DID documents and revocation list, and checking a credential file: public.
  { route: 'GET /.well-known/did.json', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /issuers/:organisationId/did.json', path: '/issuers/:issuerId/did.json', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /issuers/:organisationId/status-list', path: '/issuers/:issuerId/status-list', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/check', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /certificates/check', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/:code/credential.json', expect: [A, A, A, A, A, A, A, A] },
  // Only organisation admins see and replace their organisation's signing key.
  { route: 'GET /certificates/signing-key', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /certificates/signing-key', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /certificates/:code', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/:code/certificate.pdf', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /certificates/:code/revoke', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /certificates/:code/revoke', expect: [S, F, F, F, F, A, N, A] },
];
