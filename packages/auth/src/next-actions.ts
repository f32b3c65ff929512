import { AuthError, CredentialsSignin, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { eq, getDb } from "@truce/db";
import { user } from "@truce/db/schema";
import { credentialsSchema } from "./sign-in";
import { replaceRecoveryCodes, startEnrolment, type Enrolment } from "./two-factor";

// The bodies of both apps' server actions for signing in. Each app passes in its own
// next-auth functions (signIn, update, auth, signOut); everything else is here.

export type SignInState = { error: "invalid_credentials" | "no_access" | "unknown" } | null;
/** `invalid_code`: try again; `restart`: the pending sign-in is over, enter the password. */
export type SecondStepState = { error: "invalid_code" | "restart" | "unknown" } | null;
export type ConfirmEnrolmentState =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; error: "invalid_code" | "restart" | "unknown" };

type SignInFn = (
  provider: "credentials",
  options: { email: string; password: string; redirect: false },
) => Promise<unknown>;
type UpdateFn = (data: { secondStepCode: string }) => Promise<unknown>;
type AuthFn = () => Promise<Session | null>;

/** Where the sign-in stands for the current request: the sign-in page shows the step. */
export type SignInStage = "signed_in" | "totp" | "enrol" | null;
export async function signInStage(auth: AuthFn): Promise<SignInStage> {
  const session = await auth();
  if (session?.claims) return "signed_in";
  return session?.pending?.step ?? null;
}

/**
 * The password step: validates, signs in through the app's own next-auth instance and
 * turns failures into a code the form can show. Returns null when the password was right;
 * the sign-in page then shows the second step or moves on.
 */
export async function signInWithCredentials(
  signIn: SignInFn,
  values: { email: string; password: string },
): Promise<SignInState> {
  const parsed = credentialsSchema.safeParse(values);
  if (!parsed.success) return { error: "invalid_credentials" };
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : undefined;
      return { error: code === "no_access" ? "no_access" : "invalid_credentials" };
    }
    console.error("[sign-in] unexpected failure", error);
    return { error: "unknown" };
  }
}

const codeInput = z.string().trim().min(1).max(64);

/**
 * Sends the second step's code to the jwt callback (config.ts), which checks it and, if
 * right, turns the pending sign-in into a session. What comes back tells which happened.
 */
async function sendSecondStepCode(update: UpdateFn, code: unknown) {
  const parsed = codeInput.safeParse(code);
  if (!parsed.success) return "invalid_code" as const;
  const session = (await update({ secondStepCode: parsed.data })) as Session | null;
  if (session?.claims) return session.claims;
  return session?.pending ? ("invalid_code" as const) : ("restart" as const);
}

export async function submitSecondStep(update: UpdateFn, code: unknown): Promise<SecondStepState> {
  try {
    const result = await sendSecondStepCode(update, code);
    return typeof result === "string" ? { error: result } : null;
  } catch (error) {
    console.error("[sign-in] second step failed", error);
    return { error: "unknown" };
  }
}

/** The QR code for a user who must set up two-factor sign-in before their first session. */
export async function startPendingEnrolment(auth: AuthFn): Promise<Enrolment | null> {
  const pending = (await auth())?.pending;
  if (pending?.step !== "enrol") return null;
  const db = getDb();
  const [found] = await db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(eq(user.id, pending.userId));
  return found ? startEnrolment(db, found, new Date()) : null;
}

/** Confirms the enrolment of a pending sign-in; the session starts, and its recovery codes. */
export async function confirmPendingEnrolment(
  update: UpdateFn,
  code: unknown,
): Promise<ConfirmEnrolmentState> {
  try {
    const result = await sendSecondStepCode(update, code);
    if (typeof result === "string") return { ok: false, error: result };
    return { ok: true, recoveryCodes: await replaceRecoveryCodes(getDb(), result.userId) };
  } catch (error) {
    console.error("[sign-in] enrolment failed", error);
    return { ok: false, error: "unknown" };
  }
}

type SignOutFn = (options: { redirectTo: string }) => Promise<unknown>;

/**
 * The sign-in page's server actions for one app, given its next-auth functions: each app's
 * `sign-in/actions.ts` wraps these in its own "use server" functions. Every step that
 * succeeds, and every pending sign-in that must start over, goes back to the sign-in
 * page, which shows the step the session is at (or moves on to `callbackUrl`).
 */
export function createSignInActions(next: {
  auth: AuthFn;
  signIn: SignInFn;
  signOut: SignOutFn;
  update: UpdateFn;
  /** Only a path on this origin (packages/ui's safeCallbackPath). */
  safeCallbackPath: (value: unknown) => string;
}) {
  const toSignIn = (callbackUrl: unknown, error?: string): never => {
    const params = new URLSearchParams({ callbackUrl: next.safeCallbackPath(callbackUrl) });
    // a locked, disabled or expired pending sign-in shows the one generic message
    if (error) params.set("error", error);
    redirect(`/sign-in?${params}`);
  };
  return {
    async signIn(values: { email: string; password: string; callbackUrl?: string }) {
      const state = await signInWithCredentials(next.signIn, values);
      return state ?? toSignIn(values.callbackUrl);
    },
    async verifyCode(values: {
      code: string;
      callbackUrl?: string;
    }): Promise<{ error: "invalid_code" | "unknown" }> {
      const state = await submitSecondStep(next.update, values.code);
      if (!state) redirect(next.safeCallbackPath(values.callbackUrl));
      const { error } = state;
      return error === "restart" ? toSignIn(values.callbackUrl, error) : { error };
    },
    startEnrolment: () => startPendingEnrolment(next.auth),
    async confirmEnrolment(code: string): Promise<ConfirmEnrolmentState> {
      const state = await confirmPendingEnrolment(next.update, code);
      return !state.ok && state.error === "restart" ? toSignIn("/", state.error) : state;
    },
    async cancel(): Promise<void> {
      await next.signOut({ redirectTo: "/sign-in" });
    },
  };
}

const membershipIdInput = z.string().uuid();

/**
 * The body of both apps' "switch agency" server action: the jwt callback (config.ts)
 * accepts only a membership of this user that fits the app.
 */
export async function switchActiveMembership(
  update: (data: { switchToMembershipId: string }) => Promise<unknown>,
  membershipId: unknown,
): Promise<void> {
  await update({ switchToMembershipId: membershipIdInput.parse(membershipId) });
}
