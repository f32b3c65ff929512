import { healthRouter } from "./routers/health";
import { individualRouter } from "./routers/individual";
import { interventionRouter } from "./routers/intervention";
import { noteRouter } from "./routers/note";
import { sessionRouter } from "./routers/session";
import { createTRPCRouter } from "./trpc";

/**
 * What the case workers' app serves at /api/trpc: the case work and nothing of
 * administration, so an admin procedure is not found here (404) whatever roles the caller
 * holds. A domain router joins the app whose screens call it; `session` and `health` are in
 * both apps.
 */
export const webRouter = createTRPCRouter({
  health: healthRouter,
  session: sessionRouter,
  individual: individualRouter,
  note: noteRouter,
  intervention: interventionRouter,
});

export type WebRouter = typeof webRouter;
