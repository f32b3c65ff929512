import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@truce/db";
import { listMemberships, mayUseApp, type SessionClaims, type TruceApp } from "./actor";
import { clientAddress } from "./client-address";
import { authEnv } from "./env";
import {
  endSession,
  grantedSessionVersion,
  readToken,
  SESSION_IDLE_SECONDS,
  SESSION_RENEW_SECONDS,
  type SessionVersionGrant,
  type TruceToken,
} from "./session";
import { cookiePrefix, sessionCookieName } from "./session-cookie";
import { authenticate, completeSecondStep, type PendingSignIn } from "./sign-in";

declare module "next-auth" {
  interface Session {
    /** Only when signed in completely (password and, where asked, the second step). */
    claims?: SessionClaims;
    /** Only between a correct password and the second step. */
    pending?: Pick<PendingSignIn, "step" | "userId">;
    /** Sent by an app's update() to switch the active membership; never stored. */
    switchToMembershipId?: string;
    /** Sent by an app's update() with the second step's code; never stored. */
    secondStepCode?: string;
    /**
     * Sent by a server action's update() after a change of factors ended the user's other
     * sessions: this session goes on at the new version. Only with the server's proof.
     */
    sessionVersionGrant?: SessionVersionGrant;
  }
  interface User {
    claims?: SessionClaims;
    pending?: PendingSignIn;
  }
}

/** The code next-auth puts on a refused sign-in; the sign-in page maps it to a message. */
export class NoAppAccess extends CredentialsSignin {
  override code = "no_access";
}

const switchSchema = z.object({ switchToMembershipId: z.string().uuid() });
/** Sent by update() during a pending sign-in: the code of the second step. */
const secondStepSchema = z.object({ secondStepCode: z.string().min(1).max(64) });

export function createAuthConfig(app: TruceApp): NextAuthConfig {
  const secure = authEnv.TRUCE_SECURE_COOKIES;
  const prefix = cookiePrefix(app);
  return {
    secret: authEnv.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: secure,
    // maxAge is the idle timeout: every renewal re-signs the token with a new expiry. The
    // absolute lifetime is checked against signedInAt in the jwt callback.
    session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: SESSION_RENEW_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: {
        name: sessionCookieName(app),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
      callbackUrl: {
        name: `${prefix}.callback-url`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
      csrfToken: {
        name: `${secure ? "__Host-" : ""}truce-${app}.csrf-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    logger: {
      // A wrong password or a forged cookie is an expected event, recorded in the access
      // log; one line, not a stack trace, keeps the server log readable.
      error(error) {
        // `type`, not `name`: class names are minified in a production build
        const type = "type" in error ? String(error.type) : error.name;
        if (type === "CredentialsSignin") return;
        console.error(`[auth] ${type}: ${error.message}`);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const result = await authenticate(getDb(), {
            email: String(credentials.email ?? ""),
            password: String(credentials.password ?? ""),
            app,
            ip: clientAddress(request.headers),
          });
          if (result.status === "refused") {
            if (result.reason === "no_access") throw new NoAppAccess();
            return null;
          }
          return result.status === "signed_in"
            ? { id: result.claims.userId, claims: result.claims }
            : { id: result.pending.userId, pending: result.pending };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        const now = new Date();
        const own = token as typeof token & TruceToken;
        if (user) {
          // A new sign-in replaces whatever the token held before.
          delete own.claims;
          delete own.pending;
          delete own.signedInAt;
          if (user.claims) return { ...own, claims: user.claims, signedInAt: now.getTime() };
          return { ...own, pending: user.pending };
        }
        const state = readToken(own, now);
        // Past its absolute lifetime, or a pending sign-in left too long: the cookie goes.
        if (state.kind === "none") return null;
        if (trigger !== "update") return token;

        if (state.kind === "pending") {
          const input = secondStepSchema.safeParse(session);
          if (!input.success) return token;
          const result = await completeSecondStep(getDb(), {
            pending: state.pending,
            code: input.data.secondStepCode,
            app,
            now,
          });
          if (result.status === "retry") return token;
          if (result.status === "refused") return null;
          const { pending: _, ...rest } = own;
          return { ...rest, claims: result.claims, signedInAt: now.getTime() };
        }

        // Whatever else the data says, only a version this server granted this session.
        const granted = grantedSessionVersion(state.claims, session?.sessionVersionGrant);
        if (granted !== null) {
          return { ...own, claims: { ...state.claims, sessionVersion: granted } };
        }

        const wanted = switchSchema.safeParse(session);
        if (wanted.success) {
          // Only a membership of this user, usable in this app, can become active.
          const memberships = await listMemberships(getDb(), state.claims.userId);
          const target = memberships.find((m) => m.id === wanted.data.switchToMembershipId);
          if (target && mayUseApp(app, [target], [])) {
            return { ...own, claims: { ...state.claims, membershipId: target.id } };
          }
        }
        return token;
      },
      session({ session, token }) {
        const state = readToken(token as TruceToken, new Date());
        if (state.kind === "signed_in") session.claims = state.claims;
        if (state.kind === "pending") {
          session.pending = { step: state.pending.step, userId: state.pending.userId };
        }
        return session;
      },
    },
    events: {
      async signOut(message) {
        const state = readToken(
          "token" in message ? (message.token as TruceToken) : null,
          new Date(),
        );
        if (state.kind === "signed_in") await endSession(getDb(), state.claims, state.signedInAt);
      },
    },
  };
}

export function createAuth(app: TruceApp) {
  return NextAuth(createAuthConfig(app));
}
