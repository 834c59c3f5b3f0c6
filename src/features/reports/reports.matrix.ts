import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Oversight and reports. `:personId` is a teacher at school A line managed by the line manager:
// their programmes and progress are for them, that line manager, school A's admins, organisation
// admins and programme leads (404 for anyone else). `:schoolId` is school A: its people on
// programmes are for its admins, organisation admins and programme leads (404 for another school's
// admin, 403 for those with no school to administer). My team is for anyone who manages people.
// Reports and downloads are for programme leads and organisation admins; a cohort of another
// organisation is not found.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /team', expect: [S, F, A, A, A, A, A, F] },
  { route: 'GET /people/:personId/programmes', expect: [S, N, A, A, N, A, N, A] },
  { route: 'GET /schools/:schoolId/programmes', expect: [S, F, F, A, N, A, N, A] },
  { route: 'GET /reports', expect: [S, F, F, F, F, A, A, A] },
  // Equality information and barriers only ever in aggregate, and only for programme leads and
  // organisation admins; the threshold is the organisation admins'.
  { route: 'GET /reports/diversity', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/diversity/:characteristic/export.csv', path: '/reports/diversity/ethnicity/export.csv', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/barriers', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/barriers/export.csv', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/skills', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/skills/export.csv', expect: [S, F, F, F, F, A, A, A] },
  // Attendance, mentoring and projects, and 360 feedback by cohort: programme leads and organisation
  // admins; 360 only pooled over a cohort, as the feedback feature's anonymity rules allow.
  { route: 'GET /reports/attendance', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/attendance/:table/export.csv', path: '/reports/attendance/by-cohort/export.csv', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/mentoring', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/mentoring/:table/export.csv', path: '/reports/mentoring/mentors/export.csv', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/feedback', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/feedback/:table/export.csv', path: '/reports/feedback/skills/export.csv', expect: [S, F, F, F, F, A, A, A] },
  // Progression: role changes after each programme, counted, for programme leads and organisation admins.
  { route: 'GET /reports/progression', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/progression/:table/export.csv', path: '/reports/progression/by-programme/export.csv', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/settings', expect: [S, F, F, F, F, A, A, F] },
  { route: 'POST /reports/settings', expect: [S, F, F, F, F, A, A, F] },
  { route: 'GET /reports/staff/export.csv', expect: [S, F, F, A, A, A, A, F] },
  { route: 'GET /reports/:table/export.csv', path: '/reports/pipeline/export.csv', expect: [S, F, F, F, F, A, A, A] },
  { route: 'GET /reports/cohorts/:cohortId/applications/export.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /reports/cohorts/:cohortId/roster/export.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /reports/cohorts/:cohortId/attendance/export.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /reports/cohorts/:cohortId/progress/export.csv', expect: [S, F, F, F, F, A, N, A] },
];
