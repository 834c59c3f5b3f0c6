export { createAdmin } from './staff.service';
export {
  findPersonByEmail,
  findPersonIdentifiers,
  findPersonSummary,
  listOrganisationAdmins,
  listPeopleFacts,
  listPeopleNames,
  listReports,
  searchActiveStaff,
  type PersonFacts,
} from './staff.queries';
export { buildSearchText, personRecord, parseLeadershipLevel, parseStaffType, LEADERSHIP_LEVELS, STAFF_TYPES, type PersonRecord } from './staff.schemas';
export type { LeadershipLevel, PersonStatus, StaffType, Role } from './staff.tables';
export {
  findEmailsElsewhere,
  findPersonColumns,
  insertPeople,
  listPeopleForMatching,
  setLineManagers,
  updatePeopleColumns,
  type ExistingPerson,
  type PersonColumns,
} from './staff.bulk';
export { addFormerPerson, markBeingErased, removeErasedPerson } from './staff.personal-data';
export { LEADERSHIP_RANK, listRolesHeld, type RoleHeld } from './staff.roles-held';
