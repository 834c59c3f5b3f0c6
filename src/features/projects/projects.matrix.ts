import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for the projects feature's routes (see outcomes.ts for the order of viewers). `:projectId` is
// the teacher's project on their enrolment, submitted for assessment, with a measure (`:measureId`)
// and a milestone (`:milestoneId`); the teacher's line manager confirmed it. Only the participant
// (not a matrix viewer), their line manager, their coach, a named assessor and programme leads or
// organisation admins see it — never other staff or school admins (404). Only the participant
// changes it (others who can see it get 403); only the line manager confirms it (409 here: it has
// started) and comments; only a lead or the assessor assesses it.
//                                                                        anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /projects', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /projects/new', expect: [S, A, A, A, A, A, A, A] },
  { route: 'POST /projects/new', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /projects/:projectId', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /projects/:projectId/summary.pdf', expect: [S, N, A, N, N, A, N, A] },
  { route: 'GET /projects/:projectId/edit', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/edit', expect: [S, N, F, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/measures/new', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/measures/new', expect: [S, N, F, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/measures/:measureId', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/measures/:measureId', expect: [S, N, F, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/measures/:measureId/outcomes', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/measures/:measureId/outcomes', expect: [S, N, F, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/milestones/new', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/milestones/new', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/milestones/:milestoneId', expect: [S, N, F, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/updates/new', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/updates/new', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/comments', expect: [S, N, A, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/confirm', expect: [S, N, A, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/discard', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/discard', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/assessor', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /projects/:projectId/submit', expect: [S, N, F, N, N, F, N, F] },
  { route: 'POST /projects/:projectId/submit', expect: [S, N, F, N, N, F, N, F] },
  { route: 'GET /projects/:projectId/assess', expect: [S, N, F, N, N, A, N, A] },
  { route: 'POST /projects/:projectId/assess', expect: [S, N, F, N, N, A, N, A] },
];
