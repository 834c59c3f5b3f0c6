export { schoolsAdministered, type WorkItem, workQueue } from './reports.service';
