import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { RegisterForm } from "./register-form";

export async function generateMetadata() {
  return { title: (await getTranslations("personForm"))("registerTitle") };
}

export default async function RegisterPersonPage() {
  await prefetch(trpc.individual.formOptions.queryOptions());
  const t = await getTranslations("personForm");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("registerTitle")} description={t("registerDescription")} />
      <HydrateClient>
        <RegisterForm />
      </HydrateClient>
    </div>
  );
}
