import type { Row } from './outcomes';

// Rows for the feedback feature's routes (see outcomes.ts for the order of viewers).
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const feedbackRows: Row[] = [];
