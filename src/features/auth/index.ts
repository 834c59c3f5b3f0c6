export {
  endAllSignInSessions,
  endEverySignInSession,
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
export { describeWait, type ThrottleLimits } from './throttle';
export { type AttemptReservation, type CountedAttempt, clearFailedAttempts, refundAttempts, reserveAttempt } from './attempt-throttle';
