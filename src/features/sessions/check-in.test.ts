import { describe, expect, it } from 'vitest';
import { checkCheckInCode, checkInCodeFor, checkInStatus, checkInWindow, currentCheckInCode, minuteNumber, secondsUntilNextCode } from './check-in';

const secret = 'c2VjcmV0LWZvci1hLXNlc3Npb24';
const at = new Date('2026-11-24T16:30:20.000Z');

describe('the rotating check-in code', () => {
  it('is six digits and the same for everyone within a minute', () => {
    const code = currentCheckInCode(secret, at);
    expect(code).toMatch(/^\d{6}$/);
    expect(currentCheckInCode(secret, new Date('2026-11-24T16:30:59.999Z'))).toBe(code);
    expect(currentCheckInCode(secret, new Date('2026-11-24T16:31:00.000Z'))).not.toBe(code);
  });

  it('is HMAC-SHA256 of the secret and the minute number, truncated as HOTP does', () => {
    expect(minuteNumber(at)).toBe(Math.floor(at.getTime() / 60_000));
    // Worked by hand from `openssl dgst -sha256 -hmac 12345678901234567890` of the 8-byte counter 1:
    // the last byte 0x12 gives offset 2, bytes 4f687b4e = 1332247374, mod 10^6 = 247374.
    expect(checkInCodeFor('12345678901234567890', 1)).toBe('247374');
    expect(checkInCodeFor(secret, 29_000_000)).not.toBe(checkInCodeFor('another secret', 29_000_000));
  });

  it('accepts the current and the previous minute’s code only', () => {
    const minute = minuteNumber(at);
    expect(checkCheckInCode(secret, checkInCodeFor(secret, minute), at)).toBe('accepted');
    expect(checkCheckInCode(secret, checkInCodeFor(secret, minute - 1), at)).toBe('accepted');
    expect(checkCheckInCode(secret, checkInCodeFor(secret, minute - 2), at)).toBe('expired');
    expect(checkCheckInCode(secret, checkInCodeFor(secret, minute + 1), at)).not.toBe('accepted');
    expect(checkCheckInCode('another secret', checkInCodeFor(secret, minute), at)).not.toBe('accepted');
  });

  it('tolerates spaces but nothing else', () => {
    const code = currentCheckInCode(secret, at);
    expect(checkCheckInCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at)).toBe('accepted');
    expect(checkCheckInCode(secret, '', at)).toBe('wrong');
    expect(checkCheckInCode(secret, 'abcdef', at)).toBe('wrong');
    expect(checkCheckInCode(secret, `${code}1`, at)).toBe('wrong');
  });

  it('says how long until the code changes', () => {
    expect(secondsUntilNextCode(at)).toBe(40);
    expect(secondsUntilNextCode(new Date('2026-11-24T16:30:00.000Z'))).toBe(60);
  });
});

describe('when self check-in is open', () => {
  const session = { startsAt: '2026-11-24T16:00:00.000Z', endsAt: '2026-11-24T18:00:00.000Z' };
  it('opens 15 minutes before the start and closes at the end', () => {
    expect(checkInWindow(session, new Date('2026-11-24T15:44:59.000Z'))).toBe('not_open');
    expect(checkInWindow(session, new Date('2026-11-24T15:45:00.000Z'))).toBe('open');
    expect(checkInWindow(session, new Date('2026-11-24T18:00:00.000Z'))).toBe('open');
    expect(checkInWindow(session, new Date('2026-11-24T18:00:01.000Z'))).toBe('closed');
  });

  it('marks people late more than 10 minutes after the start', () => {
    expect(checkInStatus(session.startsAt, new Date('2026-11-24T15:50:00.000Z'))).toBe('present');
    expect(checkInStatus(session.startsAt, new Date('2026-11-24T16:10:00.000Z'))).toBe('present');
    expect(checkInStatus(session.startsAt, new Date('2026-11-24T16:10:01.000Z'))).toBe('late');
  });
});
