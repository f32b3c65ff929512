import { getTranslations } from "next-intl/server";
import { EmptyState, PageHeader } from "@truce/ui";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import { getQueryClient, trpc } from "~/trpc/server";

/**
 * Whether the signed-in membership may read the reports (a manager's). Only what the page
 * shows: every report procedure checks the same policy again, and refuses.
 */
export async function canReadReports(): Promise<boolean> {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  return me?.allowed.includes("report.read") ?? false;
}

/** What a member who is not a manager sees instead of a report. */
export async function ReportsForbidden() {
  const t = await getTranslations("reports");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} />
      <EmptyState title={t("forbidden")} description={t("forbiddenHint")} />
    </div>
  );
}
