"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import type { PersonField } from "@truce/api/schemas/individual";
import { INDIVIDUAL_CATEGORIES, RISK_LEVELS, SUPERVISIONS } from "@truce/db/enum-values";
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
  useFormField,
} from "@truce/ui";

const limits = FIELD_LIMITS.individual;

export { PERSON_FIELDS, type PersonField } from "@truce/api/schemas/individual";

/**
 * The record's fields, laid out for a phone first (one column) and two columns from a
 * tablet's width. `control` is the form's, whose schema has these fields (registration or
 * edit); each field shows its own error beside it.
 */
export function PersonFields<T extends FieldValues, TChecked>({
  control,
  districts,
}: {
  control: Control<T, unknown, TChecked>;
  /** The districts in use, offered as suggestions; any other may be typed. */
  districts: string[];
}) {
  const t = useTranslations("personForm");
  const tEnum = useTranslations("enums");
  const name = (field: PersonField) => field as FieldPath<T>;
  const text = (
    field: PersonField,
    options: { type?: string; maxLength?: number; autoComplete?: string; list?: string } = {},
  ) => (
    <FormField
      control={control}
      name={name(field)}
      render={({ field: f }) => (
        <FormItem>
          <FormLabel>{t(`fields.${field}`)}</FormLabel>
          <FormControl>
            <Input {...f} value={f.value ?? ""} autoComplete="off" {...options} />
          </FormControl>
          {t.has(`hints.${field}`) ? (
            <FormDescription>{t(`hints.${field}` as never)}</FormDescription>
          ) : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {text("givenName", { maxLength: limits.givenName.max })}
      {text("familyName", { maxLength: limits.familyName.max })}
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
      {text("dateOfBirth", { type: "date" })}
      {text("nationalId", { maxLength: limits.nationalId.max })}
      {text("district", { maxLength: limits.district.max, list: "person-districts" })}
      <datalist id="person-districts">
        {districts.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <NativeSelectField
        control={control}
        name={name("category")}
        label={t("fields.category")}
        options={[
          { value: "", label: t("choose") },
          ...INDIVIDUAL_CATEGORIES.map((c) => ({
            value: c,
            label: tEnum(`individualCategory.${c}`),
          })),
        ]}
      />
      <NativeSelectField
        control={control}
        name={name("riskLevel")}
        label={t("fields.riskLevel")}
        options={RISK_LEVELS.map((r) => ({ value: r, label: tEnum(`riskLevel.${r}`) }))}
      />
      <NativeSelectField
        control={control}
        name={name("supervision")}
        label={t("fields.supervision")}
        options={SUPERVISIONS.map((s) => ({ value: s, label: tEnum(`supervision.${s}`) }))}
      />
      <FormField
        control={control}
        name={name("registrationReason")}
        render={({ field }) => (
          <FormItem className="sm:col-span-2">
            <FormLabel>{t("fields.registrationReason")}</FormLabel>
            <FormControl>
              <Textarea rows={4} maxLength={limits.registrationReason.max} {...field} />
            </FormControl>
            <FormDescription>{t("hints.registrationReason")}</FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}

/**
 * The aliases as one text box, separated by commas: what is typed stays as typed, and the
 * field holds the list (empty parts left out).
 */
export function AliasesInput({
  value,
  onChange,
  onBlur,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  onBlur: () => void;
}) {
  const [typed, setTyped] = useState(() => value.join(", "));
  // The list this box last gave the field: another list is a reset from outside (the saved
  // record, a cleared form), which the box then shows.
  const [given, setGiven] = useState(value);
  if (given.join("\u0000") !== value.join("\u0000")) {
    setGiven(value);
    setTyped(value.join(", "));
  }
  const asList = (text: string) =>
    text
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean);
  return (
    <FormControl>
      <Input
        value={typed}
        autoComplete="off"
        onChange={(event) => {
          const list = asList(event.target.value);
          setTyped(event.target.value);
          setGiven(list);
          onChange(list);
        }}
        onBlur={onBlur}
      />
    </FormControl>
  );
}

/** The aliases' message: the list's own, or the first alias's. */
export function AliasesMessage() {
  const { error, formMessageId } = useFormField();
  const items = error as unknown as
    (Record<string, { message?: string }> & { message?: string }) | undefined;
  const message =
    items?.message ??
    Object.values(items ?? {}).find(
      (item): item is { message: string } =>
        typeof item === "object" && item !== null && typeof item.message === "string",
    )?.message;
  if (!message) return null;
  return (
    <p id={formMessageId} className="text-sm text-destructive">
      {message}
    </p>
  );
}
