/**
 * A select list's distinct values by a skip along the column's index, against a real
 * PostgreSQL with the demo data: the same values, in the same order, as `select distinct`
 * over the whole table, nulls left out, and cut at the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, isNotNull } from "@truce/db";
import { group, incident, individual } from "@truce/db/schema";
import { startDemoDatabase, uniqueTag, type DemoDatabase } from "@truce/db/testing";
import { distinctValues } from "./choices";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

describe("distinctValues", () => {
  it("gives what select distinct gives, in order: areas, districts of incidents and of people", async () => {
    const tag = uniqueTag();
    // Two groups in one new area, one in another: the area is listed once.
    await demo.ownerDb.insert(group).values([
      { name: `A ${tag}`, area: `Zone ${tag}` },
      { name: `B ${tag}`, area: `Zone ${tag}` },
      { name: `C ${tag}`, area: `Another zone ${tag}` },
    ]);
    for (const [table, column] of [
      [group, group.area],
      [incident, incident.district],
      [individual, individual.district],
    ] as const) {
      const plain = await demo.db
        .selectDistinct({ value: column })
        .from(table)
        .where(isNotNull(column))
        .orderBy(asc(column));
      const skipped = await distinctValues(demo.db, table, column);
      expect(plain.length).toBeGreaterThan(1);
      expect(skipped).toEqual(plain.map((row) => row.value));
    }
    const areas = await distinctValues(demo.db, group, group.area);
    expect(areas.filter((a) => a.endsWith(tag))).toEqual([`Another zone ${tag}`, `Zone ${tag}`]);
  });

  it("stops at the limit", async () => {
    const all = await distinctValues(demo.db, group, group.area);
    expect(all.length).toBeGreaterThan(2);
    expect(await distinctValues(demo.db, group, group.area, 2)).toEqual(all.slice(0, 2));
  });
});
