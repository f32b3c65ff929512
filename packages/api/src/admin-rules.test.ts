/**
 * The admin rules: an agency admin acts only on their own agency's memberships of users who
 * hold no admin role; only a platform admin disables (or enables) a whole account. What an
 * agency admin does instead is disable the user's membership in their agency, which leaves
 * the user's other memberships working.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@truce/auth/actor";
import { and, desc, eq } from "@truce/db";
import { accessLog, membership, user, type agency } from "@truce/db/schema";
import { DEMO_PASSWORD_HASH } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { adminRouter } from "./root";
import { adminCallerFor, callerFor, claimsFor } from "./test-actors";

type AgencyKind = (typeof agency.kind.enumValues)[number];
type Role = (typeof membership.role.enumValues)[number];
type PlatformRole = (typeof user.platformRoles.enumValues)[number];

let demo: DemoDatabase;

beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

/** A user of this test's own, with memberships in the agencies of the given kinds. */
async function createUser(
  memberships: [AgencyKind, Role][],
  platformRoles: PlatformRole[] = [],
): Promise<{ id: string; email: string; membershipIn: Partial<Record<AgencyKind, string>> }> {
  const email = `admin-rules.${crypto.randomUUID().slice(0, 8)}@truce.example`;
  const [created] = await demo.db
    .insert(user)
    .values({ email, name: `Fixture ${email}`, passwordHash: DEMO_PASSWORD_HASH, platformRoles })
    .returning({ id: user.id });
  const membershipIn: Partial<Record<AgencyKind, string>> = {};
  for (const [kind, role] of memberships) {
    const [m] = await demo.db
      .insert(membership)
      .values({ userId: created!.id, agencyId: demo.agencyIds[kind]!, role })
      .returning({ id: membership.id });
    membershipIn[kind] = m!.id;
  }
  return { id: created!.id, email, membershipIn };
}

async function membershipRow(id: string) {
  const [row] = await demo.db.select().from(membership).where(eq(membership.id, id));
  return row!;
}

async function userVersion(id: string) {
  const [row] = await demo.db.select({ version: user.version }).from(user).where(eq(user.id, id));
  return row!.version;
}

/** The admin app's caller, signed in to the admin app as the user. */
const as = async (email: string) =>
  adminCallerFor(demo.db, await claimsFor(demo.db, email, "admin"));

/** The police's agency admin of the demo data. */
const policeAdmin = () => as("agency.admin@truce.example");
const platformAdmin = () => as("platform.admin@truce.example");

async function disableMembership(
  caller: Awaited<ReturnType<typeof as>>,
  membershipId: string,
  disabled = true,
) {
  const { version } = await membershipRow(membershipId);
  return caller.membership.setDisabled({ membershipId, disabled, version });
}

async function setRole(caller: Awaited<ReturnType<typeof as>>, membershipId: string, role: Role) {
  const { version } = await membershipRow(membershipId);
  return caller.membership.setRole({ membershipId, role, version });
}

describe("whole accounts", () => {
  it("an agency admin cannot disable a peer agency admin of their own agency", async () => {
    const peer = await createUser([["police", "agency_admin"]]);
    const admin = await policeAdmin();
    await expect(
      admin.user.setDisabled({
        userId: peer.id,
        disabled: true,
        version: await userVersion(peer.id),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [after] = await demo.db.select().from(user).where(eq(user.id, peer.id));
    expect(after!.disabled).toBe(false);
  });

  it("an agency admin cannot disable any account, not even a plain member of their agency", async () => {
    const member = await createUser([["police", "staff"]]);
    const admin = await policeAdmin();
    await expect(
      admin.user.setDisabled({
        userId: member.id,
        disabled: true,
        version: await userVersion(member.id),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a platform admin disables and enables a whole account, and the user's sessions end", async () => {
    const member = await createUser([
      ["police", "staff"],
      ["probation", "staff"],
    ]);
    const claims = await claimsFor(demo.db, member.email);
    await expect((await callerFor(demo.db, claims)).session.me()).resolves.toBeTruthy();
    const platform = await platformAdmin();
    const disabled = await platform.user.setDisabled({
      userId: member.id,
      disabled: true,
      version: await userVersion(member.id),
    });
    expect(disabled.disabled).toBe(true);
    await expect((await callerFor(demo.db, claims)).session.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const enabled = await platform.user.setDisabled({
      userId: member.id,
      disabled: false,
      version: disabled.version,
    });
    expect(enabled.disabled).toBe(false);
  });
});

describe("memberships of admins", () => {
  it("an agency admin cannot change the role of, or disable, a member who is an agency admin elsewhere", async () => {
    const adminElsewhere = await createUser([
      ["police", "staff"],
      ["social_services", "agency_admin"],
    ]);
    const ownAgencyMembership = adminElsewhere.membershipIn.police!;
    const admin = await policeAdmin();
    await expect(setRole(admin, ownAgencyMembership, "manager")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(disableMembership(admin, ownAgencyMembership)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const after = await membershipRow(ownAgencyMembership);
    expect(after).toMatchObject({ role: "staff", disabled: false });
  });

  it("an agency admin cannot change the role of, or disable, a member who has a platform role", async () => {
    for (const platformRole of ["auditor", "platform_admin"] as const) {
      const withPlatformRole = await createUser([["police", "staff"]], [platformRole]);
      const ownAgencyMembership = withPlatformRole.membershipIn.police!;
      const admin = await policeAdmin();
      await expect(setRole(admin, ownAgencyMembership, "manager")).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(disableMembership(admin, ownAgencyMembership)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect(await membershipRow(ownAgencyMembership)).toMatchObject({
        role: "staff",
        disabled: false,
      });
    }
  });

  it("an agency admin cannot disable a peer agency admin's membership", async () => {
    const peer = await createUser([["police", "agency_admin"]]);
    const admin = await policeAdmin();
    await expect(disableMembership(admin, peer.membershipIn.police!)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("a platform admin manages an agency admin's membership", async () => {
    const agencyAdmin = await createUser([["police", "agency_admin"]]);
    const platform = await platformAdmin();
    const disabled = await disableMembership(platform, agencyAdmin.membershipIn.police!);
    expect(disabled.disabled).toBe(true);
    const demoted = await setRole(platform, agencyAdmin.membershipIn.police!, "staff");
    expect(demoted.role).toBe("staff");
  });
});

describe("the agency's own memberships only", () => {
  it("an agency admin cannot change the role of, or disable, another agency's membership", async () => {
    const social = await createUser([["social_services", "staff"]]);
    const admin = await policeAdmin();
    // Refused as if it did not exist, so an agency admin learns nothing of other agencies.
    const notManaged = {
      code: "NOT_FOUND",
      message: "apiErrors.membership.notFound",
    };
    await expect(
      setRole(admin, social.membershipIn.social_services!, "manager"),
    ).rejects.toMatchObject(notManaged);
    await expect(
      disableMembership(admin, social.membershipIn.social_services!),
    ).rejects.toMatchObject(notManaged);
    expect(await membershipRow(social.membershipIn.social_services!)).toMatchObject({
      role: "staff",
      disabled: false,
    });
  });

  it("nobody disables their own membership", async () => {
    const admin = await policeAdmin();
    const own = (await claimsFor(demo.db, "agency.admin@truce.example", "admin")).membershipId!;
    await expect(disableMembership(admin, own)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await membershipRow(own)).disabled).toBe(false);
  });

  it("a stale version is refused with the message that says what to do", async () => {
    const member = await createUser([["police", "staff"]]);
    const id = member.membershipIn.police!;
    const { version } = await membershipRow(id);
    const admin = await policeAdmin();
    await admin.membership.setDisabled({ membershipId: id, disabled: true, version });
    await expect(
      admin.membership.setDisabled({ membershipId: id, disabled: false, version }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "apiErrors.membership.stale",
    });
  });
});

describe("disabling a membership", () => {
  it("cuts a multi-agency user off from that agency only, ends their sessions, and is logged", async () => {
    // The coordinator of the demo works in social services and the exit programme; an admin
    // of social services disables the first.
    const socialAdmin = await createUser([["social_services", "agency_admin"]]);
    const admin = await as(socialAdmin.email);
    const coordinator = await claimsFor(demo.db, "coordinator@truce.example");
    const [socialMembership] = await demo.db
      .select({ id: membership.id })
      .from(membership)
      .where(
        and(
          eq(membership.userId, coordinator.userId),
          eq(membership.agencyId, demo.agencyIds.social_services!),
        ),
      );
    const [exitMembership] = await demo.db
      .select({ id: membership.id })
      .from(membership)
      .where(
        and(
          eq(membership.userId, coordinator.userId),
          eq(membership.agencyId, demo.agencyIds.exit_programme!),
        ),
      );
    const asSocial = { ...coordinator, membershipId: socialMembership!.id };
    await expect(
      (await callerFor(demo.db, asSocial)).individual.list({ pageSize: 1 }),
    ).resolves.toBeTruthy();

    const updated = await disableMembership(admin, socialMembership!.id);
    expect(updated).toMatchObject({ id: socialMembership!.id, disabled: true });

    // The session open before ends at its next request.
    await expect((await callerFor(demo.db, asSocial)).session.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });

    // Signed in again, the coordinator works as the exit programme and no longer has the
    // social services membership, not even by naming it.
    const fresh = await claimsFor(demo.db, "coordinator@truce.example");
    expect(fresh.membershipId).toBe(exitMembership!.id);
    const actor = await loadActor(demo.db, fresh);
    expect(actor?.memberships.map((m) => m.id)).toEqual([exitMembership!.id]);
    const exit = await callerFor(demo.db, fresh);
    await expect(exit.individual.list({ pageSize: 1 })).resolves.toBeTruthy();
    const namingDisabled = await callerFor(demo.db, {
      ...fresh,
      membershipId: socialMembership!.id,
    });
    await expect(namingDisabled.individual.list({ pageSize: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    const [logged] = await demo.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.entityType, "membership"), eq(accessLog.entityId, updated.id)))
      .orderBy(desc(accessLog.id))
      .limit(1);
    expect(logged).toMatchObject({
      action: "update",
      userId: socialAdmin.id,
      agencyId: demo.agencyIds.social_services,
      fields: ["disabled"],
    });
    expect(logged?.detail).toMatchObject({ userId: coordinator.userId, disabled: true });

    // Enabled again, the membership counts once more.
    await disableMembership(admin, socialMembership!.id, false);
    const again = await loadActor(demo.db, await claimsFor(demo.db, "coordinator@truce.example"));
    expect(again?.memberships.map((m) => m.id).sort()).toEqual(
      [socialMembership!.id, exitMembership!.id].sort(),
    );
  });

  it("shows in the admin's user list, with what the admin may manage", async () => {
    const member = await createUser([["police", "staff"]]);
    const peer = await createUser([["police", "agency_admin"]]);
    const admin = await policeAdmin();
    await disableMembership(admin, member.membershipIn.police!);
    const listed = await admin.user.list({ search: "admin-rules.", pageSize: 100 });
    const memberRow = listed.items.find((u) => u.id === member.id);
    expect(memberRow?.memberships).toEqual([
      expect.objectContaining({ id: member.membershipIn.police, disabled: true, managed: true }),
    ]);
    const peerRow = listed.items.find((u) => u.id === peer.id);
    expect(peerRow?.memberships).toEqual([
      expect.objectContaining({ id: peer.membershipIn.police, disabled: false, managed: false }),
    ]);
  });
});

/**
 * The same rule for every procedure that changes a user or a membership, enumerated from the
 * router: a later one (say, removing a membership) must have an input here, and is then
 * tried on every kind of user an agency admin may not touch.
 */
describe("every change to a user or a membership", () => {
  interface Target {
    userId: string;
    membershipId: string;
  }
  const CHANGES: Record<string, (target: Target) => Promise<unknown>> = {
    "user.setDisabled": async (target) => ({
      userId: target.userId,
      disabled: true,
      version: await userVersion(target.userId),
    }),
    "membership.setRole": async (target) => ({
      membershipId: target.membershipId,
      role: "manager",
      version: (await membershipRow(target.membershipId)).version,
    }),
    "membership.setDisabled": async (target) => ({
      membershipId: target.membershipId,
      disabled: true,
      version: (await membershipRow(target.membershipId)).version,
    }),
  };
  const changes = Object.entries(adminRouter._def.procedures as Record<string, unknown>)
    .filter(
      ([path, procedure]) =>
        /^(user|membership)\./.test(path) &&
        (procedure as { _def: { type: string } })._def.type === "mutation",
    )
    .map(([path]) => path)
    .sort();

  it("has an input for every procedure that changes a user or a membership", () => {
    expect(Object.keys(CHANGES).sort()).toEqual(changes);
  });

  const UNTOUCHABLE: Record<string, () => Promise<Target>> = {
    "a peer agency admin": async () => {
      const peer = await createUser([["police", "agency_admin"]]);
      return { userId: peer.id, membershipId: peer.membershipIn.police! };
    },
    "a member who is an agency admin elsewhere": async () => {
      const u = await createUser([
        ["police", "staff"],
        ["probation", "agency_admin"],
      ]);
      return { userId: u.id, membershipId: u.membershipIn.police! };
    },
    "a member who is an auditor": async () => {
      const u = await createUser([["police", "manager"]], ["auditor"]);
      return { userId: u.id, membershipId: u.membershipIn.police! };
    },
    "another agency's member": async () => {
      const u = await createUser([["social_services", "staff"]]);
      return { userId: u.id, membershipId: u.membershipIn.social_services! };
    },
    themselves: async () => {
      const claims = await claimsFor(demo.db, "agency.admin@truce.example", "admin");
      return { userId: claims.userId, membershipId: claims.membershipId! };
    },
  };

  for (const path of changes) {
    for (const [who, makeTarget] of Object.entries(UNTOUCHABLE)) {
      it(`${path}: an agency admin cannot act on ${who}`, async () => {
        const target = await makeTarget();
        const before = {
          user: await userVersion(target.userId),
          membership: (await membershipRow(target.membershipId)).version,
        };
        const admin = await policeAdmin();
        const input = await CHANGES[path]!(target);
        const procedure = path
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], admin);
        const call = (procedure as (input: unknown) => Promise<unknown>)(input);
        await expect(call).rejects.toSatisfy(
          (error: { code?: string }) => error.code === "FORBIDDEN" || error.code === "NOT_FOUND",
        );
        expect({
          user: await userVersion(target.userId),
          membership: (await membershipRow(target.membershipId)).version,
        }).toEqual(before);
      });
    }
  }
});
