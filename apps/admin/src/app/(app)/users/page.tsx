import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { UsersTable } from "./users-table";

export async function generateMetadata() {
  return { title: (await getTranslations("users"))("title") };
}

export default async function UsersPage() {
  void prefetch(trpc.user.list.queryOptions({ page: 1, pageSize: 25, search: "" }));
  void prefetch(trpc.session.me.queryOptions());
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
