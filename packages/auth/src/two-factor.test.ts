import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "@truce/db";
import { accessLog, platformSetting, recoveryCode, totpCredential, user } from "@truce/db/schema";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { loadActor } from "./actor";
import { authenticate, completeSecondStep, reauthenticate, type PendingSignIn } from "./sign-in";
import { totpCode } from "./totp";
import {
  mfaRequired,
  readMfaSettings,
  replaceRecoveryCodes,
  startEnrolment,
  twoFactorStatus,
} from "./two-factor";

let demo: DemoDatabase;
beforeAll(async () => {
  demo = await startDemoDatabase();
});
afterAll(async () => {
  await demo?.stop();
});

const EXIT_MANAGER = "exit.manager@truce.example";
const start = new Date("2026-03-02T09:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);

async function passwordStep(email: string, now: Date, app: "web" | "admin" = "web") {
  const result = await authenticate(demo.db, { email, password: DEMO_PASSWORD, app, now });
  if (result.status !== "second_step")
    throw new Error(`expected a second step, got ${result.status}`);
  return result.pending;
}

function secondStep(pending: PendingSignIn, code: string, now: Date) {
  return completeSecondStep(demo.db, { pending, code, app: "web", now });
}

async function setRequirements(admins: boolean, everyone: boolean) {
  await demo.db
    .update(platformSetting)
    .set({ mfaRequiredForAdmins: admins, mfaRequiredForEveryone: everyone })
    .where(eq(platformSetting.id, 1));
}

describe("two-factor sign-in with an authenticator app", () => {
  it("gives the enrolled exit manager a pending sign-in, not a session, after the right password", async () => {
    const pending = await passwordStep(EXIT_MANAGER, at(0));
    expect(pending.step).toBe("totp");
    expect(pending).not.toHaveProperty("claims");
  });

  it("turns the pending sign-in into a session with the code, and refuses the same code again", async () => {
    const pending = await passwordStep(EXIT_MANAGER, at(100));
    const code = totpCode(DEMO_TOTP_SECRET, at(100));
    const done = await secondStep(pending, code, at(100));
    expect(done.status).toBe("signed_in");
    if (done.status !== "signed_in") return;
    expect((await loadActor(demo.db, done.claims))?.email).toBe(EXIT_MANAGER);
    const [log] = await demo.db.select().from(accessLog).orderBy(desc(accessLog.id)).limit(1);
    expect(log).toMatchObject({ action: "sign_in", userId: done.claims.userId });
    expect(log?.detail).toMatchObject({ factor: "totp" });

    // Within the code's window (and the next step's), the code is spent.
    const again = await passwordStep(EXIT_MANAGER, at(110));
    expect(await secondStep(again, code, at(110))).toEqual({ status: "retry" });
    // An older code than the last used one is refused too; the next step's code is fine.
    expect(await secondStep(again, totpCode(DEMO_TOTP_SECRET, at(70)), at(110))).toEqual({
      status: "retry",
    });
    expect((await secondStep(again, totpCode(DEMO_TOTP_SECRET, at(130)), at(130))).status).toBe(
      "signed_in",
    );
  });

  it("accepts a recovery code once", async () => {
    const [manager] = await demo.db.select().from(user).where(eq(user.email, EXIT_MANAGER));
    const codes = await replaceRecoveryCodes(demo.db, manager!.id);
    expect(codes).toHaveLength(10);
    const stored = await demo.db
      .select({ codeHash: recoveryCode.codeHash })
      .from(recoveryCode)
      .where(eq(recoveryCode.userId, manager!.id));
    expect(stored.map((s) => s.codeHash).join()).not.toContain(codes[0]);

    const first = await passwordStep(EXIT_MANAGER, at(200));
    expect((await secondStep(first, codes[0]!.toUpperCase(), at(200))).status).toBe("signed_in");
    const second = await passwordStep(EXIT_MANAGER, at(210));
    expect(await secondStep(second, codes[0]!, at(210))).toEqual({ status: "retry" });
    expect(await twoFactorStatus(demo.db, manager!.id)).toEqual({
      enrolled: true,
      recoveryCodesLeft: 9,
    });
  });

  it("counts wrong codes against the account: the fifth locks it and ends the pending sign-in", async () => {
    const [coordinator] = await demo.db
      .select()
      .from(user)
      .where(eq(user.email, "coordinator@truce.example"));
    await demo.db
      .insert(totpCredential)
      .values({ userId: coordinator!.id, secret: DEMO_TOTP_SECRET, confirmedAt: at(0) });
    const pending = await passwordStep("coordinator@truce.example", at(300));
    for (let i = 0; i < 4; i++) {
      expect(await secondStep(pending, "000000", at(300))).toEqual({ status: "retry" });
    }
    expect(await secondStep(pending, "000000", at(300))).toEqual({ status: "refused" });
    // even the right code does not help now, nor does the password
    expect(await secondStep(pending, totpCode(DEMO_TOTP_SECRET, at(301)), at(301))).toEqual({
      status: "refused",
    });
    expect(
      await authenticate(demo.db, {
        email: "coordinator@truce.example",
        password: DEMO_PASSWORD,
        app: "web",
        now: at(302),
      }),
    ).toEqual({ status: "refused", reason: "invalid_credentials" });
  });

  it("refuses the second step when the user was disabled after the password step", async () => {
    const pending = await passwordStep(EXIT_MANAGER, at(400));
    await demo.db.update(user).set({ disabled: true }).where(eq(user.email, EXIT_MANAGER));
    try {
      expect(await secondStep(pending, totpCode(DEMO_TOTP_SECRET, at(400)), at(400))).toEqual({
        status: "refused",
      });
    } finally {
      await demo.db.update(user).set({ disabled: false }).where(eq(user.email, EXIT_MANAGER));
    }
  });
});

describe("changing how someone signs in", () => {
  it("asks for the password, and with two-factor sign-in on also a current code", async () => {
    const [manager] = await demo.db.select().from(user).where(eq(user.email, EXIT_MANAGER));
    const [staff] = await demo.db
      .select()
      .from(user)
      .where(eq(user.email, "probation.manager@truce.example"));
    const check = (userId: string, password: string, code: string | null, now: Date) =>
      reauthenticate(demo.db, { userId, password, code, app: "web", now });

    expect(await check(staff!.id, "wrong-password", null, at(800))).toBe("wrong");
    expect(await check(staff!.id, DEMO_PASSWORD, null, at(800))).toBe("ok");

    const code = totpCode(DEMO_TOTP_SECRET, at(900));
    expect(await check(manager!.id, DEMO_PASSWORD, null, at(900))).toBe("wrong");
    // a wrong password does not spend the code ...
    expect(await check(manager!.id, "wrong-password", code, at(900))).toBe("wrong");
    expect(await check(manager!.id, DEMO_PASSWORD, code, at(900))).toBe("ok");
    // ... a right one does
    expect(await check(manager!.id, DEMO_PASSWORD, code, at(900))).toBe("wrong");
  });
});

describe("who must use two-factor sign-in", () => {
  it("requires it of admins and auditors, or of everyone, as the platform setting says", () => {
    const none = { mfaRequiredForAdmins: false, mfaRequiredForEveryone: false };
    const admins = { mfaRequiredForAdmins: true, mfaRequiredForEveryone: false };
    const everyone = { mfaRequiredForAdmins: false, mfaRequiredForEveryone: true };
    const staff = [{ role: "staff" as const }];
    const agencyAdmin = [{ role: "agency_admin" as const }];
    expect(mfaRequired(none, ["platform_admin"], [])).toBe(false);
    expect(mfaRequired(admins, ["platform_admin"], [])).toBe(true);
    expect(mfaRequired(admins, ["auditor"], [])).toBe(true);
    expect(mfaRequired(admins, [], agencyAdmin)).toBe(true);
    expect(mfaRequired(admins, [], staff)).toBe(false);
    expect(mfaRequired(everyone, [], staff)).toBe(true);
  });

  it("requires both on a database without the settings row (a real server), neither in the demo", async () => {
    expect(await readMfaSettings(demo.db)).toEqual({
      mfaRequiredForAdmins: false,
      mfaRequiredForEveryone: false,
    });
    const [saved] = await demo.db.select().from(platformSetting);
    await demo.db.delete(platformSetting);
    try {
      expect(await readMfaSettings(demo.db)).toEqual({
        mfaRequiredForAdmins: true,
        mfaRequiredForEveryone: true,
      });
    } finally {
      await demo.db.insert(platformSetting).values(saved!);
    }
  });

  it("sends an admin who must enrol to enrolment after the password, then asks for codes", async () => {
    await setRequirements(true, false);
    try {
      expect(
        (
          await authenticate(demo.db, {
            email: "police.staff@truce.example",
            password: DEMO_PASSWORD,
            app: "web",
          })
        ).status,
      ).toBe("signed_in");
      const pending = await passwordStep("auditor@truce.example", at(500), "admin");
      expect(pending.step).toBe("enrol");
      const auditor = { id: pending.userId, email: "auditor@truce.example" };
      const shown = await startEnrolment(demo.db, auditor, at(500));
      expect(shown.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
      // reloading the page shows the same secret, so a scanned QR code stays good
      expect((await startEnrolment(demo.db, auditor, at(560))).secret).toBe(shown.secret);
      const secret = shown.secret.replace(/ /g, "");

      const complete = (code: string, now: Date) =>
        completeSecondStep(demo.db, { pending, code, app: "admin", now });
      expect(await complete(totpCode(DEMO_TOTP_SECRET, at(560)), at(560))).toEqual({
        status: "retry",
      });
      const done = await complete(totpCode(secret, at(560)), at(560));
      expect(done.status).toBe("signed_in");
      if (done.status !== "signed_in") return;
      // setting up the app ended the auditor's other sessions; the new one has the new version
      expect(done.claims.sessionVersion).toBe(pending.sessionVersion + 1);
      expect(await loadActor(demo.db, done.claims)).not.toBeNull();
      expect(
        await loadActor(demo.db, { ...done.claims, sessionVersion: pending.sessionVersion }),
      ).toBeNull();
      const [log] = await demo.db
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.action, "mfa_enrolment"), eq(accessLog.userId, pending.userId)));
      expect(log?.detail).toMatchObject({ factor: "totp" });
      // from now on the auditor is asked for a code
      expect((await passwordStep("auditor@truce.example", at(600), "admin")).step).toBe("totp");
    } finally {
      await setRequirements(false, false);
    }
  });

  it("sends everyone to enrolment when the platform says so", async () => {
    await setRequirements(false, true);
    try {
      expect((await passwordStep("probation.staff@truce.example", at(700))).step).toBe("enrol");
    } finally {
      await setRequirements(false, false);
    }
  });
});
