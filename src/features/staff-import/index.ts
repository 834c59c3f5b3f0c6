export { staffImportRoutes } from './staff-import.routes';
export { importStaffFile } from './staff-import.service';
export { decodeCsvBytes, parseCsv, UnreadableFile, type CsvTable } from './staff-import.csv';
