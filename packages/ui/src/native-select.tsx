"use client";

import { type ComponentProps } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { fieldBase } from "./input";
import { cn } from "./lib/utils";

export type NativeSelectProps = ComponentProps<"select">;

/**
 * The browser's own select, styled like the inputs: light, the phone's own picker on a
 * phone, and keyboard and screen-reader behaviour that needs no script. For filter bars and
 * forms with many choices; `Select` (Radix) where a choice needs richer items.
 */
export function NativeSelect({ className, ...props }: NativeSelectProps) {
  return (
    <select
      data-slot="native-select"
      className={cn(fieldBase, "h-9 py-1 pr-8", className)}
      {...props}
    />
  );
}

/** A labelled choice as one react-hook-form field, on the browser's own select. */
export function NativeSelectField<TValues extends FieldValues, TChecked = TValues>({
  control,
  name,
  label,
  options,
  className,
}: {
  control: Control<TValues, unknown, TChecked>;
  name: FieldPath<TValues>;
  label: string;
  options: { value: string; label: string }[];
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
            <NativeSelect {...field} value={field.value ?? ""}>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
          </FormControl>
          <FormMessage />
        </FormItem>
      )}
    />
  );
}
