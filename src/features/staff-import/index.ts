export { staffImportRoutes } from './staff-import.routes';
export { importStaffFile } from './staff-import.service';
