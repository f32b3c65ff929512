import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "@truce/db";
import { agency } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { adminCallerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

describe("agency.list", () => {
  it("lists every agency for a platform admin", async () => {
    const caller = await adminCallerFor(
      demo.db,
      await claimsFor(demo.db, "platform.admin@truce.example", "admin"),
    );
    const agencies = await caller.agency.list();
    const [total] = await demo.db.select({ n: count() }).from(agency);
    expect(agencies).toHaveLength(total!.n);
    expect(agencies.map((a) => a.kind)).toEqual(
      expect.arrayContaining(["police", "social_services", "exit_programme", "probation"]),
    );
  });

  it("lists only their own agency for an agency admin", async () => {
    const caller = await adminCallerFor(
      demo.db,
      await claimsFor(demo.db, "agency.admin@truce.example", "admin"),
    );
    const agencies = await caller.agency.list();
    expect(agencies).toHaveLength(1);
    expect(agencies[0]?.kind).toBe("police");
  });

  it("refuses staff, and anonymous callers", async () => {
    const staff = await adminCallerFor(
      demo.db,
      await claimsFor(demo.db, "police.staff@truce.example"),
    );
    await expect(staff.agency.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const anonymous = await adminCallerFor(demo.db, null);
    await expect(anonymous.agency.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
