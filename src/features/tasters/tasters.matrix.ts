import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Public tasters. `:sessionId` is a session of the world's organisation that is not a public
// taster: its leads open its settings (another organisation's admin gets 404); its public page and
// sign-up are 404 for everyone. `:token` is a link nobody holds (the page says the link does not work).
//                                                                                anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /sessions/:sessionId/public-taster', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /sessions/:sessionId/public-taster', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /sessions/:sessionId/public-taster/sign-ups.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /tasters', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /tasters/:sessionId', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /tasters/:sessionId', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /taster-sign-ups/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /taster-sign-ups/:token', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /taster-sign-ups/:token/calendar.ics', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /taster-sign-ups/:token/cancel', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /taster-sign-ups/:token/cancel', expect: [N, N, N, N, N, N, N, N] },
];
