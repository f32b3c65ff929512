import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AgenciesTable } from "./agencies-table";
import { NewAgencyForm } from "./new-agency-form";

export async function generateMetadata() {
  return { title: (await getTranslations("agencies"))("title") };
}

export default async function AgenciesPage() {
  await prefetch(trpc.agency.list.queryOptions());
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  const t = await getTranslations("agencies");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {me?.allowed.includes("agency.create") ? <NewAgencyForm /> : null}
      <HydrateClient>
        <AgenciesTable />
      </HydrateClient>
    </div>
  );
}
