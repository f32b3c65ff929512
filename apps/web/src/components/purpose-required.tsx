import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@truce/ui";
import { PURPOSES } from "./purpose";
import { PurposeChooser } from "./purpose-menu";

/**
 * Asked before the first read of case content in a session (a profile, a note): the server
 * refuses those reads without a purpose, since each is logged with it.
 */
export async function PurposeRequired() {
  const t = await getTranslations("purpose");
  const tPurpose = await getTranslations("enums.accessPurpose");
  return (
    <Card className="max-w-2xl">
      <CardHeader>
        <CardTitle as="h1">{t("requiredTitle")}</CardTitle>
        <CardDescription>{t("requiredDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <PurposeChooser options={PURPOSES.map((value) => ({ value, label: tPurpose(value) }))} />
      </CardContent>
    </Card>
  );
}
