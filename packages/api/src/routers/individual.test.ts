import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, ne } from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { agency, individual } from "@truce/db/schema";
import { createTestIndividual, startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { callerFor, claimsFor } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

describe("individual.list", () => {
  it("refuses an anonymous caller with UNAUTHORIZED", async () => {
    const caller = await callerFor(demo.db, null);
    await expect(caller.individual.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives a police officer a page of the approved register and their own agency's pending people", async () => {
    const claims = await claimsFor(demo.db, "police.staff@truce.example");
    const caller = await callerFor(demo.db, claims);
    const page = await caller.individual.list({ page: 1, pageSize: 10 });
    expect(page.items).toHaveLength(10);
    const [police] = await demo.db.select().from(agency).where(eq(agency.kind, "police"));
    const [visible] = await demo.db
      .select({ n: count() })
      .from(individual)
      .where(and(ne(individual.registrationStatus, "pending")));
    const [ownPending] = await demo.db
      .select({ n: count() })
      .from(individual)
      .where(
        and(
          eq(individual.registrationStatus, "pending"),
          eq(individual.registeringAgencyId, police!.id),
        ),
      );
    expect(page.total).toBe(visible!.n + ownPending!.n);
  });

  it("hides another agency's pending registrations in the query itself", async () => {
    const [social] = await demo.db.select().from(agency).where(eq(agency.kind, "social_services"));
    const pendingElsewhere = await demo.db
      .select({ id: individual.id })
      .from(individual)
      .where(
        and(
          eq(individual.registrationStatus, "pending"),
          ne(individual.registeringAgencyId, social!.id),
        ),
      );
    expect(pendingElsewhere.length).toBeGreaterThan(0);
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "social.staff@truce.example"));
    const all = await caller.individual.list({ page: 1, pageSize: 100 });
    const seen = new Set<string>();
    for (let p = 1; p <= Math.ceil(all.total / 100); p++) {
      const page = await caller.individual.list({ page: p, pageSize: 100 });
      page.items.forEach((item) => seen.add(item.id));
    }
    expect(seen.size).toBe(all.total);
    for (const { id } of pendingElsewhere) expect(seen.has(id)).toBe(false);
  });

  it("searches by name, case-insensitively, treating % as text", async () => {
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const first = (await caller.individual.list({ page: 1, pageSize: 1 })).items[0]!;
    const found = await caller.individual.list({
      search: first.familyName.toUpperCase(),
      pageSize: 100,
    });
    expect(found.items.map((i) => i.id)).toContain(first.id);
    // The names that hold the text come first; names like it may follow.
    const holds = found.items.map((i) =>
      `${i.givenName} ${i.familyName}`.toLowerCase().includes(first.familyName.toLowerCase()),
    );
    expect(holds[0]).toBe(true);
    expect(holds).toEqual([...holds].sort((a, b) => Number(b) - Number(a)));
    // A search is in the register's order too (sorted, not walked: list-individuals.ts).
    const common = await caller.individual.list({ search: "a", pageSize: 100 });
    expect(common.items.length).toBeGreaterThan(1);
    const key = (i: (typeof common.items)[number]) => [i.familyName, i.givenName, i.id];
    const sorted = [...common.items].sort((x, y) => {
      const [a, b] = [key(x), key(y)];
      for (let k = 0; k < 3; k++) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
      return 0;
    });
    expect(common.items.map((i) => i.id)).toEqual(sorted.map((i) => i.id));
    const none = await caller.individual.list({ search: "%" });
    expect(none.total).toBe(0);
  });

  it("finds a person by an alias and by given and family name together, in any case", async () => {
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: "Örjan",
      aliases: ["Kråkan", "Ö-Zeta"],
    });
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    for (const search of ["kråkan", "KRÅK", "ö-zeta", `Örjan ${person.familyName}`]) {
      const found = await caller.individual.list({ search });
      expect(
        found.items.map((i) => i.id),
        search,
      ).toEqual([person.id]);
      expect(found).toMatchObject({ total: 1, totalCapped: false });
    }
    // Nothing like any name or alias finds no one.
    expect((await caller.individual.list({ search: "Xqzvw Jjkpt" })).total).toBe(0);
  });

  it("refuses a page that starts beyond the exact count, as invalid input", async () => {
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const lastPage = FIELD_LIMITS.count.max / 25;
    await expect(
      caller.individual.list({ page: lastPage + 1, pageSize: 25 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await caller.individual.list({ page: lastPage, pageSize: 25 })).items).toEqual([]);
  });

  it("rejects a page size above 100 as invalid input", async () => {
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    await expect(caller.individual.list({ pageSize: 1000 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("gives platform admins and auditors no case content", async () => {
    for (const email of ["platform.admin@truce.example", "auditor@truce.example"]) {
      const caller = await callerFor(demo.db, await claimsFor(demo.db, email, "admin"));
      await expect(caller.individual.list({}), email).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("bad input", () => {
  it("refuses a NUL byte in a search as invalid input, not as a database error", async () => {
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    await expect(caller.individual.list({ search: "a\u0000b" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
