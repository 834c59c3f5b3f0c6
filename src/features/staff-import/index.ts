export { importStaffFile } from './staff-import.service';
