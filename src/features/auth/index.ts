export { endAllSessions, hashPassword, issueToken, issueTokens, normaliseEmail, TOKEN_LIFETIMES } from './auth.service';
export { describeWait, lockedUntil, recordFailure, type ThrottleLimits, type ThrottleState } from './throttle';
export { attemptsLockedUntil, clearFailedAttempts, countFailedAttempt } from './attempt-throttle';
