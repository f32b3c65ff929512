import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { today } from "~/components/today";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { canReadReports, ReportsForbidden } from "../access";
import { FunnelReport } from "./funnel-report";
import { funnelInput, readFunnelPlace } from "./report-place";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("funnel.title") };
}

export default async function FunnelReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await canReadReports())) return <ReportsForbidden />;
  // As the incidents report's page: the options first (the default period starts from the
  // programme's start), then the funnel the browser will ask for from the same address.
  const options = await getQueryClient().fetchQuery(trpc.report.options.queryOptions());
  const input = funnelInput(readFunnelPlace(await searchParams), {
    today: today(),
    programmeStartedOn: options.programmeStartedOn,
  });
  await prefetch(trpc.report.funnel.queryOptions(input));
  const t = await getTranslations("reports");
  return (
    <div className="space-y-6">
      <PageHeader title={t("funnel.title")} description={t("funnel.description")} />
      <HydrateClient>
        <FunnelReport />
      </HydrateClient>
    </div>
  );
}
