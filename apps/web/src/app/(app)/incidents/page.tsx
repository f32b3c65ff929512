import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants, PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IncidentsTable } from "./incidents-table";
import { listInput, readListPlace } from "./list-place";

export async function generateMetadata() {
  return { title: (await getTranslations("incidents"))("title") };
}

export default async function IncidentsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const place = readListPlace(await searchParams);
  await Promise.all([
    prefetch(trpc.incident.list.queryOptions(listInput(place))),
    prefetch(trpc.incident.formOptions.queryOptions()),
  ]);
  const t = await getTranslations("incidents");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/incidents/new" className={buttonVariants()}>
            {t("record")}
          </Link>
        }
      />
      <HydrateClient>
        <IncidentsTable />
      </HydrateClient>
    </div>
  );
}
