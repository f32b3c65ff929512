import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPgServer, type PgServer } from "@truce/db/testing";
import { assertTestDatabase, markTestDatabase } from "./database-mark";

describe("the browser tests' global setup", () => {
  let server: PgServer;
  beforeAll(async () => {
    server = await startPgServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a database that carries no mark, such as a developer's or production's", async () => {
    await expect(assertTestDatabase(server.url, "any-token")).rejects.toThrow(
      /Refusing to run the browser tests against .*: it is not the throwaway database this run started \(it carries no mark\)/,
    );
  });

  it("refuses a database another run marked, and names no password", async () => {
    const url = await server.createDatabase("other_run");
    await markTestDatabase(url);
    const withPassword = new URL(url);
    withPassword.password = "secret-password"; // the test server trusts local connections
    const refusal = assertTestDatabase(withPassword.toString(), "this-runs-token");
    await expect(refusal).rejects.toThrow(/it carries another run's mark/);
    await expect(refusal).rejects.not.toThrow(/secret-password/);
  });

  it("refuses to start when run.ts did not pass the database and its mark", async () => {
    await expect(assertTestDatabase(undefined, undefined)).rejects.toThrow(
      /E2E_DATABASE_URL and E2E_DATABASE_MARK are not both set/,
    );
    await expect(assertTestDatabase(server.url, undefined)).rejects.toThrow(/not both set/);
  });

  it("accepts the database run.ts marked, with the token it passed on", async () => {
    const url = await server.createDatabase("this_run");
    const token = await markTestDatabase(url);
    await expect(assertTestDatabase(url, token)).resolves.toBeUndefined();
  });
});
