import { MINUTE } from '../../platform/db/clock';
import type { AppDeps } from '../../platform/http/env';
import { Invalid, TooManyRequests } from '../../platform/http/errors';
import { describeWait, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import { type CredentialCheck, checkCredential } from '../certificates';

export const BUNDLE_FORMAT = 'https://waymark.education/formats/leadership-record/v1';
export const BUNDLE_MAX_BYTES = 512 * 1024;
const MAX_CREDENTIALS = 50;

// Checks from one address: each credential costs some work, so a flood is refused.
const BUNDLE_CHECK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 5_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

export interface BundleEntry {
  title: string;
  whatChanged: string;
  verifiedBy: string | null;
}

/** What a check of a record file found: each credential checked with its issuer, and the rest as the file says it. */
export interface BundleCheck {
  personName: string;
  exportedFrom: string;
  exportedAt: string;
  credentials: CredentialCheck[];
  entries: BundleEntry[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * Checks a leadership record file (docs/leadership-record.md): that it is one, then every credential
 * in it (signature and revocation status). Nothing is stored. A file that is not a record is Invalid.
 */
export async function checkBundle(deps: AppDeps, file: File | undefined, address: string | null): Promise<BundleCheck> {
  if (!file || file.size === 0) throw new Invalid({ file: 'Choose the leadership record file' });
  if (file.size > BUNDLE_MAX_BYTES) throw new Invalid({ file: 'The file must be 512 KB or smaller' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new Invalid({ file: 'The file is not a leadership record: it is not JSON' });
  }
  const bundle = parsed as Record<string, unknown> | null;
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle) || bundle.format !== BUNDLE_FORMAT)
    throw new Invalid({ file: 'The file is not a leadership record downloaded from Waymark' });
  const credentials = Array.isArray(bundle.credentials) ? bundle.credentials : [];
  const entries = Array.isArray(bundle.entries) ? bundle.entries : [];
  if (credentials.length > MAX_CREDENTIALS)
    throw new Invalid({ file: `The file has more than ${MAX_CREDENTIALS} credentials, which is more than a record holds` });

  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[`record-check:address:${address ?? 'unknown'}`, BUNDLE_CHECK_LIMITS]]);
  if (!reservation.admitted) {
    const until = reservation.lockedUntil;
    throw new TooManyRequests(
      `Too many record files have been checked from your network. Wait ${describeWait(until, now)} and try again.`,
      Math.ceil((until.getTime() - now.getTime()) / 1000),
    );
  }
  const checks: CredentialCheck[] = [];
  for (const credential of credentials) checks.push(await checkCredential(deps.db, deps.clock, deps.config.BASE_URL, credential));
  if (checks.every((c) => c.outcome !== 'not-genuine')) await refundAttempts(deps.db, reservation.attempts);
  const person = bundle.person as Record<string, unknown> | undefined;
  return {
    personName: text(person?.name),
    exportedFrom: text(bundle.exportedFrom),
    exportedAt: text(bundle.exportedAt),
    credentials: checks,
    entries: entries.map((e: unknown) => {
      const entry = (e ?? {}) as Record<string, unknown>;
      const verification = entry.verification as Record<string, unknown> | null | undefined;
      return {
        title: text(entry.title),
        whatChanged: text(entry.whatChanged),
        verifiedBy: verification ? [text(verification.by), text(verification.role), text(verification.on)].filter(Boolean).join(', ') : null,
      };
    }),
  };
}
