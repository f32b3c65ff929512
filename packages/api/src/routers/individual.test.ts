import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, count, eq, ne, sql } from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { agency, individual } from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  testIndividualValues,
  type DemoDatabase,
} from "@truce/db/testing";
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

  it("counts the names like the text with those that hold it, though a page holds only the latter", async () => {
    const tag = Array.from(
      { length: 10 },
      () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)],
    ).join("");
    const person = (familyName: string, givenName: string) =>
      createTestIndividual(demo.ownerDb, {
        registeringAgencyId: demo.agencyIds.police!,
        familyName,
        givenName,
      });
    for (let n = 0; n < 26; n++) await person(`${tag}`, `G${String(n).padStart(2, "0")}`);
    for (const givenName of ["Aa", "Ab"]) await person(`${tag.slice(0, -1)}y`, givenName);
    const caller = await callerFor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const first = await caller.individual.list({ search: tag, pageSize: 25 });
    expect(first.items.every((i) => i.familyName === tag)).toBe(true);
    expect(first).toMatchObject({ total: 28, totalCapped: false });
    const second = await caller.individual.list({ search: tag, page: 2, pageSize: 25 });
    expect(second.items.map((i) => i.givenName)).toEqual(["G25", "Aa", "Ab"]);
    await demo.ownerDb
      .delete(individual)
      .where(sql`${individual.familyName} like ${`%${tag.slice(0, -1)}%`}`);
  });

  it("pages more names holding the text than the count shows as the full search would", async () => {
    // Letters only, so that no other name holds them or is like them.
    const tag = Array.from(
      { length: 10 },
      () => "bcdfghjkmnpqrstvwxz"[Math.floor(Math.random() * 19)],
    ).join("");
    const holding = FIELD_LIMITS.count.max + 1;
    const base = { registeringAgencyId: demo.agencyIds.police! };
    await demo.ownerDb.insert(individual).values([
      // Names that hold the text, in an order of their own ("a…" to "z…" given names).
      ...Array.from({ length: holding }, (_, n) =>
        testIndividualValues({
          ...base,
          givenName: `G${(n * 7919) % holding}`,
          familyName: `${tag}${String.fromCharCode(97 + (n % 26))}`,
        }),
      ),
      // Names only like it (its last letter changed), which sort before all of them by name.
      ...["Aa", "Ab", "Ac"].map((givenName) =>
        testIndividualValues({ ...base, givenName, familyName: `A${tag.slice(0, -1)}y` }),
      ),
    ]);
    try {
      const caller = await callerFor(
        demo.db,
        await claimsFor(demo.db, "police.staff@truce.example"),
      );
      // The whole search in its order: the names holding the text first, then by name and id.
      const all = await demo.ownerDb
        .select({
          id: individual.id,
          familyName: individual.familyName,
          givenName: individual.givenName,
        })
        .from(individual)
        .where(sql`${individual.familyName} like ${`%${tag.slice(0, -1)}%`}`);
      const holds = (r: { familyName: string }) => r.familyName.includes(tag);
      const expected = all
        .sort(
          (x, y) =>
            Number(holds(y)) - Number(holds(x)) ||
            (x.familyName < y.familyName ? -1 : x.familyName > y.familyName ? 1 : 0) ||
            (x.givenName < y.givenName ? -1 : x.givenName > y.givenName ? 1 : 0) ||
            (x.id < y.id ? -1 : 1),
        )
        .map((r) => r.id);
      expect(expected).toHaveLength(holding + 3);
      for (const [page, pageSize] of [
        [1, 25],
        [10, 100],
      ] as const) {
        const found = await caller.individual.list({ search: tag, page, pageSize });
        expect(found).toMatchObject({ total: FIELD_LIMITS.count.max, totalCapped: true });
        expect(found.items.map((i) => i.id)).toEqual(
          expected.slice((page - 1) * pageSize, page * pageSize),
        );
      }
      // A page that runs past the names holding the text goes on with the names like it.
      const last = await caller.individual.list({ search: tag, page: 11, pageSize: 99 });
      expect(last.items.map((i) => i.id)).toEqual(expected.slice(990, 1089));
      expect(last.items.slice(-3).map((i) => i.givenName)).toEqual(["Aa", "Ab", "Ac"]);
      expect(last).toMatchObject({ total: FIELD_LIMITS.count.max, totalCapped: true });
      // In the other direction too, the holding names first.
      const backwards = await caller.individual.list({
        search: tag,
        pageSize: 5,
        direction: "desc",
      });
      expect(backwards.items.every((i) => i.familyName.includes(tag))).toBe(true);
      expect(backwards.items[0]!.familyName).toBe(`${tag}z`);
    } finally {
      // The register's other tests count on fewer people than the cap.
      await demo.ownerDb
        .delete(individual)
        .where(sql`${individual.familyName} like ${`%${tag.slice(0, -1)}%`}`);
    }
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
