"use client";

import { useTranslations } from "next-intl";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import type { GroupField } from "@truce/api/schemas/group";
import { GROUP_STATUSES } from "@truce/db/enum-values";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  NativeSelectField,
  Textarea,
} from "@truce/ui";
import { AliasesInput, AliasesMessage } from "../individuals/person-fields";

const limits = FIELD_LIMITS.group;

export { GROUP_FIELDS, type GroupField } from "@truce/api/schemas/group";

/**
 * A group's record, one column on a phone and two from a tablet's width. `control` is the
 * form's, whose schema has these fields (recording or edit).
 */
export function GroupFields<T extends FieldValues, TChecked>({
  control,
  areas,
}: {
  control: Control<T, unknown, TChecked>;
  /** The areas in use, offered as suggestions; any other may be typed. */
  areas: string[];
}) {
  const t = useTranslations("groups.form");
  const tEnum = useTranslations("enums");
  const name = (field: GroupField) => field as FieldPath<T>;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <FormField
        control={control}
        name={name("name")}
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("fields.name")}</FormLabel>
            <FormControl>
              <Input {...field} autoComplete="off" maxLength={limits.name.max} />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name={name("area")}
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("fields.area")}</FormLabel>
            <FormControl>
              <Input {...field} autoComplete="off" maxLength={limits.area.max} list="group-areas" />
            </FormControl>
            <FormDescription>{t("hints.area")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <datalist id="group-areas">
        {areas.map((area) => (
          <option key={area} value={area} />
        ))}
      </datalist>
      <FormField
        control={control}
        name={name("aliases")}
        render={({ field }) => (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("fields.aliases")}</FormLabel>
            <AliasesInput
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
            />
            <FormDescription>{t("hints.aliases")}</FormDescription>
            <AliasesMessage />
          </FormItem>
        )}
      />
      <NativeSelectField
        control={control}
        name={name("status")}
        label={t("fields.status")}
        options={GROUP_STATUSES.map((s) => ({ value: s, label: tEnum(`groupStatus.${s}`) }))}
      />
      <FormField
        control={control}
        name={name("description")}
        render={({ field }) => (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("fields.description")}</FormLabel>
            <FormControl>
              <Textarea
                rows={4}
                maxLength={limits.description.max}
                {...field}
                value={field.value ?? ""}
              />
            </FormControl>
            <FormDescription>{t("hints.description")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}
