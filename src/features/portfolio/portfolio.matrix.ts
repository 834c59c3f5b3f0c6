import { A, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for the portfolio (see outcomes.ts for the order of viewers). In the world
// (test/support/worlds/portfolio.ts) the teacher (`:personId`, not a matrix viewer) has an entry
// (`:entryId`) with a PDF attached (`:attachmentId`), and has asked their line manager to verify it
// (`:verificationId`) and someone outside Waymark by email (`:verifyToken`, the token in that link).
// A portfolio is its owner's alone: everyone else gets "not found" for its entries, programme leads
// and admins included. Only the named colleague opens their request; the emailed link opens that
// one entry for anyone who holds it, signed in or not, and nothing else.
//                                                                              anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /portfolio', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /portfolio/new', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /portfolio/new', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /portfolio/entries/:entryId', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /portfolio/entries/:entryId/edit', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /portfolio/entries/:entryId/edit', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /portfolio/entries/:entryId/remove', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /portfolio/entries/:entryId/remove', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /portfolio/entries/:entryId/attachments/new', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /portfolio/entries/:entryId/attachments', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /portfolio/entries/:entryId/attachments/:attachmentId', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /portfolio/entries/:entryId/attachments/:attachmentId/remove', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /portfolio/entries/:entryId/verification', expect: [S, N, N, N, N, N, N, N] },
  { route: 'POST /portfolio/entries/:entryId/verification', expect: [S, N, N, N, N, N, N, N] },
  { route: 'GET /portfolio/verifications/:verificationId', expect: [S, N, A, N, N, N, N, N] },
  { route: 'POST /portfolio/verifications/:verificationId', expect: [S, N, A, N, N, N, N, N] },
  { route: 'GET /portfolio/verifications/:verificationId/attachments/:attachmentId', expect: [S, N, A, N, N, N, N, N] },
  { route: 'GET /portfolio/verify/:verifyToken', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /portfolio/verify/:verifyToken/attachments/:attachmentId', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /portfolio/verify/:verifyToken', expect: [A, A, A, A, A, A, A, A] },
];
