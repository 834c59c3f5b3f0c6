import { A, S, type Row } from '../../../test/support/matrix/outcomes';

// Equality information: each person's own, and nobody else's. There is no route that shows another
// person's answers, to anyone (reports count them, with small numbers suppressed).
//                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /equality', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /equality', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /equality/remove', expect: [S, A, A, A, A, A, A, A] },
];
