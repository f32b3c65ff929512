import { allianceRouter } from "./routers/alliance";
import { conflictRouter } from "./routers/conflict";
import { groupRouter } from "./routers/group";
import { healthRouter } from "./routers/health";
import { incidentRouter } from "./routers/incident";
import { individualRouter } from "./routers/individual";
import { interventionRouter } from "./routers/intervention";
import { networkRouter } from "./routers/network";
import { noteRouter } from "./routers/note";
import { outcomeRouter } from "./routers/outcome";
import { referralRouter } from "./routers/referral";
import { reportRouter } from "./routers/report";
import { sessionRouter } from "./routers/session";
import { startRouter } from "./routers/start";
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
  group: groupRouter,
  note: noteRouter,
  intervention: interventionRouter,
  network: networkRouter,
  conflict: conflictRouter,
  alliance: allianceRouter,
  incident: incidentRouter,
  outcome: outcomeRouter,
  referral: referralRouter,
  start: startRouter,
  report: reportRouter,
});

export type WebRouter = typeof webRouter;
