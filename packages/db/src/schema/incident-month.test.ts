/**
 * The shootings report's months follow the incidents: each kind's incidents, dead and injured
 * per month of the programme's calendar, kept by a trigger as incidents are recorded, changed
 * and deleted, and never written by the app's role. Against the demo on a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { refusal, rowsApart, startDemoDatabase, type DemoDatabase } from "../testing";
import { incident, incidentMonth } from "./incident";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** The months whose figures differ from a count of the incidents themselves. */
function drift(): Promise<number> {
  return rowsApart(
    demo.ownerDb,
    sql`select * from incident_month where incidents <> 0 or dead <> 0 or injured <> 0`,
    sql`
      select incident_month_of(occurred_at) as month, kind, count(*)::int as incidents,
        sum(dead)::int as dead, sum(injured)::int as injured
      from incident group by 1, 2`,
  );
}

async function monthOf(month: string, kind: "shooting" | "stabbing") {
  const [row] = await demo.ownerDb
    .select({
      incidents: incidentMonth.incidents,
      dead: incidentMonth.dead,
      injured: incidentMonth.injured,
    })
    .from(incidentMonth)
    .where(and(eq(incidentMonth.month, month), eq(incidentMonth.kind, kind)));
  return row ?? { incidents: 0, dead: 0, injured: 0 };
}

describe("incident_month", () => {
  it("holds the demo's incidents as they are: 65 shootings in 2017", async () => {
    expect(await drift()).toBe(0);
    const [row] = await demo.ownerDb.execute<{ n: number }>(sql`
      select sum(incidents)::int as n from incident_month
      where kind = 'shooting' and month between '2017-01-01' and '2017-12-01'`);
    expect(row!.n).toBe(65);
  });

  it("follows an incident recorded, moved to another month and kind, and deleted", async () => {
    const before = await monthOf("2031-04-01", "shooting");
    // 22:30 UTC on 31 March 2031 is 00:30 on 1 April in Stockholm.
    const [row] = await demo.ownerDb
      .insert(incident)
      .values({
        kind: "shooting",
        occurredAt: new Date("2031-03-31T22:30:00Z"),
        district: "Monthby",
        dead: 1,
        injured: 2,
      })
      .returning({ id: incident.id });
    expect(await monthOf("2031-04-01", "shooting")).toEqual({
      incidents: before.incidents + 1,
      dead: before.dead + 1,
      injured: before.injured + 2,
    });
    await demo.ownerDb
      .update(incident)
      .set({ kind: "stabbing", occurredAt: new Date("2031-05-10T12:00:00Z"), injured: 0 })
      .where(eq(incident.id, row!.id));
    expect(await monthOf("2031-04-01", "shooting")).toEqual(before);
    expect(await monthOf("2031-05-01", "stabbing")).toMatchObject({
      incidents: 1,
      dead: 1,
      injured: 0,
    });
    await demo.ownerDb.delete(incident).where(eq(incident.id, row!.id));
    expect(await monthOf("2031-05-01", "stabbing")).toMatchObject({ incidents: 0, dead: 0 });
    expect(await drift()).toBe(0);
  });

  it("is the app's to read, not to write, and is rebuilt whole to the same figures", async () => {
    await expect(demo.db.select().from(incidentMonth).limit(1)).resolves.toHaveLength(1);
    expect(await refusal(demo.db.execute(sql`delete from incident_month`))).toMatch(
      /permission denied for table incident_month/,
    );
    await demo.ownerDb.execute(sql`select rebuild_incident_months()`);
    expect(await drift()).toBe(0);
  });
});
