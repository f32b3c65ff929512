/**
 * The scope builders' SQL, run in a real PostgreSQL (the demo database, migrated and seeded):
 * for each scope, a small world of this test's own rows, and for each kind of actor which of
 * them the scope lets through and which it keeps out. Each query is limited to the test's
 * own rows, so the demo data around them cannot make a case pass.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor, type TruceApp } from "@truce/auth/actor";
import { and, eq, inArray, sql, type SQL } from "@truce/db";
import {
  agency,
  assignment,
  consent,
  group,
  individual,
  intervention,
  interventionParticipant,
  membership,
  note,
  referral,
  user,
} from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { AppError } from "../errors";
import { claimsFor, userIdOf } from "../test-actors";
import {
  agencyScope,
  consentGiven,
  contentReadableScope,
  individualScope,
  individualsOutOfScope,
  scopeAgencyId,
  interventionContentScope,
  locationVisible,
  managedMembershipScope,
  membershipAdminScope,
  noteReadableScope,
  noteSubjectScope,
  referralNoteVisible,
} from "./scopes";

type AgencyKind = keyof DemoDatabase["agencyIds"];

let demo: DemoDatabase;
/** The test's own rows by name, per table, and the names by id. */
const ids = {
  individual: new Map<string, string>(),
  note: new Map<string, string>(),
  intervention: new Map<string, string>(),
  membership: new Map<string, string>(),
};
const names = new Map<string, string>();
const actors = new Map<string, Actor>();

const agencyId = (kind: AgencyKind) => demo.agencyIds[kind]!;
const remember = (table: keyof typeof ids, name: string, id: string) => {
  ids[table].set(name, id);
  names.set(id, name);
};
const idOf = (table: keyof typeof ids, name: string) => ids[table].get(name)!;

async function actorOf(email: string, app: TruceApp = "web"): Promise<Actor> {
  const actor = await loadActor(demo.db, await claimsFor(demo.db, email, app));
  if (!actor) throw new Error(`no actor for ${email}`);
  return actor;
}
const as = (name: string) => actors.get(name)!;

/** The names of the test's own rows of `table` that `scope` lets through, sorted. */
async function through(
  table: typeof individual | typeof note | typeof intervention | typeof membership,
  key: keyof typeof ids,
  scope: SQL | undefined,
): Promise<string[]> {
  const rows = await demo.db
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, [...ids[key].values()]), scope));
  return rows.map((r) => names.get(r.id)!).sort();
}

async function person(
  name: string,
  options: { by?: AgencyKind; pending?: boolean; protectedLocation?: boolean } = {},
) {
  const [row] = await demo.ownerDb
    .insert(individual)
    .values({
      givenName: "Scope",
      familyName: name,
      district: "Scope test",
      registeringAgencyId: agencyId(options.by ?? "police"),
      registrationReason: "Scope test",
      category: "associate",
      registrationStatus: options.pending ? "pending" : "approved",
      approvedAt: options.pending ? null : new Date(),
      reviewDue: "2027-12-31",
      protectedLocation: options.protectedLocation ?? false,
      currentLocation: options.protectedLocation ? "Somewhere safe" : null,
    })
    .returning({ id: individual.id });
  remember("individual", name, row!.id);
}

async function consentOf(
  personName: string,
  decision: "given" | "refused",
  withdrawn = false,
): Promise<void> {
  const social = await userIdOf(demo.db, "social.staff@truce.example");
  await demo.ownerDb.insert(consent).values({
    individualId: idOf("individual", personName),
    decision,
    decidedOn: "2026-01-01",
    recordedById: social,
    recordedByAgencyId: agencyId("social_services"),
    withdrawnAt: withdrawn ? new Date() : null,
    withdrawnById: withdrawn ? social : null,
  });
}

async function noteOn(
  name: string,
  subject: { individual: string } | { groupId: string },
  by: AgencyKind,
  visibility: "agency" | "programme",
) {
  const [row] = await demo.ownerDb
    .insert(note)
    .values({
      ...("individual" in subject
        ? { individualId: idOf("individual", subject.individual) }
        : { groupId: subject.groupId }),
      body: `Scope test: ${name}`,
      kind: "fact",
      visibility,
      authorAgencyId: agencyId(by),
    })
    .returning({ id: note.id });
  remember("note", name, row!.id);
}

async function interventionWith(
  name: string,
  by: AgencyKind,
  visibility: "agency" | "programme",
  participants: string[],
) {
  const [row] = await demo.ownerDb
    .insert(intervention)
    .values({
      kind: "home_visit",
      leadAgencyId: agencyId(by),
      occurredAt: new Date("2026-06-01T10:00:00Z"),
      status: "done",
      summary: `Scope test: ${name}`,
      visibility,
    })
    .returning({ id: intervention.id });
  for (const p of participants) {
    await demo.ownerDb
      .insert(interventionParticipant)
      .values({ interventionId: row!.id, individualId: idOf("individual", p) });
  }
  remember("intervention", name, row!.id);
}

async function userWith(
  name: string,
  memberships: [AgencyKind, "staff" | "manager" | "agency_admin"][],
  platformRoles: ("platform_admin" | "auditor")[] = [],
) {
  const [created] = await demo.ownerDb
    .insert(user)
    .values({
      email: `scopes.${name.toLowerCase()}@truce.example`,
      name: `Scopes ${name}`,
      passwordHash: DEMO_PASSWORD_HASH,
      platformRoles,
    })
    .returning({ id: user.id });
  for (const [kind, role] of memberships) {
    const [m] = await demo.ownerDb
      .insert(membership)
      .values({ userId: created!.id, agencyId: agencyId(kind), role })
      .returning({ id: membership.id });
    remember("membership", `${name} in ${kind}`, m!.id);
  }
}

beforeAll(async () => {
  demo = await startDemoDatabase();
  for (const [name, email, app] of [
    ["police", "police.staff@truce.example", "web"],
    ["social", "social.staff@truce.example", "web"],
    ["exit", "exit.staff@truce.example", "web"],
    ["exitManager", "exit.manager@truce.example", "web"],
    ["probation", "probation.staff@truce.example", "web"],
    ["agencyAdmin", "agency.admin@truce.example", "admin"],
    ["platformAdmin", "platform.admin@truce.example", "admin"],
    ["auditor", "auditor@truce.example", "admin"],
  ] as const) {
    actors.set(name, await actorOf(email, app));
  }

  await person("approved");
  await person("pendingPolice", { pending: true });
  await person("pendingSocial", { by: "social_services", pending: true });
  await person("consenting", { by: "social_services" });
  await consentOf("consenting", "given");
  await person("withdrawn", { by: "social_services" });
  await consentOf("withdrawn", "given", true);
  await person("refused", { by: "social_services" });
  await consentOf("refused", "refused");
  await person("protectedNow", { protectedLocation: true });
  await person("protectedEnded", { protectedLocation: true });
  await person("protectedLater", { protectedLocation: true });
  const exitStaff = as("exit").userId;
  const assign = (p: string, startedOn: SQL, endedOn: SQL | null) =>
    demo.ownerDb.insert(assignment).values({
      individualId: idOf("individual", p),
      agencyId: agencyId("exit_programme"),
      userId: exitStaff,
      startedOn: sql`${startedOn}`,
      endedOn: endedOn ? sql`${endedOn}` : null,
    });
  await assign("protectedNow", sql`current_date - 30`, null);
  await assign("protectedEnded", sql`current_date - 30`, sql`current_date - 1`);
  await assign("protectedLater", sql`current_date + 1`, null);

  const [aGroup] = await demo.db.select({ id: group.id }).from(group).limit(1);
  await noteOn("police agency", { individual: "approved" }, "police", "agency");
  await noteOn("police programme", { individual: "approved" }, "police", "programme");
  await noteOn("probation agency", { individual: "approved" }, "probation", "agency");
  await noteOn("on a pending person", { individual: "pendingPolice" }, "police", "programme");
  await noteOn("social, consented", { individual: "consenting" }, "social_services", "programme");
  await noteOn("social, withdrawn", { individual: "withdrawn" }, "social_services", "programme");
  await noteOn("social, refused", { individual: "refused" }, "social_services", "programme");
  await noteOn("social on a group", { groupId: aGroup!.id }, "social_services", "programme");
  await noteOn("police on a group", { groupId: aGroup!.id }, "police", "programme");

  await interventionWith("social, all consented", "social_services", "programme", ["consenting"]);
  await interventionWith("social, one refused", "social_services", "programme", [
    "consenting",
    "refused",
  ]);
  await interventionWith("social, withdrawn", "social_services", "programme", ["withdrawn"]);
  await interventionWith("social, about no one", "social_services", "programme", []);
  await interventionWith("police agency", "police", "agency", ["approved"]);
  await interventionWith("probation programme", "probation", "programme", ["approved"]);

  await userWith("plain", [["police", "staff"]]);
  await userWith("peerAdmin", [["police", "agency_admin"]]);
  await userWith("adminElsewhere", [
    ["police", "staff"],
    ["probation", "agency_admin"],
  ]);
  await userWith("auditing", [["police", "manager"]], ["auditor"]);
  await userWith("probationMember", [["probation", "staff"]]);
  const [own] = await demo.db
    .select({ id: membership.id })
    .from(membership)
    .where(eq(membership.userId, as("agencyAdmin").userId));
  remember("membership", "the admin's own", own!.id);
});

afterAll(async () => {
  await demo?.stop();
});

describe("individualScope", () => {
  it("lets through the approved register and the actor's agency's pending registrations", async () => {
    const people = ["approved", "pendingPolice", "pendingSocial"];
    const seen = async (who: string) =>
      (await through(individual, "individual", individualScope(as(who)))).filter((n) =>
        people.includes(n),
      );
    expect(await seen("police")).toEqual(["approved", "pendingPolice"]);
    expect(await seen("social")).toEqual(["approved", "pendingSocial"]);
    expect(await seen("exit")).toEqual(["approved"]);
  });

  it("is refused to an actor without an active agency", () => {
    expect(() => individualScope(as("platformAdmin"))).toThrow(AppError);
  });
});

describe("individualsOutOfScope", () => {
  it("holds exactly the people individualScope keeps out, for each agency", async () => {
    for (const who of ["police", "social", "exit"]) {
      const all = await through(individual, "individual", undefined);
      const seen = await through(individual, "individual", individualScope(as(who)));
      const out = await through(
        individual,
        "individual",
        inArray(individual.id, individualsOutOfScope(scopeAgencyId(as(who)))),
      );
      expect(out, who).toEqual(all.filter((n) => !seen.includes(n)));
      expect(out, who).toContain(who === "police" ? "pendingSocial" : "pendingPolice");
    }
  });

  it("is refused to an actor without an active agency", () => {
    expect(() => individualsOutOfScope(scopeAgencyId(as("platformAdmin")))).toThrow(AppError);
  });
});

describe("consentGiven", () => {
  it("holds for consent given and in force, not for a withdrawn or a refused one, nor none", async () => {
    const people = ["approved", "consenting", "refused", "withdrawn"];
    const consented = await through(individual, "individual", consentGiven(individual.id));
    expect(consented.filter((n) => people.includes(n))).toEqual(["consenting"]);
  });
});

describe("noteSubjectScope", () => {
  it("keeps a pending person's notes within the registering agency; a group's are everyone's", async () => {
    const police = await through(note, "note", noteSubjectScope(as("police")));
    const social = await through(note, "note", noteSubjectScope(as("social")));
    expect(police).toContain("on a pending person");
    expect(social).not.toContain("on a pending person");
    for (const seen of [police, social]) {
      expect(seen).toEqual(expect.arrayContaining(["police on a group", "social on a group"]));
    }
  });
});

describe("noteReadableScope", () => {
  it("gives the police their own notes, the programme's, and social services' only with consent", async () => {
    expect(await through(note, "note", noteReadableScope(as("police")))).toEqual([
      "on a pending person",
      "police agency",
      "police on a group",
      "police programme",
      "social, consented",
    ]);
  });

  it("gives social services all their own, and another agency's programme notes on people they see", async () => {
    expect(await through(note, "note", noteReadableScope(as("social")))).toEqual([
      "police on a group",
      "police programme",
      "social on a group",
      "social, consented",
      "social, refused",
      "social, withdrawn",
    ]);
  });

  it("keeps another agency's agency-only note from the probation service, and gives it its own", async () => {
    const probation = await through(note, "note", noteReadableScope(as("probation")));
    expect(probation).toContain("probation agency");
    expect(probation).not.toContain("police agency");
    expect(probation).not.toContain("social on a group");
  });
});

describe("contentReadableScope", () => {
  it("leaves the consent to the condition it is given, for social services' content only", async () => {
    const columns = { authorAgencyId: note.authorAgencyId, visibility: note.visibility };
    const withConsent = await through(
      note,
      "note",
      contentReadableScope(as("police"), { ...columns, consented: sql`true` }),
    );
    const withoutConsent = await through(
      note,
      "note",
      contentReadableScope(as("police"), { ...columns, consented: sql`false` }),
    );
    expect(withConsent).toEqual(
      expect.arrayContaining(["social, refused", "social on a group", "police programme"]),
    );
    expect(withoutConsent.filter((n) => n.startsWith("social"))).toEqual([]);
    expect(withoutConsent).toContain("police programme");
    // Never another agency's agency-only content, whatever the consent.
    expect(withConsent).not.toContain("probation agency");
  });
});

describe("interventionContentScope", () => {
  it("shares social services' details only when every person it is about consented", async () => {
    expect(
      await through(intervention, "intervention", interventionContentScope(as("police"))),
    ).toEqual(["police agency", "probation programme", "social, all consented"]);
    expect(
      await through(intervention, "intervention", interventionContentScope(as("probation"))),
    ).toEqual(["probation programme", "social, all consented"]);
  });

  it("gives social services every one of their own", async () => {
    expect(
      await through(intervention, "intervention", interventionContentScope(as("social"))),
    ).toEqual([
      "probation programme",
      "social, about no one",
      "social, all consented",
      "social, one refused",
      "social, withdrawn",
    ]);
  });
});

describe("referralNoteVisible", () => {
  it("gives a referral's note to the agency that sent it and the one it was sent to, no other", async () => {
    const rows = await demo.ownerDb
      .insert(referral)
      .values([
        {
          individualId: idOf("individual", "approved"),
          fromAgencyId: agencyId("police"),
          toAgencyId: agencyId("social_services"),
          service: "family_support",
        },
        {
          individualId: idOf("individual", "approved"),
          fromAgencyId: agencyId("probation"),
          toAgencyId: agencyId("exit_programme"),
          service: "exit_programme",
        },
      ])
      .returning({ id: referral.id });
    const [policeToSocial, probationToExit] = rows.map((r) => r.id);
    const readable = async (who: string) => {
      const through = await demo.db
        .select({ id: referral.id })
        .from(referral)
        .where(
          and(
            inArray(
              referral.id,
              rows.map((r) => r.id),
            ),
            referralNoteVisible(as(who)),
          ),
        );
      return through.map((r) => r.id).sort();
    };
    expect(await readable("police")).toEqual([policeToSocial]);
    expect(await readable("social")).toEqual([policeToSocial]);
    expect(await readable("probation")).toEqual([probationToExit]);
    expect(await readable("exit")).toEqual([probationToExit]);
    expect(() => referralNoteVisible(as("platformAdmin"))).toThrow(AppError);
  });
});

describe("locationVisible", () => {
  const people = ["approved", "protectedEnded", "protectedLater", "protectedNow"];
  const shown = async (who: string) =>
    (await through(individual, "individual", locationVisible(as(who)))).filter((n) =>
      people.includes(n),
    );

  it("shows a protected location only to the exit staff assigned to the person today", async () => {
    expect(await shown("exit")).toEqual(["approved", "protectedNow"]);
  });

  it("keeps it from other exit staff and from every other agency", async () => {
    for (const who of ["exitManager", "police", "social", "probation"]) {
      expect(await shown(who), who).toEqual(["approved"]);
    }
  });
});

describe("membershipAdminScope", () => {
  it("gives an agency admin their agency's memberships, and a platform admin all", async () => {
    const mine = await through(membership, "membership", membershipAdminScope(as("agencyAdmin")));
    expect(mine.every((n) => n.endsWith("in police") || n === "the admin's own")).toBe(true);
    expect(mine).toContain("plain in police");
    expect(mine).not.toContain("probationMember in probation");
    expect(membershipAdminScope(as("platformAdmin"))).toBeUndefined();
  });
});

describe("agencyScope", () => {
  it("gives an agency admin their own agency, and a platform role every agency", async () => {
    const listed = await demo.db
      .select({ id: agency.id })
      .from(agency)
      .where(agencyScope(as("agencyAdmin")));
    expect(listed.map((a) => a.id)).toEqual([agencyId("police")]);
    expect(agencyScope(as("platformAdmin"))).toBeUndefined();
    expect(agencyScope(as("auditor"))).toBeUndefined();
  });
});

describe("managedMembershipScope", () => {
  it("lets an agency admin change only their agency's members who hold no admin role anywhere", async () => {
    const managed = await through(
      membership,
      "membership",
      managedMembershipScope(as("agencyAdmin")),
    );
    expect(managed).toEqual(["plain in police"]);
  });

  it("lets a platform admin change any membership but their own", async () => {
    const managed = await through(
      membership,
      "membership",
      managedMembershipScope(as("platformAdmin")),
    );
    expect(managed).toEqual([...ids.membership.keys()].sort());
  });
});
