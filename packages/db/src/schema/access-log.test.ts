import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../client";
import { runMigrations } from "../migrate";
import { refusal } from "../testing/refusal";
import { startPgServer, type PgServer } from "../testing/pg-server";
import { accessLog, accessLogChainHead } from "./access-log";

let server: PgServer;
/** The apps' role. */
let db: Db;
/** The owner, who ran the migrations. */
let ownerDb: Db;

beforeAll(async () => {
  server = await startPgServer({ database: "truce_access_log" });
  await runMigrations(server.url);
  db = createDb(await server.createAppLogin(server.url));
  ownerDb = createDb(server.url, { max: 2 });
  await db.insert(accessLog).values([
    { action: "sign_in", ip: "127.0.0.1" },
    { action: "read", entityType: "individual", entityId: "x", purpose: "case_work" },
  ]);
});

afterAll(async () => {
  await db?.close();
  await ownerDb?.close();
  await server?.stop();
});

describe("the access log, to the apps' role", () => {
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

  it("gets the database's time in `at` and its place in the chain, whatever the insert says", async () => {
    const [clock] = await db.execute<{ ms: number }>(
      sql`select floor(extract(epoch from now()) * 1000)::float8 as ms`,
    );
    const [row] = await db
      .insert(accessLog)
      .values({
        action: "read",
        at: new Date("2001-02-03T04:05:06Z"),
        chainSeq: 999,
        prevHash: "made up",
        hash: "made up",
      })
      .returning();
    expect(row!.at.getTime()).toBeGreaterThanOrEqual(clock!.ms);
    expect(row!.chainSeq).toBe(4);
    expect(row!.prevHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.hash).not.toBe(row!.prevHash);
  });

  it("may not UPDATE, DELETE or TRUNCATE it", async () => {
    expect(await refusal(db.update(accessLog).set({ ip: "10.0.0.1" }))).toMatch(
      /permission denied for table access_log/,
    );
    expect(await refusal(db.delete(accessLog))).toMatch(/permission denied for table access_log/);
    expect(await refusal(db.execute(sql`truncate access_log`))).toMatch(
      /permission denied for table access_log/,
    );
  });

  it("may not drop, disable or add triggers on it, nor switch triggers off for its session", async () => {
    for (const statement of [
      sql`drop trigger access_log_seal on access_log`,
      sql`drop trigger access_log_no_update_or_delete on access_log`,
      sql`alter table access_log disable trigger access_log_no_update_or_delete`,
      sql`alter table access_log disable trigger all`,
    ]) {
      expect(await refusal(db.execute(statement))).toMatch(/must be owner/);
    }
    expect(
      await refusal(
        db.execute(sql`create trigger sneak before insert on access_log
          for each row execute function access_log_seal()`),
      ),
    ).toMatch(/permission denied/);
    expect(await refusal(db.execute(sql`set session_replication_role = replica`))).toMatch(
      /permission denied/,
    );
  });

  it("may not read or write the chain's head", async () => {
    expect(await refusal(db.select().from(accessLogChainHead))).toMatch(/permission denied/);
    expect(
      await refusal(db.update(accessLogChainHead).set({ chainSeq: 1, hash: "0".repeat(64) })),
    ).toMatch(/permission denied/);
    expect(await refusal(db.delete(accessLogChainHead))).toMatch(/permission denied/);
  });

  it("reads and writes every other table, those of later migrations too", async () => {
    const privileges = await ownerDb.execute<{ table: string; granted: string }>(sql`
      select tablename as table, concat_ws(',',
          case when has_table_privilege('truce_app', c.oid, 'SELECT') then 'select' end,
          case when has_table_privilege('truce_app', c.oid, 'INSERT') then 'insert' end,
          case when has_table_privilege('truce_app', c.oid, 'UPDATE') then 'update' end,
          case when has_table_privilege('truce_app', c.oid, 'DELETE') then 'delete' end,
          case when has_table_privilege('truce_app', c.oid, 'TRUNCATE') then 'truncate' end,
          case when has_table_privilege('truce_app', c.oid, 'TRIGGER') then 'trigger' end) as granted
      from pg_tables t join pg_class c on c.oid = format('public.%I', t.tablename)::regclass
      where schemaname = 'public' order by 1`);
    const byTable = Object.fromEntries(privileges.map((p) => [p.table, p.granted]));
    expect(byTable).toMatchObject({
      access_log: "select,insert",
      access_log_chain_head: "",
      individual: "select,insert,update,delete",
      // Derived by the owner's triggers (migrations 0014 to 0016, 0018): the app reads them only.
      individual_milestone: "select",
      incident_month: "select",
      intervention_month: "select",
      conflict_month: "select",
      register_count: "select",
      register_review: "select",
    });
    const derived = [
      "individual_milestone",
      "incident_month",
      "intervention_month",
      "conflict_month",
      "register_count",
      "register_review",
    ];
    const others = privileges.filter(
      (p) => !p.table.startsWith("access_log") && !derived.includes(p.table),
    );
    expect(others.filter((p) => p.granted !== "select,insert,update,delete")).toEqual([]);

    await ownerDb.execute(sql`create table later_table (id int generated always as identity)`);
    try {
      await db.execute(sql`insert into later_table default values`);
      await db.execute(sql`delete from later_table`);
    } finally {
      await ownerDb.execute(sql`drop table later_table`);
    }
  });

  it("owns nothing and is no superuser", async () => {
    const [role] = await db.execute<{ superuser: boolean; owned: number }>(sql`
      select rolsuper as superuser,
        (select count(*)::int from pg_class where relowner = r.oid) as owned
      from pg_roles r where rolname = current_user`);
    expect(role).toEqual({ superuser: false, owned: 0 });
  });
});

describe("the access log, to its owner", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in plain statements", async () => {
    expect(await refusal(ownerDb.update(accessLog).set({ ip: "10.0.0.1" }))).toMatch(
      /access_log is append-only: UPDATE/,
    );
    expect(await refusal(ownerDb.delete(accessLog))).toMatch(/access_log is append-only: DELETE/);
    expect(await refusal(ownerDb.execute(sql`truncate access_log`))).toMatch(
      /access_log is append-only: TRUNCATE/,
    );
  });

  it("still holds every row after the refused attempts", async () => {
    expect(await ownerDb.$count(accessLog)).toBe(4);
  });
});
