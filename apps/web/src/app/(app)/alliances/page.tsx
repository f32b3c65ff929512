import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AlliancesList, LIST_INPUT } from "./alliances-list";
import { NewAllianceDialog } from "./new-alliance-dialog";

export async function generateMetadata() {
  return { title: (await getTranslations("conflicts.alliances"))("title") };
}

export default async function AlliancesPage() {
  await prefetch(trpc.alliance.list.queryOptions(LIST_INPUT));
  const t = await getTranslations("conflicts.alliances");
  return (
    <HydrateClient>
      <div className="space-y-6">
        <PageHeader
          title={t("title")}
          description={t("description")}
          actions={<NewAllianceDialog />}
        />
        <AlliancesList />
      </div>
    </HydrateClient>
  );
}
