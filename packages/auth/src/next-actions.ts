import { AuthError, CredentialsSignin, type Session } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { eq, getDb, type Db } from "@truce/db";
import { user } from "@truce/db/schema";
import { loadActor, type TruceApp } from "./actor";
import { codesToShow, forgetCodesToShow, keepCodesToShow } from "./new-recovery-codes";
import { credentialsSchema } from "./sign-in";
import { replaceRecoveryCodes, startEnrolment, type Enrolment } from "./two-factor";

// The bodies of both apps' server actions for signing in. Each app passes in its own
// next-auth functions (signIn, update, auth, signOut); everything else is here. Every
// action takes the form's FormData, so the forms post to them with or without scripts
// (React's progressive enhancement), and every step that succeeds redirects: the next page
// is a fresh request that reads the new session cookie. The state an action returns is
// what the form shows next; its previous state comes from the browser and is never read.

export type SignInError = "invalid_credentials" | "no_access" | "unknown";
/** `email` refills the field when the page is rendered again without scripts. */
export type SignInState = { error: SignInError; email: string } | null;
export type SecondStepState = { error: "invalid_code" | "unknown" } | null;

type SignInFn = (
  provider: "credentials",
  options: { email: string; password: string; redirect: false },
) => Promise<unknown>;
type UpdateFn = (data: { secondStepCode: string }) => Promise<unknown>;
type AuthFn = () => Promise<Session | null>;

/**
 * Where the sign-in stands for the current request: the sign-in page shows the step. A
 * token whose session has ended on the server (signed out elsewhere, a change of factors,
 * a disabled account) is no session: the page asks for the password, instead of sending
 * the browser on to a page that would send it back here.
 */
export type SignInStage = "signed_in" | "totp" | "enrol" | null;
export async function signInStage(auth: AuthFn, db: Db = getDb()): Promise<SignInStage> {
  const session = await auth();
  if (session?.claims) return (await loadActor(db, session.claims)) ? "signed_in" : null;
  return session?.pending?.step ?? null;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * The password step: validates, signs in through the app's own next-auth instance and
 * turns failures into a code the form can show. Returns null when the password was right;
 * the sign-in page then shows the second step or moves on.
 */
export async function signInWithCredentials(
  signIn: SignInFn,
  values: { email: string; password: string },
): Promise<SignInError | null> {
  const parsed = credentialsSchema.safeParse(values);
  if (!parsed.success) return "invalid_credentials";
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof AuthError) {
      const code = error instanceof CredentialsSignin ? error.code : undefined;
      return code === "no_access" ? "no_access" : "invalid_credentials";
    }
    console.error("[sign-in] unexpected failure", error);
    return "unknown";
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
  try {
    const session = (await update({ secondStepCode: parsed.data })) as Session | null;
    if (session?.claims?.sessionId)
      return { ...session.claims, sessionId: session.claims.sessionId };
    return session?.pending ? ("invalid_code" as const) : ("restart" as const);
  } catch (error) {
    console.error("[sign-in] second step failed", error);
    return "unknown" as const;
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

type SignOutFn = (options: { redirectTo: string }) => Promise<unknown>;

/**
 * The sign-in page's server actions for one app, given its next-auth functions: each app's
 * `sign-in/actions.ts` wraps these in its own "use server" functions. Every step that
 * succeeds, and every pending sign-in that must start over, goes back to the sign-in
 * page, which shows the step the session is at (or moves on to `callbackUrl`).
 */
export function createSignInActions(next: {
  app: TruceApp;
  auth: AuthFn;
  signIn: SignInFn;
  signOut: SignOutFn;
  update: UpdateFn;
  /** Only a path on this origin (packages/ui's safeCallbackPath). */
  safeCallbackPath: (value: unknown) => string;
}) {
  const callbackOf = (form: FormData) => next.safeCallbackPath(form.get("callbackUrl"));
  const toSignIn = (callbackUrl: string, error?: string): never => {
    const params = new URLSearchParams({ callbackUrl });
    // a locked, disabled or expired pending sign-in shows the one generic message
    if (error) params.set("error", error);
    redirect(`/sign-in?${params}`);
  };
  return {
    async signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
      const email = text(form, "email").slice(0, 254);
      const error = await signInWithCredentials(next.signIn, {
        email,
        password: text(form, "password"),
      });
      return error ? { error, email } : toSignIn(callbackOf(form));
    },

    async verifyCode(_previous: SecondStepState, form: FormData): Promise<SecondStepState> {
      const result = await sendSecondStepCode(next.update, form.get("code"));
      if (result === "restart") return toSignIn(callbackOf(form), result);
      if (typeof result === "string") return { error: result };
      redirect(callbackOf(form));
    },

    startEnrolment: () => startPendingEnrolment(next.auth),

    /**
     * Confirms the enrolment of a pending sign-in: the session starts (and the person's
     * other sessions end, sign-in.ts), with new recovery codes that the sign-in page shows
     * once before going on.
     */
    async confirmEnrolment(_previous: SecondStepState, form: FormData): Promise<SecondStepState> {
      const callbackUrl = callbackOf(form);
      const result = await sendSecondStepCode(next.update, form.get("code"));
      if (result === "restart") return toSignIn(callbackUrl, result);
      if (typeof result === "string") return { error: result };
      try {
        const codes = await replaceRecoveryCodes(getDb(), result.userId);
        await keepCodesToShow(next.app, { sessionId: result.sessionId, codes, next: callbackUrl });
      } catch (error) {
        // two-factor sign-in is on and the session has started; codes can be made later
        console.error("[sign-in] recovery codes failed", error);
      }
      return toSignIn(callbackUrl);
    },

    /** The new recovery codes of the current session, for the sign-in page to show once. */
    async codesToShow(): Promise<{ codes: string[]; next: string } | null> {
      return codesToShow(next.app, (await next.auth())?.claims?.sessionId);
    },

    /** "I have saved my codes": they are not shown again; on to where the person was going. */
    async codesSaved(): Promise<void> {
      redirect(await forgetCodesToShow(next.app, (await next.auth())?.claims?.sessionId));
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
