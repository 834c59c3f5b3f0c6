export type { Certificate } from './certificates.tables';
