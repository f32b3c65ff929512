import { describe, expect, it } from "vitest";
import { createDb } from "./client";

describe("createDb", () => {
  it("gives no relational query API, so no nested `with:` can read a table past its scope", async () => {
    // postgres.js connects on the first query only, so this needs no server.
    const db = createDb("postgres://nobody@127.0.0.1:9/none");
    try {
      expect(Object.keys(db.query)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});
