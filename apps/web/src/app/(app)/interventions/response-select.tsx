import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { PARTICIPANT_RESPONSES } from "@truce/db/enum-values";
import { Label, NativeSelect } from "@truce/ui";

/**
 * A person's response to an intervention (came, declined, took the support...), or none yet:
 * one select for the recording form and the "record responses" form alike.
 */
export function ResponseSelect({
  id,
  label,
  ...select
}: { id: string; label: string } & ComponentProps<"select">) {
  const t = useTranslations("interventions");
  const tEnum = useTranslations("enums");
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect id={id} {...select}>
        <option value="">{t("people.noResponse")}</option>
        {PARTICIPANT_RESPONSES.map((r) => (
          <option key={r} value={r}>
            {tEnum(`participantResponse.${r}`)}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
