import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { calendarDate, optionalField, REPORT_DAYS, versionOrUnwritten } from "../fields";

// The programme-wide settings' input rules: the procedure validates with these and the
// admin app's settings form imports the same object (@truce/api/schemas/platform-setting).

/** The settings a platform admin changes, as the access log names them (never their values). */
export const PLATFORM_SETTING_FIELDS = [
  "mfaRequiredForAdmins",
  "mfaRequiredForEveryone",
  "reviewPeriodMonths",
  "programmeStartedOn",
] as const;
export type PlatformSettingField = (typeof PLATFORM_SETTING_FIELDS)[number];

/** The two-factor requirements: turning one off weakens every sign-in it covered. */
export const TWO_FACTOR_SETTINGS = [
  "mfaRequiredForAdmins",
  "mfaRequiredForEveryone",
] as const satisfies readonly PlatformSettingField[];

/** The days a programme may start on: those the reports cover, since they mark it. */
export const PROGRAMME_START_DAYS = REPORT_DAYS;

const twoFactorRequired = z.boolean({ error: "validation.platformSetting.twoFactor" });
const reviewPeriodKey = "validation.platformSetting.reviewPeriodMonths";
const startKey = "validation.platformSetting.programmeStartedOn";

/**
 * All the settings at once, from the version the form was loaded with (0 where no setting
 * has been written yet). The start is a day the reports cover, since they mark it on their
 * time charts; empty means not set. A two-factor requirement is turned off only with
 * `relaxTwoFactor` (the person confirmed it): the service refuses it otherwise.
 */
export const updatePlatformSettingInput = z.object({
  mfaRequiredForAdmins: twoFactorRequired,
  mfaRequiredForEveryone: twoFactorRequired,
  reviewPeriodMonths: z.coerce
    .number(reviewPeriodKey)
    .int(reviewPeriodKey)
    .min(FIELD_LIMITS.reviewPeriod.min, reviewPeriodKey)
    .max(FIELD_LIMITS.reviewPeriod.max, reviewPeriodKey),
  programmeStartedOn: optionalField(
    calendarDate(
      startKey,
      (day) => day >= PROGRAMME_START_DAYS.first && day <= PROGRAMME_START_DAYS.last,
    ),
    startKey,
  ),
  version: versionOrUnwritten,
  relaxTwoFactor: z.boolean({ error: "validation.platformSetting.relaxTwoFactor" }).default(false),
});
export type UpdatePlatformSettingInput = z.infer<typeof updatePlatformSettingInput>;
