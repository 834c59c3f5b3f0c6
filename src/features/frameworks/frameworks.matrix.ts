import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Skills frameworks: organisation admins and programme leads only. `:versionId` is a draft.
// Removing what is already gone (a skill, a discarded draft) redirects as done, so the second viewer's POST is still 'allowed'.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /frameworks', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /frameworks/built-in', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /frameworks/new', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /frameworks', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /frameworks/import', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /frameworks/import', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /frameworks/:frameworkId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/drafts', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/export.json', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/export.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/publish', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/domains/new', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/domains', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/domains/:domainId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/domains/:domainId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/domains/:domainId/remove', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/skills/new', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/skills', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /frameworks/:frameworkId/versions/:versionId/skills/:skillId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/skills/:skillId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/skills/:skillId/remove', expect: [S, F, F, F, F, A, N, A] },
  // Last: discarding deletes the draft that the GET rows after a POST row would use.
  { route: 'POST /frameworks/:frameworkId/versions/:versionId/discard', expect: [S, F, F, F, F, A, N, A] },
];
