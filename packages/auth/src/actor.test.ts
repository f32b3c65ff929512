import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "@truce/db";
import { membership, user } from "@truce/db/schema";
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
