/**
 * What a browser test seeds, each thing of its own with a unique name, so no test depends on
 * a demo row another test reads or changes, and tests run in parallel and in any order:
 * through the apps' own API (a server-side caller of the app's router, so the same policy
 * and services as the page) where a procedure exists, and through @truce/db/testing's typed
 * factories where none does yet (registering a person, creating a user).
 */
import {
  adminRouter,
  createCallerFactory,
  createTRPCContext,
  webRouter,
  type Purpose,
} from "@truce/api";
import {
  defaultMembership,
  listMemberships,
  type AgencyKind,
  type MembershipRole,
  type PlatformRole,
  type TruceApp,
} from "@truce/auth/actor";
import { eq, type Db } from "@truce/db";
import { user } from "@truce/db/schema";
import {
  createTestIndividual,
  createTestUser,
  demoAgencyId,
  type TestIndividual,
  type TestIndividualOptions,
  type TestUser,
} from "@truce/db/testing";
import { ROLES, type AdminRole, type WebRole } from "./roles";

/** A person in the register of the test's own (approved unless `registrationStatus` says). */
export async function seedPerson(
  db: Db,
  options: { registeredBy?: AgencyKind } & Partial<
    Omit<TestIndividualOptions, "registeringAgencyId">
  > = {},
): Promise<TestIndividual> {
  const { registeredBy = "police", ...rest } = options;
  return createTestIndividual(db, {
    registeringAgencyId: await demoAgencyId(db, registeredBy),
    ...rest,
  });
}

/** A user of the test's own, with the demo password: for a test that changes a user. */
export async function seedUser(
  db: Db,
  options: {
    memberships?: ReadonlyArray<readonly [AgencyKind, MembershipRole, { disabled?: boolean }?]>;
    platformRoles?: PlatformRole[];
    totp?: boolean;
  } = {},
): Promise<TestUser> {
  const memberships = await Promise.all(
    (options.memberships ?? []).map(async ([kind, role, more]) => ({
      agencyId: await demoAgencyId(db, kind),
      role,
      disabled: more?.disabled ?? false,
    })),
  );
  return createTestUser(db, { ...options, memberships });
}

async function contextFor(db: Db, app: TruceApp, email: string, purpose: Purpose | null) {
  const [found] = await db
    .select({ id: user.id, sessionVersion: user.sessionVersion })
    .from(user)
    .where(eq(user.email, email));
  if (!found) throw new Error(`no user ${email}`);
  // As a fresh session in the app acts: its default membership.
  const active = defaultMembership(app, await listMemberships(db, found.id));
  const claims = {
    userId: found.id,
    sessionVersion: found.sessionVersion,
    membershipId: active?.id ?? null,
  };
  return createTRPCContext({ db, claims, headers: new Headers(), purpose });
}

const webCaller = createCallerFactory(webRouter);
const adminCaller = createCallerFactory(adminRouter);

type Who<R> = R | { email: string };
const emailOf = (who: Who<string>) =>
  typeof who === "string" ? ROLES[who as keyof typeof ROLES].email : who.email;

/**
 * The apps' API as a role or a test's own user, called on the server side: what a test seeds
 * through it is checked and written exactly as if the user had done it on the page. Web calls
 * carry the purpose case work, as the pages' reads after the purpose question do.
 */
export function apiFor(db: Db) {
  return {
    web: async (who: Who<WebRole>) =>
      webCaller(await contextFor(db, "web", emailOf(who), "case_work")),
    admin: async (who: Who<AdminRole>) =>
      adminCaller(await contextFor(db, "admin", emailOf(who), null)),
  };
}
export type Api = ReturnType<typeof apiFor>;
