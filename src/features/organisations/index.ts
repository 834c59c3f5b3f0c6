export {
  anyOrganisationExists,
  createOrganisation,
  findOrganisationIdByName,
  findOrganisationName,
  installDisplayName,
  listAllOrganisations,
  listAllSchools,
  listOrganisationIds,
} from './organisations.service';
export { SCHOOL_PHASES } from './organisations.schemas';
export type { School, SchoolPhase } from './organisations.tables';
