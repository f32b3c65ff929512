import { type ComponentProps } from "react";
import { LoaderCircle } from "lucide-react";

import { cn } from "./lib/utils";

export type SpinnerProps = Omit<ComponentProps<"svg">, "ref"> & {
  /**
   * Accessible name ("Loading…"), announced as a status. Leave it out when visible
   * text next to the spinner already says what is happening.
   */
  label?: string;
};

export function Spinner({ className, label, ...props }: SpinnerProps) {
  const icon = (
    <LoaderCircle
      data-slot="spinner"
      aria-hidden="true"
      className={cn("size-4 animate-spin motion-reduce:animate-none", className)}
      {...props}
    />
  );
  if (!label) return icon;
  return (
    <span role="status" className="inline-flex items-center">
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
