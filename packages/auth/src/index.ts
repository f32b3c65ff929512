export {
  defaultMembership,
  listMemberships,
  loadActor,
  mayUseApp,
  type Actor,
  type ActorMembership,
  type AgencyKind,
  type MembershipRole,
  type PlatformRole,
  type SessionClaims,
  type TruceApp,
} from "./actor";
export { createAuth, createAuthConfig, NoAppAccess } from "./config";
export { cookiePrefix, readSessionClaims, sessionCookieName } from "./session-cookie";
export {
  authenticate,
  completeSecondStep,
  credentialsSchema,
  reauthenticate,
  type Credentials,
  type ReauthenticationResult,
  type PendingSignIn,
  type SignInResult,
} from "./sign-in";
export { checkNewPassword, type NewPasswordCheck } from "./password-policy";
export {
  SECOND_STEP_SECONDS,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
  SESSION_RENEW_SECONDS,
} from "./session";
export { SIGN_IN_THROTTLE } from "./throttle";
export type { Enrolment, TwoFactorStatus } from "./two-factor";
export {
  createSignInActions,
  signInStage,
  signInWithCredentials,
  switchActiveMembership,
  type SecondStepState,
  type SignInError,
  type SignInStage,
  type SignInState,
} from "./next-actions";
export {
  ACCOUNT_SECURITY_PATH,
  accountSecurityStatus,
  createAccountSecurityActions,
  type AccountChange,
  type AccountSecurityState,
} from "./account-actions";
