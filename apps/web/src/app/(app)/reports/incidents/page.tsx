import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { today } from "~/components/today";
import { getQueryClient, HydrateClient, prefetch, trpc } from "~/trpc/server";
import { canReadReports, ReportsForbidden } from "../access";
import { IncidentsReport } from "./incidents-report";
import { incidentsInput, readIncidentsPlace } from "./report-place";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("incidents.title") };
}

export default async function IncidentsReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await canReadReports())) return <ReportsForbidden />;
  // The options first: the default period starts from the programme's start date. The
  // report renders on the server from the query cache, and the browser reads the same place
  // from the same address, so it asks for exactly this query.
  const options = await getQueryClient().fetchQuery(trpc.report.options.queryOptions());
  const place = readIncidentsPlace(await searchParams);
  const input = incidentsInput(place, {
    today: today(),
    programmeStartedOn: options.programmeStartedOn,
  });
  // An input the procedure refuses (days of one's own that are not days) is not handed
  // over: the report shows the procedure's message for it.
  await prefetch(trpc.report.incidents.queryOptions(input));
  const t = await getTranslations("reports");
  return (
    <div className="space-y-6">
      <PageHeader title={t("incidents.title")} description={t("incidents.description")} />
      <HydrateClient>
        <IncidentsReport />
      </HydrateClient>
    </div>
  );
}
