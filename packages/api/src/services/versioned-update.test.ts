/**
 * Optimistic locking: a change states the version the person saw; a row changed meanwhile
 * is refused as stale (409, with a message key that says to reload), never overwritten.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@truce/auth/actor";
import { eq } from "@truce/db";
import { membership, user } from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { adminCallerFor, claimsFor } from "../test-actors";
import { inTransaction, type ServiceContext } from "./context";
import { updateVersioned } from "./versioned-update";

let demo: DemoDatabase;
let ctx: ServiceContext;

beforeAll(async () => {
  demo = await startDemoDatabase();
  const claims = await claimsFor(demo.db, "platform.admin@truce.example", "admin");
  const actor = await loadActor(demo.db, claims);
  if (!actor) throw new Error("the demo platform admin has no session");
  ctx = { db: demo.db, actor, purpose: null };
});
afterAll(async () => {
  await demo?.stop();
});

/** A user of this test's own, with a police staff membership: both rows at version 1. */
async function createUser() {
  const email = `versioned.${crypto.randomUUID().slice(0, 8)}@truce.example`;
  const [created] = await demo.db
    .insert(user)
    .values({ email, name: "Before", passwordHash: DEMO_PASSWORD_HASH })
    .returning({ id: user.id });
  const [member] = await demo.db
    .insert(membership)
    .values({ userId: created!.id, agencyId: demo.agencyIds.police!, role: "staff" })
    .returning({ id: membership.id });
  return { userId: created!.id, membershipId: member!.id };
}

async function userRow(id: string) {
  const [row] = await demo.db.select().from(user).where(eq(user.id, id));
  return row!;
}

const rename = (id: string, version: number, name: string) =>
  inTransaction(ctx, (tx) =>
    updateVersioned(tx, user, {
      id,
      version,
      set: { name },
      returning: { id: user.id, name: user.name, version: user.version },
      staleKey: "apiErrors.user.stale",
    }),
  );

describe("updateVersioned", () => {
  it("changes the row at the version the person saw, bumps the version and records who changed it", async () => {
    const { userId } = await createUser();
    expect(await rename(userId, 1, "After")).toEqual({ id: userId, name: "After", version: 2 });
    expect(await userRow(userId)).toMatchObject({
      name: "After",
      version: 2,
      updatedById: ctx.actor.userId,
    });
  });

  it("refuses a version someone else has changed meanwhile, with the stale key, and changes nothing", async () => {
    const { userId } = await createUser();
    await rename(userId, 1, "First edit");
    await expect(rename(userId, 1, "Second edit, from the old page")).rejects.toMatchObject({
      code: "STALE_VERSION",
      key: "apiErrors.user.stale",
    });
    expect(await userRow(userId)).toMatchObject({ name: "First edit", version: 2 });
  });
});

describe("every versioned change through the API", () => {
  type Caller = Awaited<ReturnType<typeof adminCallerFor>>;
  type Row = Awaited<ReturnType<typeof createUser>>;
  // Each change twice from the same version: the second comes from a page that is now stale.
  const changes: [string, string, (caller: Caller, row: Row, flip: boolean) => Promise<unknown>][] =
    [
      [
        "user.setDisabled",
        "apiErrors.user.stale",
        (caller, { userId }, flip) =>
          caller.user.setDisabled({ userId, disabled: flip, version: 1 }),
      ],
      [
        "membership.setRole",
        "apiErrors.membership.stale",
        (caller, { membershipId }, flip) =>
          caller.membership.setRole({ membershipId, role: flip ? "manager" : "staff", version: 1 }),
      ],
      [
        "membership.setDisabled",
        "apiErrors.membership.stale",
        (caller, { membershipId }, flip) =>
          caller.membership.setDisabled({ membershipId, disabled: flip, version: 1 }),
      ],
    ];

  it.each(changes)("refuses a stale %s as CONFLICT, saying to reload", async (_, key, change) => {
    const row = await createUser();
    const caller = await adminCallerFor(
      demo.db,
      await claimsFor(demo.db, "platform.admin@truce.example", "admin"),
    );
    await change(caller, row, true);
    await expect(change(caller, row, false)).rejects.toMatchObject({
      code: "CONFLICT",
      message: key,
    });
  });
});
