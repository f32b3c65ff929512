import { accessLogRouter } from "./routers/access-log";
import { agencyRouter } from "./routers/agency";
import { healthRouter } from "./routers/health";
import { membershipRouter } from "./routers/membership";
import { platformSettingRouter } from "./routers/platform-setting";
import { sessionRouter } from "./routers/session";
import { userRouter } from "./routers/user";
import { createTRPCRouter } from "./trpc";

/**
 * What the admin app serves at /api/trpc: agencies, accounts, memberships, the access log
 * and the programme-wide settings, and no case content, so a case procedure is not found
 * here (404) whatever memberships the caller holds. `session` and `health` are in both apps.
 */
export const adminRouter = createTRPCRouter({
  health: healthRouter,
  session: sessionRouter,
  agency: agencyRouter,
  user: userRouter,
  membership: membershipRouter,
  accessLog: accessLogRouter,
  platformSetting: platformSettingRouter,
});

export type AdminRouter = typeof adminRouter;
