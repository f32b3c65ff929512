import { eq } from "@truce/db";
import { platformSetting, user } from "@truce/db/schema";
import type { ServiceContext } from "../context";

/** The settings' one row (the table's check allows no other). */
export const SETTING_ID = 1;

/**
 * What a database without the settings row (a fresh real server) has: each column's own
 * default, the safe choices (both two-factor requirements on), and version 0, "not written
 * yet", which the first change states to create the row.
 */
export const UNWRITTEN_SETTING = {
  mfaRequiredForAdmins: platformSetting.mfaRequiredForAdmins.default as boolean,
  mfaRequiredForEveryone: platformSetting.mfaRequiredForEveryone.default as boolean,
  reviewPeriodMonths: platformSetting.reviewPeriodMonths.default as number,
  programmeStartedOn: null as string | null,
  version: 0,
  updatedAt: null as Date | null,
  updatedByName: null as string | null,
};
export type PlatformSetting = typeof UNWRITTEN_SETTING;

/** The settings' columns a platform admin changes, and the version they are changed from. */
export const SETTING_COLUMNS = {
  mfaRequiredForAdmins: platformSetting.mfaRequiredForAdmins,
  mfaRequiredForEveryone: platformSetting.mfaRequiredForEveryone,
  reviewPeriodMonths: platformSetting.reviewPeriodMonths,
  programmeStartedOn: platformSetting.programmeStartedOn,
  version: platformSetting.version,
};

/**
 * The programme-wide settings as a platform admin edits them, with who changed them last;
 * the column defaults where none has been written. Nothing about any person's case.
 */
export async function getPlatformSetting({ db }: Pick<ServiceContext, "db">) {
  const [row] = await db
    .select({
      ...SETTING_COLUMNS,
      updatedAt: platformSetting.updatedAt,
      updatedByName: user.name,
    })
    .from(platformSetting)
    .leftJoin(user, eq(user.id, platformSetting.updatedById))
    .where(eq(platformSetting.id, SETTING_ID))
    .limit(1);
  return row ?? UNWRITTEN_SETTING;
}
