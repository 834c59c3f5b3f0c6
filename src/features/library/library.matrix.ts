import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// The shared library: organisation admins and programme leads of any organisation. `:sharedItemId`
// is a framework the test organisation shares; `:withdrawnItemId` one it withdrew, which another
// organisation's admin is told does not exist. Only the sharing organisation withdraws.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /library', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /library/share', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /library', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /library/:sharedItemId', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /library/:sharedItemId', path: '/library/:withdrawnItemId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /library/:sharedItemId/copy', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /library/:sharedItemId/copy', path: '/library/:withdrawnItemId/copy', expect: [S, F, F, F, F, N, N, N] },
  { route: 'POST /library/:sharedItemId/withdraw', expect: [S, F, F, F, F, A, N, A] },
];
