import { type ComponentProps } from "react";

import { cn } from "./lib/utils";

export const fieldBase = [
  "w-full min-w-0 rounded-md border border-input bg-card px-3 text-sm shadow-xs transition-colors",
  "placeholder:text-muted-foreground",
  "outline-hidden focus-visible:border-ring focus-visible:ring-2 focus-visible:ring-ring/40",
  "disabled:cursor-not-allowed disabled:opacity-50",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/30",
].join(" ");

export type InputProps = ComponentProps<"input">;

export function Input({ className, type = "text", ...props }: InputProps) {
  return (
    <input
      data-slot="input"
      type={type}
      className={cn(
        fieldBase,
        "h-9 py-1 file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium",
        className,
      )}
      {...props}
    />
  );
}
