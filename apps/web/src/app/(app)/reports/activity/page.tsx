import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { today } from "~/components/today";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { canReadReports, ReportsForbidden } from "../access";
import { ActivityReport } from "./activity-report";
import { reportInput, readReportPlace } from "../report-place";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("activity.title") };
}

export default async function ActivityReportPage({
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
  await prefetch(trpc.report.activity.queryOptions(input));
  const t = await getTranslations("reports");
  return (
    <div className="space-y-6">
      <PageHeader title={t("activity.title")} description={t("activity.description")} />
      <HydrateClient>
        <ActivityReport />
      </HydrateClient>
    </div>
  );
}
