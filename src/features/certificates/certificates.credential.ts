// The certificate as an Open Badges 3.0 credential: an `OpenBadgeCredential` (W3C VC 2.0) signed
// by its organisation's did:web with an `eddsa-rdfc-2022` Data Integrity proof, each organisation's
// signing keys (rotation keeps the old public keys in its DID document), and its signed Bitstring
// Status List, which says which credentials are revoked.

import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import { recordAudit } from '../../platform/audit/audit';
import { didDocument, verificationMethod, webDid } from '../../platform/credentials/did';
import { decryptSecret, generateSigningKey } from '../../platform/credentials/keys';
import {
  CREDENTIALS_V2_CONTEXT,
  checkProof,
  type DidResolver,
  encodeStatusList,
  OPEN_BADGES_CONTEXT,
  STATUS_LIST_LENGTH,
  signCredential,
  statusBit,
} from '../../platform/credentials/signing';
import type { Clock } from '../../platform/db/clock';
import type { Db, Executor } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/errors';
import { newId } from '../../platform/db/ids';
import * as q from './certificates.queries';
import type { Certificate } from './certificates.tables';

type SigningConfig = Pick<Config, 'BASE_URL' | 'SIGNING_KEYS_SECRET'>;

// ----- Addresses -----

/** The organisation's issuer DID: did:web:<host>:issuers:<organisation id>. */
export function issuerDid(baseUrl: string, organisationId: string): string {
  return webDid(baseUrl, 'issuers', organisationId);
}

/** Where the organisation's DID document is served (did:web's rule for a DID with a path). */
export function issuerDidUrl(baseUrl: string, organisationId: string): string {
  return `${baseUrl}/issuers/${organisationId}/did.json`;
}

/** The public URL of the organisation's signed revocation list. */
export function statusListUrl(baseUrl: string, organisationId: string): string {
  return `${baseUrl}/issuers/${organisationId}/status-list`;
}

/** The public verification page of a certificate. */
export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/certificates/${code}`;
}

// ----- DID documents -----

/** The organisation's DID document (every key it has signed with), or undefined when it has never signed anything. */
export async function issuerDidDocument(db: Executor, baseUrl: string, organisationId: string) {
  const keys = await q.listIssuerKeys(db, organisationId);
  if (keys.length === 0) return undefined;
  const did = issuerDid(baseUrl, organisationId);
  return didDocument(
    did,
    keys.map((k) => verificationMethod(did, k.public_key_multibase)),
  );
}

/**
 * The installation's own DID document (did:web:<host>, at /.well-known/did.json): every
 * organisation's keys, each controlled by that organisation's DID.
 */
export async function installationDidDocument(db: Executor, baseUrl: string) {
  const keys = await q.listAllIssuerKeys(db);
  const methods = keys.map((k) => verificationMethod(issuerDid(baseUrl, k.organisation_id), k.public_key_multibase));
  return didDocument(webDid(baseUrl), methods);
}

/** Resolves the DIDs of this installation's issuers from the database; any other DID is unknown. */
export function didResolver(db: Executor, baseUrl: string): DidResolver {
  const prefix = `${webDid(baseUrl, 'issuers')}:`;
  return async (did) => {
    if (!did.startsWith(prefix)) return undefined;
    const organisationId = decodeURIComponent(did.slice(prefix.length));
    if (!/^[\w-]{1,64}$/.test(organisationId)) return undefined;
    return issuerDidDocument(db, baseUrl, organisationId);
  };
}

// ----- Keys -----

/** The organisation's current signing key (made the first time it is needed), with its private half decrypted. */
async function currentSigningKey(db: Executor, clock: Clock, config: SigningConfig, organisationId: string) {
  let row = await q.findCurrentIssuerKey(db, organisationId);
  if (!row) {
    const made = await generateSigningKey(config.SIGNING_KEYS_SECRET);
    try {
      await q.insertIssuerKey(db, {
        id: newId(),
        organisation_id: organisationId,
        public_key_multibase: made.publicKeyMultibase,
        secret_key_sealed: made.sealedSecretKey,
        created_at: clock.now().toISOString(),
        retired_at: null,
      });
    } catch (error) {
      // Made at the same moment by another delivery: use that one.
      if (!isUniqueViolation(error)) throw error;
    }
    row = await q.findCurrentIssuerKey(db, organisationId);
    if (!row) throw new Error('The organisation has no signing key.');
  }
  const did = issuerDid(config.BASE_URL, organisationId);
  return {
    id: verificationMethod(did, row.public_key_multibase).id,
    controller: did,
    publicKeyMultibase: row.public_key_multibase,
    secretKeyMultibase: decryptSecret(row.secret_key_sealed, config.SIGNING_KEYS_SECRET),
  };
}

/**
 * Replaces the organisation's signing key with a new one: the old key signs nothing more but stays
 * in the DID document, so everything it signed still verifies. The status list is re-signed with
 * the new key. Audited.
 */
export async function rotateSigningKey(
  db: Db,
  clock: Clock,
  config: SigningConfig,
  organisationId: string,
  actorId: string,
  requestId: string | null,
): Promise<void> {
  const made = await generateSigningKey(config.SIGNING_KEYS_SECRET);
  try {
    await replaceKey(db, clock, config, organisationId, made, actorId, requestId);
  } catch (error) {
    // Replaced at the same moment by another request (a double click): that replacement stands.
    if (!isUniqueViolation(error)) throw error;
  }
}

async function replaceKey(
  db: Db,
  clock: Clock,
  config: SigningConfig,
  organisationId: string,
  made: { publicKeyMultibase: string; sealedSecretKey: string },
  actorId: string,
  requestId: string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await q.lockStatusList(trx, organisationId);
    const now = clock.now().toISOString();
    await q.retireIssuerKeys(trx, organisationId, now);
    const id = newId();
    await q.insertIssuerKey(trx, {
      id,
      organisation_id: organisationId,
      public_key_multibase: made.publicKeyMultibase,
      secret_key_sealed: made.sealedSecretKey,
      created_at: now,
      retired_at: null,
    });
    await publishStatusList(trx, clock, config, organisationId);
    await recordAudit(trx, clock, {
      action: 'signing_key_rotated',
      organisationId,
      actorId,
      subjectType: 'organisation',
      subjectId: organisationId,
      detail: { keyId: id, publicKeyMultibase: made.publicKeyMultibase },
      requestId,
    });
  });
}

// ----- The status list -----

/**
 * Signs the organisation's revocation list as it stands (a BitstringStatusListCredential with one
 * bit per certificate, set when revoked) and stores it. Run inside the transaction that changed it,
 * after `q.lockStatusList`, so two changes at once can't each write a list missing the other's.
 */
export async function publishStatusList(trx: Executor, clock: Clock, config: SigningConfig, organisationId: string): Promise<void> {
  const now = clock.now();
  const url = statusListUrl(config.BASE_URL, organisationId);
  const encodedList = await encodeStatusList(await q.revokedStatusIndexes(trx, organisationId));
  const unsigned = {
    '@context': [CREDENTIALS_V2_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerDid(config.BASE_URL, organisationId),
    validFrom: isoSeconds(now),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  };
  const key = await currentSigningKey(trx, clock, config, organisationId);
  const signed = await signCredential(unsigned, key, didResolver(trx, config.BASE_URL), now);
  await q.saveStatusList(trx, { organisation_id: organisationId, credential: JSON.stringify(signed), updated_at: now.toISOString() });
}

/** The organisation's signed status list (JSON), or undefined when it has issued nothing. */
export async function statusListCredential(db: Executor, organisationId: string): Promise<string | undefined> {
  return (await q.findStatusList(db, organisationId))?.credential;
}

/**
 * When the organisation's signed status list has the certificate's entry set, the moment the list
 * was signed so (its `updated_at`); null when the entry is clear or the certificate has none.
 */
export async function revokedInStatusList(db: Executor, certificate: Pick<Certificate, 'organisation_id' | 'status_index'>): Promise<string | null> {
  if (certificate.status_index === null) return null;
  const row = await q.findStatusList(db, certificate.organisation_id);
  if (!row) return null;
  const encodedList = (JSON.parse(row.credential) as { credentialSubject?: { encodedList?: string } }).credentialSubject?.encodedList;
  return encodedList && (await statusBit(encodedList, certificate.status_index)) ? row.updated_at : null;
}

/** A free entry in the organisation's status list, chosen at random (so the entry says nothing about when it was issued). */
async function freeStatusIndex(db: Executor, organisationId: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const index = randomInt(STATUS_LIST_LENGTH);
    if (!(await q.statusIndexTaken(db, organisationId, index))) return index;
  }
  throw new Error('The organisation’s status list is full.');
}

// ----- The credential -----

const isoSeconds = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** `sha256$<hex>` of the value with the salt appended (Open Badges' IdentityHash). */
export function identityHash(value: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(value + salt, 'utf8')
    .digest('hex')}`;
}

export interface CredentialFacts {
  certificate: Pick<
    Certificate,
    | 'code'
    | 'organisation_id'
    | 'recipient_name'
    | 'programme_title'
    | 'stage'
    | 'cohort_name'
    | 'started_on'
    | 'completed_at'
    | 'issuer_name'
    | 'project_title'
  > & { criteria: { title: string; description: string; result: string; met: boolean }[]; exception_reason: string | null };
  programmeSummary: string;
  skills: { code: string; title: string; domain_title: string }[];
  /** The person's email address (normalised) and Teacher Reference Number, if recorded: both hashed in the credential. */
  email: string;
  trn: string | null;
  credentialId: string;
  statusIndex: number;
  issuedAt: Date;
}

/** What the person did to earn it, in words: each requirement met (and any exception with its reason). */
function criteriaNarrative(facts: CredentialFacts): string {
  const lines = facts.certificate.criteria.map((c) => `- ${c.title}: ${c.description}${c.met ? '' : ' (not met: completion recorded as an exception)'}`);
  const parts = [`Completed ${facts.certificate.programme_title} (${facts.certificate.cohort_name}), confirmed by the programme lead.`];
  if (lines.length > 0) parts.push(`Requirements:\n${lines.join('\n')}`);
  if (facts.certificate.exception_reason) parts.push(`Exception recorded: ${facts.certificate.exception_reason}`);
  if (facts.certificate.project_title) parts.push(`Project: ${facts.certificate.project_title}`);
  return parts.join('\n\n');
}

/** The unsigned OpenBadgeCredential for a certificate. */
export function openBadgeCredential(baseUrl: string, facts: CredentialFacts) {
  const { certificate } = facts;
  const page = verificationUrl(baseUrl, certificate.code);
  const statusList = statusListUrl(baseUrl, certificate.organisation_id);
  const identifiers = [
    { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: randomBytes(16).toString('hex'), value: facts.email },
    ...(facts.trn
      ? [{ type: 'IdentityObject', identityType: 'ext:TeacherReferenceNumber', hashed: true, salt: randomBytes(16).toString('hex'), value: facts.trn }]
      : []),
  ].map(({ value, ...identity }) => ({ ...identity, identityHash: identityHash(value, identity.salt) }));
  const name = certificate.stage ? `${certificate.programme_title} (${certificate.stage})` : certificate.programme_title;
  return {
    '@context': [CREDENTIALS_V2_CONTEXT, OPEN_BADGES_CONTEXT],
    id: facts.credentialId,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name,
    issuer: { id: issuerDid(baseUrl, certificate.organisation_id), type: ['Profile'], name: certificate.issuer_name, url: baseUrl },
    validFrom: isoSeconds(facts.issuedAt),
    awardedDate: isoSeconds(new Date(certificate.completed_at)),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: identifiers,
      activityStartDate: `${certificate.started_on.slice(0, 10)}T00:00:00Z`,
      activityEndDate: isoSeconds(new Date(certificate.completed_at)),
      achievement: {
        id: `${page}#achievement`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name,
        description: facts.programmeSummary.trim() || `${certificate.programme_title}, awarded by ${certificate.issuer_name}.`,
        criteria: { id: `${page}#criteria`, narrative: criteriaNarrative(facts) },
        alignment: facts.skills.map((s) => ({
          type: ['Alignment'],
          targetName: s.title,
          targetCode: s.code,
          targetDescription: `${s.domain_title}: ${s.title}`,
          targetType: 'ext:FrameworkSkill',
          targetUrl: `${page}#skill-${encodeURIComponent(s.code)}`,
        })),
        creator: { id: issuerDid(baseUrl, certificate.organisation_id), type: ['Profile'], name: certificate.issuer_name },
      },
    },
    credentialStatus: {
      id: `${statusList}#${facts.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(facts.statusIndex),
      statusListCredential: statusList,
    },
  };
}

/**
 * Signs the certificate's credential with the organisation's current key, choosing its status list
 * entry (and publishing the organisation's list the first time). Returns the credential's id, its
 * entry and the signed JSON, for the certificate's row.
 */
export async function signCertificateCredential(
  db: Db,
  clock: Clock,
  config: SigningConfig,
  facts: Omit<CredentialFacts, 'credentialId' | 'statusIndex' | 'issuedAt'>,
): Promise<{ credentialId: string; statusIndex: number; credential: string }> {
  const organisationId = facts.certificate.organisation_id;
  // The key first, outside any transaction: on PostgreSQL a clash with a key made at the same
  // moment would otherwise spoil the transaction that publishes the list.
  const [key, listed, statusIndex] = await Promise.all([
    currentSigningKey(db, clock, config, organisationId),
    q.statusListExists(db, organisationId),
    freeStatusIndex(db, organisationId),
  ]);
  if (!listed) {
    await db.transaction().execute(async (trx) => {
      await q.lockStatusList(trx, organisationId);
      if (!(await q.findStatusList(trx, organisationId))) await publishStatusList(trx, clock, config, organisationId);
    });
  }
  const credentialId = `urn:uuid:${randomUUID()}`;
  const issuedAt = clock.now();
  const unsigned = openBadgeCredential(config.BASE_URL, { ...facts, credentialId, statusIndex, issuedAt });
  const signed = await signCredential(unsigned, key, didResolver(db, config.BASE_URL), issuedAt);
  // The 1EdTech Open Badges 3.0 schema wants the proofs as a list (VC 2.0 allows one or a list).
  if (signed.proof && !Array.isArray(signed.proof)) signed.proof = [signed.proof];
  return { credentialId, statusIndex, credential: JSON.stringify(signed) };
}

/**
 * Signs a credential as the organisation, with its current key: used for records the organisation
 * vouches for as it holds them (a person's leadership record file). The credential's issuer must be
 * the organisation's DID.
 */
export async function signAsOrganisation(
  db: Db,
  clock: Clock,
  config: SigningConfig,
  organisationId: string,
  unsigned: object,
): Promise<Record<string, unknown>> {
  const key = await currentSigningKey(db, clock, config, organisationId);
  const signed = await signCredential(unsigned, key, didResolver(db, config.BASE_URL), clock.now());
  if (signed.proof && !Array.isArray(signed.proof)) signed.proof = [signed.proof];
  return signed;
}

// ----- Checking a credential someone has -----

export type CredentialCheck =
  | { outcome: 'genuine'; certificate: Certificate }
  | { outcome: 'revoked'; certificate: Certificate; revokedOn: string | null }
  | { outcome: 'not-genuine'; reason: string };

/**
 * Checks a credential as an outside verifier would, from Waymark's own records: the proof is made
 * by a key its issuer's DID document lists, over exactly this content; then the credential's
 * entry in the issuer's signed status list says whether it is revoked (read here: the library's
 * answer does not include the status bit).
 */
export async function checkCredential(db: Executor, clock: Clock, baseUrl: string, credential: unknown): Promise<CredentialCheck> {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential))
    return { outcome: 'not-genuine', reason: 'It is not a credential: a credential is a JSON object.' };
  const resolver = didResolver(db, baseUrl);
  let proof: Awaited<ReturnType<typeof checkProof>>;
  try {
    proof = await checkProof(credential, resolver, clock.now());
  } catch (error) {
    proof = { genuine: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (!proof.genuine) return { outcome: 'not-genuine', reason: proof.reason };
  const id = (credential as { id?: unknown }).id;
  const certificate = typeof id === 'string' ? await q.findCertificateByCredentialId(db, id) : undefined;
  if (!certificate) return { outcome: 'not-genuine', reason: 'Its signature is valid, but Waymark has no record of issuing it.' };
  const status = (credential as { credentialStatus?: { statusListIndex?: unknown; statusListCredential?: unknown } }).credentialStatus;
  const list = await statusListCredential(db, certificate.organisation_id);
  const encodedList = list ? (JSON.parse(list) as { credentialSubject?: { encodedList?: string } }).credentialSubject?.encodedList : undefined;
  const index = Number(status?.statusListIndex);
  const revoked =
    status?.statusListCredential === statusListUrl(baseUrl, certificate.organisation_id) && encodedList ? await statusBit(encodedList, index) : undefined;
  if (revoked === undefined) return { outcome: 'not-genuine', reason: 'Its revocation status can’t be read from the issuer’s status list.' };
  if (revoked) return { outcome: 'revoked', certificate, revokedOn: certificate.revoked_at };
  return { outcome: 'genuine', certificate };
}
