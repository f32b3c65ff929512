import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { currentPurpose } from "~/components/purpose";
import { PurposeRequired } from "~/components/purpose-required";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { listInput, readListPlace } from "./list-place";
import { ReferralsTable } from "./referrals-table";

export async function generateMetadata() {
  return { title: (await getTranslations("referrals"))("title") };
}

export default async function ReferralsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // The referrals name people and carry the notes between agencies: each read is logged with
  // the session's purpose, so it is asked for before the first.
  if (!(await currentPurpose())) return <PurposeRequired />;
  const place = readListPlace(await searchParams);
  await prefetch(trpc.referral.list.queryOptions(listInput(place)));
  const t = await getTranslations("referrals");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <ReferralsTable />
      </HydrateClient>
    </div>
  );
}
