"use client";

import { useTranslations } from "next-intl";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import type { ConflictField } from "@truce/api/schemas/conflict";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import {
  FormControl,
  FormDescription,
  FormField,
  FormItem,
  FormLabel,
  FormMessage,
  Input,
  Textarea,
} from "@truce/ui";

import { today } from "~/components/today";

export { CONFLICT_FIELDS, type ConflictField } from "@truce/api/schemas/conflict";

/**
 * A conflict's record (title, start, description), one column on a phone and two from a
 * tablet's width. `control` is the form's, whose schema has these fields (recording or edit).
 */
export function ConflictFields<T extends FieldValues, TChecked>({
  control,
}: {
  control: Control<T, unknown, TChecked>;
}) {
  const t = useTranslations("conflicts.form");
  const name = (field: ConflictField) => field as FieldPath<T>;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <FormField
        control={control}
        name={name("title")}
        render={({ field }) => (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("fields.title")}</FormLabel>
            <FormControl>
              <Input {...field} autoComplete="off" maxLength={FIELD_LIMITS.conflict.title.max} />
            </FormControl>
            <FormDescription>{t("hints.title")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name={name("startedOn")}
        render={({ field }) => (
          <FormItem>
            <FormLabel>{t("fields.startedOn")}</FormLabel>
            <FormControl>
              <Input type="date" {...field} value={field.value ?? ""} max={today()} />
            </FormControl>
            <FormDescription>{t("hints.startedOn")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
      <FormField
        control={control}
        name={name("description")}
        render={({ field }) => (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("fields.description")}</FormLabel>
            <FormControl>
              <Textarea
                {...field}
                value={field.value ?? ""}
                rows={4}
                maxLength={FIELD_LIMITS.conflict.description.max}
              />
            </FormControl>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}
