export { organisationRoutes } from './organisations.routes';
export { createOrganisation, installDisplayName, listAllSchools, listOrganisationIds } from './organisations.service';
export { SCHOOL_PHASES } from './organisations.schemas';
export type { School, SchoolPhase } from './organisations.tables';
