"use client";

import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { Input } from "./input";

/** A moment as a date-and-time input holds it: local time, to the minute ("2026-01-31T18:05"). */
export function localDateTime(at: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * A date and time in a form (when it happened, or is planned): the browser's own input,
 * whose local value the schema's `z.coerce.date` reads.
 */
export function DateTimeField<TValues extends FieldValues, TChecked = TValues>({
  control,
  name,
  label,
}: {
  control: Control<TValues, unknown, TChecked>;
  name: FieldPath<TValues>;
  label: string;
}) {
  return (
    <FormField
      control={control}
      name={name}
      render={({ field }) => (
        <FormItem>
          <FormLabel>{label}</FormLabel>
          <FormControl>
            <Input
              type="datetime-local"
              name={field.name}
              ref={field.ref}
              onBlur={field.onBlur}
              value={typeof field.value === "string" ? field.value : ""}
              onChange={field.onChange}
            />
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
