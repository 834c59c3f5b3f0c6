import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Staff import. `:importId` is a previewed import uploaded by school A's admin. See test/support/matrix.ts for the viewers.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /import', expect: [S, F, F, A, A, A, A, F] },
  { route: 'POST /import', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /import/:importId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /import/:importId/mapping', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /import/:importId/mapping', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /import/:importId/discard', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /import/:importId/apply', expect: [S, F, F, A, N, A, N, F] },
];
