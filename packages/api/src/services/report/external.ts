/**
 * How a figure is shown in an export: the count itself, "<5" for a count from 1 to 4 in an
 * export for people outside the programme, or ".." for a figure hidden there because a
 * hidden count could be worked out from it by subtraction.
 */
export type Shown = number | "<5" | "..";

export const SMALL_COUNT = "<5";
export const WITHHELD = "..";

/** A count as an external export shows it: 1 to 4 as "<5" (DOMAIN.md, "Visibility"). */
export function externalCount(count: number): Shown {
  return count >= 1 && count <= 4 ? SMALL_COUNT : count;
}

/**
 * A total (or a difference) as an external export shows it: withheld when any of the figures
 * it is made of is hidden, since the total less the figures shown would give the hidden one;
 * otherwise as a count.
 */
export function externalTotal(total: number, parts: readonly Shown[]): Shown {
  return parts.some((part) => typeof part !== "number") ? WITHHELD : externalCount(total);
}

/** Whether a figure is shown as itself. */
export const isShown = (figure: Shown): figure is number => typeof figure === "number";
