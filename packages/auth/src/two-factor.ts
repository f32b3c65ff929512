import { and, eq, isNotNull, isNull, lt, or, sql, type DbOrTx } from "@truce/db";
import { accessLog, platformSetting, recoveryCode, totpCredential } from "@truce/db/schema";
import type { ActorMembership, PlatformRole } from "./actor";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCode,
  RECOVERY_CODE_COUNT,
  recoveryCodeMatches,
} from "./recovery-codes";
import { formatTotpSecret, matchTotpStep, newTotpSecret, totpQrDataUrl, totpUri } from "./totp";

/** How long a QR code shown for enrolment stays valid for confirming. */
export const ENROLMENT_MAX_AGE_MS = 15 * 60_000;

export interface MfaSettings {
  mfaRequiredForAdmins: boolean;
  mfaRequiredForEveryone: boolean;
}

/** The platform's two-factor settings; without the settings row, both are required. */
export async function readMfaSettings(db: DbOrTx): Promise<MfaSettings> {
  const [row] = await db
    .select({
      mfaRequiredForAdmins: platformSetting.mfaRequiredForAdmins,
      mfaRequiredForEveryone: platformSetting.mfaRequiredForEveryone,
    })
    .from(platformSetting)
    .where(eq(platformSetting.id, 1))
    .limit(1);
  return row ?? { mfaRequiredForAdmins: true, mfaRequiredForEveryone: true };
}

/** Whether a user must have two-factor sign-in: admins and auditors, or everyone. */
export function mfaRequired(
  settings: MfaSettings,
  platformRoles: readonly PlatformRole[],
  memberships: readonly Pick<ActorMembership, "role">[],
): boolean {
  if (settings.mfaRequiredForEveryone) return true;
  const admin = platformRoles.length > 0 || memberships.some((m) => m.role === "agency_admin");
  return settings.mfaRequiredForAdmins && admin;
}

export interface TwoFactorStatus {
  enrolled: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(db: DbOrTx, userId: string): Promise<TwoFactorStatus> {
  const [credential] = await db
    .select({ secret: totpCredential.secret })
    .from(totpCredential)
    .where(eq(totpCredential.userId, userId));
  const [codes] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
  return { enrolled: Boolean(credential?.secret), recoveryCodesLeft: codes?.n ?? 0 };
}

export interface Enrolment {
  /** The secret in groups of four, for typing into an app by hand. */
  secret: string;
  /** The otpauth:// URI as an SVG data URL. */
  qrCode: string;
}

/** The secret waiting to be confirmed, while it still may be (ENROLMENT_MAX_AGE_MS). */
export async function freshPendingSecret(
  db: DbOrTx,
  userId: string,
  now: Date,
): Promise<string | null> {
  const fresh = new Date(now.getTime() - ENROLMENT_MAX_AGE_MS);
  const [pending] = await db
    .select({ secret: totpCredential.pendingSecret })
    .from(totpCredential)
    .where(
      and(
        eq(totpCredential.userId, userId),
        isNotNull(totpCredential.pendingSecret),
        sql`${totpCredential.pendingSince} >= ${fresh.toISOString()}::timestamptz`,
      ),
    );
  return pending?.secret ?? null;
}

/** What the person is shown to add a secret to their app. */
export async function enrolmentView(secret: string, email: string): Promise<Enrolment> {
  return { secret: formatTotpSecret(secret), qrCode: await totpQrDataUrl(totpUri(secret, email)) };
}

/**
 * Shows a user a secret to add to their authenticator app. The secret waits as pending
 * until a code from it is confirmed; the confirmed one (if any) stays in use meanwhile. A
 * pending secret younger than ENROLMENT_MAX_AGE_MS is shown again, so that reloading the
 * page does not invalidate a QR code that was already scanned.
 */
export async function startEnrolment(
  db: DbOrTx,
  user: { id: string; email: string },
  now: Date,
): Promise<Enrolment> {
  let secret = await freshPendingSecret(db, user.id, now);
  if (!secret) {
    secret = newTotpSecret();
    await db
      .insert(totpCredential)
      .values({ userId: user.id, pendingSecret: secret, pendingSince: now, createdById: user.id })
      .onConflictDoUpdate({
        target: totpCredential.userId,
        set: {
          pendingSecret: secret,
          pendingSince: now,
          updatedById: user.id,
          version: sql`${totpCredential.version} + 1`,
        },
      });
  }
  return enrolmentView(secret, user.email);
}

/**
 * Confirms enrolment with a code from the pending secret (only from `onlySecret`, when
 * given: the one a page showed): it becomes the secret sign-in checks, and the code's time
 * step counts as used. Logged as mfa_enrolment.
 */
export async function confirmEnrolment(
  db: DbOrTx,
  userId: string,
  code: string,
  now: Date,
  onlySecret?: string,
): Promise<boolean> {
  const secret = await freshPendingSecret(db, userId, now);
  if (!secret || (onlySecret !== undefined && secret !== onlySecret)) return false;
  const step = matchTotpStep(secret, code.trim(), now);
  if (step === null) return false;
  const confirmed = await db
    .update(totpCredential)
    .set({
      secret,
      confirmedAt: now,
      lastUsedStep: step,
      pendingSecret: null,
      pendingSince: null,
      updatedById: userId,
      version: sql`${totpCredential.version} + 1`,
    })
    // only the secret that was checked: a concurrent restart of enrolment wins
    .where(and(eq(totpCredential.userId, userId), eq(totpCredential.pendingSecret, secret)))
    .returning({ userId: totpCredential.userId });
  if (confirmed.length === 0) return false;
  await logEnrolment(db, userId, "totp");
  return true;
}

function logEnrolment(db: DbOrTx, userId: string, factor: "totp" | "recovery_codes") {
  return db.insert(accessLog).values({
    action: "mfa_enrolment",
    userId,
    entityType: "user",
    entityId: userId,
    detail: { factor },
  });
}

/**
 * Replaces a user's recovery codes with RECOVERY_CODE_COUNT new ones and returns them:
 * the only time they exist in clear text. Only their hashes are stored.
 */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
  await db
    .insert(recoveryCode)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  await logEnrolment(db, userId, "recovery_codes");
  return codes;
}

export type SecondFactor = "totp" | "recovery_code";

/**
 * Checks a code from the authenticator app or a recovery code. Each is accepted once: a
 * TOTP code only for a time step after the last one used, a recovery code only while
 * unused. Both are claimed with a conditional update, so two requests racing with the
 * same code cannot both succeed.
 */
export async function verifySecondFactor(
  db: DbOrTx,
  userId: string,
  input: string,
  now: Date,
): Promise<SecondFactor | null> {
  const code = input.trim();
  if (/^\d+$/.test(code)) {
    const [credential] = await db
      .select({ secret: totpCredential.secret })
      .from(totpCredential)
      .where(eq(totpCredential.userId, userId));
    if (!credential?.secret) return null;
    const step = matchTotpStep(credential.secret, code, now);
    if (step === null) return null;
    const claimed = await db
      .update(totpCredential)
      .set({ lastUsedStep: step })
      .where(
        and(
          eq(totpCredential.userId, userId),
          or(isNull(totpCredential.lastUsedStep), lt(totpCredential.lastUsedStep, step)),
        ),
      )
      .returning({ userId: totpCredential.userId });
    return claimed.length > 0 ? "totp" : null;
  }
  if (!looksLikeRecoveryCode(code)) return null;
  const unused = await db
    .select({ id: recoveryCode.id, codeHash: recoveryCode.codeHash })
    .from(recoveryCode)
    .where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)));
  const match = unused.find((row) => recoveryCodeMatches(row.codeHash, code));
  if (!match) return null;
  const claimed = await db
    .update(recoveryCode)
    .set({ usedAt: now })
    .where(and(eq(recoveryCode.id, match.id), isNull(recoveryCode.usedAt)))
    .returning({ id: recoveryCode.id });
  return claimed.length > 0 ? "recovery_code" : null;
}
