/**
 * The authorization matrix: every procedure of the app router, called as every kind of
 * actor against a real PostgreSQL with the demo data. The procedures are enumerated from
 * the router itself, so a new procedure without a row here fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { and, eq, sql } from "@truce/db";
import { membership, user } from "@truce/db/schema";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import {
  invokeProcedure,
  loadProcedureFixtures,
  PROCEDURE_INPUTS,
  type ProcedureFixtures,
  versionOf,
} from "./procedure-inputs";
import { appRouter } from "./root";
import { callerFor, claimsFor } from "./test-actors";

const ACTORS = {
  anonymous: null,
  policeStaff: ["police.staff@truce.example", "web"],
  socialStaff: ["social.staff@truce.example", "web"],
  exitStaff: ["exit.staff@truce.example", "web"],
  probationStaff: ["probation.staff@truce.example", "web"],
  policeManager: ["police.manager@truce.example", "web"],
  agencyAdmin: ["agency.admin@truce.example", "admin"],
  platformAdmin: ["platform.admin@truce.example", "admin"],
  auditor: ["auditor@truce.example", "admin"],
  disabled: ["disabled@truce.example", "web"],
} as const;
type ActorName = keyof typeof ACTORS;
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN";

const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
/** Everyone signed in and enabled may; nobody else. */
const signedIn = { anonymous: U, disabled: U } as const;
const caseRoles = {
  ...signedIn,
  policeStaff: "ok",
  socialStaff: "ok",
  exitStaff: "ok",
  probationStaff: "ok",
  policeManager: "ok",
  agencyAdmin: F,
  platformAdmin: F,
  auditor: F,
} as const;
const adminRoles = {
  ...signedIn,
  policeStaff: F,
  socialStaff: F,
  exitStaff: F,
  probationStaff: F,
  policeManager: F,
  agencyAdmin: "ok",
  platformAdmin: "ok",
  auditor: F,
} as const;

/** Who may call a procedure; its input is shared with the case-content test (procedure-inputs.ts). */
interface Row {
  expect: Record<ActorName, Outcome>;
}

const MATRIX: Record<string, Row> = {
  "health.check": {
    expect: Object.fromEntries(Object.keys(ACTORS).map((a) => [a, "ok"])) as Record<
      ActorName,
      Outcome
    >,
  },
  "session.me": {
    expect: {
      ...caseRoles,
      agencyAdmin: "ok",
      platformAdmin: "ok",
      auditor: "ok",
    },
  },
  "individual.list": { expect: caseRoles },
  "individual.byId": { expect: caseRoles },
  "note.forIndividual": { expect: caseRoles },
  // The cross-agency read: another agency asking for a police agency-only note by id.
  "note.byId": {
    expect: { ...caseRoles, socialStaff: F, exitStaff: F, probationStaff: F },
  },
  "note.create": {
    expect: caseRoles,
  },
  "intervention.forIndividual": {
    expect: caseRoles,
  },
  "agency.list": { expect: { ...adminRoles, auditor: "ok" } },
  "agency.create": {
    expect: { ...adminRoles, agencyAdmin: F },
  },
  "user.list": { expect: adminRoles },
  // A whole account: a platform admin's alone (an agency admin disables a membership).
  "user.setDisabled": {
    expect: { ...adminRoles, agencyAdmin: F },
  },
  "membership.setRole": {
    expect: adminRoles,
  },
  "membership.setDisabled": {
    expect: adminRoles,
  },
  "accessLog.list": {
    expect: {
      ...caseRoles,
      policeStaff: F,
      socialStaff: F,
      exitStaff: F,
      probationStaff: F,
      policeManager: F,
      auditor: "ok",
    },
  },
};

let demo: DemoDatabase;
let fixtures: ProcedureFixtures;
const claims = new Map<ActorName, SessionClaims | null>();

beforeAll(async () => {
  demo = await startDemoDatabase();
  const { db } = demo;
  fixtures = await loadProcedureFixtures(db);
  for (const [name, who] of Object.entries(ACTORS) as [ActorName, (typeof ACTORS)[ActorName]][]) {
    if (!who) {
      claims.set(name, null);
      continue;
    }
    const [email, app] = who;
    if (name === "disabled") {
      // As if signed in before being disabled: the claims are current, the user is not.
      const [row] = await db.select().from(user).where(eq(user.email, email));
      const [m] = await db.select().from(membership).where(eq(membership.userId, row!.id));
      claims.set(name, {
        userId: row!.id,
        sessionVersion: row!.sessionVersion,
        membershipId: m!.id,
      });
    } else {
      claims.set(name, await claimsFor(db, email, app));
    }
  }
});

afterAll(async () => {
  await demo?.stop();
});

describe("the authorization matrix", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();

  it("has a row for every procedure of the router, and no row without one", () => {
    expect(Object.keys(MATRIX).sort()).toEqual(procedures);
  });

  it("has a valid input for every procedure of the router, and none for another", () => {
    expect(Object.keys(PROCEDURE_INPUTS).sort()).toEqual(procedures);
  });

  for (const path of procedures) {
    for (const actor of Object.keys(ACTORS) as ActorName[]) {
      const expected = MATRIX[path]?.expect[actor];
      it(`${path} as ${actor}: ${expected ?? "(no row)"}`, async () => {
        const row = MATRIX[path];
        if (!row) throw new Error(`no matrix row for ${path}`);
        const caller = await callerFor(demo.db, claims.get(actor) ?? null);
        const input = await PROCEDURE_INPUTS[path]?.(fixtures);
        const call = invokeProcedure(caller, path, input);
        if (row.expect[actor] === "ok") {
          await expect(call).resolves.not.toThrow();
        } else {
          await expect(call).rejects.toMatchObject({ code: row.expect[actor] });
        }
      });
    }
  }

  it("never lets anyone change their own role", async () => {
    const { db } = demo;
    const [admin] = await db
      .select({ id: membership.id, version: membership.version })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(eq(user.email, "agency.admin@truce.example"));
    const caller = await callerFor(db, claims.get("agencyAdmin")!);
    await expect(
      caller.membership.setRole({
        membershipId: admin!.id,
        role: "staff",
        version: admin!.version,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Nor can an agency admin make anyone an agency admin.
    await expect(
      caller.membership.setRole({
        membershipId: fixtures.targetMembershipId,
        role: "agency_admin",
        version: await versionOf(fixtures, "membership", fixtures.targetMembershipId),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [unchanged] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(membership)
      .where(
        and(eq(membership.id, fixtures.targetMembershipId), eq(membership.role, "agency_admin")),
      );
    expect(unchanged!.n).toBe(0);
  });
});
