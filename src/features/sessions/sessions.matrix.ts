import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for the sessions feature's routes (see outcomes.ts for the order of viewers).
// Sessions and events (sessions-core). `:sessionId` is a session of the teacher's cohort facilitated
// by the line manager (test/support/worlds/sessions.ts): organisation admins, programme leads and its
// facilitator see it and manage its materials; other staff get 404. Only admins and leads create,
// change and cancel sessions. `:eventId` is an open event: anyone in the organisation sees and books it.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /cohorts/:cohortId/sessions', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/sessions/new', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/sessions', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /events', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /events/new', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /events', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /sessions', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /sessions/:sessionId', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /sessions/:sessionId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /sessions/:sessionId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /sessions/:sessionId/cancel', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /sessions/:sessionId/cancel', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /sessions/:sessionId/book', path: '/sessions/:eventId/book', expect: [S, A, A, A, A, A, N, A] },
  { route: 'POST /sessions/:sessionId/booking/cancel', path: '/sessions/:eventId/booking/cancel', expect: [S, A, A, A, A, A, N, A] },
  { route: 'GET /sessions/:sessionId/materials/new', expect: [S, N, A, N, N, A, N, A] },
  { route: 'POST /sessions/:sessionId/materials', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /sessions/:sessionId/materials/:materialId', expect: [S, N, A, N, N, A, N, A] },
  { route: 'POST /sessions/:sessionId/materials/:materialId/remove', expect: [S, N, A, N, N, A, N, A] },
  // ----- attendance-calendars rows below this line -----
  // Attendance, check-in and calendars. The register and the check-in code are for the session's
  // facilitator (the line manager) and leads; others who can see it get 403, the rest 404. Anyone who
  // can see the session may open check-in (those not expected at it are told so, 409 on POST).
  // `:calendarToken` is the teacher's feed: the address alone is the key, so everyone gets it.
  { route: 'GET /sessions/:sessionId/register', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /sessions/:sessionId/register.csv', expect: [S, N, A, N, N, A, N, A] },
  { route: 'POST /sessions/:sessionId/register', expect: [S, N, A, N, N, A, N, A] },
  { route: 'POST /sessions/:sessionId/register/all-present', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /sessions/:sessionId/check-in-code', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /sessions/:sessionId/check-in', expect: [S, N, A, N, N, A, N, A] },
  { route: 'POST /sessions/:sessionId/check-in', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /sessions/:sessionId/calendar.ics', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /calendar', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /calendar/reset', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /calendar/:calendarToken{[A-Za-z0-9_-]+\\.ics}', path: '/calendar/:calendarToken.ics', expect: [A, A, A, A, A, A, A, A] },
];
