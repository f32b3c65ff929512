import { z } from "zod";
import { eq, type Db } from "@truce/db";
import { accessLog, user } from "@truce/db/schema";
import {
  defaultMembership,
  listMemberships,
  mayUseApp,
  type SessionClaims,
  type TruceApp,
} from "./actor";
import { burnPasswordCheck, PASSWORD_MAX_LENGTH, verifyPassword } from "./password";

export const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export type SignInResult =
  { ok: true; claims: SessionClaims } | { ok: false; reason: "invalid_credentials" | "no_access" };

/**
 * Checks e-mail and password for one app and records the attempt in the access log. Every
 * failure that could tell whether an account exists returns the same "invalid_credentials".
 */
export async function authenticate(
  db: Db,
  input: { email: string; password: string; app: TruceApp; ip?: string | null },
): Promise<SignInResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const { email, password } = parsed.data;
  const ip = input.ip ?? null;

  const [found] = await db
    .select({
      id: user.id,
      passwordHash: user.passwordHash,
      disabled: user.disabled,
      platformRoles: user.platformRoles,
      sessionVersion: user.sessionVersion,
    })
    .from(user)
    .where(eq(user.email, email))
    .limit(1);

  const fail = async (reason: "invalid_credentials" | "no_access", userId: string | null) => {
    await db.insert(accessLog).values({
      action: "sign_in_failed",
      userId,
      entityType: "user",
      entityId: userId,
      ip,
      detail: { app: input.app, email, reason },
    });
    return { ok: false as const, reason };
  };

  if (!found) {
    await burnPasswordCheck(password);
    return fail("invalid_credentials", null);
  }
  const passwordOk = await verifyPassword(found.passwordHash, password);
  if (!passwordOk || found.disabled) return fail("invalid_credentials", found.id);

  const memberships = await listMemberships(db, found.id);
  if (!mayUseApp(input.app, memberships, found.platformRoles)) return fail("no_access", found.id);
  const active = defaultMembership(input.app, memberships);

  await db.transaction(async (tx) => {
    await tx.update(user).set({ lastSignInAt: new Date() }).where(eq(user.id, found.id));
    await tx.insert(accessLog).values({
      action: "sign_in",
      userId: found.id,
      membershipId: active?.id ?? null,
      agencyId: active?.agencyId ?? null,
      entityType: "user",
      entityId: found.id,
      ip,
      detail: { app: input.app },
    });
  });
  return {
    ok: true,
    claims: {
      userId: found.id,
      sessionVersion: found.sessionVersion,
      membershipId: active?.id ?? null,
    },
  };
}
