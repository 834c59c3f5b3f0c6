import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Graduation. `:graduationEventId` is a graduation ceremony of the organisation celebrating the
// teacher's earlier cohort, where nobody has completed yet: only programme leads and organisation
// admins of the organisation see its programme and change it (another organisation's admin 404).
// Graduates and their line managers also see the programme (covered by the feature's own tests).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
const programme = '/graduations/:graduationEventId';
export const matrixRows: Row[] = [
  { route: 'GET /graduations', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /graduations/:eventId', path: programme, expect: [S, N, N, N, N, A, N, A] },
  { route: 'GET /graduations/:eventId/edit', path: `${programme}/edit`, expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /graduations/:eventId/edit', path: `${programme}/edit`, expect: [S, F, F, F, F, A, N, A] },
];
