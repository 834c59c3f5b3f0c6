// did:web identifiers on Waymark's own address, and the DID documents that list their keys.
// did:web:<host>[:<path>…] resolves to https://<host>/<path…>/did.json, or /.well-known/did.json
// when there is no path (https://w3c-ccg.github.io/did-method-web/).

export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** The did:web of BASE_URL's host (and its path, if Waymark is served under one), with more path segments after it. */
export function webDid(baseUrl: string, ...segments: string[]): string {
  const url = new URL(baseUrl);
  const host = encodeURIComponent(url.host); // a port's colon becomes %3A
  const path = url.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map(encodeURIComponent);
  return ['did:web', host, ...path, ...segments.map(encodeURIComponent)].join(':');
}

/** A verification method (Multikey) of a DID. */
export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

export function verificationMethod(did: string, publicKeyMultibase: string): VerificationMethod {
  return { id: `${did}#${publicKeyMultibase}`, type: 'Multikey', controller: did, publicKeyMultibase };
}

/**
 * The DID document: every key the DID has signed with (the current one and earlier ones, so what
 * they signed still verifies), each usable for assertions (signing credentials).
 */
export function didDocument(did: string, methods: VerificationMethod[]) {
  return {
    '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
export type DidDocument = ReturnType<typeof didDocument>;

/**
 * The DID document of a did:key (Ed25519): the key is the identifier itself, so it resolves
 * without any look-up. Undefined for any other DID, or a did:key that is not an Ed25519 Multikey.
 */
export function didKeyDocument(did: string): DidDocument | undefined {
  const match = /^did:key:(z6Mk[1-9A-HJ-NP-Za-km-z]{40,50})$/.exec(did);
  if (!match?.[1]) return undefined;
  return didDocument(did, [verificationMethod(did, match[1])]);
}
