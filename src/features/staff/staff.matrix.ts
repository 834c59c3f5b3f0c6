import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// The staff directory and records. `:personId` is a teacher at school A, line managed by the line manager; `:grantId` is a role
// that teacher holds. See test/support/matrix.ts for the viewers.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /staff', expect: [S, F, A, A, A, A, A, F] },
  // The directory's download: admins only (school admins get their schools' staff).
  { route: 'GET /staff.csv', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /staff/new', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /staff/invitations', expect: [S, F, F, A, A, A, A, F] },
  { route: 'POST /staff/invitations', expect: [S, F, F, A, A, A, A, F] },
  { route: 'POST /staff', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /staff/:personId', expect: [S, N, A, A, N, A, N, N] },
  { route: 'GET /staff/:personId/edit', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId', expect: [S, F, F, A, N, A, N, F] },
  { route: 'GET /staff/:personId/deactivate', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/deactivate', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/reactivate', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/invite', expect: [S, F, F, A, N, A, N, F] },
  { route: 'POST /staff/:personId/roles', expect: [S, F, F, F, F, A, N, F] },
  { route: 'POST /staff/:personId/roles/:grantId/remove', expect: [S, F, F, F, F, A, N, F] },
];
