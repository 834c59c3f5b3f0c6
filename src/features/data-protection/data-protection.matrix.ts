import { A, F, S, type Row } from '../../../test/support/matrix/outcomes';

// Rows for data protection (see outcomes.ts for the order of viewers). Organisation admins, and the
// data protection officer (`dpo`), see their own organisation's audit log, retention and record of
// processing; only admins change periods. The other organisation's admin reaches the pages but sees
// only their own organisation. The privacy notice is public.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /data-protection', expect: [S, F, F, F, F, A, A, F], dpo: A },
  { route: 'GET /data-protection/audit-log', expect: [S, F, F, F, F, A, A, F], dpo: A },
  { route: 'GET /data-protection/audit-log.csv', expect: [S, F, F, F, F, A, A, F], dpo: A },
  { route: 'GET /data-protection/retention', expect: [S, F, F, F, F, A, A, F], dpo: A },
  { route: 'POST /data-protection/retention', expect: [S, F, F, F, F, A, A, F], dpo: F },
  { route: 'GET /data-protection/record-of-processing.csv', expect: [S, F, F, F, F, A, A, F], dpo: A },
  { route: 'GET /privacy', expect: [A, A, A, A, A, A, A, A] },
];
