import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, CardDescription, CardHeader, CardTitle, PageHeader } from "@truce/ui";
import { ReportsForbidden, canReadReports } from "./access";

export async function generateMetadata() {
  return { title: (await getTranslations("reports"))("title") };
}

/** The reports there are, each with what it answers. */
const REPORTS = [
  { key: "incidents", href: "/reports/incidents" },
  { key: "funnel", href: "/reports/funnel" },
  { key: "activity", href: "/reports/activity" },
  { key: "conflicts", href: "/reports/conflicts" },
  { key: "extract", href: "/reports/extract" },
] as const;

export default async function ReportsPage() {
  const t = await getTranslations("reports");
  if (!(await canReadReports())) return <ReportsForbidden />;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {REPORTS.map((report) => (
          <li key={report.key}>
            <Card className="h-full">
              <CardHeader>
                <CardTitle as="h2">
                  <Link href={report.href} className="underline-offset-4 hover:underline">
                    {t(`list.${report.key}.title`)}
                  </Link>
                </CardTitle>
                <CardDescription>{t(`list.${report.key}.description`)}</CardDescription>
              </CardHeader>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
