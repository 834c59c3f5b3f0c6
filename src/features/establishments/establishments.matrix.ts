import { A, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for the school list (public data from the Department for Education): anyone signed in may search it.
//                                                             anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [{ route: 'GET /school-list', expect: [S, A, A, A, A, A, A, A], path: '/school-list?q=primary' }];
