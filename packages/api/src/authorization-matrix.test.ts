/**
 * The authorization matrix: every procedure of the app router, called as every kind of
 * actor against a real PostgreSQL with the demo data. The procedures are enumerated from
 * the router itself, so a new procedure without a row here fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { and, eq, sql } from "@truce/db";
import { agency, individual, membership, note, user } from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
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

interface Fixtures {
  individualId: string;
  policeAgencyNoteId: string;
  targetUserId: string;
  targetMembershipId: string;
  db: DemoDatabase["db"];
}

interface Row {
  expect: Record<ActorName, Outcome>;
  input: (f: Fixtures) => Promise<unknown> | unknown;
}

const MATRIX: Record<string, Row> = {
  "health.check": {
    expect: Object.fromEntries(Object.keys(ACTORS).map((a) => [a, "ok"])) as Record<
      ActorName,
      Outcome
    >,
    input: () => undefined,
  },
  "session.me": {
    expect: {
      ...caseRoles,
      agencyAdmin: "ok",
      platformAdmin: "ok",
      auditor: "ok",
    },
    input: () => undefined,
  },
  "individual.list": { expect: caseRoles, input: () => ({}) },
  "individual.byId": { expect: caseRoles, input: (f) => ({ id: f.individualId }) },
  "note.forIndividual": { expect: caseRoles, input: (f) => ({ individualId: f.individualId }) },
  // The cross-agency read: another agency asking for a police agency-only note by id.
  "note.byId": {
    expect: { ...caseRoles, socialStaff: F, exitStaff: F, probationStaff: F },
    input: (f) => ({ id: f.policeAgencyNoteId }),
  },
  "note.create": {
    expect: caseRoles,
    input: (f) => ({ individualId: f.individualId, body: "Matrix test note.", kind: "fact" }),
  },
  "intervention.forIndividual": {
    expect: caseRoles,
    input: (f) => ({ individualId: f.individualId }),
  },
  "agency.list": { expect: { ...adminRoles, auditor: "ok" }, input: () => undefined },
  "agency.create": {
    expect: { ...adminRoles, agencyAdmin: F },
    input: () => ({ name: `Matrix agency ${crypto.randomUUID()}`, kind: "other" }),
  },
  "user.list": { expect: adminRoles, input: () => ({}) },
  "user.setDisabled": {
    expect: adminRoles,
    input: async (f) => ({
      userId: f.targetUserId,
      disabled: false,
      version: await versionOf(f, "user", f.targetUserId),
    }),
  },
  "membership.setRole": {
    expect: adminRoles,
    input: async (f) => ({
      membershipId: f.targetMembershipId,
      role: "manager",
      version: await versionOf(f, "membership", f.targetMembershipId),
    }),
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
    input: () => ({}),
  },
};

async function versionOf(f: Fixtures, table: "user" | "membership", id: string) {
  const t = table === "user" ? user : membership;
  const [row] = await f.db.select({ version: t.version }).from(t).where(eq(t.id, id));
  return row!.version;
}

async function invoke(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

let demo: DemoDatabase;
let fixtures: Fixtures;
const claims = new Map<ActorName, SessionClaims | null>();

beforeAll(async () => {
  demo = await startDemoDatabase();
  const { db } = demo;
  const [police] = await db.select().from(agency).where(eq(agency.kind, "police"));
  const [someone] = await db
    .select({ id: individual.id })
    .from(individual)
    .where(eq(individual.registrationStatus, "approved"))
    .limit(1);
  const [policeNote] = await db
    .select({ id: note.id })
    .from(note)
    .where(and(eq(note.authorAgencyId, police!.id), eq(note.visibility, "agency")))
    .limit(1);
  // A member of the police for the admin procedures to act on, so no demo user changes.
  const [target] = await db
    .insert(user)
    .values({
      email: "matrix.target@truce.example",
      name: "Matrix Target",
      passwordHash: DEMO_PASSWORD_HASH,
    })
    .returning({ id: user.id });
  const [targetMembership] = await db
    .insert(membership)
    .values({ userId: target!.id, agencyId: police!.id, role: "staff" })
    .returning({ id: membership.id });
  fixtures = {
    db,
    individualId: someone!.id,
    policeAgencyNoteId: policeNote!.id,
    targetUserId: target!.id,
    targetMembershipId: targetMembership!.id,
  };
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

  for (const path of procedures) {
    for (const actor of Object.keys(ACTORS) as ActorName[]) {
      const expected = MATRIX[path]?.expect[actor];
      it(`${path} as ${actor}: ${expected ?? "(no row)"}`, async () => {
        const row = MATRIX[path];
        if (!row) throw new Error(`no matrix row for ${path}`);
        const caller = await callerFor(demo.db, claims.get(actor) ?? null);
        const call = invoke(caller, path, await row.input(fixtures));
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
