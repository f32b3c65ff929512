/**
 * The register's own procedures, against a real PostgreSQL with the demo data: the list's
 * filters, orders and its search for names like the one typed; registering (pending, as the
 * actor's agency, the review date from the platform setting, the likely duplicates asked for
 * first); editing and changing the status from the version seen, a stale edit refused; each
 * change in the access log with the names of its fields, never their values.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, gt, sql } from "@truce/db";
import { accessLog, groupMembership, individual, platformSetting } from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { callerFor, claimsFor, settle, userIdOf } from "../test-actors";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string) => callerFor(demo.db, await claimsFor(demo.db, email));
const police = () => as("police.staff@truce.example");

/** A valid registration under a family name of the test's own. */
function registration(overrides: Record<string, unknown> = {}) {
  return {
    givenName: "Mohammed",
    familyName: `Lindqvist${uniqueTag()}`,
    aliases: ["Lillen"],
    dateOfBirth: "2001-03-14",
    district: "Rosengård",
    riskLevel: "high" as const,
    supervision: "none" as const,
    category: "group_member" as const,
    registrationReason: "Seen armed with the group's core members twice this spring.",
    ...overrides,
  };
}

async function lastLogId(): Promise<number> {
  const [row] = await demo.db
    .select({ id: sql<number>`coalesce(max(${accessLog.id}), 0)::int` })
    .from(accessLog);
  return row!.id;
}

async function logSince(afterId: number) {
  return demo.db
    .select()
    .from(accessLog)
    .where(gt(accessLog.id, afterId))
    .orderBy(desc(accessLog.id));
}

describe("individual.list, filtered and sorted", () => {
  it("filters by status, risk, category, district, registering agency, group and age, together", async () => {
    const tag = uniqueTag();
    const police = demo.agencyIds.police!;
    const base = { registeringAgencyId: police, district: `Filterby ${tag}` };
    const minor = new Date(Date.now() - 15 * 365.25 * 86_400_000).toISOString().slice(0, 10);
    const [a, b, c] = await Promise.all([
      createTestIndividual(demo.ownerDb, {
        ...base,
        status: "relocated",
        riskLevel: "critical",
        category: "group_member",
        dateOfBirth: minor,
      }),
      createTestIndividual(demo.ownerDb, { ...base, riskLevel: "low", category: "victim" }),
      createTestIndividual(demo.ownerDb, {
        ...base,
        registeringAgencyId: demo.agencyIds.social_services!,
        category: "group_member",
      }),
    ]);
    const [group] = await demo.db.execute<{ id: string }>(sql`select id from "group" limit 1`);
    await demo.ownerDb.insert(groupMembership).values([
      { individualId: a.id, groupId: group!.id, affiliation: "core" },
      { individualId: b.id, groupId: group!.id, affiliation: "member", toOn: "2020-01-01" },
    ]);
    const caller = await as("police.staff@truce.example");
    const ids = async (filters: Record<string, unknown>) =>
      (await caller.individual.list({ district: base.district, ...filters })).items
        .map((i) => i.id)
        .sort();
    expect(await ids({})).toEqual([a.id, b.id, c.id].sort());
    expect(await ids({ status: "relocated" })).toEqual([a.id]);
    expect(await ids({ riskLevel: "low" })).toEqual([b.id]);
    expect(await ids({ category: "group_member" })).toEqual([a.id, c.id].sort());
    expect(await ids({ registeringAgencyId: demo.agencyIds.social_services })).toEqual([c.id]);
    expect(await ids({ age: "minors" })).toEqual([a.id]);
    expect(await ids({ age: "adults" })).toEqual([b.id, c.id].sort());
    // Current members only: b's membership ended in 2020.
    expect(await ids({ groupId: group!.id })).toEqual([a.id]);
    expect(await ids({ groupId: group!.id, category: "victim" })).toEqual([]);
    const counted = await caller.individual.list({
      district: base.district,
      category: "group_member",
    });
    expect(counted).toMatchObject({ total: 2, totalCapped: false });
  });

  it("sorts by name or by review date, either way, with the pages never overlapping", async () => {
    const caller = await police();
    for (const [sort, direction] of [
      ["name", "asc"],
      ["name", "desc"],
      ["reviewDue", "asc"],
      ["reviewDue", "desc"],
    ] as const) {
      const seen: { key: string; id: string }[] = [];
      for (let page = 1; page <= 3; page++) {
        const { items } = await caller.individual.list({ sort, direction, page, pageSize: 20 });
        seen.push(
          ...items.map((i) => ({
            key: sort === "name" ? `${i.familyName}\u0000${i.givenName}` : i.reviewDue,
            id: i.id,
          })),
        );
      }
      expect(new Set(seen.map((s) => s.id)).size, `${sort} ${direction}`).toBe(seen.length);
      const keys = seen.map((s) => s.key);
      // The database's collation orders names; the review dates compare as text.
      if (sort === "reviewDue") {
        const sorted = [...keys].sort();
        expect(keys).toEqual(direction === "asc" ? sorted : sorted.reverse());
      } else {
        expect(keys[0]! <= keys.at(-1)! === (direction === "asc") || keys[0] === keys.at(-1)).toBe(
          true,
        );
      }
    }
  });

  it("finds a name like the one typed: Mohamad finds Mohammed, Kowalsky finds Kowalski", async () => {
    const tag = uniqueTag().replace(/\d/g, "x");
    const mohammed = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: "Mohammed",
      familyName: `Kowalski${tag}`,
    });
    const caller = await police();
    for (const search of [`Mohamad Kowalski${tag}`, `kowalsky${tag}`, `Kowalski${tag}`]) {
      const found = await caller.individual.list({ search });
      expect(
        found.items.map((i) => i.id),
        search,
      ).toContain(mohammed.id);
    }
  });
});

describe("individual.create", () => {
  it("registers a pending person as the actor's agency, the review date from the platform setting, and logs the fields", async () => {
    const before = await lastLogId();
    const input = registration();
    const caller = await police();
    const { id } = await caller.individual.create(input);
    const [row] = await demo.db.select().from(individual).where(eq(individual.id, id));
    const [due] = await demo.db.execute<{ due: string }>(
      sql`select (current_date + interval '12 months')::date::text as due`,
    );
    expect(row).toMatchObject({
      ...input,
      nationalId: null,
      registeringAgencyId: demo.agencyIds.police,
      registrationStatus: "pending",
      status: "active",
      reviewDue: due!.due,
      createdById: await userIdOf(demo.db, "police.staff@truce.example"),
    });
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({ action: "create", entityType: "individual", entityId: id });
    expect(logged!.fields).toContain("registrationReason");
    expect(logged!.fields).not.toContain("nationalId");
    expect(JSON.stringify(logged)).not.toContain(input.registrationReason);
    // Pending: the police see the person, social services do not.
    const social = await as("social.staff@truce.example");
    expect((await caller.individual.list({ search: input.familyName })).total).toBe(1);
    expect((await social.individual.list({ search: input.familyName })).total).toBe(0);
  });

  it("takes the review period from the platform setting, and a review date given instead", async () => {
    await demo.ownerDb
      .update(platformSetting)
      .set({ reviewPeriodMonths: 6 })
      .where(eq(platformSetting.id, 1));
    try {
      const caller = await police();
      const { id } = await caller.individual.create(registration());
      const [due] = await demo.db.execute<{ due: string }>(
        sql`select (current_date + interval '6 months')::date::text as due`,
      );
      const [row] = await demo.db.select().from(individual).where(eq(individual.id, id));
      expect(row!.reviewDue).toBe(due!.due);
      expect((await caller.individual.formOptions()).reviewPeriodMonths).toBe(6);
    } finally {
      await demo.ownerDb
        .update(platformSetting)
        .set({ reviewPeriodMonths: 12 })
        .where(eq(platformSetting.id, 1));
    }
    const chosen = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const { id } = await (await police()).individual.create(registration({ reviewDue: chosen }));
    const [row] = await demo.db.select().from(individual).where(eq(individual.id, id));
    expect(row!.reviewDue).toBe(chosen);
  });

  it("refuses a national identity number already registered, with a message, and writes nothing", async () => {
    const nationalId = `19990101-${uniqueTag().slice(0, 4)}`;
    const caller = await police();
    await caller.individual.create(registration({ nationalId }));
    const second = registration({ nationalId });
    await expect(caller.individual.create(second)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "apiErrors.individual.nationalIdTaken",
    });
    const rows = await demo.db
      .select({ id: individual.id })
      .from(individual)
      .where(eq(individual.familyName, second.familyName));
    expect(rows).toEqual([]);
  });

  it("refuses bad input with the field's message and an empty optional field as none", async () => {
    const caller = await police();
    const refused = await settle(
      caller.individual.create(registration({ registrationReason: "short", category: "suspect" })),
    );
    expect(refused).toEqual({ ok: false, code: "BAD_REQUEST" });
    const { id } = await caller.individual.create(
      registration({ dateOfBirth: "", nationalId: "", reviewDue: "" }),
    );
    const [row] = await demo.db.select().from(individual).where(eq(individual.id, id));
    expect(row).toMatchObject({ dateOfBirth: null, nationalId: null });
  });

  it("is refused to an agency admin and an auditor", async () => {
    for (const email of ["agency.admin@truce.example", "auditor@truce.example"]) {
      const caller = await callerFor(demo.db, await claimsFor(demo.db, email, "admin"));
      await expect(caller.individual.create(registration())).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });
});

describe("individual.likelyDuplicates", () => {
  it("finds a similar name with the same birth year, and not another year's", async () => {
    const tag = uniqueTag().replace(/\d/g, "q");
    await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: "Mohammed",
      familyName: `Hassan${tag}`,
      dateOfBirth: "2001-06-30",
    });
    const caller = await as("probation.staff@truce.example");
    const found = await caller.individual.likelyDuplicates({
      givenName: "Mohamad",
      familyName: `Hassan${tag}`,
      dateOfBirth: "2001-01-02",
    });
    expect(found).toEqual([
      expect.objectContaining({ familyName: `Hassan${tag}`, birthYear: 2001 }),
    ]);
    // Never the date itself, nor anything of the case.
    expect(JSON.stringify(found)).not.toContain("2001-06-30");
    const otherYear = await caller.individual.likelyDuplicates({
      givenName: "Mohamad",
      familyName: `Hassan${tag}`,
      dateOfBirth: "1995-01-02",
    });
    expect(otherYear).toEqual([]);
  });

  it("finds a name written the other way round, and never one that shares a single part", async () => {
    // Two made-up names with no letters in common, so that nothing else is like either.
    const made = (letters: string) =>
      Array.from({ length: 8 }, () => letters[Math.floor(Math.random() * letters.length)]).join("");
    const given = `K${made("bcdfg")}`;
    const family = `H${made("mnpqr")}`;
    const same = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: given,
      familyName: family,
    });
    // Another person with the same family name: not a likely duplicate.
    await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: "Ibrahim",
      familyName: family,
    });
    const caller = await police();
    const swapped = await caller.individual.likelyDuplicates({
      givenName: family,
      familyName: given,
    });
    expect(swapped.map((found) => found.id)).toEqual([same.id]);
    const sameName = await caller.individual.likelyDuplicates({
      givenName: family,
      familyName: family,
    });
    expect(sameName).toEqual([]);
    // The closest first: the name as written before one a letter away.
    const near = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: `${given.slice(0, -1)}s`,
      familyName: family,
    });
    const both = await caller.individual.likelyDuplicates({
      givenName: given,
      familyName: family,
    });
    expect(both.map((found) => found.id)).toEqual([same.id, near.id]);
  });

  it("does not reveal another agency's pending registration", async () => {
    const tag = uniqueTag().replace(/\d/g, "z");
    await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: demo.agencyIds.police!,
      givenName: "Pending",
      familyName: `Hidden${tag}`,
      registrationStatus: "pending",
    });
    const input = { givenName: "Pending", familyName: `Hidden${tag}` };
    expect(await (await police()).individual.likelyDuplicates(input)).toHaveLength(1);
    expect(
      await (await as("social.staff@truce.example")).individual.likelyDuplicates(input),
    ).toEqual([]);
  });
});

describe("individual.update and setStatus", () => {
  async function registered() {
    const input = registration();
    const { id } = await (await police()).individual.create(input);
    return { id, input };
  }

  it("changes the record from the version seen, bumps it, and logs the fields without their values", async () => {
    const { id, input } = await registered();
    const before = await lastLogId();
    const caller = await police();
    const changed = { ...input, id, version: 1, riskLevel: "critical" as const, aliases: [] };
    expect(await caller.individual.update(changed)).toEqual({ id, version: 2 });
    const [row] = await demo.db.select().from(individual).where(eq(individual.id, id));
    expect(row).toMatchObject({ riskLevel: "critical", aliases: [], version: 2 });
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({ action: "update", entityType: "individual", entityId: id });
    expect(JSON.stringify(logged)).not.toContain(input.registrationReason);
  });

  it("refuses a stale edit with STALE_VERSION and changes nothing", async () => {
    const { id, input } = await registered();
    const caller = await police();
    await caller.individual.update({ ...input, id, version: 1, district: "Möllevången" });
    await expect(
      caller.individual.update({ ...input, id, version: 1, district: "Husie" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.individual.stale" });
    await expect(
      caller.individual.setStatus({ id, version: 1, status: "exited" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const [row] = await demo.db.select().from(individual).where(eq(individual.id, id));
    expect(row).toMatchObject({ district: "Möllevången", status: "active", version: 2 });
  });

  it("changes the status and logs it", async () => {
    const { id } = await registered();
    const before = await lastLogId();
    const caller = await police();
    expect(
      await caller.individual.setStatus({ id, version: 1, status: "in_exit_process" }),
    ).toEqual({ id, status: "in_exit_process", version: 2 });
    const [logged] = await logSince(before);
    expect(logged).toMatchObject({ action: "update", fields: ["status"], entityId: id });
  });

  it("treats another agency's pending registration as not found, for an edit and a status", async () => {
    const { id, input } = await registered();
    const social = await as("social.staff@truce.example");
    await expect(social.individual.update({ ...input, id, version: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      social.individual.setStatus({ id, version: 1, status: "exited" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await demo.db
      .select({ version: individual.version })
      .from(individual)
      .where(and(eq(individual.id, id)));
    expect(row!.version).toBe(1);
  });
});
