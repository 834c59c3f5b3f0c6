import { A, S, type Row } from '../../../test/support/matrix/outcomes';

// The home page and the public information pages. See test/support/matrix.ts for the viewers and the records path parameters name.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /accessibility', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /health', expect: [A, A, A, A, A, A, A, A] },
];
