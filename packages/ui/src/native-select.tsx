"use client";

import { type ComponentProps } from "react";
import type { Control, FieldPath, FieldValues } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "./form";
import { fieldBase } from "./input";
import { Label } from "./label";
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

/**
 * One filter of a list page: a label over the browser's own select, whose first choice
 * ("any") clears the filter. `onChange` gets undefined for "any", so the filter leaves the
 * address.
 */
export function FilterSelect({
  id,
  label,
  anyLabel,
  value,
  onChange,
  choices,
}: {
  id: string;
  label: string;
  anyLabel: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  choices: readonly { value: string; label: string }[];
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <NativeSelect
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{anyLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
