// A test that the app's typecheck runs: the route handler serves the admin app's router, the
// one its typed client and server helpers (src/trpc) are built on. Mounting another router
// here (the web app's, or one of more procedures than this app's) fails `tsc`.
import type { AdminRouter } from "@truce/api";
import type { GET, POST } from "./route";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const routeServesAdminRouter: Same<(typeof GET)["router"], AdminRouter> &
  Same<(typeof POST)["router"], AdminRouter> = true;
