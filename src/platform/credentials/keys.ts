// Ed25519 signing keys (Multikey) and how their private halves are kept: encrypted with AES-256-GCM
// under a key derived from a secret in the configuration (SIGNING_KEYS_SECRET), so a copy of the
// database alone cannot sign anything.

import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

const derived = new Map<string, Buffer>();

/** The AES key for a secret, derived once (scrypt) per process. */
function aesKey(secret: string): Buffer {
  let key = derived.get(secret);
  if (!key) {
    key = scryptSync(secret, 'waymark:signing-keys:v1', 32);
    derived.set(secret, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): the text encrypted under the secret. */
export function encryptSecret(plain: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', aesKey(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The text `encryptSecret` sealed; throws when the secret is not the one it was sealed with (or the text was changed). */
export function decryptSecret(sealed: string, secret: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('The signing key is not in a form this version of Waymark reads.');
  const decipher = createDecipheriv('aes-256-gcm', aesKey(secret), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The signing key could not be decrypted: SIGNING_KEYS_SECRET is not the secret it was encrypted with.');
  }
}

/** A new Ed25519 key pair as Multikey values; the private half sealed with the secret. */
export async function generateSigningKey(secret: string): Promise<{ publicKeyMultibase: string; sealedSecretKey: string }> {
  const Ed25519Multikey = await import('@digitalbazaar/ed25519-multikey');
  const pair = await Ed25519Multikey.generate();
  const exported = await pair.export({ publicKey: true, secretKey: true, includeContext: false });
  if (!exported.secretKeyMultibase) throw new Error('The new key pair has no private key.');
  return { publicKeyMultibase: exported.publicKeyMultibase, sealedSecretKey: encryptSecret(exported.secretKeyMultibase, secret) };
}
