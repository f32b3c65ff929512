import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, desc, sql } from "@truce/db";
import { incident, individual } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { jsonRows } from "./json-rows";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
}, 60_000);
afterAll(async () => {
  await demo?.stop();
});

const personFields = {
  id: individual.id,
  givenName: individual.givenName,
  status: individual.status,
  riskLevel: individual.riskLevel,
  dateOfBirth: individual.dateOfBirth,
  protectedLocation: individual.protectedLocation,
};

describe("jsonRows", () => {
  it("gives what the plain select gives, row for row, in the order asked", async () => {
    const order = [desc(individual.familyName), asc(individual.id)];
    const plain = await demo.ownerDb
      .select(personFields)
      .from(individual)
      .orderBy(...order);
    const [read] = await demo.ownerDb
      .select({ rows: jsonRows(personFields, order) })
      .from(individual);
    expect(plain.length).toBeGreaterThan(50);
    // Nulls, dates, enums and booleans among them, so each type is compared.
    expect(plain.some((p) => p.dateOfBirth === null)).toBe(true);
    expect(plain.some((p) => p.dateOfBirth !== null)).toBe(true);
    expect(read!.rows).toEqual(plain);
  });

  it("keeps whole numbers as numbers, and a count cast to int", async () => {
    const fields = { id: incident.id, dead: incident.dead, injured: incident.injured };
    const plain = await demo.ownerDb.select(fields).from(incident).orderBy(asc(incident.id));
    const [read] = await demo.ownerDb
      .select({ rows: jsonRows(fields, [asc(incident.id)]) })
      .from(incident);
    expect(read!.rows).toEqual(plain);
    const [counted] = await demo.ownerDb
      .select({ rows: jsonRows({ n: sql<number>`(select count(*)::int from incident)` }) })
      .from(sql`(values (1)) as one(x)`);
    expect(counted!.rows).toEqual([{ n: plain.length }]);
  });

  it("is an empty list when nothing matches", async () => {
    const [read] = await demo.ownerDb
      .select({ rows: jsonRows(personFields) })
      .from(individual)
      .where(sql`false`);
    expect(read!.rows).toEqual([]);
  });

  it("gives any text back as it was", async () => {
    await fc.assert(
      fc.asyncProperty(
        // PostgreSQL's text holds any character but NUL.
        fc.string({ unit: "grapheme", maxLength: 40 }).filter((s) => !s.includes("\u0000")),
        async (text) => {
          const [read] = await demo.ownerDb
            .select({ rows: jsonRows({ text: sql<string>`${text}::text` }) })
            .from(sql`(values (1)) as one(x)`);
          expect(read!.rows).toEqual([{ text }]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses a column whose JSON is not its value", () => {
    // A timestamp is a Date from Drizzle and a string in JSON.
    expect(() => jsonRows({ occurredAt: incident.occurredAt })).toThrow(/PgTimestamp/);
  });
});
