import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for mentoring (see outcomes.ts for the order of viewers). In the world (test/support/worlds/mentoring.ts)
// `staff` mentors the teacher (`:personId`, school A) for their enrolment: `:pairingId`, with a
// `:meetingId` the teacher recorded and an `:actionId`. Only the two of them open the pairing's log
// and meetings; programme leads and org admins see the pairing's summary (that meetings happened,
// never the notes); school A's admin manages the teacher's in-school coaches. Everyone has their own
// Mentoring page and profile. The data protection officer is in no pairing: the log is not theirs to
// find (`dpo`), and the role gives no view of it (the audit log records who read it).
//                                                                    anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /mentoring', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /mentoring/profile', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /mentoring/profile', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /people/:personId/mentoring', expect: [S, N, N, A, N, A, N, A] },
  { route: 'POST /people/:personId/mentoring', expect: [S, N, N, A, N, A, N, A] },
  { route: 'GET /mentoring/pairings/:pairingId', expect: [S, A, N, N, N, A, N, A], dpo: N },
  { route: 'POST /mentoring/pairings/:pairingId/meetings', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'POST /mentoring/pairings/:pairingId/end', expect: [S, N, N, F, N, A, N, A] },
  { route: 'POST /mentoring/pairings/:pairingId/sign-off', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'GET /mentoring/pairings/:pairingId/agreement', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'POST /mentoring/pairings/:pairingId/agreement', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'POST /mentoring/pairings/:pairingId/agreement/agree', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'GET /mentoring/pairings/:pairingId/review', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'POST /mentoring/pairings/:pairingId/review', expect: [S, A, N, N, N, F, N, F], dpo: N },
  { route: 'GET /mentoring/meetings/:meetingId', expect: [S, A, N, N, N, N, N, N], dpo: N },
  { route: 'POST /mentoring/meetings/:meetingId/confirm', expect: [S, A, N, N, N, N, N, N], dpo: N },
  { route: 'POST /mentoring/meetings/:meetingId/private-notes', expect: [S, A, N, N, N, N, N, N], dpo: N },
  { route: 'POST /mentoring/meetings/:meetingId/actions', expect: [S, A, N, N, N, N, N, N], dpo: N },
  { route: 'POST /mentoring/actions/:actionId/done', expect: [S, A, N, N, N, N, N, N], dpo: N },
];
