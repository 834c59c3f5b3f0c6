export { latestRatingsOf } from './self-assessment.queries';
