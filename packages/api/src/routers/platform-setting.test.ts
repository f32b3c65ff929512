/**
 * The programme-wide settings against a real PostgreSQL with the demo data: the platform
 * admin reads them and changes them from the version they saw (a stale one is refused and
 * changes nothing), out-of-range values are refused, turning two-factor sign-in off needs a
 * confirmation, every change is in the access log by field name, and the reports mark the
 * new start at once. A database without the row (a fresh real server) reads the columns'
 * defaults and gets the row on its first change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "@truce/db";
import { accessLog, platformSetting, user } from "@truce/db/schema";
import { DEMO_PROGRAMME_STARTED_ON } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import type { AdminRouterInputs } from "../index";
import { adminCallerFor, callerFor, claimsFor, settle, userIdOf } from "../test-actors";

type Update = AdminRouterInputs["platformSetting"]["update"];

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const admin = async () =>
  adminCallerFor(demo.db, await claimsFor(demo.db, "platform.admin@truce.example", "admin"));

/** The settings row as the database has it (undefined where there is none). */
async function row() {
  const [found] = await demo.db.select().from(platformSetting);
  return found;
}

/** The settings as they are now, to change from: every field, and the version. */
async function current(): Promise<Update> {
  const now = await (await admin()).platformSetting.get();
  return {
    mfaRequiredForAdmins: now.mfaRequiredForAdmins,
    mfaRequiredForEveryone: now.mfaRequiredForEveryone,
    reviewPeriodMonths: now.reviewPeriodMonths,
    programmeStartedOn: now.programmeStartedOn,
    version: now.version,
  };
}

/** The latest access-log row about the settings. */
async function lastLogRow() {
  const [latest] = await demo.db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.entityType, "platform_setting"), eq(accessLog.entityId, "1")))
    .orderBy(desc(accessLog.id))
    .limit(1);
  return latest;
}

describe("platformSetting.get", () => {
  it("gives the platform admin the demo's settings and their version", async () => {
    const setting = await (await admin()).platformSetting.get();
    const saved = await row();
    expect(setting).toMatchObject({
      mfaRequiredForAdmins: false,
      mfaRequiredForEveryone: false,
      reviewPeriodMonths: 12,
      programmeStartedOn: DEMO_PROGRAMME_STARTED_ON,
      version: saved!.version,
    });
  });
});

describe("platformSetting.update", () => {
  it("saves the programme's start and the review period, one version on, as the admin", async () => {
    const adminId = await userIdOf(demo.db, "platform.admin@truce.example");
    const before = await current();
    const saved = await (
      await admin()
    ).platformSetting.update({
      ...before,
      programmeStartedOn: "2019-02-01",
      reviewPeriodMonths: 18,
    });
    expect(saved).toMatchObject({
      programmeStartedOn: "2019-02-01",
      reviewPeriodMonths: 18,
      version: before.version + 1,
      updatedByName: (await demo.db.select().from(user).where(eq(user.id, adminId)))[0]!.name,
    });
    expect(await row()).toMatchObject({
      programmeStartedOn: "2019-02-01",
      reviewPeriodMonths: 18,
      mfaRequiredForAdmins: before.mfaRequiredForAdmins,
      version: before.version + 1,
      updatedById: adminId,
    });
  });

  it("writes the change to the access log by the fields' names, never their values", async () => {
    const before = await current();
    await (await admin()).platformSetting.update({ ...before, reviewPeriodMonths: 9 });
    const logged = await lastLogRow();
    expect(logged).toMatchObject({
      action: "update",
      userId: await userIdOf(demo.db, "platform.admin@truce.example"),
      fields: ["reviewPeriodMonths"],
      detail: null,
    });
    expect(JSON.stringify(logged)).not.toContain('"9"');
  });

  it("lets the reports mark the new programme start at once", async () => {
    const before = await current();
    await (await admin()).platformSetting.update({ ...before, programmeStartedOn: "2018-09-03" });
    const manager = await callerFor(
      demo.db,
      await claimsFor(demo.db, "police.manager@truce.example"),
    );
    expect((await manager.report.options()).programmeStartedOn).toBe("2018-09-03");
    await (
      await admin()
    ).platformSetting.update({ ...(await current()), programmeStartedOn: null });
    expect((await manager.report.options()).programmeStartedOn).toBeNull();
  });

  it("refuses a change from a version someone saved over meanwhile, and keeps theirs", async () => {
    const seen = await current();
    await (await admin()).platformSetting.update({ ...seen, reviewPeriodMonths: 24 });
    const logRows = (await lastLogRow())!.id;
    await expect(
      (await admin()).platformSetting.update({ ...seen, reviewPeriodMonths: 6 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.platformSetting.stale" });
    expect(await row()).toMatchObject({ reviewPeriodMonths: 24, version: seen.version + 1 });
    expect((await lastLogRow())!.id).toBe(logRows);
  });

  it.each([
    ["reviewPeriodMonths", 0],
    ["reviewPeriodMonths", 37],
    ["reviewPeriodMonths", 2.5],
    ["programmeStartedOn", "1969-12-31"],
    ["programmeStartedOn", "2100-01-01"],
    ["programmeStartedOn", "1 October 2018"],
  ])("refuses %s %j on its field, and changes nothing", async (field, value) => {
    const before = await current();
    const refused = await (
      await admin()
    ).platformSetting
      .update({ ...before, [field]: value })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "BAD_REQUEST" });
    // The input's rule, on the field, with the field's own message key.
    const { issues } = (refused as { cause: { issues: { path: unknown[]; message: string }[] } })
      .cause;
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: [field], message: `validation.platformSetting.${field}` },
    ]);
    expect(await row()).toMatchObject({ version: before.version });
  });

  it("turns two-factor sign-in off only when the admin confirmed it, and logs which", async () => {
    const off = await current();
    await (await admin()).platformSetting.update({ ...off, mfaRequiredForAdmins: true });
    const on = await current();
    expect(on.mfaRequiredForAdmins).toBe(true);
    await expect(
      (await admin()).platformSetting.update({ ...on, mfaRequiredForAdmins: false }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "apiErrors.platformSetting.confirmRelaxTwoFactor",
    });
    expect(await row()).toMatchObject({ mfaRequiredForAdmins: true, version: on.version });
    await (
      await admin()
    ).platformSetting.update({ ...on, mfaRequiredForAdmins: false, relaxTwoFactor: true });
    expect(await row()).toMatchObject({ mfaRequiredForAdmins: false, version: on.version + 1 });
    expect(await lastLogRow()).toMatchObject({
      action: "update",
      fields: ["mfaRequiredForAdmins"],
      detail: { twoFactorRelaxed: ["mfaRequiredForAdmins"] },
    });
  });
});

// Last: these remove the demo's row, as a fresh real server has none.
describe("on a database without the settings row", () => {
  it("reads the columns' own defaults, at version 0, as PostgreSQL would write them", async () => {
    await demo.db.delete(platformSetting);
    const unwritten = await (await admin()).platformSetting.get();
    expect(unwritten).toEqual({
      mfaRequiredForAdmins: true,
      mfaRequiredForEveryone: true,
      reviewPeriodMonths: 12,
      programmeStartedOn: null,
      version: 0,
      updatedAt: null,
      updatedByName: null,
    });
    // The same as the database's defaults for a row written with nothing but its id.
    const [written] = await demo.db.insert(platformSetting).values({ id: 1 }).returning();
    const { updatedByName: _, updatedAt: __, ...columns } = unwritten;
    expect(written).toMatchObject({ ...columns, version: 1 });
    await demo.db.delete(platformSetting);
  });

  it("creates the row on the first change, from version 0, and logs it as created", async () => {
    const unwritten = await current();
    expect(unwritten.version).toBe(0);
    await expect(
      (await admin()).platformSetting.update({ ...unwritten, version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const saved = await (
      await admin()
    ).platformSetting.update({ ...unwritten, programmeStartedOn: "2020-01-01" });
    expect(saved).toMatchObject({ programmeStartedOn: "2020-01-01", version: 1 });
    expect(await row()).toMatchObject({
      mfaRequiredForAdmins: true,
      mfaRequiredForEveryone: true,
      programmeStartedOn: "2020-01-01",
      version: 1,
      createdById: await userIdOf(demo.db, "platform.admin@truce.example"),
    });
    expect(await lastLogRow()).toMatchObject({ action: "create", fields: ["programmeStartedOn"] });
    // A second page still at "not written yet" is stale now.
    await expect(
      (await admin()).platformSetting.update({ ...unwritten, reviewPeriodMonths: 3 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "apiErrors.platformSetting.stale" });
  });

  it("lets only one of two first changes at once create the row; the other is stale", async () => {
    await demo.db.delete(platformSetting);
    const unwritten = await current();
    const [a, b] = await Promise.all([
      settle(
        (async () =>
          (await admin()).platformSetting.update({ ...unwritten, reviewPeriodMonths: 2 }))(),
      ),
      settle(
        (async () =>
          (await admin()).platformSetting.update({ ...unwritten, reviewPeriodMonths: 3 }))(),
      ),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: "CONFLICT" });
    expect(await row()).toMatchObject({ version: 1 });
  });
});
