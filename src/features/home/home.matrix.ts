import { A, S, type Row } from '../../../test/support/matrix/outcomes';

// The home page and the public information pages. See test/support/matrix.ts for the viewers and the records path parameters name.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  // A leaver signed in to their personal account is taken to their own record.
  { route: 'GET /', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'GET /accessibility', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /health', expect: [A, A, A, A, A, A, A, A] },
];
