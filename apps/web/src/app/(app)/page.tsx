import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { StartOverview } from "./start/start-overview";

export async function generateMetadata() {
  return { title: (await getTranslations("start"))("title") };
}

/** Where a signed-in user lands (sign-in's default destination is "/"). */
export default async function StartPage() {
  await prefetch(trpc.start.overview.queryOptions());
  const t = await getTranslations("start");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <StartOverview />
      </HydrateClient>
    </div>
  );
}
