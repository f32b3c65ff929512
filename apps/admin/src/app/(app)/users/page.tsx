import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { PAGE_SIZE, readListPlace } from "./list-place";
import { UsersTable } from "./users-table";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { search, page } = readListPlace(await searchParams);
  await Promise.all([
    prefetch(trpc.user.list.queryOptions({ page, pageSize: PAGE_SIZE, search })),
    prefetch(trpc.session.me.queryOptions()),
  ]);
  const t = await getTranslations("users");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <UsersTable />
      </HydrateClient>
    </div>
  );
}
