export type { Certificate } from './certificates.tables';
/** A person's certificates, newest first, each with its signed Open Badges credential as issued. */
export { listCertificatesOf as certificatesOf } from './certificates.queries';
/** Checks a credential as an outside verifier would: its issuer's signature over exactly this content, then its revocation status. */
export { checkCredential, type CredentialCheck } from './certificates.credential';
/** The organisation's issuer DID, a resolver for this installation's issuer DIDs, and signing a credential as the organisation. */
export { didResolver, issuerDid, signAsOrganisation, statusListUrl } from './certificates.credential';
