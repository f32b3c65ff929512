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
export { createAuth, createAuthConfig, NoAppAccess, SESSION_MAX_AGE_SECONDS } from "./config";
export { authenticate, credentialsSchema, type Credentials, type SignInResult } from "./sign-in";
export { signInWithCredentials, switchActiveMembership, type SignInState } from "./next-actions";
