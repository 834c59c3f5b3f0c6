import type { Row } from './outcomes';

// Rows for the self-assessment feature's routes (see outcomes.ts for the order of viewers).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const selfAssessmentRows: Row[] = [];
