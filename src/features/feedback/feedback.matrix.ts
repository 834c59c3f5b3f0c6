import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// 360 feedback. `:roundId` is the teacher's open round on their enrolment, shared with their line
// manager: only the teacher runs it (none of the viewers is the teacher, so every round page is a
// 404), and only the teacher and the line manager they shared it with read the report — not admins,
// not the programme lead. `:respondentToken` is a live respondent link and `:classToken` an open
// class link: anyone holding them opens that one form (and nothing else: a link gives no session).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /feedback', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /feedback/new', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /feedback', expect: [S, A, A, A, A, A, A, A] },
  // Outside addresses awaiting approval: anyone signed in sees the ones they may approve (often none);
  // `:respondentId` is an outside address in the teacher's round, which the teacher's line manager and a
  // programme lead (an organisation admin is one) may approve or refuse, and nobody else, the teacher included.
  { route: 'GET /feedback/approvals', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /feedback/approvals/:respondentId', expect: [S, N, A, N, N, A, N, A] },
  // A programme's pupil questions: programme leads (an organisation admin is one) of the programme's
  // organisation; other staff are refused, and the programme is not found from another organisation.
  { route: 'GET /feedback/programmes/:programmeId/pupil-questions', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /feedback/programmes/:programmeId/pupil-questions', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /feedback/:roundId', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /feedback/:roundId/respondents', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /feedback/:roundId/colleagues', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /feedback/:roundId/self', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /feedback/:roundId/self', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /feedback/:roundId/class-link', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /feedback/:roundId/close', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /feedback/:roundId/close', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /feedback/:roundId/sharing', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /feedback/:roundId/report', expect: [S, N, A, N, N, N, N, N] },
  { route: 'GET /feedback/:roundId/report.pdf', expect: [S, N, A, N, N, N, N, N] },
  { route: 'GET /feedback/respond/:respondentToken', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /feedback/respond/:respondentToken', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /feedback/respond/:respondentToken/decline', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /feedback/class/:classToken', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /feedback/class/:classToken', expect: [A, A, A, A, A, A, A, A] },
];
