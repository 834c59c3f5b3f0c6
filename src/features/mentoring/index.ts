export { coachOfEnrolmentPairing } from './mentoring.queries';
