import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, eq, sql } from "@truce/db";
import { agency, membership, revokedSession, user } from "@truce/db/schema";
import { DEMO_PASSWORD, DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { defaultMembership, listMemberships, loadActor, mayUseApp, type AgencyKind } from "./actor";
import { authenticate } from "./sign-in";

let demo: DemoDatabase;

beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** A user of this test's own with the given memberships, each enabled or disabled. */
async function createUser(memberships: { kind: AgencyKind; disabled: boolean }[]) {
  const email = `actor.${crypto.randomUUID().slice(0, 8)}@truce.example`;
  const [created] = await demo.db
    .insert(user)
    .values({ email, name: `Fixture ${email}`, passwordHash: DEMO_PASSWORD_HASH })
    .returning();
  const ids: Record<string, string> = {};
  for (const { kind, disabled } of memberships) {
    const [m] = await demo.db
      .insert(membership)
      .values({ userId: created!.id, agencyId: demo.agencyIds[kind]!, role: "staff", disabled })
      .returning({ id: membership.id });
    ids[kind] = m!.id;
  }
  return { ...created!, membershipIds: ids };
}

describe("a disabled membership", () => {
  it("no longer counts: it is not listed, not the default, and a session naming it acts as no agency", async () => {
    const someone = await createUser([
      { kind: "social_services", disabled: true },
      { kind: "exit_programme", disabled: false },
    ]);
    const memberships = await listMemberships(demo.db, someone.id);
    expect(memberships.map((m) => m.id)).toEqual([someone.membershipIds.exit_programme]);
    expect(defaultMembership("web", memberships)?.id).toBe(someone.membershipIds.exit_programme);
    const actor = await loadActor(demo.db, {
      userId: someone.id,
      sessionVersion: someone.sessionVersion,
      membershipId: someone.membershipIds.social_services!,
    });
    expect(actor?.membership).toBeNull();
    expect(actor?.memberships.map((m) => m.id)).toEqual([someone.membershipIds.exit_programme]);
  });

  it("that was the user's only case membership keeps them out of the web app", async () => {
    const someone = await createUser([{ kind: "police", disabled: true }]);
    expect(mayUseApp("web", await listMemberships(demo.db, someone.id), [])).toBe(false);
    const result = await authenticate(demo.db, {
      email: someone.email,
      password: DEMO_PASSWORD,
      app: "web",
    });
    expect(result).toEqual({ status: "refused", reason: "no_access" });
    // Enabled again, the same membership lets them in.
    await demo.db
      .update(membership)
      .set({ disabled: false })
      .where(eq(membership.id, someone.membershipIds.police!));
    const again = await authenticate(demo.db, {
      email: someone.email,
      password: DEMO_PASSWORD,
      app: "web",
    });
    expect(again.status).toBe("signed_in");
  });
});

describe("loading the actor", () => {
  /** A user of this test's own in two agencies (the second one inactive) and one disabled membership. */
  async function memberOfSeveral() {
    const someone = await createUser([
      { kind: "social_services", disabled: false },
      { kind: "police", disabled: false },
      { kind: "exit_programme", disabled: true },
    ]);
    const [closed] = await demo.ownerDb
      .insert(agency)
      .values({ name: `Closed ${crypto.randomUUID().slice(0, 8)}`, kind: "police", active: false })
      .returning({ id: agency.id });
    await demo.ownerDb
      .insert(membership)
      .values({ userId: someone.id, agencyId: closed!.id, role: "staff" });
    return someone;
  }

  it("takes one statement for the user, the revoked check and the memberships", async () => {
    const someone = await memberOfSeveral();
    const statements: unknown[] = [];
    const counting = createDb(demo.appUrl, {
      max: 1,
      onStatement: (statement) => statements.push(statement),
    });
    try {
      // The connection's own start-up queries are not the actor's.
      await counting.execute(sql`select 1`);
      statements.length = 0;
      const actor = await loadActor(counting, {
        userId: someone.id,
        sessionVersion: someone.sessionVersion,
        membershipId: someone.membershipIds.police!,
        sessionId: crypto.randomUUID(),
      });
      expect(statements).toHaveLength(1);
      expect(actor?.membership?.id).toBe(someone.membershipIds.police);
    } finally {
      await counting.close();
    }
  });

  it("lists the memberships that count, in listMemberships' order, and only for a current session", async () => {
    const someone = await memberOfSeveral();
    const claims = {
      userId: someone.id,
      sessionVersion: someone.sessionVersion,
      membershipId: someone.membershipIds.social_services!,
      sessionId: crypto.randomUUID(),
    };
    const actor = await loadActor(demo.db, claims);
    const listed = await listMemberships(demo.db, someone.id);
    expect(listed.map((m) => m.id).sort()).toEqual(
      [someone.membershipIds.police!, someone.membershipIds.social_services!].sort(),
    );
    expect(actor).toEqual({
      userId: someone.id,
      email: someone.email,
      name: someone.name,
      platformRoles: [],
      membership: listed.find((m) => m.id === claims.membershipId),
      memberships: listed,
    });

    expect(
      await loadActor(demo.db, { ...claims, sessionVersion: claims.sessionVersion + 1 }),
    ).toBeNull();
    expect(await loadActor(demo.db, { ...claims, userId: crypto.randomUUID() })).toBeNull();
    await demo.db.insert(revokedSession).values({
      sessionId: claims.sessionId,
      userId: someone.id,
      expiresAt: new Date(Date.now() + 3600_000),
    });
    expect(await loadActor(demo.db, claims)).toBeNull();
    const { sessionId: _, ...withoutSession } = claims;
    expect(await loadActor(demo.db, withoutSession)).not.toBeNull();
    await demo.ownerDb.update(user).set({ disabled: true }).where(eq(user.id, someone.id));
    expect(await loadActor(demo.db, withoutSession)).toBeNull();
  });

  it("gives a user without memberships an actor with none (a platform role's user)", async () => {
    const someone = await createUser([]);
    const actor = await loadActor(demo.db, {
      userId: someone.id,
      sessionVersion: someone.sessionVersion,
      membershipId: null,
    });
    expect(actor).toMatchObject({ userId: someone.id, membership: null, memberships: [] });
  });
});
