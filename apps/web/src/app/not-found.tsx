import { getTranslations } from "next-intl/server";
import { EmptyState } from "@truce/ui";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-xl p-8">
      <EmptyState title={t("notFound")} />
    </main>
  );
}
