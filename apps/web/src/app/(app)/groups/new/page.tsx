import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { listInput, readListPlace } from "../list-place";
import { GroupForm } from "./group-form";

export async function generateMetadata() {
  return { title: (await getTranslations("groups.form"))("recordTitle") };
}

export default async function RecordGroupPage() {
  // The first page of the list brings the areas in use, offered as suggestions.
  await prefetch(trpc.group.list.queryOptions(listInput(readListPlace({}))));
  const t = await getTranslations("groups.form");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("recordTitle")} description={t("recordDescription")} />
      <HydrateClient>
        <GroupForm />
      </HydrateClient>
    </div>
  );
}
