export {
  endAllSignInSessions,
  hashPassword,
  issueToken,
  issueTokens,
  latestInvitation,
  normaliseEmail,
  savePasswordHashes,
  TOKEN_LIFETIMES,
  withdrawInvitations,
} from './auth.service';
// Query fragments for other features' queries: whether a person can sign in with a password, and whether they hold an invitation that works.
export { holdsWorkingInvitation, passwordIsSet } from './auth.queries';
export { describeWait, lockedUntil, recordFailure, type ThrottleLimits, type ThrottleState } from './throttle';
export { attemptsLockedUntil, clearFailedAttempts, countFailedAttempt } from './attempt-throttle';
