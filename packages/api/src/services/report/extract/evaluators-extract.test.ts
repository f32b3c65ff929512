/**
 * The evaluators' extract against a real PostgreSQL with the demo data and a fixture of this
 * test's own (a person with a protected location, a minor, a pending registration with rows of
 * their own): each file's columns and rows match the database with pending registrations left
 * out; the pseudonyms join the files and differ between two extracts; no cell holds any text
 * that anyone typed into the register (every text column of every case table, read from the
 * database); a protected person has no district; birth dates are years; the period filter; the
 * access-log row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionClaims } from "@truce/auth/actor";
import { and, eq, isNotNull, ne, sql } from "@truce/db";
import {
  accessLog,
  conflict,
  group,
  groupMembership,
  incident,
  incidentParty,
  individual,
  intervention,
  interventionParticipant,
  outcome,
} from "@truce/db/schema";
import {
  createTestIndividual,
  startDemoDatabase,
  uniqueTag,
  type DemoDatabase,
} from "@truce/db/testing";
import { claimsFor } from "../../../test-actors";
import { EXTRACT_FILES } from "../schemas";
import { README_COLUMNS } from "./readme";
import { column, downloadExtract, type ExtractFiles } from "./test-support";

let demo: DemoDatabase;
let manager: SessionClaims;
let extract: ExtractFiles;
const tag = uniqueTag();
const secretPlace = `Hemligvägen 7, Secretby ${tag}`;
const protectedDistrict = `Protectby ${tag}`;
const pendingName = `Pendingsson ${tag}`;

beforeAll(async () => {
  demo = await startDemoDatabase();
  const { db } = demo;
  manager = await claimsFor(db, "police.manager@truce.example");
  const agencyId = demo.agencyIds.police!;
  // A minor at registration (born 2005, registered in 2020) whose location is protected, a
  // party to an incident in a district of their own.
  const hidden = await createTestIndividual(db, {
    registeringAgencyId: agencyId,
    dateOfBirth: "2005-06-15",
    district: protectedDistrict,
    protectedLocation: true,
    currentLocation: secretPlace,
    aliases: [`Shadow${tag}`],
    nationalId: `20050615-${tag.slice(0, 4)}`,
    createdAt: new Date("2020-01-10T12:00:00Z"),
  });
  const [shot] = await db
    .insert(incident)
    .values({
      kind: "shooting",
      occurredAt: new Date("2020-02-01T12:00:00Z"),
      district: `Incidentby ${tag}`,
      summary: `A summary no extract may hold ${tag}`,
    })
    .returning();
  await db
    .insert(incidentParty)
    .values({ incidentId: shot!.id, individualId: hidden.id, role: "victim" });
  // A pending registration, with an outcome and a participation that must not be there either.
  const pending = await createTestIndividual(db, {
    registeringAgencyId: agencyId,
    familyName: pendingName,
    registrationStatus: "pending",
  });
  await db.insert(outcome).values({
    individualId: pending.id,
    kind: "employed",
    occurredAt: "2020-03-01",
    recordingAgencyId: agencyId,
  });
  const [talk] = await db
    .insert(intervention)
    .values({
      kind: "home_visit",
      leadAgencyId: agencyId,
      occurredAt: new Date("2020-03-02T09:00:00Z"),
      status: "done",
    })
    .returning();
  await db
    .insert(interventionParticipant)
    .values({ interventionId: talk!.id, individualId: pending.id });
  extract = await downloadExtract(db, manager);
});
afterAll(async () => {
  await demo?.stop();
});

const approved = () =>
  demo.db
    .select({ id: individual.id })
    .from(individual)
    .where(ne(individual.registrationStatus, "pending"));

/** Each file's rows in the database, counted here apart from the service's own queries. */
async function expectedRows(): Promise<Record<string, number>> {
  const { db } = demo;
  const count = sql<number>`count(*)::int`;
  const n = async (rows: Promise<Array<{ n: number }>>) => (await rows)[0]!.n;
  const people = approved();
  return {
    "people.csv": await n(db.select({ n: count }).from(people.as("p"))),
    "groups.csv": await n(db.select({ n: count }).from(group)),
    "group_memberships.csv": await n(
      db
        .select({ n: count })
        .from(groupMembership)
        .innerJoin(individual, eq(individual.id, groupMembership.individualId))
        .where(eq(individual.registrationStatus, "approved")),
    ),
    "conflicts.csv": await n(db.select({ n: count }).from(conflict)),
    "interventions.csv": await n(db.select({ n: count }).from(intervention)),
    "participants.csv": await n(
      db
        .select({ n: count })
        .from(interventionParticipant)
        .innerJoin(individual, eq(individual.id, interventionParticipant.individualId))
        .where(eq(individual.registrationStatus, "approved")),
    ),
    "outcomes.csv": await n(
      db
        .select({ n: count })
        .from(outcome)
        .innerJoin(individual, eq(individual.id, outcome.individualId))
        .where(eq(individual.registrationStatus, "approved")),
    ),
    "incidents.csv": await n(db.select({ n: count }).from(incident)),
    "incident_parties.csv": await n(
      db
        .select({ n: count })
        .from(incidentParty)
        .leftJoin(individual, eq(individual.id, incidentParty.individualId))
        .where(sql`${individual.id} is null or ${individual.registrationStatus} = 'approved'`),
    ),
  };
}

describe("the evaluators' extract's files", () => {
  it("holds every file in order, each with its header, as many rows as the database (pending left out)", async () => {
    expect(extract.names).toEqual([...EXTRACT_FILES]);
    const expected = await expectedRows();
    for (const [name, rows] of Object.entries(expected)) {
      const table = extract.tables.get(name)!;
      expect(table.header, name).toEqual(
        Object.keys(README_COLUMNS[name as keyof typeof README_COLUMNS]),
      );
      expect(table.rows.length, name).toBe(rows);
      expect(rows, `${name} has rows on the demo`).toBeGreaterThan(0);
    }
    // The pending registration and their rows are in the database, and not in the extract.
    const pendingRows = await demo.db
      .select({ id: individual.id })
      .from(individual)
      .where(eq(individual.registrationStatus, "pending"));
    expect(pendingRows.length).toBeGreaterThan(0);
    expect(extract.tables.get("people.csv")!.rows.length).toBe((await approved()).length);
  });

  it("explains every file and column in the README, with each file's rows", () => {
    for (const name of EXTRACT_FILES.filter((f) => f !== "README.md")) {
      const rows = extract.tables.get(name)!.rows.length;
      expect(extract.readme).toContain(`### ${name} (${rows} rows)`);
      for (const header of extract.tables.get(name)!.header) {
        expect(extract.readme).toContain(`- \`${header}\`: `);
      }
    }
    expect(extract.readme).toContain("HMAC-SHA256");
  });

  it("joins the files by pseudonyms that each name one record", () => {
    const persons = new Set(column(extract, "people.csv", "person"));
    expect(persons.size).toBe(extract.tables.get("people.csv")!.rows.length);
    const groups = new Set(column(extract, "groups.csv", "group"));
    const conflicts = new Set(column(extract, "conflicts.csv", "conflict"));
    const interventions = new Set(column(extract, "interventions.csv", "intervention"));
    const incidents = new Set(column(extract, "incidents.csv", "incident"));
    const within = (values: string[], set: Set<string>, what: string) => {
      const outside = values.filter((v) => v !== "" && !set.has(v));
      expect(outside, what).toEqual([]);
    };
    within(column(extract, "participants.csv", "person"), persons, "participants' people");
    within(column(extract, "participants.csv", "intervention"), interventions, "participations");
    within(column(extract, "group_memberships.csv", "person"), persons, "members");
    within(column(extract, "group_memberships.csv", "group"), groups, "memberships' groups");
    within(column(extract, "outcomes.csv", "person"), persons, "outcomes' people");
    within(column(extract, "interventions.csv", "group"), groups, "interventions' groups");
    within(column(extract, "interventions.csv", "conflict"), conflicts, "interventions' conflicts");
    within(column(extract, "interventions.csv", "triggering_incident"), incidents, "triggers");
    within(column(extract, "incidents.csv", "conflict"), conflicts, "incidents' conflicts");
    within(column(extract, "incident_parties.csv", "incident"), incidents, "parties' incidents");
    within(column(extract, "incident_parties.csv", "person"), persons, "parties' people");
    within(column(extract, "incident_parties.csv", "group"), groups, "parties' groups");
    for (const [set, prefix] of [
      [persons, "P"],
      [groups, "G"],
      [conflicts, "C"],
      [interventions, "V"],
      [incidents, "X"],
    ] as const) {
      for (const value of set) expect(value).toMatch(new RegExp(`^${prefix}[0-9a-f]{16}$`));
    }
  });

  it("holds a response only of an intervention shared with the programme, as other agencies see it", async () => {
    const responses = (visibility: "agency" | "programme") =>
      demo.db
        .select({ n: sql<number>`count(*)::int` })
        .from(interventionParticipant)
        .innerJoin(intervention, eq(intervention.id, interventionParticipant.interventionId))
        .innerJoin(individual, eq(individual.id, interventionParticipant.individualId))
        .where(
          and(
            eq(intervention.visibility, visibility),
            eq(individual.registrationStatus, "approved"),
            isNotNull(interventionParticipant.response),
          ),
        );
    const [[kept], [private_]] = await Promise.all([responses("programme"), responses("agency")]);
    // The demo has responses to interventions kept to their agency: they are left out.
    expect(private_!.n).toBeGreaterThan(0);
    const shown = column(extract, "participants.csv", "response").filter((r) => r !== "");
    expect(shown).toHaveLength(kept!.n);
  });

  it("gives the same records other pseudonyms in another extract", async () => {
    const again = await downloadExtract(demo.db, manager);
    const first = new Set(column(extract, "people.csv", "person"));
    const second = column(again, "people.csv", "person");
    expect(second.length).toBe(first.size);
    expect(second.filter((p) => first.has(p))).toEqual([]);
    // The rest is the same: the same people, by what the file says of them.
    const withoutIds = (files: ExtractFiles) =>
      files.tables
        .get("people.csv")!
        .rows.map((row) => row.slice(1).join(","))
        .sort();
    expect(withoutIds(again)).toEqual(withoutIds(extract));
  });

  it("leaves out a protected person's district, and that of an incident they were a party to", () => {
    const table = extract.tables.get("people.csv")!;
    const birthYear = table.header.indexOf("birth_year");
    const hidden = table.rows.filter((row) => row[birthYear] === "2005");
    expect(hidden.length).toBeGreaterThan(0);
    const district = (file: string) => column(extract, file, "district");
    expect(district("people.csv")).not.toContain(protectedDistrict);
    expect(district("incidents.csv")).not.toContain(`Incidentby ${tag}`);
    // Districts are there for everyone else.
    expect(district("people.csv").filter((d) => d !== "").length).toBeGreaterThan(10);
    expect(district("incidents.csv").filter((d) => d !== "").length).toBeGreaterThan(10);
  });

  it("holds birth years, never dates of birth, and says who was a minor at registration", async () => {
    const years = column(extract, "people.csv", "birth_year");
    for (const year of years) expect(year).toMatch(/^(\d{4})?$/);
    const minors = column(extract, "people.csv", "minor_at_registration");
    expect(new Set(minors)).toContain("true");
    const table = extract.tables.get("people.csv")!;
    const born2005 = table.rows.filter((row) => row[table.header.indexOf("birth_year")] === "2005");
    expect(born2005.map((row) => row[table.header.indexOf("minor_at_registration")])).toContain(
      "true",
    );
    const births = await demo.db
      .select({ day: individual.dateOfBirth })
      .from(individual)
      .where(sql`${individual.dateOfBirth} is not null`);
    const cells = table.rows.flat();
    for (const { day } of births) expect(cells).not.toContain(day);
  });
});

describe("the extract's period", () => {
  it("holds the interventions, participants, outcomes and incidents of the period only", async () => {
    const period = await downloadExtract(demo.db, manager, {
      from: "2020-01-01",
      to: "2020-03-31",
    });
    for (const day of column(period, "interventions.csv", "occurred")) {
      expect(day >= "2020-01-01" && day <= "2020-03-31", day).toBe(true);
    }
    for (const file of ["outcomes.csv", "incidents.csv"]) {
      for (const day of column(period, file, "occurred")) {
        expect(day >= "2020-01-01" && day <= "2020-03-31", `${file} ${day}`).toBe(true);
      }
    }
    const [inPeriod] = await demo.db
      .select({ n: sql<number>`count(*)::int` })
      .from(intervention)
      .where(
        sql`${intervention.occurredAt} >= '2020-01-01T00:00:00+01:00' and ${intervention.occurredAt} < '2020-04-01T00:00:00+02:00'`,
      );
    expect(period.tables.get("interventions.csv")!.rows.length).toBe(inPeriod!.n);
    const interventions = new Set(column(period, "interventions.csv", "intervention"));
    for (const v of column(period, "participants.csv", "intervention")) {
      expect(interventions.has(v)).toBe(true);
    }
    // People, groups and conflicts are all there, whatever the period.
    expect(period.tables.get("people.csv")!.rows.length).toBe(
      extract.tables.get("people.csv")!.rows.length,
    );
    expect(period.readme).toContain("from 2020-01-01 to 2020-03-31");
  });

  it("is in the access log with its filters and each file's rows", async () => {
    const before = await demo.db
      .select({ id: accessLog.id })
      .from(accessLog)
      .where(eq(accessLog.entityId, "evaluatorsExtract"));
    const made = await downloadExtract(demo.db, manager, { from: "2019-01-01" });
    const rows = await demo.db
      .select()
      .from(accessLog)
      .where(
        and(
          eq(accessLog.entityId, "evaluatorsExtract"),
          before.length > 0 ? sql`${accessLog.id} not in ${before.map((b) => b.id)}` : undefined,
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "export",
      entityType: "report",
      detail: {
        audience: "evaluators",
        filters: { from: "2019-01-01" },
        rows: { "people.csv": made.tables.get("people.csv")!.rows.length },
      },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// No text of the register in any cell.

/** Tables that hold no case content (the log, sessions, settings): their text is not the register's. */
const NOT_CASE_TABLES = [
  "access_log",
  "platform_setting",
  "revoked_session",
  "sign_in_throttle",
  "totp_credential",
];

/**
 * Every text the database holds on people, groups, conflicts, interventions, incidents, notes,
 * referrals, tasks, flags, users and agencies: every value of every text or text-array column of
 * every case table, read from the catalog so that a column added later is searched too.
 */
async function everyText(): Promise<{ values: Set<string>; columns: string[] }> {
  const columns = await demo.ownerDb.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and (data_type = 'text' or (data_type = 'ARRAY' and udt_name = '_text'))
    order by table_name, column_name`);
  const values = new Set<string>();
  const searched: string[] = [];
  for (const { table_name, column_name } of columns) {
    if (NOT_CASE_TABLES.includes(table_name)) continue;
    searched.push(`${table_name}.${column_name}`);
    const rows = await demo.ownerDb.execute<{ value: string }>(
      sql`select distinct unnest(array[${sql.identifier(column_name)}]::text[]) as value
          from ${sql.identifier(table_name)} where ${sql.identifier(column_name)} is not null`,
    );
    for (const { value } of rows) {
      if (value === null) continue;
      // An array column comes back as its text ({a,b}); unnest it again.
      const parts = value.startsWith("{") && value.endsWith("}") ? parseArray(value) : [value];
      for (const part of parts) if (part.trim() !== "") values.add(part.trim());
    }
  }
  return { values, columns: searched };
}

/** A PostgreSQL text array's elements, from its text form. */
function parseArray(text: string): string[] {
  const inner = text.slice(1, -1);
  if (inner === "") return [];
  return [...inner.matchAll(/"((?:[^"\\]|\\.)*)"|([^,]+)/g)].map((m) =>
    m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]!,
  );
}

/** The districts people and incidents are in: what the district columns may hold. */
async function districts(): Promise<Set<string>> {
  const people = await demo.db.selectDistinct({ d: individual.district }).from(individual);
  const places = await demo.db.selectDistinct({ d: incident.district }).from(incident);
  return new Set([...people, ...places].map((r) => r.d));
}

/**
 * Where a text of the register appears in the extract: a cell equal to it (any length, case
 * aside), or holding it (four characters or more). A district column holds a district (a value
 * the register's districts have, or nothing) and is not searched otherwise: districts are meant
 * to be there.
 */
function findTexts(files: ExtractFiles, texts: Set<string>, allowedDistricts: Set<string>) {
  const found: string[] = [];
  const long = [...texts].filter((t) => t.length >= 4).map((t) => t.toLowerCase());
  const exact = new Set([...texts].map((t) => t.toLowerCase()));
  for (const [name, table] of files.tables) {
    table.header.forEach((header, index) => {
      for (const row of table.rows) {
        const cell = row[index]!;
        if (header === "district") {
          if (cell !== "" && !allowedDistricts.has(cell)) found.push(`${name} ${header}: ${cell}`);
          continue;
        }
        const lower = cell.toLowerCase();
        if (exact.has(lower)) found.push(`${name} ${header}: ${cell}`);
        else {
          const within = long.find((t) => lower.includes(t));
          if (within) found.push(`${name} ${header}: ${cell} holds ${within}`);
        }
      }
    });
  }
  return found;
}

describe("the extract holds no text of the register", () => {
  it("has no name, alias, identity number, note or other typed text in any cell", async () => {
    const { values, columns } = await everyText();
    // The search covers what identifies a person, and every free text.
    for (const needed of [
      "individual.given_name",
      "individual.family_name",
      "individual.aliases",
      "individual.national_id",
      "individual.registration_reason",
      "individual.current_location",
      "group.name",
      "group.aliases",
      "group.area",
      "group_membership.source",
      "conflict.title",
      "conflict_party.side",
      "intervention.summary",
      "intervention.message",
      "intervention.result",
      "intervention_speaker.name",
      "intervention_speaker.role",
      "incident.summary",
      "outcome.note",
      "note.body",
      "user.name",
      "user.email",
      "agency.name",
    ]) {
      expect(columns).toContain(needed);
    }
    const [withId] = await demo.db
      .select({ n: sql<number>`count(*)::int` })
      .from(individual)
      .where(sql`${individual.nationalId} is not null`);
    expect(withId!.n).toBeGreaterThan(0);
    expect(values).toContain(secretPlace);
    expect(values.size).toBeGreaterThan(500);
    // No id of the register either.
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const table of extract.tables.values()) {
      expect(table.rows.flat().filter((cell) => uuid.test(cell))).toEqual([]);
    }
    expect(findTexts(extract, values, await districts())).toEqual([]);
  });

  it("would find a name, an alias or a note planted in any cell (the search can fail)", async () => {
    const { values } = await everyText();
    const allowed = await districts();
    const [someone] = await demo.db
      .select({ familyName: individual.familyName, aliases: individual.aliases })
      .from(individual)
      .where(sql`cardinality(${individual.aliases}) > 0`)
      .limit(1);
    const [note] = await demo.db.execute<{ body: string }>(sql`select body from note limit 1`);
    const plant = (file: string, header: string, text: string) => {
      const copy: ExtractFiles = {
        ...extract,
        tables: new Map(
          [...extract.tables].map(([name, t]) => [
            name,
            { header: t.header, rows: t.rows.map((row) => [...row]) },
          ]),
        ),
      };
      const table = copy.tables.get(file)!;
      table.rows[0]![table.header.indexOf(header)] = text;
      return findTexts(copy, values, allowed);
    };
    expect(plant("interventions.csv", "status", someone!.familyName)).toHaveLength(1);
    expect(plant("people.csv", "category", `aka ${someone!.aliases[0]}!`)).toHaveLength(1);
    expect(plant("outcomes.csv", "kind", note!.body)).toHaveLength(1);
    expect(plant("people.csv", "district", secretPlace)).toHaveLength(1);
    expect(plant("incidents.csv", "district", pendingName)).toHaveLength(1);
  });
});
