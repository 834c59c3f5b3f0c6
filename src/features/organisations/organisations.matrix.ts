import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Schools. `:schoolId` is school A. See test/support/matrix.ts for the viewers.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /schools', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /schools/new', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /schools', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /schools/:schoolId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /schools/:schoolId/edit', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /schools/:schoolId', expect: [S, F, F, A, N, A, N, F] },
];
