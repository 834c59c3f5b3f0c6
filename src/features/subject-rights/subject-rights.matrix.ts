import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Subject access and erasure: organisation admins only (no one else, not even for themselves; an
// admin of another organisation finds none of this organisation's people, exports or erasures).
// `:personId` is the teacher; `:exportId` a ready export about them; `:erasureId` an erasure done;
// `:jobId` the finished erasure job that did it.
// The erase POST without a choice shows its errors (nothing erased).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /subject-rights', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /subject-rights/people', path: '/subject-rights/people?email=nobody%40example.org', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /subject-rights/people/:personId', expect: [S, F, F, F, F, A, N, F] },
  { route: 'POST /subject-rights/people/:personId/exports', expect: [S, F, F, F, F, A, N, F] },
  { route: 'GET /subject-rights/exports/:exportId/download', expect: [S, F, F, F, F, A, N, F] },
  { route: 'GET /subject-rights/people/:personId/erase', expect: [S, F, F, F, F, A, N, F] },
  { route: 'POST /subject-rights/people/:personId/erase', expect: [S, F, F, F, F, A, N, F] },
  { route: 'GET /subject-rights/erasure-jobs/:jobId', expect: [S, F, F, F, F, A, N, F] },
  { route: 'GET /subject-rights/erasures/:erasureId', expect: [S, F, F, F, F, A, N, F] },
];
