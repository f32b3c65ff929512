import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder, runMigrations } from "../migrate";
import { startPgServer, type PgServer } from "../testing/pg-server";
import { CHAINED_COLUMNS, GENESIS_HASH } from "./chain";
import { AuditVerifyError, verifyAccessLog, type ChainReport } from "./verify";

let server: PgServer;
const open: postgres.Sql[] = [];

beforeAll(async () => {
  server = await startPgServer({ database: "truce_verify" });
});

afterAll(async () => {
  await Promise.all(open.map((sql) => sql.end()));
  await server?.stop();
});

function connect(url: string, max = 1): postgres.Sql {
  const sql = postgres(url, { max, onnotice: () => {} });
  open.push(sql);
  return sql;
}

interface Log {
  ownerUrl: string;
  appUrl: string;
  /** The apps' role. */
  app: postgres.Sql;
  /** The owner of the tables. */
  owner: postgres.Sql;
}

/**
 * Rows as the apps write them, with what a canonical text has to get right: quotes,
 * backslashes, control characters and non-ASCII text, nested jsonb, arrays with a NULL
 * element next to the text "NULL".
 */
async function writeRows(app: postgres.Sql): Promise<void> {
  const [agency] = await app<{ id: string }[]>`
    insert into agency (name, kind) values ('Police', 'police') returning id`;
  const [user] = await app<{ id: string }[]>`
    insert into "user" (email, name, password_hash) values ('a@b.example', 'A', 'x') returning id`;
  await app`insert into access_log (action, user_id, agency_id, membership_id, ip, detail)
    values ('sign_in', ${user!.id}, ${agency!.id}, gen_random_uuid(), '127.0.0.1',
      ${app.json({ app: "web", factor: "password" })})`;
  await app`insert into access_log (action, entity_type, entity_id, purpose)
    values ('read', 'individual', 'x', 'case_work'), ('read', 'note', 'y', 'review')`;
  await app`insert into access_log (action, fields, detail)
    values ('update', array['status', 'NULL', null, '', 'a,b "c"']::text[],
      ${app.json({ z: { b: [1, 2.5, null, true] }, a: 'ä "q" \\ \n \u0001 ☃' })})`;
  await app`insert into access_log (action, entity_id)
    values ('export', ${'quote " backslash \\ tab \t line\u2028 \u001f end'})`;
  await app`insert into access_log (action) values ('sign_out')`;
}

let logs = 0;
/** A database of its own, migrated, with a log of 6 rows written by the apps' role. */
async function freshLog(): Promise<Log> {
  const ownerUrl = await server.createDatabase(`truce_verify_${++logs}`);
  await runMigrations(ownerUrl);
  const appUrl = await server.createAppLogin(ownerUrl);
  const log = { ownerUrl, appUrl, app: connect(appUrl, 4), owner: connect(ownerUrl) };
  await writeRows(log.app);
  return log;
}

/** Runs `statement` as the owner with the append-only trigger out of the way. */
async function bypassingAppendOnly(owner: postgres.Sql, statement: string): Promise<void> {
  await owner.begin(async (tx) => {
    await tx`alter table access_log disable trigger access_log_no_update_or_delete`;
    await tx.unsafe(statement).simple();
    await tx`alter table access_log enable trigger access_log_no_update_or_delete`;
  });
}

async function idAt(owner: postgres.Sql, chainSeq: number): Promise<number> {
  const [row] = await owner<
    { id: string }[]
  >`select id from access_log where chain_seq = ${chainSeq}`;
  return Number(row!.id);
}

function broken(report: ChainReport) {
  if (report.intact) throw new Error(`expected a broken chain, got ${JSON.stringify(report)}`);
  return report;
}

describe("npm run audit:verify", () => {
  it("finds a log written by the apps intact, and names its head", async () => {
    const { ownerUrl, owner } = await freshLog();
    const [head] = await owner<{ chain_seq: string; hash: string }[]>`
      select chain_seq, hash from access_log_chain_head`;
    const expected = {
      intact: true,
      rows: 6,
      head: { chainSeq: 6, hash: head!.hash },
    };
    expect(head!.chain_seq).toBe("6");
    expect(await verifyAccessLog(ownerUrl)).toEqual(expected);
    // walked in pages, the same
    expect(await verifyAccessLog(ownerUrl, { pageSize: 2 })).toEqual(expected);
    expect(await verifyAccessLog(ownerUrl, { expectHead: expected.head })).toEqual(expected);
  });

  it("finds a log intact that two apps wrote at the same time, ordered by chain_seq", async () => {
    const { ownerUrl, appUrl, owner } = await freshLog();
    const [first, second] = [connect(appUrl, 8), connect(appUrl, 8)];
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (i % 2 ? first : second).begin(async (tx) => {
          // a case change and its log row in one transaction, as the services write them
          await tx`insert into agency (name, kind) values (${`Agency ${i}`}, 'other')`;
          await tx`insert into access_log (action, entity_type, entity_id)
            values ('create', 'agency', ${String(i)})`;
        }),
      ),
    );
    const report = await verifyAccessLog(ownerUrl);
    expect(report).toMatchObject({ intact: true, rows: 206, head: { chainSeq: 206 } });
    const [seqs] = await owner<{ distinct: number; max: string }[]>`
      select count(distinct chain_seq)::int as distinct, max(chain_seq) as max from access_log`;
    expect(seqs).toEqual({ distinct: 206, max: "206" });
  });

  it("follows chain_seq, not id: ids are taken before the chain's lock", async () => {
    const { ownerUrl, app } = await freshLog();
    await app`insert into access_log (id, action) overriding system value values (1000, 'read')`;
    await app`insert into access_log (action) values ('read')`;
    expect(await verifyAccessLog(ownerUrl)).toMatchObject({ intact: true, rows: 8 });
  });

  it("reports a row the owner deleted behind the trigger, at the link after it", async () => {
    const { ownerUrl, owner } = await freshLog();
    const next = await idAt(owner, 4);
    await bypassingAppendOnly(owner, "delete from access_log where chain_seq = 3");
    const report = broken(await verifyAccessLog(ownerUrl));
    expect(report.broken).toMatchObject({ chainSeq: 4, id: next });
    expect(report.broken.problem).toMatch(/chain_seq 3 is missing after chain_seq 2/);
    expect(report.rows).toBe(2);
  });

  it("reports a row the owner rewrote behind the trigger: its content no longer matches its hash", async () => {
    const { ownerUrl, owner } = await freshLog();
    await bypassingAppendOnly(owner, "update access_log set ip = '10.9.9.9' where chain_seq = 5");
    const report = broken(await verifyAccessLog(ownerUrl));
    expect(report.broken).toMatchObject({ chainSeq: 5, id: await idAt(owner, 5) });
    expect(report.broken.problem).toMatch(/content does not match its hash/);
  });

  it("reports a row rewritten with a recomputed hash at the next link, whose prev_hash no longer matches", async () => {
    const { ownerUrl, owner } = await freshLog();
    await bypassingAppendOnly(
      owner,
      `update access_log set entity_id = 'someone else' where chain_seq = 2;
       update access_log a set hash = access_log_chain_hash(a) where chain_seq = 2`,
    );
    const report = broken(await verifyAccessLog(ownerUrl));
    expect(report.broken).toMatchObject({ chainSeq: 3, id: await idAt(owner, 3) });
    expect(report.broken.problem).toMatch(
      /prev_hash is not the hash of the row before it \(chain_seq 2/,
    );
  });

  it("reports rows cut off the end: the head still counts them", async () => {
    const { ownerUrl, owner } = await freshLog();
    await bypassingAppendOnly(owner, "delete from access_log where chain_seq >= 5");
    const report = broken(await verifyAccessLog(ownerUrl));
    expect(report.broken).toMatchObject({ chainSeq: 5, id: null });
    expect(report.broken.problem).toMatch(
      /head is at chain_seq 6.*chain_seq 5 to 6 are cut off the end/,
    );
    expect(report.rows).toBe(4);
  });

  it("reports a row the owner inserted with the seal trigger disabled", async () => {
    const { ownerUrl, owner } = await freshLog();
    await owner.begin(async (tx) => {
      await tx`alter table access_log disable trigger access_log_seal`;
      await tx`insert into access_log (action, at) values ('read', '2001-01-01')`;
      await tx`alter table access_log enable trigger access_log_seal`;
    });
    const [row] = await owner<{ id: string }[]>`select id from access_log where chain_seq is null`;
    const report = broken(await verifyAccessLog(ownerUrl));
    expect(report.broken).toMatchObject({ chainSeq: null, id: Number(row!.id) });
    expect(report.broken.problem).toMatch(/no place in the chain/);
  });

  it("finds a full rewrite by the owner only against a head recorded before it", async () => {
    const { ownerUrl, owner } = await freshLog();
    const before = await verifyAccessLog(ownerUrl);
    if (!before.intact) throw new Error("the fresh log should be intact");
    // Rewrite row 2 and re-chain everything after it, head included, as the owner can.
    await bypassingAppendOnly(
      owner,
      `do $$
       declare r access_log; prev text;
       begin
         select hash into prev from access_log where chain_seq = 1;
         for r in select * from access_log where chain_seq >= 2 order by chain_seq loop
           if r.chain_seq = 2 then r.purpose := null; end if;
           r.prev_hash := prev;
           r.hash := access_log_chain_hash(r);
           update access_log set purpose = r.purpose, prev_hash = r.prev_hash, hash = r.hash
             where id = r.id;
           prev := r.hash;
         end loop;
         update access_log_chain_head set hash = prev;
       end $$`,
    );
    expect(await verifyAccessLog(ownerUrl)).toMatchObject({ intact: true, rows: 6 });
    const report = broken(await verifyAccessLog(ownerUrl, { expectHead: before.head }));
    expect(report.broken).toMatchObject({ chainSeq: 6, id: await idAt(owner, 6) });
    expect(report.broken.problem).toMatch(/not the head recorded earlier/);
  });

  it("reports a log emptied behind the trigger against a head recorded before", async () => {
    const { ownerUrl, owner } = await freshLog();
    const before = await verifyAccessLog(ownerUrl);
    if (!before.intact) throw new Error("the fresh log should be intact");
    await owner.begin(async (tx) => {
      await tx`alter table access_log disable trigger access_log_no_truncate`;
      await tx`truncate access_log`;
      await tx`alter table access_log enable trigger access_log_no_truncate`;
      await tx`update access_log_chain_head set chain_seq = 0, hash = ${GENESIS_HASH}`;
    });
    expect(await verifyAccessLog(ownerUrl)).toMatchObject({ intact: true, rows: 0 });
    const report = broken(await verifyAccessLog(ownerUrl, { expectHead: before.head }));
    expect(report.broken.problem).toMatch(/the log is empty, before the head recorded earlier/);
  });

  it("must run as the owner: the apps' role may not read the head", async () => {
    const { appUrl } = await freshLog();
    const error = await verifyAccessLog(appUrl).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditVerifyError);
    expect((error as Error).message).toMatch(/DATABASE_MIGRATION_URL/);
  });

  it("hashes every column of access_log but the hash itself", async () => {
    const { owner } = await freshLog();
    const columns = await owner<{ name: string }[]>`
      select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = 'access_log' and column_name <> 'hash'`;
    expect(columns.map((c) => c.name).sort()).toEqual([...CHAINED_COLUMNS].sort());
  });
});

describe("migration 0005", () => {
  it("chains the rows written before it in id order, keeping their times", async () => {
    // The migrations up to 0004 only, from a copy of the folder with a shorter journal.
    const folder = mkdtempSync(join(tmpdir(), "truce-migrations-"));
    try {
      cpSync(migrationsFolder, folder, { recursive: true });
      const journalFile = join(folder, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalFile, "utf8")) as {
        entries: { tag: string }[];
      };
      const upTo = journal.entries.findIndex((e) => e.tag === "0005_access_log_roles_and_chain");
      writeFileSync(
        journalFile,
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
      );
      const ownerUrl = await server.createDatabase("truce_verify_before_chain");
      const owner = connect(ownerUrl);
      await migrate(drizzle({ client: owner }), { migrationsFolder: folder });
      await owner`insert into access_log (action, at, entity_id) values
        ('read', '2020-05-01T10:00:00.123456Z', 'first'),
        ('read', '2020-05-01T09:00:00Z', 'second, written earlier by the clock'),
        ('sign_in', '2020-05-02T08:00:00Z', null)`;

      await runMigrations(ownerUrl);
      expect(await verifyAccessLog(ownerUrl)).toMatchObject({ intact: true, rows: 3 });
      const rows = await owner<{ id: string; chain_seq: string; at: string }[]>`
        select id, chain_seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at
        from access_log order by id`;
      expect(rows.map((r) => [r.id, r.chain_seq, r.at])).toEqual([
        ["1", "1", "2020-05-01 10:00:00.123456"],
        ["2", "2", "2020-05-01 09:00:00.000000"],
        ["3", "3", "2020-05-02 08:00:00.000000"],
      ]);
      // the append-only trigger is back, and new rows join the chain
      await expect(owner`update access_log set ip = 'x'`).rejects.toThrow(/append-only/);
      await owner`insert into access_log (action) values ('sign_out')`;
      expect(await verifyAccessLog(ownerUrl)).toMatchObject({ intact: true, rows: 4 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
