import type { AnyTRPCRouter } from "@trpc/server";
import type { TruceApp } from "@truce/auth/actor";
import { adminRouter } from "./admin-router";
import { webRouter } from "./web-router";

export { adminRouter, type AdminRouter } from "./admin-router";
export { webRouter, type WebRouter } from "./web-router";

/**
 * Each app's router by the app's name. There is no router of every procedure: an app mounts
 * its own, and what must hold of every procedure (the tests, the HTTP checks) is proved over
 * both of these.
 */
export const appRouters = {
  web: webRouter,
  admin: adminRouter,
} as const satisfies Record<TruceApp, AnyTRPCRouter>;
