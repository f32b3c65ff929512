/**
 * The conflicts report's months follow the case records: each month's changes of conflicts'
 * status, in each district the conflicts concern and in the whole city, kept by triggers as
 * changes, parties, people and groups change, and never written by the app's role. Against
 * the demo on a real server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import {
  createTestIndividual,
  refusal,
  rowsApart,
  startDemoDatabase,
  type DemoDatabase,
} from "../testing";
import { conflict, conflictChange, conflictParty } from "./conflict";
import { conflictMonth } from "./conflict-month";
import { group } from "./group";
import { individual } from "./individual";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/**
 * The rows that differ between the table and a count of the case records themselves, written
 * here with plain joins rather than through the migration's view, so the view is checked too.
 */
function drift(): Promise<number> {
  return rowsApart(
    demo.ownerDb,
    sql`select district, month, status, conflicts, opened, resolved from conflict_month`,
    sql`
      with concerns as (
        select c.id as conflict_id, ''::text as district from conflict c
        union
        select p.conflict_id, g.area from conflict_party p join "group" g on g.id = p.group_id
        union
        select p.conflict_id, ind.district from conflict_party p
        join individual ind on ind.id = p.individual_id and ind.registration_status = 'approved'
      ),
      events as (
        select conflict_id, changed_at, status, 1 as delta, previous_status is null as opened,
          status = 'resolved' and previous_status is distinct from 'resolved' as resolved
        from conflict_change
        union all
        select conflict_id, changed_at, previous_status, -1, false, false
        from conflict_change where previous_status is not null
      )
      select k.district, date_trunc('month', e.changed_at at time zone 'Europe/Stockholm')::date
          as month, e.status, sum(e.delta)::int as conflicts,
        count(*) filter (where e.opened)::int as opened,
        count(*) filter (where e.resolved)::int as resolved
      from events e join concerns k on k.conflict_id = e.conflict_id
      group by 1, 2, 3`,
  );
}

/** A district's conflicts in each status at a month's end: every month's changes up to it. */
async function atEnd(district: string, month: string) {
  const rows = await demo.ownerDb
    .select({
      status: conflictMonth.status,
      conflicts: sql<number>`sum(${conflictMonth.conflicts})::int`,
    })
    .from(conflictMonth)
    .where(and(eq(conflictMonth.district, district), sql`${conflictMonth.month} <= ${month}`))
    .groupBy(conflictMonth.status);
  return Object.fromEntries(
    rows.filter((r) => r.conflicts !== 0).map((r) => [r.status, r.conflicts]),
  );
}

async function openedIn(district: string, month: string) {
  const [row] = await demo.ownerDb
    .select({
      opened: sql<number>`coalesce(sum(${conflictMonth.opened}), 0)::int`,
      resolved: sql<number>`coalesce(sum(${conflictMonth.resolved}), 0)::int`,
    })
    .from(conflictMonth)
    .where(and(eq(conflictMonth.district, district), eq(conflictMonth.month, month)));
  return row!;
}

describe("conflict_month", () => {
  it("holds the demo's conflicts as their histories say", async () => {
    expect(await drift()).toBe(0);
    const [row] = await demo.ownerDb.execute<{ n: number }>(sql`
      select (select sum(conflicts) from conflict_month where district = '')::int
        - (select count(*) from conflict)::int as n`);
    // Every conflict is in one status: the changes of all months add up to the conflicts.
    expect(row!.n).toBe(0);
  });

  it("follows a conflict's changes, its parties, their district and registration, and its deletion", async () => {
    const police = demo.agencyIds.police!;
    const [someGroup] = await demo.ownerDb
      .insert(group)
      .values({ name: "Conflictmonth group", area: "Conflictmonthby" })
      .returning({ id: group.id });
    const pending = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: police,
      district: "Pendingmonthby",
      registrationStatus: "pending",
    });
    const [fixture] = await demo.ownerDb
      .insert(conflict)
      .values({ title: "Conflict month fixture", status: "latent" })
      .returning({ id: conflict.id });
    await demo.ownerDb.insert(conflictParty).values([
      { conflictId: fixture!.id, groupId: someGroup!.id, side: "A" },
      { conflictId: fixture!.id, individualId: pending.id, side: "B" },
    ]);
    // 22:30 UTC on 31 March 2035 is 00:30 on 1 April in Stockholm.
    await demo.ownerDb.insert(conflictChange).values({
      conflictId: fixture!.id,
      status: "latent",
      riskLevel: "medium",
      changedAt: new Date("2035-03-31T22:30:00Z"),
    });
    expect(await atEnd("Conflictmonthby", "2035-03-01")).toEqual({});
    expect(await atEnd("Conflictmonthby", "2035-04-01")).toEqual({ latent: 1 });
    expect(await openedIn("Conflictmonthby", "2035-04-01")).toEqual({ opened: 1, resolved: 0 });
    // A change of risk alone, in the same month: +1 and -1 to the same status.
    await demo.ownerDb.insert(conflictChange).values({
      conflictId: fixture!.id,
      status: "latent",
      riskLevel: "high",
      previousStatus: "latent",
      previousRiskLevel: "medium",
      changedAt: new Date("2035-04-02T10:00:00Z"),
    });
    expect(await atEnd("Conflictmonthby", "2035-04-01")).toEqual({ latent: 1 });
    expect(await drift()).toBe(0);
    // A pending registration counts nowhere, not even as the conflict's district.
    expect(await atEnd("Pendingmonthby", "2035-04-01")).toEqual({});
    const [change] = await demo.ownerDb
      .insert(conflictChange)
      .values({
        conflictId: fixture!.id,
        status: "resolved",
        riskLevel: "low",
        previousStatus: "latent",
        previousRiskLevel: "medium",
        changedAt: new Date("2035-06-10T10:00:00Z"),
      })
      .returning({ id: conflictChange.id });
    expect(await atEnd("Conflictmonthby", "2035-05-01")).toEqual({ latent: 1 });
    expect(await atEnd("Conflictmonthby", "2035-06-01")).toEqual({ resolved: 1 });
    expect(await openedIn("Conflictmonthby", "2035-06-01")).toEqual({ opened: 0, resolved: 1 });
    await demo.ownerDb
      .update(individual)
      .set({ registrationStatus: "approved", approvedAt: new Date() })
      .where(eq(individual.id, pending.id));
    expect(await atEnd("Pendingmonthby", "2035-06-01")).toEqual({ resolved: 1 });
    await demo.ownerDb
      .update(individual)
      .set({ district: "Movedmonthby" })
      .where(eq(individual.id, pending.id));
    expect(await atEnd("Pendingmonthby", "2035-06-01")).toEqual({});
    expect(await atEnd("Movedmonthby", "2035-06-01")).toEqual({ resolved: 1 });
    await demo.ownerDb.update(group).set({ area: "Newmonthby" }).where(eq(group.id, someGroup!.id));
    expect(await atEnd("Conflictmonthby", "2035-06-01")).toEqual({});
    expect(await atEnd("Newmonthby", "2035-06-01")).toEqual({ resolved: 1 });
    expect(await drift()).toBe(0);
    // A change moved to another month; a party taken off the conflict.
    await demo.ownerDb
      .update(conflictChange)
      .set({ changedAt: new Date("2035-09-01T10:00:00Z") })
      .where(eq(conflictChange.id, change!.id));
    expect(await atEnd("Newmonthby", "2035-08-01")).toEqual({ latent: 1 });
    await demo.ownerDb.delete(conflictParty).where(eq(conflictParty.individualId, pending.id));
    expect(await atEnd("Movedmonthby", "2035-09-01")).toEqual({});
    expect(await drift()).toBe(0);
    // Deleted, its changes and parties go with it (the cascade): nothing of it is left.
    const whole = await atEnd("", "2035-12-01");
    await demo.ownerDb.delete(conflict).where(eq(conflict.id, fixture!.id));
    expect(await atEnd("Newmonthby", "2035-12-01")).toEqual({});
    const after = await atEnd("", "2035-12-01");
    expect(after.resolved ?? 0).toBe((whole.resolved ?? 0) - 1);
    expect(await drift()).toBe(0);
  });

  it("is the app's to read, not to write, and is rebuilt whole to the same figures", async () => {
    await expect(demo.db.select().from(conflictMonth).limit(1)).resolves.toHaveLength(1);
    expect(await refusal(demo.db.execute(sql`delete from conflict_month`))).toMatch(
      /permission denied for table conflict_month/,
    );
    await demo.ownerDb.execute(sql`select rebuild_conflict_months()`);
    expect(await drift()).toBe(0);
  });
});
