import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@truce/ui";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { SettingsForm } from "./settings-form";

export async function generateMetadata() {
  return { title: (await getTranslations("settings"))("title") };
}

/**
 * The programme-wide settings, a platform admin's. Anyone else who opens the address is
 * told so; the procedures refuse them anyway, whatever this page shows.
 */
export default async function SettingsPage() {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  const t = await getTranslations("settings");
  if (!me?.allowed.includes("platformSetting.read")) {
    return (
      <div className="space-y-6">
        <PageHeader title={t("title")} />
        <EmptyState title={t("forbidden")} description={t("forbiddenHint")} />
      </div>
    );
  }
  await prefetch(trpc.platformSetting.get.queryOptions());
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <SettingsForm />
      </HydrateClient>
    </div>
  );
}
