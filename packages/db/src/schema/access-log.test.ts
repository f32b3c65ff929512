import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../client";
import { runMigrations } from "../migrate";
import { startPgServer, type PgServer } from "../testing/pg-server";
import { accessLog } from "./access-log";

let server: PgServer;
let db: Db;

beforeAll(async () => {
  server = await startPgServer({ database: "truce_access_log" });
  await runMigrations(server.url);
  db = createDb(server.url);
  await db.insert(accessLog).values([
    { action: "sign_in", ip: "127.0.0.1" },
    { action: "read", entityType: "individual", entityId: "x", purpose: "case_work" },
  ]);
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
});

/** The PostgreSQL error behind Drizzle's wrapper. */
async function refusal(query: Promise<unknown>): Promise<string> {
  const error = (await query.then(
    () => null,
    (e: unknown) => e,
  )) as { cause?: { message?: string }; message?: string } | null;
  if (!error) throw new Error("the database accepted the statement");
  return error.cause?.message ?? error.message ?? "";
}

describe("the access log", () => {
  it("accepts new rows", async () => {
    const [row] = await db
      .insert(accessLog)
      .values({
        action: "export",
        fields: ["status", "riskLevel"],
        detail: { report: "shootings" },
      })
      .returning();
    expect(row?.id).toBeGreaterThan(0);
    expect(row?.at).toBeInstanceOf(Date);
  });

  it("refuses UPDATE at the database level", async () => {
    expect(await refusal(db.update(accessLog).set({ ip: "10.0.0.1" }))).toMatch(
      /access_log is append-only: UPDATE/,
    );
  });

  it("refuses DELETE at the database level", async () => {
    expect(await refusal(db.delete(accessLog))).toMatch(/access_log is append-only: DELETE/);
  });

  it("refuses TRUNCATE at the database level", async () => {
    expect(await refusal(db.execute(sql`truncate access_log`))).toMatch(
      /access_log is append-only: TRUNCATE/,
    );
  });

  it("still holds every row after the refused attempts", async () => {
    expect(await db.$count(accessLog)).toBe(3);
  });
});
