// A test that the app's typecheck runs: the route handler serves the web app's router, the
// one its typed client and server helpers (src/trpc) are built on. Mounting another router
// here (the admin app's, or one of more procedures than this app's) fails `tsc`.
import type { WebRouter } from "@truce/api";
import type { GET, POST } from "./route";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const routeServesWebRouter: Same<(typeof GET)["router"], WebRouter> &
  Same<(typeof POST)["router"], WebRouter> = true;
