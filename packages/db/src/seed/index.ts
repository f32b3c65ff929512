import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import * as s from "../schema";
import { buildOrganisation, DEMO_PASSWORD_HASH, DEMO_PROGRAMME_STARTED_ON } from "./agencies-users";
import { buildCaseWork } from "./case-work";
import { recordEnforcement } from "./enforcement";
import { buildViolence } from "./incidents";
import { insertAll } from "./insert";
import { createWorkLog, recordOutreach } from "./interventions";
import {
  buildConsents,
  buildOutcomes,
  buildReferralEvents,
  buildReferrals,
} from "./outcomes-referrals";
import { buildPeople } from "./people-groups";

export {
  DEMO_PASSWORD,
  DEMO_PASSWORD_HASH,
  DEMO_PROGRAMME_STARTED_ON,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
} from "./agencies-users";

/**
 * The demo programme, built in memory: the same rows (ids included) on every run, from
 * small seeded random streams, never Math.random or the clock.
 */
export function buildDemoData() {
  const org = buildOrganisation();
  const people = buildPeople(org);
  const violence = buildViolence(org, people);
  const deaths = new Map(
    violence.victimisations.filter((v) => v.fatal).map((v) => [v.person.id, v.day]),
  );
  const log = createWorkLog(org);
  recordOutreach(log, people, violence, deaths);
  recordEnforcement(log, people, violence, deaths);
  const work = log.work;
  const referrals = buildReferrals(org, people);
  return {
    org,
    people,
    violence,
    work,
    outcomes: buildOutcomes(org, people, violence, work),
    referrals,
    referralEvents: buildReferralEvents(org, referrals),
    consents: buildConsents(referrals),
    caseWork: buildCaseWork(org, people, violence, work),
  };
}

/** Whether the database is a demo's: it has the demo users, with the committed demo password hash. */
async function isDemo(tx: Tx, org: ReturnType<typeof buildOrganisation>) {
  const demoUsers = await tx
    .select({ id: s.user.id })
    .from(s.user)
    .where(
      and(
        inArray(
          s.user.id,
          org.users.map((u) => u.id!),
        ),
        eq(s.user.passwordHash, DEMO_PASSWORD_HASH),
      ),
    );
  return demoUsers.length === org.users.length;
}

/**
 * A demo database seeded before the platform settings existed (a developer's `.data/`) has
 * no settings row, which means "two-factor sign-in for everyone": every demo user would be
 * sent to set up an authenticator app. Recognised by the demo users with the committed demo
 * password hash (which no real server has), it gets the demo's settings and enrolled user.
 */
async function addSignInSettingsToOldDemo(tx: Tx) {
  const [settings] = await tx.select({ id: s.platformSetting.id }).from(s.platformSetting);
  if (settings) return;
  const org = buildOrganisation();
  if (!(await isDemo(tx, org))) return;
  await tx.insert(s.platformSetting).values(org.platformSetting);
  await tx.insert(s.totpCredential).values(org.totpCredentials).onConflictDoNothing();
}

/**
 * A demo database seeded before the programme's start date was a setting (before migration
 * 0013) has none, so its reports would mark no start. Recognised as above, it gets the demo's.
 */
async function addProgrammeStartToOldDemo(tx: Tx) {
  const org = buildOrganisation();
  if (!(await isDemo(tx, org))) return;
  await tx
    .update(s.platformSetting)
    .set({ programmeStartedOn: DEMO_PROGRAMME_STARTED_ON })
    .where(and(eq(s.platformSetting.id, 1), isNull(s.platformSetting.programmeStartedOn)));
}

/**
 * Seeds the demo programme into an empty database, in one transaction. Does nothing (and
 * says so) when any agency exists already, so it is safe to call on every start-up.
 */
export async function seedDemo(db: Db): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    // Two processes starting at once: the second waits here, then finds the agencies.
    await tx.execute(sql`lock table ${s.agency} in exclusive mode`);
    const existing = await tx.select({ id: s.agency.id }).from(s.agency).limit(1);
    if (existing.length > 0) {
      await addSignInSettingsToOldDemo(tx);
      await addProgrammeStartToOldDemo(tx);
      return { seeded: false };
    }

    const d = buildDemoData();
    await insertAll(tx, s.agency, d.org.agencies);
    await insertAll(tx, s.user, d.org.users);
    await insertAll(tx, s.membership, d.org.memberships);
    await insertAll(tx, s.totpCredential, d.org.totpCredentials);
    await tx.insert(s.platformSetting).values(d.org.platformSetting);
    await insertAll(tx, s.group, d.people.groups);
    await insertAll(tx, s.individual, d.people.individuals);
    await insertAll(tx, s.assignment, d.people.assignments);
    await insertAll(tx, s.groupMembership, d.people.groupMemberships);
    await insertAll(tx, s.alliance, d.people.alliances);
    await insertAll(tx, s.conflict, d.violence.conflicts);
    await insertAll(tx, s.conflictParty, d.violence.conflictParties);
    await insertAll(tx, s.conflictChange, d.violence.conflictChanges);
    await insertAll(tx, s.incident, d.violence.incidents);
    await insertAll(tx, s.incidentParty, d.violence.incidentParties);
    await insertAll(tx, s.intervention, d.work.interventions);
    await insertAll(tx, s.interventionParticipant, d.work.participants);
    await insertAll(tx, s.interventionAgency, d.work.agenciesPresent);
    await insertAll(tx, s.interventionSpeaker, d.work.speakers);
    await insertAll(tx, s.referral, d.referrals);
    await insertAll(tx, s.referralEvent, d.referralEvents);
    await insertAll(tx, s.consent, d.consents);
    await insertAll(tx, s.outcome, d.outcomes);
    await insertAll(tx, s.note, d.caseWork.notes);
    await insertAll(tx, s.task, d.caseWork.tasks);
    await insertAll(tx, s.flag, d.caseWork.flags);
    return { seeded: true };
  });
}
