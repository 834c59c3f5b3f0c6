import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for careers (see outcomes.ts for the order of viewers). In the world (test/support/worlds/careers.ts)
// the teacher (`:personId`, school A) shares an aspiration with their line manager and has a
// `:conversationId` with them, with a `:nextStepId` of their own; the line manager posted an
// `:opportunityId` in which the member of staff expressed interest (`:interestId`); `:roleId` is a
// role on the organisation's role map and `:itemId` an entry in its development directory. Only the two people in a conversation see it — not admins,
// not programme leads; only the poster decides on interest (the member of staff who is interested is
// refused, the data protection officer, unconnected, finds nothing: `dpo`).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /careers', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /careers/aspiration', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /careers/aspiration', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /people/:personId/careers', expect: [S, N, A, N, N, N, N, N] },
  { route: 'POST /people/:personId/careers/conversations', expect: [S, N, A, N, N, N, N, N] },
  { route: 'GET /careers/conversations/:conversationId', expect: [S, N, A, N, N, N, N, N] },
  { route: 'POST /careers/conversations/:conversationId/confirm', expect: [S, N, F, N, N, N, N, N] },
  { route: 'POST /careers/conversations/:conversationId/actions', expect: [S, N, A, N, N, N, N, N] },
  { route: 'POST /careers/next-steps/:nextStepId/done', expect: [S, N, A, N, N, N, N, N] },
  { route: 'GET /careers/roles', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /careers/roles/new', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /careers/roles', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /careers/roles/:roleId', expect: [S, A, A, A, A, A, N, A] },
  { route: 'GET /careers/roles/:roleId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /careers/roles/:roleId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /careers/opportunities', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /careers/opportunities/new', expect: [S, F, A, A, A, A, A, A] },
  { route: 'POST /careers/opportunities', expect: [S, F, A, A, A, A, A, A] },
  { route: 'GET /careers/opportunities/:opportunityId', expect: [S, A, A, A, A, A, N, A] },
  { route: 'POST /careers/opportunities/:opportunityId/interest', expect: [S, A, A, A, A, A, N, A] },
  { route: 'POST /careers/interests/:interestId/choose', expect: [S, F, A, N, N, N, N, N], dpo: N },
  { route: 'POST /careers/interests/:interestId/decline', expect: [S, F, A, N, N, N, N, N], dpo: N },
  { route: 'POST /careers/interests/:interestId/complete', expect: [S, F, A, N, N, N, N, N], dpo: N },
  { route: 'GET /careers/directory', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /careers/directory/new', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /careers/directory', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /careers/directory/:itemId', expect: [S, A, A, A, A, A, N, A] },
  { route: 'POST /careers/directory/:itemId/mark', expect: [S, A, A, A, A, A, N, A] },
  { route: 'GET /careers/directory/:itemId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /careers/directory/:itemId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /careers/vacancies', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /careers/vacancies/settings', expect: [S, A, A, A, A, A, A, A] },
];
