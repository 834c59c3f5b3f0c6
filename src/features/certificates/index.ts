export type { Certificate } from './certificates.tables';
/** A person's certificates, newest first, each with its signed Open Badges credential as issued. */
export { listCertificatesOf as certificatesOf } from './certificates.queries';
