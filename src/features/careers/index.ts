export { countBarriers, type CareersDevelopmentDone, type CareersExperienceVerified } from './careers.service';
