import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@truce/db";
import { listMemberships, mayUseApp, type SessionClaims, type TruceApp } from "./actor";
import { authEnv } from "./env";
import { authenticate } from "./sign-in";

declare module "next-auth" {
  interface Session {
    claims: SessionClaims;
    /** Sent by an app's update() to switch the active membership; never stored. */
    switchToMembershipId?: string;
  }
  interface User {
    claims?: SessionClaims;
  }
}

/** The code next-auth puts on a refused sign-in; the sign-in page maps it to a message. */
export class NoAppAccess extends CredentialsSignin {
  override code = "no_access";
}

const claimsSchema = z.object({
  userId: z.string().uuid(),
  sessionVersion: z.number().int(),
  membershipId: z.string().uuid().nullable(),
});
const switchSchema = z.object({ switchToMembershipId: z.string().uuid() });

/** Absolute lifetime of a session: a working day. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function createAuthConfig(app: TruceApp): NextAuthConfig {
  const secure = authEnv.TRUCE_SECURE_COOKIES;
  // Both apps run on one host in development (ports 3000 and 3001 share cookies), so each
  // app's cookies carry its own name.
  const prefix = `${secure ? "__Secure-" : ""}truce-${app}`;
  return {
    secret: authEnv.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: secure,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    cookies: {
      sessionToken: { name: `${prefix}.session-token`, options: { sameSite: "lax" } },
      callbackUrl: { name: `${prefix}.callback-url` },
      csrfToken: { name: `${secure ? "__Host-" : ""}truce-${app}.csrf-token` },
    },
    logger: {
      // A wrong password or a forged cookie is an expected event, recorded in the access
      // log; one line, not a stack trace, keeps the server log readable.
      error(error) {
        if (error.name === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
          const result = await authenticate(getDb(), {
            email: String(credentials.email ?? ""),
            password: String(credentials.password ?? ""),
            app,
            ip,
          });
          if (!result.ok) {
            if (result.reason === "no_access") throw new NoAppAccess();
            return null;
          }
          return { id: result.claims.userId, claims: result.claims };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user?.claims) {
          token.claims = user.claims;
        }
        if (trigger === "update") {
          const current = claimsSchema.safeParse(token.claims);
          const wanted = switchSchema.safeParse(session);
          if (current.success && wanted.success) {
            // Only a membership of this user, usable in this app, can become active.
            const memberships = await listMemberships(getDb(), current.data.userId);
            const target = memberships.find((m) => m.id === wanted.data.switchToMembershipId);
            if (target && mayUseApp(app, [target], [])) {
              token.claims = { ...current.data, membershipId: target.id };
            }
          }
        }
        return token;
      },
      session({ session, token }) {
        const claims = claimsSchema.safeParse(token.claims);
        if (claims.success) session.claims = claims.data;
        return session;
      },
    },
  };
}

export function createAuth(app: TruceApp) {
  return NextAuth(createAuthConfig(app));
}
