"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { Textarea } from "./textarea";

/**
 * A labelled free text as one react-hook-form field: the text area with its length limit
 * (the column's, from FIELD_LIMITS), an optional hint under it and the field's error beside
 * it. A missing value shows as empty, so a form's null never reaches the element.
 */
export function TextareaField<TValues extends FieldValues, TChecked = TValues>({
  control,
  name,
  label,
  description,
  maxLength,
  rows = 3,
  className,
}: {
  control: Control<TValues, unknown, TChecked>;
  name: FieldPath<TValues>;
  label: string;
  description?: string;
  maxLength: number;
  rows?: number;
  className?: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem className={className}>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Textarea {...field} value={field.value ?? ""} rows={rows} maxLength={maxLength} />
          </FormControl>
          {description ? <FormDescription>{description}</FormDescription> : null}
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
