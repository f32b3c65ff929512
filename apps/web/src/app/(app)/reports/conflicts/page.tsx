import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { today } from "~/components/today";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { canReadReports, ReportsForbidden } from "../access";
import { ConflictsReport } from "./conflicts-report";
import { reportInput, readReportPlace } from "../report-place";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("conflicts.title") };
}

export default async function ConflictsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await canReadReports())) return <ReportsForbidden />;
  // As the other reports' pages: the options first (the default period starts from the
  // programme's start), then the report the browser will ask for from the same address.
  const options = await getQueryClient().fetchQuery(trpc.report.options.queryOptions());
  const input = reportInput(readReportPlace(await searchParams), {
    today: today(),
    programmeStartedOn: options.programmeStartedOn,
  });
  await prefetch(trpc.report.conflicts.queryOptions(input));
  const t = await getTranslations("reports");
  return (
    <div className="space-y-6">
      <PageHeader title={t("conflicts.title")} description={t("conflicts.description")} />
      <HydrateClient>
        <ConflictsReport />
      </HydrateClient>
    </div>
  );
}
