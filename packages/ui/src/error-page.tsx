"use client";

import { useTranslations } from "next-intl";
import { ErrorState } from "./states";

/** Shown instead of a page that failed; the details stay in the server log. */
export function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-xl p-8">
      <ErrorState
        title={t("title")}
        description={t("description")}
        onRetry={reset}
        retryLabel={t("retry")}
      />
    </main>
  );
}
