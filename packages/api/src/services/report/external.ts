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

/** A figure that is the sum of others (a row's total, a column's), by the figures' keys. */
export interface SumRelation {
  total: string;
  parts: readonly string[];
}

/**
 * The figures of a table of counts as an external export shows them, when some of them are
 * sums of others (`relations`), possibly in more than one way. Every count from 1 to 4 shows as
 * "<5". Then, until nothing changes: wherever a sum and its parts leave exactly one figure
 * unshown, that one could be worked out by subtraction, so one more is withheld (".."): the
 * sum, when the unshown one is a part; or, when the sum alone is unshown (withheld for
 * another of its relations), its smallest part that is not zero. So at the end no relation
 * has a single unshown figure, and no chain of subtractions gives one back. A withheld sum is
 * at least 1 (it has a hidden part), so a sum left alone unshown always has a part to withhold.
 */
export function suppressSums(
  values: ReadonlyMap<string, number>,
  relations: readonly SumRelation[],
): Map<string, Shown> {
  const shown = new Map<string, Shown>(
    [...values].map(([key, value]) => [key, externalCount(value)]),
  );
  const unshown = (key: string) => !isShown(shown.get(key) ?? 0);
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of relations) {
      const open = [total, ...parts].filter(unshown);
      if (open.length !== 1) continue;
      if (open[0] !== total) shown.set(total, WITHHELD);
      else {
        const smallest = parts
          .filter((part) => (values.get(part) ?? 0) > 0)
          .sort((a, b) => values.get(a)! - values.get(b)! || (a < b ? -1 : 1))[0];
        if (smallest === undefined) continue;
        shown.set(smallest, WITHHELD);
      }
      changed = true;
    }
  }
  return shown;
}
