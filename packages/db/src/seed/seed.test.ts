import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDb, type Db } from "../client";
import { migrationsFolder, runMigrations } from "../migrate";
import { startPgServer, type PgServer } from "../testing/pg-server";
import {
  buildDemoData,
  DEMO_PASSWORD_HASH,
  DEMO_PROGRAMME_STARTED_ON,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  seedDemo,
} from "./index";

let server: PgServer;
let db: Db;
let firstRun: { seeded: boolean };

beforeAll(async () => {
  server = await startPgServer({ database: "truce_seed" });
  await runMigrations(server.url);
  db = createDb(server.url);
  firstRun = await seedDemo(db);
});

afterAll(async () => {
  await db?.close();
  await server?.stop();
});

/** The single number a figure's SQL returns. */
async function figure(query: ReturnType<typeof sql>): Promise<number> {
  const rows = await db.execute<{ n: number }>(query);
  return Number(rows[0]?.n);
}

const TABLES = [
  "agency",
  "user",
  "membership",
  "individual",
  "assignment",
  "group",
  "group_membership",
  "alliance",
  "conflict",
  "conflict_party",
  "conflict_change",
  "incident",
  "incident_party",
  "intervention",
  "intervention_participant",
  "intervention_agency",
  "intervention_speaker",
  "referral",
  "referral_event",
  "consent",
  "outcome",
  "note",
  "task",
  "flag",
  "access_log",
  "platform_setting",
  "totp_credential",
];

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    counts[table] = await figure(sql`select count(*)::int as n from ${sql.identifier(table)}`);
  }
  return counts;
}

describe("the demo seed", () => {
  it("seeds an empty database", () => {
    expect(firstRun).toEqual({ seeded: true });
  });

  it("has 65, 47 and 34 shootings in 2017, 2018 and 2019", async () => {
    const perYear = await db.execute<{ year: number; n: number }>(sql`
      select extract(year from occurred_at at time zone 'UTC')::int as year, count(*)::int as n
      from incident where kind = 'shooting' group by 1 order by 1`);
    expect(perYear.map((r) => [r.year, r.n])).toEqual([
      [2017, 65],
      [2018, 47],
      [2019, 34],
      [2020, 4],
    ]);
  });

  it("has 4 shootings from 1 January to 19 May 2020 and none after", async () => {
    expect(
      await figure(sql`
      select count(*)::int as n from incident
      where kind = 'shooting' and occurred_at >= '2020-01-01' and occurred_at < '2020-05-20'`),
    ).toBe(4);
    expect(
      await figure(sql`
      select count(*)::int as n from incident where kind = 'shooting' and occurred_at >= '2020-05-20'`),
    ).toBe(0);
  });

  it("has 30 people who took steps to leave in the months before 19 May 2020", async () => {
    expect(
      await figure(sql`
      select count(distinct individual_id)::int as n from outcome
      where kind = 'took_steps_to_leave' and occurred_at between '2019-11-01' and '2020-05-19'`),
    ).toBe(30);
    // Nobody else, at any date: a wider window gives the same figure.
    expect(
      await figure(sql`
      select count(distinct individual_id)::int as n from outcome where kind = 'took_steps_to_leave'`),
    ).toBe(30);
  });

  it.each([
    ["relocated", "relocated"],
    ["changed their situation at home", "changed_situation_at_home"],
  ])("has 12 of those 30 who %s, and no one else", async (_, kind) => {
    expect(
      await figure(sql`
      select count(distinct o.individual_id)::int as n from outcome o
      where o.kind = ${kind} and o.occurred_at between '2019-11-01' and '2020-05-19'
        and o.individual_id in (
          select individual_id from outcome
          where kind = 'took_steps_to_leave' and occurred_at between '2019-11-01' and '2020-05-19')`),
    ).toBe(12);
    expect(
      await figure(sql`
      select count(distinct individual_id)::int as n from outcome where kind = ${kind}`),
    ).toBe(12);
  });

  it("gives every conflict a history that starts when it was recorded and ends at its status and risk now", async () => {
    const rows = await db.execute<{
      n: number;
      first: boolean;
      last: boolean;
      chained: boolean;
    }>(sql`
      select count(h.*)::int as n,
        bool_and(h.previous_status is null) filter (where h.rank = 1) as first,
        bool_and(h.status = c.status and h.risk_level = c.risk_level) filter (where h.rank = h.total) as last,
        bool_and(h.previous_status = h.before_status and h.previous_risk_level = h.before_risk) filter (where h.rank > 1) as chained
      from conflict c join (
        select *, row_number() over w as rank, count(*) over (partition by conflict_id) as total,
          lag(status) over w as before_status, lag(risk_level) over w as before_risk
        from conflict_change window w as (partition by conflict_id order by changed_at)
      ) h on h.conflict_id = c.id
      group by c.id`);
    expect(rows.length).toBe(await figure(sql`select count(*)::int as n from conflict`));
    for (const row of rows) {
      expect(row.first).toBe(true);
      expect(row.last).toBe(true);
      expect(row.chained ?? true).toBe(true);
    }
    expect(rows.some((row) => row.n > 2)).toBe(true);
  });

  it("keeps the relocated and the changed-at-home apart (12 + 12 of the 30)", async () => {
    expect(
      await figure(sql`
      select count(distinct individual_id)::int as n from outcome
      where kind in ('relocated', 'changed_situation_at_home')`),
    ).toBe(24);
  });

  it("has 12 trials or prosecutions in spring 2020 and none other that year", async () => {
    expect(
      await figure(sql`
      select count(*)::int as n from intervention
      where kind = 'enforcement' and enforcement_kind in ('trial', 'prosecution') and status = 'done'
        and occurred_at >= '2020-03-01' and occurred_at < '2020-05-20'`),
    ).toBe(12);
    expect(
      await figure(sql`
      select count(*)::int as n from intervention
      where enforcement_kind in ('trial', 'prosecution') and occurred_at >= '2020-01-01'`),
    ).toBe(12);
  });

  it("creates every demo user with the expected memberships", async () => {
    const rows = await db.execute<{
      email: string;
      disabled: boolean;
      roles: string[];
      memberships: string[];
    }>(sql`
      select u.email, u.disabled, u.platform_roles::text[] as roles,
        coalesce(array_agg(a.kind || ':' || m.role order by a.kind::text) filter (where m.id is not null), '{}') as memberships
      from "user" u left join membership m on m.user_id = u.id left join agency a on a.id = m.agency_id
      group by u.id order by u.email`);
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(Object.keys(byEmail).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    const expected: Record<string, string[]> = {
      "police.staff@truce.example": ["police:staff"],
      "police.manager@truce.example": ["police:manager"],
      "social.staff@truce.example": ["social_services:staff"],
      "social.manager@truce.example": ["social_services:manager"],
      "exit.staff@truce.example": ["exit_programme:staff"],
      "exit.manager@truce.example": ["exit_programme:manager"],
      "probation.staff@truce.example": ["probation:staff"],
      "probation.manager@truce.example": ["probation:manager"],
      "agency.admin@truce.example": ["police:agency_admin"],
      "platform.admin@truce.example": [],
      "auditor@truce.example": [],
      "coordinator@truce.example": ["exit_programme:staff", "social_services:staff"],
      "disabled@truce.example": ["social_services:staff"],
    };
    for (const [email, memberships] of Object.entries(expected)) {
      expect(byEmail[email]?.memberships, email).toEqual(memberships);
    }
    expect(byEmail["platform.admin@truce.example"]?.roles).toEqual(["platform_admin"]);
    expect(byEmail["auditor@truce.example"]?.roles).toEqual(["auditor"]);
    expect(rows.filter((r) => r.disabled).map((r) => r.email)).toEqual(["disabled@truce.example"]);
  });

  it("turns both two-factor requirements off and enrols only the exit manager, with the committed secret", async () => {
    const settings = await db.execute<Record<string, boolean>>(sql`
      select mfa_required_for_admins as admins, mfa_required_for_everyone as everyone
      from platform_setting`);
    expect([...settings]).toEqual([{ admins: false, everyone: false }]);
    const enrolled = await db.execute<{ email: string; secret: string }>(sql`
      select u.email, t.secret from totp_credential t join "user" u on u.id = t.user_id
      where t.confirmed_at is not null`);
    expect([...enrolled]).toEqual([
      { email: "exit.manager@truce.example", secret: DEMO_TOTP_SECRET },
    ]);
  });

  it("includes pending registrations, minors and protected locations, registered by every agency", async () => {
    const [row] = await db.execute<Record<string, number>>(sql`
      select count(*)::int as total,
        count(*) filter (where registration_status = 'pending')::int as pending,
        count(*) filter (where date_of_birth > current_date - interval '18 years')::int as minors,
        count(*) filter (where protected_location)::int as protected,
        count(distinct registering_agency_id)::int as agencies
      from individual`);
    expect(row?.total).toBeGreaterThanOrEqual(120);
    expect(row?.total).toBeLessThanOrEqual(200);
    expect(row?.pending).toBeGreaterThan(0);
    expect(row?.minors).toBeGreaterThan(0);
    expect(row?.protected).toBeGreaterThan(0);
    expect(row?.agencies).toBe(4);
  });

  it("records consent for everyone who consented on a referral still standing, one record in force each", async () => {
    const [row] = await db.execute<Record<string, number>>(sql`
      select
        (select count(*)::int from consent) as records,
        (select count(*)::int from consent where withdrawn_at is null and decision = 'given') as given,
        (select count(distinct individual_id)::int from referral
          where consent and status not in ('withdrawn', 'declined')) as consented`);
    expect(row?.records).toBeGreaterThan(0);
    expect(row?.given).toBe(row?.records);
    expect(row?.records).toBe(row?.consented);
    // Social services share a note with the programme only about someone who consented.
    expect(
      await figure(sql`
      select count(*)::int as n from note n join agency a on a.id = n.author_agency_id
      where a.kind = 'social_services' and n.visibility = 'programme'
        and not exists (select 1 from consent c where c.individual_id = n.individual_id
          and c.decision = 'given' and c.withdrawn_at is null)`),
    ).toBe(0);
  });

  it("derives from the referrals, by migration 0004, exactly the consent records the seed writes", async () => {
    const migration = readFileSync(
      join(migrationsFolder, "0004_consent_from_referrals.sql"),
      "utf8",
    );
    const records = sql`select individual_id, decision, decided_on::text, recorded_by_id,
        recorded_by_agency_id, created_at, created_by_id
      from consent order by individual_id`;
    const seeded = [...(await db.execute(records))];
    class Rollback extends Error {}
    let derived: unknown[] = [];
    let fromWithdrawnOrDeclined = -1;
    await db
      .transaction(async (tx) => {
        // Someone without consent, whose consent stood on referrals later withdrawn or declined.
        const [nobody] = await tx.execute<{ id: string }>(sql`
          select id from individual where id not in (select individual_id from consent) limit 1`);
        await tx.execute(sql`
          insert into referral (individual_id, from_agency_id, to_agency_id, service, status,
            consent, consent_on, created_by_id)
          select ${nobody!.id}, r.from_agency_id, r.to_agency_id, r.service, s.status::referral_status,
            true, '2020-01-10', r.created_by_id
          from (select * from referral limit 1) r, (values ('withdrawn'), ('declined')) s(status)`);
        await tx.execute(sql`delete from consent`);
        for (const statement of migration.split("--> statement-breakpoint")) {
          await tx.execute(sql.raw(statement));
        }
        derived = [...(await tx.execute(records))];
        const [row] = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from consent where individual_id = ${nobody!.id}`,
        );
        fromWithdrawnOrDeclined = row!.n;
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(derived).toEqual(seeded);
    expect(fromWithdrawnOrDeclined).toBe(0);
  });

  it("has a social-services intervention shared with the programme about several people, only some of whom consented", async () => {
    expect(
      await figure(sql`
      select count(*)::int as n from intervention i join agency a on a.id = i.lead_agency_id
      where a.kind = 'social_services' and i.visibility = 'programme'
        and exists (select 1 from intervention_participant p join consent c
          on c.individual_id = p.individual_id and c.withdrawn_at is null and c.decision = 'given'
          where p.intervention_id = i.id)
        and exists (select 1 from intervention_participant p where p.intervention_id = i.id
          and not exists (select 1 from consent c where c.individual_id = p.individual_id
            and c.withdrawn_at is null and c.decision = 'given'))`),
    ).toBeGreaterThan(0);
  });

  it("gives a demo database seeded before the platform settings the demo's settings", async () => {
    await db.execute(sql`delete from totp_credential`);
    await db.execute(sql`delete from platform_setting`);
    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(
      await figure(sql`select count(*)::int as n from platform_setting
      where not mfa_required_for_admins and not mfa_required_for_everyone`),
    ).toBe(1);
    expect(await figure(sql`select count(*)::int as n from totp_credential`)).toBe(1);
  });

  it("sets the programme's start date, and gives it to a demo database seeded before the setting", async () => {
    const startedOn = () =>
      figure(sql`select count(*)::int as n from platform_setting
        where programme_started_on = ${DEMO_PROGRAMME_STARTED_ON}::date`);
    expect(await startedOn()).toBe(1);
    await db.execute(sql`update platform_setting set programme_started_on = null`);
    expect(await startedOn()).toBe(0);
    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await startedOn()).toBe(1);
  });

  it("leaves a database without the demo users' password alone: a real server requires two-factor sign-in", async () => {
    await db.execute(sql`delete from platform_setting`);
    await db.execute(
      sql`update "user" set password_hash = 'changed' where email = 'auditor@truce.example'`,
    );
    try {
      await seedDemo(db);
      expect(await figure(sql`select count(*)::int as n from platform_setting`)).toBe(0);
    } finally {
      await db.execute(
        sql`update "user" set password_hash = ${DEMO_PASSWORD_HASH} where email = 'auditor@truce.example'`,
      );
      await seedDemo(db);
    }
    expect(await figure(sql`select count(*)::int as n from platform_setting`)).toBe(1);
  });

  it("is idempotent: a second run does nothing", async () => {
    const before = await countAll();
    expect(await seedDemo(db)).toEqual({ seeded: false });
    expect(await countAll()).toEqual(before);
  });

  it("builds the same data on every run", () => {
    expect(JSON.stringify(buildDemoData())).toBe(JSON.stringify(buildDemoData()));
  });
});
