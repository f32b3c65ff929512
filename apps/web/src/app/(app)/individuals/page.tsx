import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants, PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { IndividualsTable } from "./individuals-table";
import { listInput, readListPlace } from "./list-place";

export async function generateMetadata() {
  return { title: (await getTranslations("individuals"))("title") };
}

export default async function IndividualsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const place = readListPlace(await searchParams);
  // Rendered on the server from the query cache, then kept fresh by the client: the table
  // reads the same place from the same address, so it asks for exactly these queries.
  await Promise.all([
    prefetch(trpc.individual.list.queryOptions(listInput(place))),
    prefetch(trpc.individual.formOptions.queryOptions()),
  ]);
  const t = await getTranslations("individuals");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/individuals/new" className={buttonVariants()}>
            {t("register")}
          </Link>
        }
      />
      <HydrateClient>
        <IndividualsTable />
      </HydrateClient>
    </div>
  );
}
