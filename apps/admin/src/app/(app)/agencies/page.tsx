import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AgenciesTable } from "./agencies-table";

export async function generateMetadata() {
  return { title: (await getTranslations("agencies"))("title") };
}

export default async function AgenciesPage() {
  void prefetch(trpc.agency.list.queryOptions());
  const t = await getTranslations("agencies");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <AgenciesTable />
      </HydrateClient>
    </div>
  );
}
