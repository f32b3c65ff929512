import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IncidentForm } from "./incident-form";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("recordTitle") };
}

export default async function RecordIncidentPage() {
  await prefetch(trpc.incident.formOptions.queryOptions());
  const t = await getTranslations("incidents");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("recordTitle")} description={t("recordDescription")} />
      <HydrateClient>
        <IncidentForm />
      </HydrateClient>
    </div>
  );
}
