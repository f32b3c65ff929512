import type { Db, Tx } from "@truce/db";
import { accessLog } from "@truce/db/schema";
import type { SessionClaims, TruceApp } from "./actor";
import { serverHmac, serverHmacMatches } from "./server-secret";
import { bumpSessionVersion } from "./session";
import { accountKey, addressKey, underThrottle, type Attempt } from "./throttle";
import {
  confirmEnrolment,
  enrolmentView,
  freshPendingSecret,
  replaceRecoveryCodes,
  startEnrolment,
  twoFactorStatus,
  type Enrolment,
} from "./two-factor";

// The changes a signed-in person makes on /account/security, after re-authenticating
// (sign-in.ts reauthenticate). Each change of factors ends the person's other sessions in
// the same transaction; the session that asked goes on at the new version, which the
// caller passes to its jwt callback as a grant (session.ts).

/** The session asking: its id names it in grants and tickets. */
export type AskingSession = SessionClaims & { sessionId: string };

/** The session version moved on while the change ran: the asking session is over too. */
class SessionOver extends Error {}

async function endOthers(tx: Tx, s: AskingSession) {
  const version = await bumpSessionVersion(tx, s.userId, s.sessionVersion);
  if (version === null) throw new SessionOver();
  return version;
}

async function orSessionOver<T>(change: () => Promise<T>): Promise<T | { status: "session_over" }> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof SessionOver) return { status: "session_over" };
    throw error;
  }
}

const TICKET_PURPOSE = "enrolment ticket";
const ticketMessage = (s: AskingSession, secret: string) => `${s.sessionId}:${s.userId}:${secret}`;

/**
 * A new secret to add to an authenticator app, with a ticket that only the session that
 * re-authenticated holds: confirming (and seeing the secret again) needs it, so another
 * session of the person, which may be someone else's, cannot take over the new app.
 */
export async function startNewAuthenticator(
  db: Db,
  session: AskingSession,
  email: string,
  now: Date,
): Promise<{ enrolment: Enrolment; ticket: string } | null> {
  const enrolment = await startEnrolment(db, { id: session.userId, email }, now);
  const secret = await freshPendingSecret(db, session.userId, now);
  if (!secret) return null;
  return { enrolment, ticket: serverHmac(TICKET_PURPOSE, ticketMessage(session, secret)) };
}

/** The pending secret the ticket was made for, while it may still be confirmed. */
async function ticketSecret(db: Db, session: AskingSession, ticket: string, now: Date) {
  const secret = await freshPendingSecret(db, session.userId, now);
  return secret && serverHmacMatches(TICKET_PURPOSE, ticketMessage(session, secret), ticket)
    ? secret
    : null;
}

export type ConfirmNewAuthenticatorResult =
  | { status: "done"; recoveryCodes: string[]; sessionVersion: number }
  /** The code was wrong: the same secret again, to try the next code. */
  | { status: "wrong"; enrolment: Enrolment; ticket: string }
  | { status: "locked"; enrolment: Enrolment; ticket: string }
  /** No such pending secret for this session any more (too old, replaced): start again. */
  | { status: "expired" }
  | { status: "session_over" };

/**
 * Confirms the new authenticator app with a code from it. The code takes its slots on the
 * account and the address like every code (throttle.ts), so wrong codes lock the account.
 * With the app come new recovery codes and the end of every other session.
 */
export async function confirmNewAuthenticator(
  db: Db,
  input: {
    session: AskingSession;
    email: string;
    ticket: string;
    code: string;
    app: TruceApp;
    ip: string | null;
    now: Date;
  },
): Promise<ConfirmNewAuthenticatorResult> {
  const { session, now } = input;
  const secret = await ticketSecret(db, session, input.ticket, now);
  if (!secret) return { status: "expired" };
  const attempt: Attempt = { db, app: input.app, ip: input.ip, now };
  const keys = [
    accountKey({ userId: session.userId }),
    ...(input.ip ? [addressKey(input.ip)] : []),
  ];
  return orSessionOver(async () => {
    const checked = await underThrottle(
      attempt,
      keys,
      { userId: session.userId, reason: "enrolment_code" },
      () =>
        db.transaction(async (tx) => {
          const code = input.code.slice(0, 64);
          if (!(await confirmEnrolment(tx, session.userId, code, now, secret))) return null;
          const recoveryCodes = await replaceRecoveryCodes(tx, session.userId);
          return { recoveryCodes, sessionVersion: await endOthers(tx, session) };
        }),
    );
    if (checked.status === "right") return { status: "done" as const, ...checked.value };
    return {
      status: checked.status === "locked" || checked.locked ? "locked" : "wrong",
      enrolment: await enrolmentView(secret, input.email),
      ticket: input.ticket,
    };
  });
}

/** New recovery codes in place of all the old ones (only with an app set up). */
export async function renewRecoveryCodes(
  db: Db,
  session: AskingSession,
): Promise<
  | { status: "done"; recoveryCodes: string[]; sessionVersion: number }
  | { status: "not_enrolled" }
  | { status: "session_over" }
> {
  if (!(await twoFactorStatus(db, session.userId)).enrolled) return { status: "not_enrolled" };
  return orSessionOver(() =>
    db.transaction(async (tx) => {
      const recoveryCodes = await replaceRecoveryCodes(tx, session.userId);
      return {
        status: "done" as const,
        recoveryCodes,
        sessionVersion: await endOthers(tx, session),
      };
    }),
  );
}

/**
 * "Sign out my other sessions": every session of the person but this one ends, in both
 * apps and on every device. Logged as a sign-out.
 */
export async function signOutOtherSessions(
  db: Db,
  session: AskingSession,
  app: TruceApp,
): Promise<{ status: "done"; sessionVersion: number } | { status: "session_over" }> {
  return orSessionOver(() =>
    db.transaction(async (tx) => {
      const sessionVersion = await endOthers(tx, session);
      await tx.insert(accessLog).values({
        action: "sign_out",
        userId: session.userId,
        membershipId: session.membershipId,
        entityType: "user",
        entityId: session.userId,
        detail: { app, scope: "other_sessions" },
      });
      return { status: "done" as const, sessionVersion };
    }),
  );
}
