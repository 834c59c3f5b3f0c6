import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for the self-assessment feature's routes (see outcomes.ts for the order of viewers).
// `:enrolmentId` is the teacher's, with a submitted baseline (`:checkpoint` = baseline; `:skillDomainId`
// is the domain of its skills). Only the
// participant, their coach, programme leads and organisation admins see it — not their line
// manager or school admin (404, unlike the enrolment page); only the participant fills it in.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /programmes/:programmeId/self-assessment', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/self-assessment', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /enrolments/:enrolmentId/self-assessment', expect: [S, N, N, N, N, A, N, A] },
  { route: 'GET /enrolments/:enrolmentId/self-assessment/:checkpoint', expect: [S, N, N, N, N, A, N, A] },
  { route: 'POST /enrolments/:enrolmentId/self-assessment/:checkpoint', expect: [S, N, N, N, N, F, N, F] },
  { route: 'GET /enrolments/:enrolmentId/self-assessment/:checkpoint/:skillDomainId', expect: [S, N, N, N, N, A, N, A] },
  { route: 'POST /enrolments/:enrolmentId/self-assessment/:checkpoint/:skillDomainId', expect: [S, N, N, N, N, F, N, F] },
  // An evidence file of the submitted baseline: whoever may read the checkpoint.
  { route: 'GET /enrolments/:enrolmentId/self-assessment/:checkpoint/evidence/:evidenceId', expect: [S, N, N, N, N, A, N, A] },
];
