import { eq } from "@truce/db";
import { platformSetting } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import {
  getPlatformSetting,
  SETTING_COLUMNS,
  SETTING_ID,
  UNWRITTEN_SETTING,
} from "./get-platform-setting";
import {
  PLATFORM_SETTING_FIELDS,
  TWO_FACTOR_SETTINGS,
  type UpdatePlatformSettingInput,
} from "./schemas";

const stale = () => new AppError("STALE_VERSION", "apiErrors.platformSetting.stale");

/**
 * A platform admin changes the programme-wide settings, from the version they saw: a stale
 * one is refused, never overwrites. On a database without the row (version 0) the change
 * creates it, at version 1; if someone created it meanwhile, that is stale too. Turning a
 * two-factor requirement off needs the person's confirmation (`relaxTwoFactor`), checked
 * against the settings as they are, under the row's lock; the access-log row names the
 * fields changed and, apart, the requirements turned off, so an auditor finds every one.
 * A requirement turned on applies at each user's next sign-in.
 */
export async function updatePlatformSetting(
  ctx: ServiceContext,
  input: UpdatePlatformSettingInput,
) {
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const [current] = await db
      .select(SETTING_COLUMNS)
      .from(platformSetting)
      .where(eq(platformSetting.id, SETTING_ID))
      .for("update");
    const now = current ?? UNWRITTEN_SETTING;
    if (now.version !== input.version) throw stale();

    const relaxed = TWO_FACTOR_SETTINGS.filter((name) => now[name] && !input[name]);
    if (relaxed.length > 0 && !input.relaxTwoFactor) {
      throw new AppError("INVALID_INPUT", "apiErrors.platformSetting.confirmRelaxTwoFactor");
    }
    const set = {
      mfaRequiredForAdmins: input.mfaRequiredForAdmins,
      mfaRequiredForEveryone: input.mfaRequiredForEveryone,
      reviewPeriodMonths: input.reviewPeriodMonths,
      programmeStartedOn: input.programmeStartedOn,
    };
    const changed = PLATFORM_SETTING_FIELDS.filter((name) => now[name] !== set[name]);

    if (current) {
      await updateVersioned(tx, platformSetting, {
        id: SETTING_ID,
        version: input.version,
        set,
        returning: { version: platformSetting.version },
        staleKey: "apiErrors.platformSetting.stale",
      });
    } else {
      const [created] = await db
        .insert(platformSetting)
        .values({ id: SETTING_ID, ...set, createdById: actor.userId, updatedById: actor.userId })
        .onConflictDoNothing()
        .returning({ version: platformSetting.version });
      if (!created) throw stale();
    }
    await recordAccess(tx, {
      action: current ? "update" : "create",
      entityType: "platform_setting",
      entityId: String(SETTING_ID),
      fields: changed,
      ...(relaxed.length > 0 ? { detail: { twoFactorRelaxed: relaxed } } : {}),
    });
    return getPlatformSetting(tx);
  });
}
