import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IndividualsTable } from "./individuals-table";
import { PAGE_SIZE } from "./page-size";

export async function generateMetadata() {
  return { title: (await getTranslations("individuals"))("title") };
}

const searchParamsSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function IndividualsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { q, page } = searchParamsSchema.parse(await searchParams);
  // Rendered on the server from the query cache, then kept fresh by the client.
  void prefetch(trpc.individual.list.queryOptions({ search: q, page, pageSize: PAGE_SIZE }));
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
