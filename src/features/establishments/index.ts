export {
  findSchoolOnList,
  formatLoadResult,
  outsideSchoolNames,
  outsideSchoolNamesByUrn,
  withOutsideSchoolNames,
  loadEstablishmentFile,
  searchSchoolList,
  type SchoolListEntry,
} from './establishments.service';
export { FIND_SCHOOL, SchoolPicker, type SchoolPickerProps, schoolHint } from './views/picker';
export { localAuthorityArea } from './establishments.queries';
