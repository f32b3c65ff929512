import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@truce/ui";

/**
 * "Record an intervention", from a person's, a group's or a conflict's page: the form opens
 * with that subject filled in.
 */
export function RecordInterventionLink({
  subject,
}: {
  subject: { individualId: string } | { groupId: string } | { conflictId: string };
}) {
  const t = useTranslations("interventions");
  const [[key, id]] = Object.entries(subject) as [[string, string]];
  return (
    <Link
      href={`/interventions/new?${new URLSearchParams({ [key]: id }).toString()}`}
      className={buttonVariants({ variant: "outline" })}
    >
      {t("record")}
    </Link>
  );
}
