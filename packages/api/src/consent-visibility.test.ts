/**
 * Social services' details are shared with the programme only with the consent of everyone
 * they are about, read from the consent record in force: a withdrawal or a refusal hides
 * them at once, and consent given on a referral counts for nothing by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@truce/auth/actor";
import { and, eq, isNull, sql } from "@truce/db";
import { consent, intervention, interventionParticipant, note, referral } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { interventionContentScope } from "./policy";
import { callerFor, claimsFor, userIdOf } from "./test-actors";

let demo: DemoDatabase;

beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const as = async (email: string) => callerFor(demo.db, await claimsFor(demo.db, email));

/** Withdraws the person's consent in force (whatever it says), as social services would. */
async function withdrawConsent(individualId: string) {
  await demo.ownerDb
    .update(consent)
    .set({
      withdrawnAt: new Date(),
      withdrawnById: await userIdOf(demo.db, "social.staff@truce.example"),
    })
    .where(and(eq(consent.individualId, individualId), isNull(consent.withdrawnAt)));
}

/** Records a new decision for the person, withdrawing the one before it. */
async function recordConsent(individualId: string, decision: "given" | "refused") {
  await withdrawConsent(individualId);
  const socialStaff = await userIdOf(demo.db, "social.staff@truce.example");
  await demo.ownerDb.insert(consent).values({
    individualId,
    decision,
    decidedOn: "2026-11-20",
    recordedById: socialStaff,
    recordedByAgencyId: demo.agencyIds.social_services!,
  });
}

describe("notes", () => {
  it("shares social services' programme notes only while the person's consent record says given", async () => {
    const [shared] = await demo.db
      .select({ id: note.id, individualId: note.individualId })
      .from(note)
      .innerJoin(consent, eq(consent.individualId, note.individualId))
      .where(
        and(
          eq(note.authorAgencyId, demo.agencyIds.social_services!),
          eq(note.visibility, "programme"),
          eq(consent.decision, "given"),
          isNull(consent.withdrawnAt),
        ),
      )
      .limit(1);
    expect(shared).toBeDefined();
    const personId = shared!.individualId!;
    // The consent also stands on the person's referral; only the consent record counts.
    const [onReferral] = await demo.db
      .select({ n: sql<number>`count(*)::int` })
      .from(referral)
      .where(and(eq(referral.individualId, personId), eq(referral.consent, true)));
    expect(onReferral!.n).toBeGreaterThan(0);
    const police = await as("police.staff@truce.example");
    const listed = async () =>
      (await police.note.forIndividual({ individualId: personId })).map((n) => n.id);
    expect((await police.note.byId({ id: shared!.id })).id).toBe(shared!.id);
    expect(await listed()).toContain(shared!.id);
    try {
      await withdrawConsent(personId);
      await expect(police.note.byId({ id: shared!.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await listed()).not.toContain(shared!.id);
      await recordConsent(personId, "refused");
      await expect(police.note.byId({ id: shared!.id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await listed()).not.toContain(shared!.id);
    } finally {
      await recordConsent(personId, "given");
    }
    expect((await police.note.byId({ id: shared!.id })).id).toBe(shared!.id);
  });
});

describe("interventions", () => {
  /** A social-services programme intervention about several people, only some of whom consented. */
  async function partlyConsented() {
    const rows = await demo.db.execute<{ id: string; consented: string[]; others: string[] }>(sql`
      select i.id,
        array_agg(p.individual_id) filter (where c.id is not null) as consented,
        array_agg(p.individual_id) filter (where c.id is null) as others
      from ${intervention} i
      join ${interventionParticipant} p on p.intervention_id = i.id
      left join ${consent} c on c.individual_id = p.individual_id
        and c.decision = 'given' and c.withdrawn_at is null
      where i.lead_agency_id = ${demo.agencyIds.social_services!} and i.visibility = 'programme'
      group by i.id
      having count(c.id) > 0 and count(*) > count(c.id)
      order by i.id limit 1`);
    expect(rows[0], "the demo data has such an intervention").toBeDefined();
    return rows[0]!;
  }

  it("keeps the details from other agencies while any participant has not consented, or there are none", async () => {
    const { id, consented, others } = await partlyConsented();
    const police = await as("police.staff@truce.example");
    const seenBy = async (personId: string) =>
      (await police.intervention.forIndividual({ individualId: personId })).find(
        (i) => i.id === id,
      );
    for (const personId of [...consented, ...others]) {
      expect(await seenBy(personId)).toMatchObject({
        detailsVisible: false,
        summary: null,
        result: null,
        message: null,
      });
    }
    try {
      for (const personId of others) await recordConsent(personId, "given");
      for (const personId of [...consented, ...others]) {
        const seen = await seenBy(personId);
        expect(seen?.detailsVisible).toBe(true);
        expect(seen?.summary).toBeTruthy();
      }
      // One withdrawal hides the details again, for everyone it is about.
      await withdrawConsent(others[0]!);
      expect(await seenBy(consented[0]!)).toMatchObject({ detailsVisible: false, summary: null });
    } finally {
      for (const personId of others) await withdrawConsent(personId);
    }
    // The social services see their own intervention's details whatever the consent.
    const social = await as("social.staff@truce.example");
    const own = (await social.intervention.forIndividual({ individualId: consented[0]! })).find(
      (i) => i.id === id,
    );
    expect(own?.detailsVisible).toBe(true);

    // And an intervention about no one has no one's consent: its details stay within.
    const [created] = await demo.ownerDb
      .insert(intervention)
      .values({
        kind: "support_offer",
        leadAgencyId: demo.agencyIds.social_services!,
        occurredAt: new Date("2026-11-10T10:00:00Z"),
        status: "done",
        visibility: "programme",
        summary: "Offered help; no one named.",
      })
      .returning({ id: intervention.id });
    const actor = await loadActor(demo.db, await claimsFor(demo.db, "police.staff@truce.example"));
    const [row] = await demo.db
      .select({ readable: sql<boolean>`${interventionContentScope(actor!)}` })
      .from(intervention)
      .where(eq(intervention.id, created!.id));
    expect(row?.readable).toBe(false);
  });

  it("counts no consent given on a referral: only a consent record in force", async () => {
    const { id, others } = await partlyConsented();
    // Consent on the others' referrals, some of them later withdrawn or declined: still no record.
    const [template] = await demo.db.select().from(referral).limit(1);
    for (const personId of others) {
      for (const status of ["in_progress", "withdrawn", "declined"] as const) {
        await demo.ownerDb.insert(referral).values({
          individualId: personId,
          fromAgencyId: template!.fromAgencyId,
          toAgencyId: template!.toAgencyId,
          service: template!.service,
          status,
          consent: true,
          consentOn: "2020-01-10",
        });
      }
    }
    const police = await as("police.staff@truce.example");
    const seen = (await police.intervention.forIndividual({ individualId: others[0]! })).find(
      (i) => i.id === id,
    );
    expect(seen).toMatchObject({ detailsVisible: false, summary: null });
  });
});
