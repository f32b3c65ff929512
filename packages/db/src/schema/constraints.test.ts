import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../client";
import { runMigrations } from "../migrate";
import { startPgServer, type PgServer } from "../testing/pg-server";
import { agency } from "./agency";
import { alliance } from "./alliance";
import { conflict, conflictParty } from "./conflict";
import { group } from "./group";
import { incident } from "./incident";
import { individual } from "./individual";
import { intervention } from "./intervention";
import { note } from "./note";
import { referral, referralEvent } from "./referral";
import { user } from "./user";

let server: PgServer;
let db: Db;
const ids = {
  police: "00000000-0000-4000-8000-000000000001",
  social: "00000000-0000-4000-8000-000000000002",
  groupA: "00000000-0000-4000-8000-000000000011",
  groupB: "00000000-0000-4000-8000-000000000012",
  person: "00000000-0000-4000-8000-000000000021",
  conflict: "00000000-0000-4000-8000-000000000031",
};
const person = {
  givenName: "Test",
  familyName: "Person",
  district: "Granängen",
  registeringAgencyId: ids.police,
  registrationReason: "Suspected in a shooting.",
  category: "group_member",
  reviewDue: "2027-01-01",
} as const;
const referralRow = {
  individualId: ids.person,
  fromAgencyId: ids.police,
  toAgencyId: ids.social,
  service: "housing",
} as const;

beforeAll(async () => {
  server = await startPgServer({ database: "truce_constraints" });
  await runMigrations(server.url);
  db = createDb(server.url);
  await db.insert(agency).values([
    { id: ids.police, name: "Police", kind: "police" },
    { id: ids.social, name: "Social services", kind: "social_services" },
  ]);
  await db.insert(group).values([
    { id: ids.groupA, name: "A", area: "Granängen" },
    { id: ids.groupB, name: "B", area: "Tallbo" },
  ]);
  await db.insert(individual).values({ id: ids.person, ...person });
  await db.insert(conflict).values({ id: ids.conflict, title: "A vs B" });
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
});

/** The name of the constraint that refused the statement. */
async function violated(query: Promise<unknown>): Promise<string | undefined> {
  const error = (await query.then(
    () => null,
    (e: unknown) => e,
  )) as { cause?: { constraint_name?: string } } | null;
  if (!error) throw new Error("the database accepted the row");
  return error.cause?.constraint_name;
}

describe("check constraints", () => {
  it("refuse negative dead or injured in an incident", async () => {
    const base = {
      kind: "shooting",
      occurredAt: new Date("2020-01-05T12:00:00Z"),
      district: "Tallbo",
    } as const;
    expect(await violated(db.insert(incident).values({ ...base, dead: -1 }))).toBe(
      "incident_dead_not_negative",
    );
    expect(await violated(db.insert(incident).values({ ...base, injured: -2 }))).toBe(
      "incident_injured_not_negative",
    );
  });

  it("refuse a conflict party that names both a group and an individual, or neither", async () => {
    const both = {
      conflictId: ids.conflict,
      groupId: ids.groupA,
      individualId: ids.person,
      side: "A",
    };
    expect(await violated(db.insert(conflictParty).values(both))).toBe("conflict_party_one_party");
    expect(
      await violated(db.insert(conflictParty).values({ conflictId: ids.conflict, side: "A" })),
    ).toBe("conflict_party_one_party");
  });

  it("refuse an alliance of a group with itself", async () => {
    expect(
      await violated(db.insert(alliance).values({ groupAId: ids.groupA, groupBId: ids.groupA })),
    ).toBe("alliance_groups_differ");
  });

  it("refuse a registration without a reason", async () => {
    expect(
      await violated(db.insert(individual).values({ ...person, registrationReason: "   " })),
    ).toBe("individual_registration_reason_not_blank");
  });

  it("refuse consent to a referral without its date", async () => {
    expect(await violated(db.insert(referral).values({ ...referralRow, consent: true }))).toBe(
      "referral_consent_dated",
    );
    expect(
      await violated(db.insert(referral).values({ ...referralRow, toAgencyId: ids.police })),
    ).toBe("referral_agencies_differ");
  });

  it("refuse a referral's step to sent, a decline without its reason, or a blank reason", async () => {
    const [sent] = await db
      .insert(referral)
      .values({ ...referralRow, toAgencyId: ids.social })
      .returning({ id: referral.id });
    const step = { referralId: sent!.id };
    expect(await violated(db.insert(referralEvent).values({ ...step, status: "sent" }))).toBe(
      "referral_event_not_sent",
    );
    expect(await violated(db.insert(referralEvent).values({ ...step, status: "declined" }))).toBe(
      "referral_event_decline_reason",
    );
    expect(
      await violated(
        db.insert(referralEvent).values({ ...step, status: "withdrawn", reason: " " }),
      ),
    ).toBe("referral_event_reason_not_blank");
    await expect(
      db.insert(referralEvent).values({ ...step, status: "declined", reason: "No places." }),
    ).resolves.toBeDefined();
  });

  it("refuse a note on two subjects at once", async () => {
    const row = {
      individualId: ids.person,
      groupId: ids.groupA,
      body: "x",
      kind: "fact",
      authorAgencyId: ids.police,
    } as const;
    expect(await violated(db.insert(note).values(row))).toBe("note_one_subject");
  });

  it("refuse an enforcement without its sub-kind", async () => {
    const row = { kind: "enforcement", leadAgencyId: ids.police, occurredAt: new Date() } as const;
    expect(await violated(db.insert(intervention).values(row))).toBe(
      "intervention_enforcement_kind_iff_enforcement",
    );
  });

  it("refuse an email that is not stored lowercase", async () => {
    const row = { email: "Someone@Truce.Example", name: "Someone", passwordHash: "x" };
    expect(await violated(db.insert(user).values(row))).toBe("user_email_lowercase");
  });

  it("accept a well-formed row", async () => {
    await expect(
      db.insert(referral).values({ ...referralRow, consent: true, consentOn: "2020-02-01" }),
    ).resolves.toBeDefined();
  });
});
