import { getTranslations } from "next-intl/server";
import { EmptyState } from "./states";

/** The not-found page of either app. */
export async function NotFoundPage() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-xl p-8">
      <EmptyState title={t("notFound")} />
    </main>
  );
}
