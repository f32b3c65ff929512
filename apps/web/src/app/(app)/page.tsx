import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { currentPurpose } from "~/components/purpose";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { START_INBOX_INPUT } from "./start/inbox-input";
import { StartOverview } from "./start/start-overview";

export async function generateMetadata() {
  return { title: (await getTranslations("start"))("title") };
}

/** Where a signed-in user lands (sign-in's default destination is "/"). */
export default async function StartPage() {
  // The referral inbox names people and is logged with the session's purpose: read only
  // with one (without, the panel asks for it on the referrals page).
  const inboxReadable = Boolean(await currentPurpose());
  await Promise.all([
    prefetch(trpc.start.overview.queryOptions()),
    inboxReadable ? prefetch(trpc.referral.list.queryOptions(START_INBOX_INPUT)) : null,
  ]);
  const t = await getTranslations("start");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <StartOverview inboxReadable={inboxReadable} />
      </HydrateClient>
    </div>
  );
}
