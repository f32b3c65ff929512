import type { TRPCRouterRecord } from "@trpc/server";
import { getPlatformSetting } from "../services/platform-setting/get-platform-setting";
import { updatePlatformSettingInput } from "../services/platform-setting/schemas";
import { updatePlatformSetting } from "../services/platform-setting/update-platform-setting";
import { authorizedProcedure } from "../trpc";

/** The programme-wide settings: the platform admin's alone, in the admin app only. */
export const platformSettingRouter = {
  get: authorizedProcedure("platformSetting.read").query(({ ctx }) => getPlatformSetting(ctx)),
  update: authorizedProcedure("platformSetting.update")
    .input(updatePlatformSettingInput)
    .mutation(({ ctx, input }) => updatePlatformSetting(ctx, input)),
} satisfies TRPCRouterRecord;
