import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient } from "~/trpc/server";
import { ConflictForm } from "./conflict-form";

export async function generateMetadata() {
  return { title: (await getTranslations("conflicts.form"))("title") };
}

export default async function NewConflictPage() {
  const t = await getTranslations("conflicts.form");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <ConflictForm />
      </HydrateClient>
    </div>
  );
}
