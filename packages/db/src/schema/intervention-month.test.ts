/**
 * The activity report's months follow the case records: each month's done interventions by
 * kind, sub-kind and lead agency, in each district they concern and in the whole city, with
 * the people who came to the call-ins, kept by triggers as interventions, participants, people
 * and groups change, and never written by the app's role. Against the demo on a real server.
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
import { group } from "./group";
import { individual } from "./individual";
import { intervention, interventionParticipant } from "./intervention";
import { interventionMonth } from "./intervention-month";

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
    sql`
      select district, month, kind, enforcement_kind, lead_agency_id, interventions, people
      from intervention_month`,
    sql`
      with done as (select * from intervention where status = 'done'),
      concerns as (
        select d.id, ''::text as district from done d
        union
        select d.id, ind.district from done d
        join intervention_participant p on p.intervention_id = d.id
        join individual ind on ind.id = p.individual_id and ind.registration_status = 'approved'
        union
        select d.id, g.area from done d join "group" g on g.id = d.group_id
      ),
      came as (
        select p.intervention_id, ind.district from intervention_participant p
        join individual ind on ind.id = p.individual_id and ind.registration_status = 'approved'
        where p.response in ('attended', 'accepted_support', 'refused_support')
      )
      select c.district, incident_month_of(d.occurred_at) as month, d.kind, d.enforcement_kind,
        d.lead_agency_id, count(*)::int as interventions,
        sum(case when d.kind = 'call_in' then (
          select count(*) from came x
          where x.intervention_id = d.id and (c.district = '' or x.district = c.district)
        ) else 0 end)::int as people
      from concerns c join done d on d.id = c.id
      group by 1, 2, 3, 4, 5`,
  );
}

async function figures(district: string, month: string, leadAgencyId: string) {
  const [row] = await demo.ownerDb
    .select({
      interventions: sql<number>`coalesce(sum(${interventionMonth.interventions}), 0)::int`,
      people: sql<number>`coalesce(sum(${interventionMonth.people}), 0)::int`,
    })
    .from(interventionMonth)
    .where(
      and(
        eq(interventionMonth.district, district),
        eq(interventionMonth.month, month),
        eq(interventionMonth.kind, "call_in"),
        eq(interventionMonth.leadAgencyId, leadAgencyId),
      ),
    );
  return row!;
}

describe("intervention_month", () => {
  it("holds the demo's interventions as they are: 12 trials started or held in spring 2020", async () => {
    expect(await drift()).toBe(0);
    const [row] = await demo.ownerDb.execute<{ n: number }>(sql`
      select sum(interventions)::int as n from intervention_month
      where district = '' and kind = 'enforcement' and enforcement_kind in ('prosecution', 'trial')
        and month between '2020-03-01' and '2020-05-01'`);
    expect(row!.n).toBe(12);
  });

  it("follows a call-in, its participants, their district and registration, and its cancellation", async () => {
    const police = demo.agencyIds.police!;
    const [came, stayedAway, pending] = await Promise.all([
      createTestIndividual(demo.ownerDb, { registeringAgencyId: police, district: "Activityby" }),
      createTestIndividual(demo.ownerDb, { registeringAgencyId: police, district: "Activityby" }),
      createTestIndividual(demo.ownerDb, {
        registeringAgencyId: police,
        district: "Pendingby",
        registrationStatus: "pending",
      }),
    ]);
    const before = await figures("", "2033-04-01", police);
    // 22:30 UTC on 31 March 2033 is 00:30 on 1 April in Stockholm.
    const [callIn] = await demo.ownerDb
      .insert(intervention)
      .values({
        kind: "call_in",
        status: "done",
        leadAgencyId: police,
        occurredAt: new Date("2033-03-31T22:30:00Z"),
      })
      .returning({ id: intervention.id });
    await demo.ownerDb.insert(interventionParticipant).values([
      { interventionId: callIn!.id, individualId: came.id, response: "attended" },
      { interventionId: callIn!.id, individualId: stayedAway.id, response: "no_show" },
      { interventionId: callIn!.id, individualId: pending.id, response: "attended" },
    ]);
    expect(await figures("", "2033-04-01", police)).toEqual({
      interventions: before.interventions + 1,
      people: before.people + 1,
    });
    expect(await figures("Activityby", "2033-04-01", police)).toEqual({
      interventions: 1,
      people: 1,
    });
    // One more of the district, in a statement of its own: the district was already concerned.
    const later = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: police,
      district: "Activityby",
    });
    await demo.ownerDb
      .insert(interventionParticipant)
      .values({ interventionId: callIn!.id, individualId: later.id, response: "attended" });
    expect(await figures("Activityby", "2033-04-01", police)).toEqual({
      interventions: 1,
      people: 2,
    });
    expect(await drift()).toBe(0);
    await demo.ownerDb
      .delete(interventionParticipant)
      .where(eq(interventionParticipant.individualId, later.id));
    expect(await figures("Activityby", "2033-04-01", police)).toEqual({
      interventions: 1,
      people: 1,
    });
    // A pending registration counts nowhere, not even as the call-in's district.
    expect(await figures("Pendingby", "2033-04-01", police)).toEqual({
      interventions: 0,
      people: 0,
    });
    await demo.ownerDb
      .update(interventionParticipant)
      .set({ response: "accepted_support" })
      .where(eq(interventionParticipant.individualId, stayedAway.id));
    expect(await figures("Activityby", "2033-04-01", police)).toEqual({
      interventions: 1,
      people: 2,
    });
    await demo.ownerDb
      .update(individual)
      .set({ registrationStatus: "approved", approvedAt: new Date() })
      .where(eq(individual.id, pending.id));
    expect(await figures("Pendingby", "2033-04-01", police)).toEqual({
      interventions: 1,
      people: 1,
    });
    await demo.ownerDb
      .update(individual)
      .set({ district: "Movedby" })
      .where(eq(individual.id, came.id));
    expect(await figures("Movedby", "2033-04-01", police)).toEqual({
      interventions: 1,
      people: 1,
    });
    expect(await drift()).toBe(0);
    await demo.ownerDb
      .update(intervention)
      .set({ status: "cancelled" })
      .where(eq(intervention.id, callIn!.id));
    expect(await figures("", "2033-04-01", police)).toEqual(before);
    expect(await figures("Movedby", "2033-04-01", police)).toEqual({
      interventions: 0,
      people: 0,
    });
    expect(await drift()).toBe(0);
  });

  it("follows an intervention moved to another month and agency, its group's area, and its deletion", async () => {
    const police = demo.agencyIds.police!;
    const probation = demo.agencyIds.probation!;
    const [someGroup] = await demo.ownerDb.select({ id: group.id, area: group.area }).from(group);
    const person = await createTestIndividual(demo.ownerDb, {
      registeringAgencyId: police,
      district: "Groupby",
    });
    const [callIn] = await demo.ownerDb
      .insert(intervention)
      .values({
        kind: "call_in",
        status: "done",
        leadAgencyId: police,
        groupId: someGroup!.id,
        occurredAt: new Date("2034-06-10T10:00:00Z"),
      })
      .returning({ id: intervention.id });
    await demo.ownerDb
      .insert(interventionParticipant)
      .values({ interventionId: callIn!.id, individualId: person.id, response: "attended" });
    expect(await figures(someGroup!.area, "2034-06-01", police)).toMatchObject({
      interventions: 1,
    });
    await demo.ownerDb
      .update(intervention)
      .set({ leadAgencyId: probation, occurredAt: new Date("2034-08-10T10:00:00Z") })
      .where(eq(intervention.id, callIn!.id));
    expect(await figures("", "2034-06-01", police)).toEqual({ interventions: 0, people: 0 });
    expect(await figures("Groupby", "2034-08-01", probation)).toEqual({
      interventions: 1,
      people: 1,
    });
    await demo.ownerDb.update(group).set({ area: "Newarea" }).where(eq(group.id, someGroup!.id));
    expect(await figures("Newarea", "2034-08-01", probation)).toEqual({
      interventions: 1,
      people: 0,
    });
    expect(await drift()).toBe(0);
    await demo.ownerDb
      .update(group)
      .set({ area: someGroup!.area })
      .where(eq(group.id, someGroup!.id));
    // Deleted, its participants go with it (the cascade): nothing of it is left counted.
    await demo.ownerDb.delete(intervention).where(eq(intervention.id, callIn!.id));
    expect(await figures("", "2034-08-01", probation)).toEqual({ interventions: 0, people: 0 });
    expect(await drift()).toBe(0);
  });

  it("is the app's to read, not to write, and is rebuilt whole to the same figures", async () => {
    await expect(demo.db.select().from(interventionMonth).limit(1)).resolves.toHaveLength(1);
    expect(await refusal(demo.db.execute(sql`delete from intervention_month`))).toMatch(
      /permission denied for table intervention_month/,
    );
    await demo.ownerDb.execute(sql`select rebuild_intervention_months()`);
    expect(await drift()).toBe(0);
  });
});
