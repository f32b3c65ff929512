import { type ComponentProps } from "react";

import { fieldBase } from "./input";
import { cn } from "./lib/utils";

export type TextareaProps = ComponentProps<"textarea">;

export function Textarea({ className, rows = 4, ...props }: TextareaProps) {
  return (
    <textarea
      data-slot="textarea"
      rows={rows}
      className={cn(fieldBase, "min-h-20 py-2", className)}
      {...props}
    />
  );
}
