import { MINUTE } from '../../platform/db/clock';
import type { AppDeps } from '../../platform/http/env';
import { Invalid, TooManyRequests } from '../../platform/http/errors';
import { describeWait, refundAttempts, reserveAttempt, type ThrottleLimits } from '../auth';
import { BUNDLE_MAX_BYTES, type ReadBundle, readBundle } from './record.bundle';

// Checks from one address: each credential costs some work, so a flood is refused.
const BUNDLE_CHECK_LIMITS: ThrottleLimits = { windowMs: 60 * MINUTE, slowFrom: 20, firstWaitMs: 5_000, refuseFrom: 40, refusalMs: 15 * MINUTE };

/** The text of an uploaded record file; Invalid when there is none or it is too large. */
export async function bundleText(file: File | undefined): Promise<string> {
  if (!file || file.size === 0) throw new Invalid({ file: 'Choose the leadership record file' });
  if (file.size > BUNDLE_MAX_BYTES) throw new Invalid({ file: 'The file must be 512 KB or smaller' });
  return file.text();
}

/** Counts a check against the address (`key` says what kind); TooManyRequests when it has made too many. */
export async function takeCheckAttempt(deps: AppDeps, key: string, address: string | null) {
  const now = deps.clock.now();
  const reservation = await reserveAttempt(deps.db, now, [[`${key}:address:${address ?? 'unknown'}`, BUNDLE_CHECK_LIMITS]]);
  if (!reservation.admitted) {
    const until = reservation.lockedUntil;
    throw new TooManyRequests(
      `Too many record files have been checked from your network. Wait ${describeWait(until, now)} and try again.`,
      Math.ceil((until.getTime() - now.getTime()) / 1000),
    );
  }
  return reservation.attempts;
}

/**
 * Checks a leadership record file (docs/leadership-record.md) for anyone given one: that it is one,
 * then its organisation's signature and every credential in it (signature and revocation status).
 * Nothing is stored. A file that is not a record is Invalid.
 */
export async function checkBundle(deps: AppDeps, file: File | undefined, address: string | null): Promise<ReadBundle> {
  const text = await bundleText(file);
  const attempts = await takeCheckAttempt(deps, 'record-check', address);
  const read = await readBundle(deps, text);
  if (read.importable) await refundAttempts(deps.db, attempts);
  return read;
}
