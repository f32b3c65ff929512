import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IndividualsTable } from "./individuals-table";
import { PAGE_SIZE, readListPlace } from "./list-place";

export async function generateMetadata() {
  return { title: (await getTranslations("individuals"))("title") };
}

export default async function IndividualsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { search, page } = readListPlace(await searchParams);
  // Rendered on the server from the query cache, then kept fresh by the client: the table
  // reads the same place from the same address, so it asks for exactly this query.
  await prefetch(trpc.individual.list.queryOptions({ search, page, pageSize: PAGE_SIZE }));
  const t = await getTranslations("individuals");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <HydrateClient>
        <IndividualsTable />
      </HydrateClient>
    </div>
  );
}
