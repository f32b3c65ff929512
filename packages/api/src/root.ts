import { agencyRouter } from "./routers/agency";
import { healthRouter } from "./routers/health";
import { individualRouter } from "./routers/individual";
import { sessionRouter } from "./routers/session";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  agency: agencyRouter,
  health: healthRouter,
  individual: individualRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;
