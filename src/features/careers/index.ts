export { BARRIERS } from './careers.schemas';
export { countBarriers, type CareersDevelopmentDone, type CareersExperienceVerified } from './careers.service';
