import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Single sign-on. Starting a sign-in names a connection nobody set up (a real one would reach out to
// Microsoft); the callback without a sign-in in progress shows the refusal page. The organisation
// has a Microsoft set-up (test/support/worlds/single-sign-on.ts); the other organisation none.
// Linked accounts: everyone signed in sees their own; `:accountId` is the teacher's (`:personId`), so
// nobody else unlinks it through their own page, and only the organisation's admin through theirs.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'POST /sign-in/sso/:connectionId', path: '/sign-in/sso/0190aaaa-0000-7000-8000-000000000000', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /sign-in/sso/callback', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /organisation/single-sign-on', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /organisation/single-sign-on/microsoft', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /organisation/single-sign-on/google', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /organisation/single-sign-on/microsoft/remove', expect: [S, F, F, F, F, A, N, F] },
  { route: 'POST /organisation/single-sign-on/google/remove', expect: [S, F, F, F, F, N, N, F] },
  { route: 'POST /organisation/single-sign-on/passwords', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /account/linked-accounts', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /account/linked-accounts/:accountId/unlink', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /organisation/single-sign-on/people/:personId', expect: [S, F, F, F, F, A, N, F] },
  { route: 'POST /organisation/single-sign-on/people/:personId/accounts/:accountId/unlink', expect: [S, F, F, F, F, A, N, F] },
];
