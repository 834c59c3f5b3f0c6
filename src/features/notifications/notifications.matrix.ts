import { A, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Notifications. Everyone signed in has an inbox and settings of their own. `:notificationId` is
// a notification of the teacher's (world.report, none of the viewers): nobody else may open it,
// not even an admin.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /notifications', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /notifications/read-all', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /notifications/:notificationId/read', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /notifications/settings', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /notifications/settings', expect: [S, A, A, A, A, A, A, A] },
];
