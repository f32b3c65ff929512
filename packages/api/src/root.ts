import { accessLogRouter } from "./routers/access-log";
import { agencyRouter } from "./routers/agency";
import { healthRouter } from "./routers/health";
import { individualRouter } from "./routers/individual";
import { interventionRouter } from "./routers/intervention";
import { membershipRouter } from "./routers/membership";
import { noteRouter } from "./routers/note";
import { sessionRouter } from "./routers/session";
import { userRouter } from "./routers/user";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  accessLog: accessLogRouter,
  agency: agencyRouter,
  health: healthRouter,
  individual: individualRouter,
  intervention: interventionRouter,
  membership: membershipRouter,
  note: noteRouter,
  session: sessionRouter,
  user: userRouter,
});

export type AppRouter = typeof appRouter;
