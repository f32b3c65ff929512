import { describe, expect, it } from "vitest";
import { createDb } from "@truce/db";
import { group } from "@truce/db/schema";
import { constantLimit } from "./constant-limit";

// No connection is made: the statement is only built.
const db = createDb("postgres://nobody@127.0.0.1:1/none", { max: 1 });

describe("constantLimit", () => {
  it("writes the bound into the statement, not as a parameter", () => {
    const query = db.select({ id: group.id }).from(group).limit(constantLimit(201)).toSQL();
    expect(query.sql).toMatch(/ limit 201$/);
    expect(query.params).toEqual([]);
    // A request's own limit stays a parameter.
    expect(db.select({ id: group.id }).from(group).limit(25).toSQL().params).toEqual([25]);
  });

  it("refuses anything but a whole number", () => {
    for (const bound of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => constantLimit(bound)).toThrow();
    }
  });
});
