import { getTranslations } from "next-intl/server";
import { LoadingState } from "@truce/ui";

export default async function Loading() {
  const t = await getTranslations("shell");
  return <LoadingState label={t("loading")} />;
}
