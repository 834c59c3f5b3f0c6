import { A, type Row } from '../../../test/support/matrix/outcomes';

// The development mail page: open to anyone outside production when no mail server is set up.
//                                                     anon staff  lm  adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [{ route: 'GET /dev/mail', expect: [A, A, A, A, A, A, A, A] }];
