import type { Selectable } from 'kysely';

/**
 * A programme lead's confirmation that an enrolment is complete: what the completion engine said
 * was met at that moment (the certificate's criteria), or the exception and its reason when the
 * lead recorded completion without every requirement met.
 */
export interface CompletionConfirmationsTable {
  enrolment_id: string;
  organisation_id: string;
  /** JSON: ConfirmedCriterion[] — each requirement as the engine reported it when completion was confirmed. */
  criteria: string;
  /** Why completion was recorded although not every requirement was met; NULL when every one was. */
  exception_reason: string | null;
  confirmed_by: string;
  confirmed_at: string;
}

/**
 * A certificate: the award as it was made, kept as issued (a later change of name or programme
 * does not change what was awarded). `code` is the public, unguessable part of its verification link.
 */
export interface CertificatesTable {
  id: string;
  organisation_id: string;
  enrolment_id: string;
  person_id: string;
  code: string;
  recipient_name: string;
  programme_title: string;
  /** "Stage 2 of the Leadership ladder", or NULL when the programme stands alone. */
  stage: string | null;
  cohort_name: string;
  /** YYYY-MM-DD: when the cohort started. */
  started_on: string;
  /** ISO timestamp of completion. */
  completed_at: string;
  issuer_name: string;
  /** JSON: ConfirmedCriterion[] */
  criteria: string;
  /** Set when completion was recorded as an exception. */
  exception_reason: string | null;
  /** JSON: { code: string; title: string }[] — the programme's focus skills. */
  skills: string;
  project_title: string | null;
  issued_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_reason: string | null;
  /** The Open Badges credential's id (`urn:uuid:…`); NULL for certificates issued before credentials were signed. */
  credential_id: string | null;
  /** The signed OpenBadgeCredential (JSON), exactly as issued. */
  credential: string | null;
  /** The certificate's entry in its organisation's revocation status list. */
  status_index: number | null;
}

/**
 * An organisation's Ed25519 signing keys (Multikey). The current one (retired_at NULL) signs; the
 * earlier ones stay in the organisation's DID document so what they signed still verifies.
 */
export interface IssuerKeysTable {
  id: string;
  organisation_id: string;
  public_key_multibase: string;
  /** The private key, encrypted with SIGNING_KEYS_SECRET (see platform/credentials/keys.ts). */
  secret_key_sealed: string;
  created_at: string;
  retired_at: string | null;
}

/** An organisation's signed revocation list (a BitstringStatusListCredential), re-signed on every change. */
export interface CertificateStatusListsTable {
  organisation_id: string;
  credential: string;
  updated_at: string;
}

/** A status list entry of a certificate whose holder was erased: still taken, and set when revoked. */
export interface CertificateErasuresTable {
  organisation_id: string;
  status_index: number;
  revoked: number;
  erased_at: string;
}

export type Certificate = Selectable<CertificatesTable>;

/** Tables owned by this feature (completion confirmations, certificates, signing keys and status lists). */
export interface CertificateTables {
  completion_confirmations: CompletionConfirmationsTable;
  certificates: CertificatesTable;
  issuer_keys: IssuerKeysTable;
  certificate_status_lists: CertificateStatusListsTable;
  certificate_erasures: CertificateErasuresTable;
}

declare module '../../platform/db/database' {
  interface Database extends CertificateTables {}
}
