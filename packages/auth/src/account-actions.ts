import type { Session } from "next-auth";
import { z } from "zod";
import { getDb } from "@truce/db";
import { loadActor, type Actor, type TruceApp } from "./actor";
import type { ConfirmEnrolmentState } from "./next-actions";
import { reauthenticate } from "./sign-in";
import {
  confirmEnrolment,
  replaceRecoveryCodes,
  startEnrolment,
  twoFactorStatus,
  type Enrolment,
  type TwoFactorStatus,
} from "./two-factor";

// The bodies of both apps' server actions for /account/security. Each acts on the
// signed-in person only, read from the session and checked against the database like every
// API call; a change of factors first asks for the person's factors again.

type AuthFn = () => Promise<Session | null>;
const codeInput = z.string().trim().min(1).max(64);

/** The signed-in person, checked against the database like every API call. */
async function currentActor(auth: AuthFn): Promise<Actor | null> {
  const claims = (await auth())?.claims;
  return claims ? loadActor(getDb(), claims) : null;
}

export async function accountSecurityStatus(auth: AuthFn): Promise<TwoFactorStatus | null> {
  const actor = await currentActor(auth);
  return actor ? twoFactorStatus(getDb(), actor.userId) : null;
}

/** The password (and the current second factor, if any) that a change of factors asks for. */
export interface Reauthentication {
  password: string;
  code?: string;
}
const reauthenticationInput = z.object({
  password: z.string().max(1024),
  code: z.string().max(64).optional(),
});

/** The signed-in person, once more proved by their factors; null otherwise. */
async function reauthenticatedActor(auth: AuthFn, app: TruceApp, proof: unknown) {
  const actor = await currentActor(auth);
  const parsed = reauthenticationInput.safeParse(proof);
  if (!actor || !parsed.success) return null;
  const ok = await reauthenticate(getDb(), {
    userId: actor.userId,
    password: parsed.data.password,
    code: parsed.data.code,
    app,
  });
  return ok ? actor : null;
}

/** The account page: show a new secret to add to an authenticator app. */
export async function startAccountEnrolment(
  auth: AuthFn,
  app: TruceApp,
  proof: unknown,
): Promise<Enrolment | null> {
  const actor = await reauthenticatedActor(auth, app, proof);
  return actor
    ? startEnrolment(getDb(), { id: actor.userId, email: actor.email }, new Date())
    : null;
}

/**
 * The account page: confirm the new app with a code, and issue new recovery codes. Only a
 * secret shown after re-authentication (startAccountEnrolment) can be confirmed, for
 * ENROLMENT_MAX_AGE_MS.
 */
export async function confirmAccountEnrolment(
  auth: AuthFn,
  code: unknown,
): Promise<ConfirmEnrolmentState> {
  const actor = await currentActor(auth);
  if (!actor) return { ok: false, error: "restart" };
  const parsed = codeInput.safeParse(code);
  const db = getDb();
  if (!parsed.success || !(await confirmEnrolment(db, actor.userId, parsed.data, new Date()))) {
    return { ok: false, error: "invalid_code" };
  }
  return { ok: true, recoveryCodes: await replaceRecoveryCodes(db, actor.userId) };
}

/** The account page: replace the recovery codes (only with two-factor sign-in set up). */
export async function renewRecoveryCodes(
  auth: AuthFn,
  app: TruceApp,
  proof: unknown,
): Promise<string[] | null> {
  const actor = await reauthenticatedActor(auth, app, proof);
  if (!actor) return null;
  const db = getDb();
  if (!(await twoFactorStatus(db, actor.userId)).enrolled) return null;
  return replaceRecoveryCodes(db, actor.userId);
}
