import { PROGRAMME_TIME_ZONE } from "@truce/db/programme-calendar";
import { createRequestConfig } from "@truce/ui/i18n/request";

export default createRequestConfig(
  PROGRAMME_TIME_ZONE,
  async (locale) => (await import(`../../messages/${locale}.json`)).default,
);
