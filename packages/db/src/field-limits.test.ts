import { getTableColumns, getTableName, type Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { FIELD_LIMITS } from "./field-limits";
import {
  accessLog,
  agency,
  alliance,
  conflict,
  conflictChange,
  conflictParty,
  group,
  groupMembership,
  incident,
  individual,
  intervention,
  interventionSpeaker,
  note,
  outcome,
  referral,
  referralEvent,
} from "./schema";

// The table each domain's limits are for. Search, counts, paging, one alias and the review
// period limit no column of their own.
const tableOf: Record<string, Table> = {
  agency,
  note,
  accessLog,
  individual,
  group,
  groupMembership,
  conflict,
  conflictParty,
  conflictChange,
  alliance,
  incident,
  intervention,
  interventionSpeaker,
  outcome,
  referral,
  referralEvent,
};
const columnLimits = Object.entries(FIELD_LIMITS).filter(([domain]) => domain in tableOf);

describe("the field limits", () => {
  it("are for columns, besides the search box, the counts, the paging, an alias, the review period and a timeline's page", () => {
    const others = Object.keys(FIELD_LIMITS).filter((domain) => !(domain in tableOf));
    expect(others.sort()).toEqual([
      "alias",
      "conflictParties",
      "count",
      "incidentCasualties",
      "incidentParties",
      "interventionAgencies",
      "interventionParticipants",
      "interventionSpeakers",
      "page",
      "pageSize",
      "reviewPeriod",
      "search",
      "timeline",
    ]);
  });

  it.each(columnLimits)("of %s each name a text column the value fits in", (domain, fields) => {
    const table = tableOf[domain]!;
    const columns = getTableColumns(table);
    for (const [field, { max }] of Object.entries(fields)) {
      const column = columns[field];
      expect(column, `${getTableName(table)}.${field}`).toBeDefined();
      const type = column!.getSQLType();
      // text is unbounded (text[] too: its limit counts the items); a varchar(n) must hold
      // the longest value the schema lets through
      const length = /^varchar\((\d+)\)$/.exec(type)?.[1];
      expect(
        type === "text" || type === "text[]" || Number(length) >= max,
        `${field}: ${type}`,
      ).toBe(true);
    }
  });

  it("never let a minimum exceed its maximum", () => {
    const ranges = Object.values(FIELD_LIMITS).flatMap((limits) =>
      "max" in limits ? [limits] : Object.values(limits),
    );
    for (const range of ranges) expect(range.min ?? 0).toBeLessThanOrEqual(range.max);
  });
});
