export {
  endAllSignInSessions,
  endEverySignInSession,
  endPasswordSignInSessions,
  hashPassword,
  issueToken,
  issueTokens,
  latestInvitation,
  normaliseEmail,
  passwordSignInRule,
  savePasswordHashes,
  startSignInSessionFor,
  TOKEN_LIFETIMES,
  turnPasswordsOff,
  turnPasswordsOn,
  withdrawInvitations,
} from './auth.service';
// Query fragments for other features' queries: whether a person can sign in with a password, and whether they hold an invitation that works.
export { holdsWorkingInvitation, passwordIsSet } from './auth.queries';
export { describeWait, type ThrottleLimits } from './throttle';
export {
  type AttemptReservation,
  type CountedAttempt,
  clearFailedAttempts,
  type LookUpResult,
  lookUpCountingMisses,
  refundAttempts,
  reserveAttempt,
} from './attempt-throttle';
// For features that sign people in another way (single sign-on): the session cookie, rotated as on every sign-in.
export { beginSignInSession } from './session-cookie';
// The personal account (personal email, TRN, linked staff records): whose record a signed-in person holds, and telling a leaver how to keep it.
export {
  addConfirmedPersonalAccount,
  linkedPersonIds,
  parseTrn,
  recordHolderOf,
  recordHolderOfPersonal,
  tellLeaverHowToKeepRecord,
  type RecordHolder,
} from './auth.personal';
// For features that count attempts per person (wrong check-in codes): their retention rule forgets old counts.
export { forgetAttemptsOfPeople } from './auth.retention';
