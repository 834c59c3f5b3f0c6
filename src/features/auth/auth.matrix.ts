import { A, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Signing in and out, links sent by email (`:token` is a token nobody holds) and the account page (`:signInId` is one of the
// teacher's sign-in sessions). See test/support/matrix.ts for the viewers.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /sign-in', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-in', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-out', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /sign-in/link', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-in/link', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /password-reset', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /password-reset', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /sign-in/link/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /sign-in/link/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /password-reset/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /password-reset/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /invitation/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /invitation/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /account', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'POST /account/sessions/:signInId/end', expect: [S, N, N, N, N, N, N, N] },
  // The personal account: its email and TRN (the leaver's own too), links sent to a personal address, and signing in to it.
  { route: 'GET /account/personal', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'POST /account/personal', expect: [S, A, A, A, A, A, A, A], leaver: A },
  { route: 'GET /account/confirm/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /account/confirm/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /account/link/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /account/link/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /sign-in/personal', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /sign-in/personal', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /sign-in/personal/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /sign-in/personal/:token', expect: [N, N, N, N, N, N, N, N] },
];
