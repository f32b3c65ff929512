import { getTranslations } from "next-intl/server";
import { PageHeader } from "@truce/ui";
import { signedOutAsNull } from "@truce/ui/trpc/server";
import { getQueryClient, trpc } from "~/trpc/server";
import { ReportsForbidden } from "../access";
import { ExtractDownload } from "./extract-download";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("extract.title") };
}

/** Whether the signed-in membership may make the extract; the route checks the policy again. */
async function canMakeExtract(): Promise<boolean> {
  const me = await getQueryClient()
    .fetchQuery(trpc.session.me.queryOptions())
    .catch(signedOutAsNull);
  return me?.allowed.includes("report.extract") ?? false;
}

export default async function ExtractPage() {
  if (!(await canMakeExtract())) return <ReportsForbidden />;
  const t = await getTranslations("reports.extract");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="extract-holds" className="max-w-prose space-y-3 text-sm">
        <h2 id="extract-holds" className="text-base font-semibold">
          {t("holdsTitle")}
        </h2>
        <p>{t("holds")}</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("pseudonyms")}</li>
          <li>{t("leftOut")}</li>
          <li>{t("protected")}</li>
          <li>{t("pending")}</li>
          <li>{t("logged")}</li>
        </ul>
      </section>
      <ExtractDownload />
    </div>
  );
}
