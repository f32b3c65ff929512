import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FIELD_LIMITS } from "./field-limits";
import { accessLog, agency, individual, note } from "./schema";

// The table each domain's limits are for. Search, counts and paging limit no column.
const tableOf: Record<string, Table> = { agency, note, individual, accessLog };
const columnLimits = Object.entries(FIELD_LIMITS).filter(([domain]) => domain in tableOf);

describe("the field limits", () => {
  it("are for columns, besides the search box, the counts and the paging", () => {
    const others = Object.keys(FIELD_LIMITS).filter((domain) => !(domain in tableOf));
    expect(others.sort()).toEqual(["count", "page", "pageSize", "search"]);
  });

  it.each(columnLimits)("of %s each name a text column the value fits in", (domain, fields) => {
    const table = tableOf[domain]!;
    const columns = getTableColumns(table);
    for (const [field, range] of Object.entries(fields)) {
      const column = columns[field];
      expect(column, `${getTableName(table)}.${field}`).toBeDefined();
      const type = column!.getSQLType();
      // text (or an array of it, bounded in `each`) is unbounded; a varchar(n) must hold the
      // longest value the schema lets through
      const length = /^varchar\((\d+)\)$/.exec(type)?.[1];
      const fits = type === "text" || (type === "text[]" && "each" in range);
      expect(fits || Number(length) >= range.max, `${field}: ${type}`).toBe(true);
    }
  });

  it("never let a minimum exceed its maximum", () => {
    const ranges = Object.values(FIELD_LIMITS)
      .flatMap((limits) => ("max" in limits ? [limits] : Object.values(limits)))
      .flatMap((range) => ("each" in range ? [range, range.each] : [range]));
    for (const range of ranges) expect(range.min ?? 0).toBeLessThanOrEqual(range.max);
  });
});
