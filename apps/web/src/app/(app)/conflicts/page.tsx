import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants, PageHeader } from "@truce/ui";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { ConflictsTable } from "./conflicts-table";
import { listInput, readListPlace } from "./list-place";

export async function generateMetadata() {
  return { title: (await getTranslations("conflicts"))("title") };
}

export default async function ConflictsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const place = readListPlace(await searchParams);
  // Rendered from the query cache, then kept fresh by the client, which reads the same place
  // from the same address and so asks for exactly this query.
  await prefetch(trpc.conflict.list.queryOptions(listInput(place)));
  const t = await getTranslations("conflicts");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href="/alliances" className={buttonVariants({ variant: "outline" })}>
              {t("alliances.title")}
            </Link>
            <Link href="/conflicts/new" className={buttonVariants()}>
              {t("record")}
            </Link>
          </div>
        }
      />
      <HydrateClient>
        <ConflictsTable />
      </HydrateClient>
    </div>
  );
}
