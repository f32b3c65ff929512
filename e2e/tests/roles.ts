import { fileURLToPath } from "node:url";
import { expect, type APIRequestContext } from "@playwright/test";
import { totpCode } from "@truce/auth/totp";
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@truce/db/seed";
import { e2eEnv } from "../env";

export const WEB = e2eEnv.E2E_WEB_URL;
export const ADMIN = e2eEnv.E2E_ADMIN_URL;
export type App = "web" | "admin";
export const APP_URL: Record<App, string> = { web: WEB, admin: ADMIN };

interface RoleUser {
  app: App;
  email: string;
  /** Enrolled in two-factor sign-in: the API sign-in sends a code from this secret. */
  totpSecret?: string;
}

/**
 * The demo users the specs act as, one per role, each signed in once per run by the
 * `sign-in` setup project (sign-in.setup.ts). A test names its role with
 * `test.use({ role: "police staff" })` and starts signed in. Nothing may sign these users
 * out, lock, disable or change them: a test that does that makes a user of its own.
 */
export const ROLES = {
  "police staff": { app: "web", email: "police.staff@truce.example" },
  "police manager": { app: "web", email: "police.manager@truce.example" },
  "social staff": { app: "web", email: "social.staff@truce.example" },
  "exit staff": { app: "web", email: "exit.staff@truce.example" },
  "exit manager": { app: "web", email: "exit.manager@truce.example", totpSecret: DEMO_TOTP_SECRET },
  "agency admin": { app: "admin", email: "agency.admin@truce.example" },
  "platform admin": { app: "admin", email: "platform.admin@truce.example" },
  auditor: { app: "admin", email: "auditor@truce.example" },
} as const satisfies Record<string, RoleUser>;

export type Role = keyof typeof ROLES;
type RolesOf<A extends App> = {
  [R in Role]: (typeof ROLES)[R]["app"] extends A ? R : never;
}[Role];
export type WebRole = RolesOf<"web">;
export type AdminRole = RolesOf<"admin">;

const authDir = fileURLToPath(new URL("../.auth/", import.meta.url));

/** Where the setup project keeps a role's signed-in browser state (gitignored). */
export function stateFile(role: Role): string {
  return `${authDir}${role.replace(/ /g, "-")}.json`;
}

/**
 * Signs `request` in to an app through next-auth's own endpoints, as its sign-in form's
 * server action does, without a page: the CSRF token, the credentials callback and, for a
 * user with two-factor sign-in, the second step's code through the session update. Given a
 * browser context's `request`, it signs that browser in (they share the cookies).
 */
export async function signInThroughApi(
  request: APIRequestContext,
  app: App,
  user: { email: string; totpSecret?: string },
): Promise<void> {
  const base = APP_URL[app];
  const { csrfToken } = (await (await request.get(`${base}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const signedIn = await request.post(`${base}/api/auth/callback/credentials`, {
    form: { email: user.email, password: DEMO_PASSWORD, csrfToken, callbackUrl: base },
    maxRedirects: 0,
  });
  // next-auth answers a refusal with a redirect to the sign-in page and its error code.
  expect(signedIn.headers()["location"], `${user.email}: the password step`).not.toMatch(/error=/);
  let session = (await (await request.get(`${base}/api/auth/session`)).json()) as {
    claims?: object;
    pending?: object;
  } | null;
  if (session?.pending && user.totpSecret) {
    const updated = await request.post(`${base}/api/auth/session`, {
      data: { csrfToken, data: { secondStepCode: totpCode(user.totpSecret) } },
    });
    session = (await updated.json()) as typeof session;
  }
  expect(session?.claims, `${user.email} is signed in to the ${app} app`).toBeTruthy();
}
