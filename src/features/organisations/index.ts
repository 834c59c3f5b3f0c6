export { anyOrganisationExists, createOrganisation, installDisplayName, listAllSchools, listOrganisationIds } from './organisations.service';
export { SCHOOL_PHASES } from './organisations.schemas';
export type { School, SchoolPhase } from './organisations.tables';
