import { verifyAccessLog } from "@truce/db/audit";
import { runMigrations } from "@truce/db/migrate";
import { seedDemo } from "@truce/db/seed";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import { createDb } from "@truce/db/client";
import { accessLog } from "@truce/db/schema";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATED_TABLES, generate, SCALES, type GenerateResult } from "./index";

let demo: DemoDatabase;
let owner: postgres.Sql;
let demoRows: Ids;
let demoPeople: Set<string>;
let result: GenerateResult;
const SEED = 7;

beforeAll(async () => {
  demo = await startDemoDatabase();
  owner = postgres(demo.server.url, { max: 2, onnotice: () => {} });
  demoRows = await idsIn(owner);
  demoPeople = new Set(demoRows.individual);
  result = await generate(demo.server.url, "tiny", { seed: SEED });
});

afterAll(async () => {
  await owner?.end();
  await demo?.stop();
});

type Ids = Record<string, string[]>;

/** The ids in every generated table, before generating: the demo's rows. */
async function idsIn(sql: postgres.Sql): Promise<Ids> {
  const ids: Ids = {};
  for (const table of GENERATED_TABLES) {
    const rows = await sql<{ id: string }[]>`select id::text as id from ${sql(table)}`;
    ids[table] = rows.map((r) => r.id);
  }
  return ids;
}

/**
 * A digest of the generated rows of every table, in id order: equal digests, equal data.
 * The demo's rows (`before`) are left out (some take their time stamps from the clock), and
 * of the access log only the generated rows count (a test below appends one).
 */
async function digest(sql: postgres.Sql, before: Ids): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of GENERATED_TABLES) {
    const generatedOnly =
      table === "access_log" ? sql`and t.chain_seq <= ${SCALES.tiny.accessLog}` : sql``;
    const [row] = await sql<{ md5: string }[]>`
      select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as md5
      from ${sql(table)} t
      where not (t.id::text = any(${before[table]!}::text[])) ${generatedOnly}`;
    digests[table] = row!.md5;
  }
  return digests;
}

/** A fresh database on the same server, migrated and seeded with the demo, then generated. */
async function generateInto(name: string, seed: number): Promise<Record<string, string>> {
  const url = await demo.server.createDatabase(name);
  await runMigrations(url);
  const db = createDb(url, { max: 1 });
  try {
    await seedDemo(db);
  } finally {
    await db.close();
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const before = await idsIn(sql);
    await generate(url, "tiny", { seed });
    return await digest(sql, before);
  } finally {
    await sql.end();
  }
}

describe("the generated data at the tiny scale", () => {
  it("has the scale's counts of the tables the scale names", () => {
    const tiny = SCALES.tiny;
    expect(result.counts).toMatchObject({
      individual: tiny.people,
      group: tiny.groups,
      conflict: tiny.conflicts,
      intervention: tiny.interventions,
      incident: tiny.incidents,
      access_log: tiny.accessLog,
    });
  });

  it("fills every other table of the case work too", () => {
    const empty = GENERATED_TABLES.filter((table) => !(result.counts[table]! > 0));
    expect(empty).toEqual([]);
  });

  it("has no reference to a row that does not exist (the load skipped the foreign-key checks)", async () => {
    const keys = await owner<{ name: string; child: string; parent: string; pairs: string }[]>`
      select c.conname as name, c.conrelid::regclass::text as child,
        c.confrelid::regclass::text as parent,
        string_agg(format('p.%I = c.%I', pa.attname, ca.attname), ' and ') as pairs
      from pg_constraint c
      cross join lateral unnest(c.conkey, c.confkey) as k(child_col, parent_col)
      join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.child_col
      join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.parent_col
      where c.contype = 'f' and c.connamespace = 'public'::regnamespace
      group by c.oid, c.conname, c.conrelid, c.confrelid`;
    expect(keys.length).toBeGreaterThan(50);
    const orphans: string[] = [];
    for (const key of keys) {
      const nonNull = key.pairs.replaceAll(
        /p\.("?[a-z_]+"?) = (c\.("?[a-z_]+"?))/g,
        "$2 is not null",
      );
      const [row] = await owner.unsafe<{ n: number }[]>(
        `select count(*)::int as n from ${key.child} c
         where ${nonNull} and not exists (select 1 from ${key.parent} p where ${key.pairs})`,
      );
      if (row!.n > 0) orphans.push(`${key.name}: ${row!.n}`);
    }
    expect(orphans).toEqual([]);
  });

  it("holds every check constraint", async () => {
    const checks = await owner<{ name: string; table: string; expression: string }[]>`
      select conname as name, conrelid::regclass::text as table,
        substring(pg_get_constraintdef(oid) from '^CHECK \\((.*)\\)$') as expression
      from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace`;
    expect(checks.length).toBeGreaterThan(30);
    const broken: string[] = [];
    for (const check of checks) {
      const [row] = await owner.unsafe<{ n: number }[]>(
        `select count(*)::int as n from ${check.table} where (${check.expression}) is false`,
      );
      if (row!.n > 0) broken.push(`${check.name}: ${row!.n}`);
    }
    expect(broken).toEqual([]);
  });

  it("continues the access log's hash chain, which the project's verifier finds intact", async () => {
    const report = await verifyAccessLog(demo.server.url);
    expect(report).toMatchObject({ intact: true, rows: SCALES.tiny.accessLog });

    // The apps' next row follows on (the head and the id sequence were moved on), by the trigger.
    await demo.db.insert(accessLog).values({ action: "sign_in", ip: "127.0.0.1" });
    const after = await verifyAccessLog(demo.server.url);
    expect(after).toMatchObject({ intact: true, rows: SCALES.tiny.accessLog + 1 });
  });

  it("spreads the access log over the years, in the chain's order", async () => {
    const [row] = await owner<{ days: number; backwards: number }[]>`
      select (max(at)::date - min(at)::date) as days,
        (select count(*)::int from (
          select at < lag(at) over (order by chain_seq) as back from access_log) x
          where back) as backwards
      from access_log`;
    expect(row!.days).toBeGreaterThan(SCALES.tiny.years * 365 - 10);
    expect(row!.backwards).toBe(0);
  });

  it("names as the profile sample an approved person with at least the 90th percentile of interventions, and notes", async () => {
    const id = result.samples.profileIndividualId;
    const people = await owner<
      { id: string; status: string; interventions: number; notes: number }[]
    >`
      select i.id, i.registration_status as status,
        (select count(*)::int from intervention_participant p where p.individual_id = i.id) as interventions,
        (select count(*)::int from note n where n.individual_id = i.id) as notes
      from individual i`;
    const generated = people.filter((p) => !demoPeople.has(p.id));
    const sorted = generated.map((p) => p.interventions).sort((a, b) => a - b);
    const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
    const sample = generated.find((p) => p.id === id);
    expect(sample).toMatchObject({ status: "approved" });
    expect(sample!.interventions).toBeGreaterThanOrEqual(Math.max(1, p90));
    expect(sample!.notes).toBeGreaterThan(0);
  });

  it("names as the search sample a fragment of a family name that finds 0.5 to 2 % of the people", async () => {
    const term = result.samples.searchTerm;
    expect(term).toMatch(/^\p{L}{4,}$/u);
    const [row] = await owner<{ total: number; matches: number; families: number }[]>`
      select count(*)::int as total,
        count(*) filter (where search_text like ${`%${term}%`})::int as matches,
        count(*) filter (where family_name ilike ${`%${term}%`})::int as families
      from individual`;
    expect(row!.families).toBeGreaterThan(0);
    expect(row!.matches / row!.total).toBeGreaterThanOrEqual(0.005);
    expect(row!.matches / row!.total).toBeLessThanOrEqual(0.02);
  });

  it("gives every generated conflict a history whose newest row is its status and risk now", async () => {
    const rows = await owner<{ conflicts: number; histories: number; current: number }[]>`
      select count(distinct c.id)::int as conflicts,
        count(distinct h.conflict_id)::int as histories,
        count(*) filter (where h.rank = 1 and h.status = c.status and h.risk_level = c.risk_level)::int as current
      from conflict c
      left join (
        select *, row_number() over (partition by conflict_id order by changed_at desc) as rank
        from conflict_change
      ) h on h.conflict_id = c.id`;
    expect(rows[0]!.histories).toBe(rows[0]!.conflicts);
    expect(rows[0]!.current).toBe(rows[0]!.conflicts);
    expect(result.counts.conflict_change).toBeGreaterThan(SCALES.tiny.conflicts);
  });

  it("gives each referral the steps that led it to its status now, each after the one before", async () => {
    const [row] = await owner<{ wrong: number; unordered: number; steps: number }[]>`
      select
        count(*) filter (where r.status <> 'sent' and e.last is distinct from r.status)::int as wrong,
        (select count(*)::int from (
          select changed_at < lag(changed_at) over (partition by referral_id order by changed_at, id) as back
          from referral_event) x where back) as unordered,
        (select count(*)::int from referral_event) as steps
      from referral r
      left join lateral (
        select status as last from referral_event where referral_id = r.id
        order by changed_at desc limit 1
      ) e on true`;
    expect(row).toMatchObject({ wrong: 0, unordered: 0 });
    expect(result.counts.referral_event).toBeGreaterThan(0);
  });

  it("names as the conflict sample the conflict with the most incidents", async () => {
    const [row] = await owner<{ most: number; sample: number }[]>`
      select max(n)::int as most,
        max(n) filter (where conflict_id = ${result.samples.profileConflictId})::int as sample
      from (select conflict_id, count(*) as n from incident where conflict_id is not null
        group by conflict_id) x`;
    expect(row!.sample).toBe(row!.most);
    expect(row!.most).toBeGreaterThan(1);
  });

  it("names as the intervention sample the call-in with the most people", async () => {
    const [row] = await owner<{ most: number; sample: number }[]>`
      select max(n)::int as most,
        max(n) filter (where intervention_id = ${result.samples.profileInterventionId})::int as sample
      from (select p.intervention_id, count(*) as n from intervention_participant p
        join intervention i on i.id = p.intervention_id and i.kind = 'call_in'
        group by p.intervention_id) x`;
    expect(row!.sample).toBe(row!.most);
    expect(row!.most).toBeGreaterThan(1);
  });

  it("names as the district sample the district with the most incidents", async () => {
    const [row] = await owner<{ most: number; sample: number }[]>`
      select max(n)::int as most,
        max(n) filter (where district = ${result.samples.reportDistrict})::int as sample
      from (select district, count(*) as n from incident group by district) x`;
    expect(row!.sample).toBe(row!.most);
    expect(row!.most).toBeGreaterThan(1);
  });

  it("is the same data, ids included, for the same seed, and other data for another", async () => {
    const first = await digest(owner, demoRows);
    expect(await generateInto("same_seed", SEED)).toEqual(first);
    const other = await generateInto("other_seed", SEED + 1);
    const differing = GENERATED_TABLES.filter((table) => other[table] !== first[table]);
    expect(differing).toEqual(GENERATED_TABLES);
  });
});
