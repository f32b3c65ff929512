import { createRequestConfig } from "@truce/ui/i18n/request";

export default createRequestConfig(
  async (locale) => (await import(`../../messages/${locale}.json`)).default,
);
