/**
 * Test data of a test's own, with unique names, for what no service of the API creates yet:
 * a registered person and a user account. A test that seeds with these touches no demo row
 * another test reads, so tests run in parallel and in any order. When a service registers
 * people or creates users, its callers replace these (typed inserts, never SQL text, so a
 * renamed column fails the typecheck here too).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import type { AGENCY_KINDS } from "../enum-values";
import { agency, individual, membership, totpCredential, user } from "../schema";
import { DEMO_PASSWORD_HASH, DEMO_TOTP_SECRET } from "../seed";
import { AGENCIES } from "../seed/agencies-users";

type MembershipRole = (typeof membership.$inferInsert)["role"];
type PlatformRole = NonNullable<(typeof user.$inferInsert)["platformRoles"]>[number];

/** A short unique tag: eight hex digits of a random UUID, enough for one test run's data. */
export function uniqueTag(): string {
  return randomUUID().slice(0, 8);
}

/**
 * The id of the demo agency of a kind, found by its demo name, so that agencies a test adds
 * (of any kind) are never taken for it.
 */
export async function demoAgencyId(
  db: DbOrTx,
  kind: (typeof AGENCY_KINDS)[number],
): Promise<string> {
  const demo = Object.values(AGENCIES).find((a) => a.kind === kind);
  if (!demo) throw new Error(`the demo data has no ${kind} agency`);
  const [found] = await db.select({ id: agency.id }).from(agency).where(eq(agency.name, demo.name));
  if (!found) throw new Error(`the demo agency ${demo.name} is missing`);
  return found.id;
}

export interface TestUserOptions {
  memberships?: ReadonlyArray<{ agencyId: string; role: MembershipRole; disabled?: boolean }>;
  platformRoles?: PlatformRole[];
  /** Enrolled in two-factor sign-in with DEMO_TOTP_SECRET (a credential of this user's own). */
  totp?: boolean;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

/** A user with the demo password and the given memberships, under a unique e-mail and name. */
export async function createTestUser(db: DbOrTx, options: TestUserOptions = {}): Promise<TestUser> {
  const tag = uniqueTag();
  const [created] = await db
    .insert(user)
    .values({
      email: `test.${tag}@truce.example`,
      name: `Test ${tag}`,
      passwordHash: DEMO_PASSWORD_HASH,
      platformRoles: options.platformRoles ?? [],
    })
    .returning({ id: user.id, email: user.email, name: user.name });
  if (!created) throw new Error("the test user was not created");
  const memberships = options.memberships ?? [];
  if (memberships.length > 0) {
    await db.insert(membership).values(
      memberships.map((m) => ({
        userId: created.id,
        agencyId: m.agencyId,
        role: m.role,
        disabled: m.disabled ?? false,
      })),
    );
  }
  if (options.totp) {
    await db
      .insert(totpCredential)
      .values({ userId: created.id, secret: DEMO_TOTP_SECRET, confirmedAt: new Date() });
  }
  return created;
}

export type TestIndividualOptions = { registeringAgencyId: string } & Partial<
  Omit<typeof individual.$inferInsert, "id" | "registeringAgencyId">
>;

export interface TestIndividual {
  id: string;
  givenName: string;
  familyName: string;
}

/**
 * The row of a person in the register, approved unless the options say otherwise, with a
 * family name no other row has: for a test that inserts many people in one statement.
 */
export function testIndividualValues(
  options: TestIndividualOptions,
): typeof individual.$inferInsert {
  const approved = (options.registrationStatus ?? "approved") === "approved";
  return {
    givenName: "Test",
    familyName: `Person-${uniqueTag()}`,
    district: "Testby",
    registrationReason: "Registered by a test.",
    category: "associate",
    registrationStatus: "approved",
    approvedAt: approved ? new Date() : null,
    reviewDue: new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString().slice(0, 10),
    ...options,
  };
}

/**
 * A person in the register, approved unless the options say otherwise, with a family name
 * no other row has (so a search for it finds this person alone).
 */
export async function createTestIndividual(
  db: DbOrTx,
  options: TestIndividualOptions,
): Promise<TestIndividual> {
  const [created] = await db.insert(individual).values(testIndividualValues(options)).returning({
    id: individual.id,
    givenName: individual.givenName,
    familyName: individual.familyName,
  });
  if (!created) throw new Error("the test individual was not created");
  return created;
}
