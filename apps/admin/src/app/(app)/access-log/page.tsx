import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { AccessLogTable } from "./access-log-table";

export async function generateMetadata() {
  return { title: (await getTranslations("accessLog"))("title") };
}

export default async function AccessLogPage() {
  await prefetch(trpc.accessLog.list.queryOptions({ page: 1, pageSize: 50 }));
  const t = await getTranslations("accessLog");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <AccessLogTable />
      </HydrateClient>
    </div>
  );
}
