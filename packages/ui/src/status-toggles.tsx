"use client";

import { useId } from "react";
import { Button } from "./button";

/**
 * The statuses chosen after one is turned on or off, in the order of `all` (so that the
 * address a filter writes is the same whichever was pressed first); none left is `undefined`,
 * a list's default, which takes the filter out of the address.
 */
export function toggledStatuses<S extends string>(
  all: readonly S[],
  chosen: readonly S[],
  status: S,
): S[] | undefined {
  const next = chosen.includes(status)
    ? chosen.filter((s) => s !== status)
    : all.filter((s) => s === status || chosen.includes(s));
  return next.length > 0 ? next : undefined;
}

/**
 * A list's status filter as a row of toggle buttons (each `aria-pressed`), any number on at
 * once, under a visible label that names the group for a screen reader: the conflicts' and
 * the referrals' lists. `onChange` receives `toggledStatuses`'s answer.
 */
export function StatusToggles<S extends string>({
  label,
  statuses,
  chosen,
  statusLabel,
  onChange,
}: {
  label: string;
  statuses: readonly S[];
  chosen: readonly S[];
  statusLabel: (status: S) => string;
  onChange: (next: S[] | undefined) => void;
}) {
  const labelId = useId();
  return (
    <div className="space-y-1.5">
      <p className="text-sm font-medium" id={labelId}>
        {label}
      </p>
      <div className="flex flex-wrap gap-2" role="group" aria-labelledby={labelId}>
        {statuses.map((status) => (
          <Button
            key={status}
            type="button"
            size="sm"
            variant={chosen.includes(status) ? "default" : "outline"}
            aria-pressed={chosen.includes(status)}
            onClick={() => onChange(toggledStatuses(statuses, chosen, status))}
          >
            {statusLabel(status)}
          </Button>
        ))}
      </div>
    </div>
  );
}
