import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants, PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { GroupsTable } from "./groups-table";
import { listInput, readListPlace } from "./list-place";

export async function generateMetadata() {
  return { title: (await getTranslations("groups"))("title") };
}

export default async function GroupsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const place = readListPlace(await searchParams);
  // The table reads the same place from the same address, so it asks for exactly this query.
  await prefetch(trpc.group.list.queryOptions(listInput(place)));
  const t = await getTranslations("groups");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/groups/new" className={buttonVariants()}>
            {t("record")}
          </Link>
        }
      />
      <HydrateClient>
        <GroupsTable />
      </HydrateClient>
    </div>
  );
}
