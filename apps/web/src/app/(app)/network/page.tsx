import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { NetworkView } from "./network-view";
import { graphInput, readNetworkPlace } from "./network-place";

export async function generateMetadata() {
  return { title: (await getTranslations("network"))("title") };
}

export default async function NetworkPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The table, the summary and the filters render on the server from the query cache; the
  // picture is drawn in the browser only (network-picture.tsx), so this page stays light.
  await Promise.all([
    prefetch(trpc.network.graph.queryOptions(graphInput(readNetworkPlace(await searchParams)))),
    prefetch(trpc.network.areas.queryOptions()),
  ]);
  const t = await getTranslations("network");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <NetworkView />
      </HydrateClient>
    </div>
  );
}
