import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Pathways and programmes. Everyone signed in sees the catalogue and an open programme's page;
// organisation admins and programme leads design them; people managers recommend colleagues.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /pathways', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /pathways/new', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /pathways', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /pathways/:pathwayId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /pathways/:pathwayId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /pathways/:pathwayId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /pathways/:pathwayId/stages', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /pathways/:pathwayId/stages/:programmeId/move', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /pathways/:pathwayId/stages/:programmeId/remove', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /programmes', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /programmes/is-this-for-me', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /programmes/new', expect: [S, F, F, F, F, A, A, A] },
  { route: 'POST /programmes', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /programmes/:programmeId', expect: [S, A, A, A, A, A, N, A] },
  { route: 'GET /programmes/:programmeId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /programmes/:programmeId/requirements', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/requirements', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /programmes/:programmeId/skills', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/skills', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /programmes/:programmeId/modules', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/modules', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/modules/:moduleId/remove', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /programmes/:programmeId/recommend', expect: [S, F, A, A, A, A, N, F] },
  { route: 'POST /programmes/:programmeId/recommend', expect: [S, F, A, A, A, A, N, F] },
];
