import type { Session } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@truce/db";
import {
  confirmNewAuthenticator,
  renewRecoveryCodes,
  signOutOtherSessions,
  startNewAuthenticator,
  type AskingSession,
} from "./account-changes";
import { loadActor, type Actor, type TruceApp } from "./actor";
import { clientAddress } from "./client-address";
import { codesToShow, forgetCodesToShow, keepCodesToShow } from "./new-recovery-codes";
import { sessionVersionGrant, type SessionVersionGrant } from "./session";
import { reauthenticate } from "./sign-in";
import { twoFactorStatus, type Enrolment, type TwoFactorStatus } from "./two-factor";

// The bodies of both apps' server actions for /account/security. Each acts on the
// signed-in person only, read from the session and checked against the database like every
// API call; a change of factors first asks for the person's factors again. One action
// serves every form of the page (the `intent` field says which), so the state it returns
// drives one view, also when the page is rendered again after a post without scripts.

type AuthFn = () => Promise<Session | null>;
type UpdateFn = (data: { sessionVersionGrant: SessionVersionGrant }) => Promise<unknown>;

export const ACCOUNT_SECURITY_PATH = "/account/security";

/** What the person asked to change; each asks for their factors first. */
export type AccountChange = "enrol" | "codes" | "sessions";

export type AccountSecurityState =
  | {
      view: "reauthenticate";
      change: AccountChange;
      /** `failed`: the password or code was wrong; `expired`: the QR code is too old. */
      error: "failed" | "locked" | "expired" | "unknown";
    }
  | {
      view: "enrolling";
      enrolment: Enrolment;
      /** Proves this session re-authenticated for this secret (account-changes.ts). */
      ticket: string;
      error: "invalid_code" | "locked" | "unknown" | null;
    }
  | null;

const changeInput = z.enum(["enrol", "codes", "sessions"]);
const intentInput = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("reauthenticate"),
    change: changeInput,
    password: z.string().max(1024),
    code: z.string().trim().max(64).optional(),
  }),
  z.object({
    intent: z.literal("confirm_enrolment"),
    ticket: z.string().max(200),
    code: z.string().trim().min(1).max(64),
  }),
]);

/** The signed-in person and their session, checked against the database like every API call. */
async function currentSession(
  auth: AuthFn,
): Promise<{ actor: Actor; session: AskingSession } | null> {
  const claims = (await auth())?.claims;
  if (!claims?.sessionId) return null;
  const actor = await loadActor(getDb(), claims);
  return actor ? { actor, session: { ...claims, sessionId: claims.sessionId } } : null;
}

export async function accountSecurityStatus(auth: AuthFn): Promise<TwoFactorStatus | null> {
  const current = await currentSession(auth);
  return current ? twoFactorStatus(getDb(), current.actor.userId) : null;
}

export function createAccountSecurityActions(next: {
  app: TruceApp;
  auth: AuthFn;
  update: UpdateFn;
}) {
  /**
   * The change ended every other session; this one goes on at the new version, given to
   * its jwt callback with the server's proof. Then on to a fresh page (redirect), which is
   * the first to render with the renewed cookie.
   */
  const goOn = async (session: AskingSession, sessionVersion: number, to: string) => {
    await next.update({ sessionVersionGrant: sessionVersionGrant(session, sessionVersion) });
    redirect(to);
  };
  const withCodes = async (
    session: AskingSession,
    done: { recoveryCodes: string[]; sessionVersion: number },
  ) => {
    await keepCodesToShow(next.app, {
      sessionId: session.sessionId,
      codes: done.recoveryCodes,
      next: ACCOUNT_SECURITY_PATH,
    });
    return goOn(session, done.sessionVersion, ACCOUNT_SECURITY_PATH);
  };
  const signInAgain = (): never => redirect(`/sign-in?callbackUrl=${ACCOUNT_SECURITY_PATH}`);

  return {
    /** One form of the page: re-authenticating for a change, or confirming a new app. */
    async change(_previous: AccountSecurityState, form: FormData): Promise<AccountSecurityState> {
      const parsed = intentInput.safeParse(Object.fromEntries(form));
      if (!parsed.success) return null;
      const current = await currentSession(next.auth);
      if (!current) return signInAgain();
      const { actor, session } = current;
      const db = getDb();
      const ip = clientAddress(await headers());
      const now = new Date();
      const input = parsed.data;

      if (input.intent === "confirm_enrolment") {
        const result = await confirmNewAuthenticator(db, {
          session,
          email: actor.email,
          ticket: input.ticket,
          code: input.code,
          app: next.app,
          ip,
          now,
        });
        if (result.status === "done") return withCodes(session, result);
        if (result.status === "session_over") return signInAgain();
        if (result.status === "expired") {
          return { view: "reauthenticate", change: "enrol", error: "expired" };
        }
        const { enrolment, ticket } = result;
        const error = result.status === "locked" ? "locked" : "invalid_code";
        return { view: "enrolling", enrolment, ticket, error };
      }

      const { change } = input;
      const proved = await reauthenticate(db, {
        userId: actor.userId,
        password: input.password,
        code: input.code,
        app: next.app,
        ip,
        now,
      });
      if (proved !== "ok") {
        return { view: "reauthenticate", change, error: proved === "locked" ? "locked" : "failed" };
      }
      if (change === "enrol") {
        const started = await startNewAuthenticator(db, session, actor.email, now);
        return started
          ? { view: "enrolling", ...started, error: null }
          : { view: "reauthenticate", change, error: "unknown" };
      }
      if (change === "codes") {
        const result = await renewRecoveryCodes(db, session);
        if (result.status === "done") return withCodes(session, result);
        if (result.status === "session_over") return signInAgain();
        return { view: "reauthenticate", change, error: "unknown" };
      }
      const result = await signOutOtherSessions(db, session, next.app);
      if (result.status === "session_over") return signInAgain();
      return goOn(session, result.sessionVersion, `${ACCOUNT_SECURITY_PATH}?signedOut=others`);
    },

    /** The new recovery codes of the current session, for the page to show once. */
    async codesToShow(): Promise<string[] | null> {
      const shown = await codesToShow(next.app, (await next.auth())?.claims?.sessionId);
      return shown?.codes ?? null;
    },

    /** "I have saved my codes": they are not shown again. */
    async codesSaved(): Promise<void> {
      redirect(await forgetCodesToShow(next.app, (await next.auth())?.claims?.sessionId));
    },
  };
}
