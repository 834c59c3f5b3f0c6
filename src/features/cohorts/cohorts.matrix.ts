import { A, F, N, S, type Row } from '../../../test/support/matrix/outcomes';

// Cohorts, applications and endorsements. `:applicationId` is the teacher's (line managed by the
// line manager, at school A); an applicant never sees another's application, a line manager sees
// only their reports', another school's admin sees nothing. Those who may see an application but
// not change it get 403 on the applicant's pages; everyone else 404.
//                                                                          anon staff lm adminHere adminOther org otherOrg lead
export const matrixRows: Row[] = [
  { route: 'GET /programmes/:programmeId/cohorts/new', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /programmes/:programmeId/cohorts', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/edit', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/applications', expect: [S, F, F, F, F, A, N, A] },
  { route: 'GET /cohorts/:cohortId/applications.csv', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/applications/accept', expect: [S, F, F, F, F, A, N, A] },
  { route: 'POST /cohorts/:cohortId/apply', expect: [S, A, A, A, A, A, N, A] },
  { route: 'GET /applications', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /applications/:applicationId', expect: [S, N, A, A, N, A, N, A] },
  { route: 'GET /applications/:applicationId/:section', path: '/applications/:applicationId/motivation', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /applications/:applicationId/:section', path: '/applications/:applicationId/motivation', expect: [S, N, F, F, N, F, N, F] },
  { route: 'GET /applications/:applicationId/check', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /applications/:applicationId/submit', expect: [S, N, F, F, N, F, N, F] },
  { route: 'GET /applications/:applicationId/withdraw', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /applications/:applicationId/withdraw', expect: [S, N, F, F, N, F, N, F] },
  { route: 'POST /applications/:applicationId/decision', expect: [S, N, F, F, N, A, N, A] },
  { route: 'GET /endorsements', expect: [S, A, A, A, A, A, A, A] },
  { route: 'GET /endorsements/:endorsementId', expect: [S, N, A, F, N, F, N, F] },
  { route: 'POST /endorsements/:endorsementId', expect: [S, N, A, F, N, F, N, F] },
  // The headteacher of a school not on Waymark, asked by email link, answers only through it: in the
  // app, those who may read the application are refused, everyone else doesn't know it exists.
  { route: 'GET /endorsements/:endorsementId', path: '/endorsements/:headEndorsementId', expect: [S, N, N, N, N, F, N, F] },
  { route: 'POST /endorsements/:endorsementId', path: '/endorsements/:headEndorsementId', expect: [S, N, N, N, N, F, N, F] },
  // Their link (`:headToken`) opens its one endorsement, for anyone holding it (the POST with an
  // empty form is 400, reached); with another application's id, or a token nobody holds, nothing.
  { route: 'GET /headteacher-support/:applicationId/:token', path: '/headteacher-support/:headApplicationId/:headToken', expect: [A, A, A, A, A, A, A, A] },
  { route: 'POST /headteacher-support/:applicationId/:token', path: '/headteacher-support/:headApplicationId/:headToken', expect: [A, A, A, A, A, A, A, A] },
  { route: 'GET /headteacher-support/:applicationId/:token', path: '/headteacher-support/:applicationId/:headToken', expect: [N, N, N, N, N, N, N, N] },
  { route: 'POST /headteacher-support/:applicationId/:token', path: '/headteacher-support/:applicationId/:headToken', expect: [N, N, N, N, N, N, N, N] },
  { route: 'GET /headteacher-support/:applicationId/:token', path: '/headteacher-support/:headApplicationId/:token', expect: [N, N, N, N, N, N, N, N] },
  // Sending the head's link again (last: it replaces `:headToken`): the applicant and the leads. On
  // the teacher's application there is no head's link: the leads are told so (409), the teacher
  // finds nothing to send (404), and those who read it but neither applied nor decide are refused.
  { route: 'POST /applications/:applicationId/headteacher-link', path: '/applications/:headApplicationId/headteacher-link', expect: [S, N, N, N, N, A, N, A] },
  { route: 'POST /applications/:applicationId/headteacher-link', expect: [S, N, F, F, N, A, N, A] },
];
