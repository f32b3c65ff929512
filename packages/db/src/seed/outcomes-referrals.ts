import { REFERRAL_STATUSES } from "../enum-values";
import type { consent, outcome, referral, referralEvent } from "../schema";
import { recorderOf, type AgencyKey, type Organisation, type UserKey } from "./agencies-users";
import type { Row } from "./insert";
import type { Violence } from "./incidents";
import type { Work } from "./interventions";
import type { People, Person } from "./people-groups";
import { addDays, atHour, createRandom, dayBetween, idStream } from "./random";

type OutcomeKind = Row<typeof outcome>["kind"];

/**
 * Outcomes. The figures of 19 May 2020 come from the leavers alone: 30 people with
 * took_steps_to_leave (all between 2019-11-04 and 2020-05-12), 12 of them relocated and
 * 12 others changed_situation_at_home, within days of it. No one else in the seed has
 * any of those three outcomes, at any date.
 */
export function buildOutcomes(
  org: Organisation,
  people: People,
  violence: Violence,
  work: Work,
): Row<typeof outcome>[] {
  const random = createRandom("outcomes");
  const nextId = idStream("outcome");
  const rows: Row<typeof outcome>[] = [];
  const seen = new Set<string>();
  const add = (
    p: Person,
    kind: OutcomeKind,
    day: string,
    agency: AgencyKey,
    by: UserKey,
    note: string | null = null,
  ) => {
    const key = `${p.id}:${kind}:${day}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({
      id: nextId(),
      individualId: p.id,
      kind,
      occurredAt: day,
      recordingAgencyId: org.agencyId[agency],
      note,
      createdAt: atHour(day, 18),
      updatedAt: atHour(day, 18),
      createdById: org.userId[by],
    });
  };

  const leavers = people.persons.filter((p) => p.exit);
  for (const p of leavers) {
    const exit = p.exit as NonNullable<Person["exit"]>;
    add(
      p,
      "took_steps_to_leave",
      exit.tookStepsOn,
      "exit",
      "exitStaff",
      "Handed in his phone, cut contact with the group and signed the exit agreement.",
    );
    if (p.role === "leaver_relocated" && exit.followUpOn) {
      add(
        p,
        "relocated",
        exit.followUpOn,
        "exit",
        "exitStaff",
        "Moved to another municipality with help from the housing company.",
      );
    }
    if (p.role === "leaver_home" && exit.followUpOn) {
      add(
        p,
        "changed_situation_at_home",
        exit.followUpOn,
        "social",
        "socialStaff",
        "Moved back with family; family support started.",
      );
    }
  }
  for (const p of random.sample(
    leavers.filter((x) => x.role !== "leaver"),
    5,
  )) {
    add(
      p,
      "left_criminal_context",
      addDays(p.exit?.followUpOn ?? "2020-05-01", random.int(20, 60)),
      "exit",
      "exitStaff",
    );
  }
  for (const p of random.sample(leavers, 7).slice(0, 4)) {
    add(p, "employed", dayBetween(random, "2020-06-01", "2021-03-31"), "exit", "coordinator");
  }
  for (const p of random.sample(leavers, 3)) {
    add(p, "in_education", dayBetween(random, "2020-08-17", "2020-09-30"), "exit", "coordinator");
  }

  for (const { person, kind, day } of work.enforced) {
    if (kind === "arrest") add(person, "arrested", day, "police", "policeStaff");
    if (kind === "prosecution") add(person, "prosecuted", day, "police", "policeManager");
    if (kind === "sentence") {
      add(person, "convicted", day, "probation", "probationStaff");
      add(person, "imprisoned", addDays(day, random.int(7, 30)), "probation", "probationStaff");
    }
  }
  const reoffenders = people.persons.filter((p) => p.role === "other" && p.groupIndex !== null);
  for (const p of random.sample(reoffenders, 4)) {
    add(
      p,
      "reoffended",
      dayBetween(random, "2019-01-15", "2020-05-15"),
      "probation",
      "probationStaff",
    );
  }
  for (const { person, day, fatal } of violence.victimisations) {
    if (fatal) add(person, "deceased", day, "police", "policeStaff", "Died of gunshot wounds.");
    else if (random.chance(0.6)) add(person, "victim_of_violence", day, "police", "policeStaff");
  }
  return rows;
}

/** Referrals: every leaver to the exit programme, onwards to housing or family support, and others. */
export function buildReferrals(org: Organisation, people: People): Row<typeof referral>[] {
  const random = createRandom("referrals");
  const nextId = idStream("referral");
  const rows: Row<typeof referral>[] = [];
  const add = (
    p: Person,
    from: AgencyKey,
    to: AgencyKey,
    service: Row<typeof referral>["service"],
    status: Row<typeof referral>["status"],
    consentOn: string | null,
    day: string,
    by: UserKey,
  ) => {
    rows.push({
      id: nextId(),
      individualId: p.id,
      fromAgencyId: org.agencyId[from],
      toAgencyId: org.agencyId[to],
      service,
      status,
      consent: consentOn !== null,
      consentOn,
      note: consentOn ? "Consent to share recorded at the meeting." : null,
      createdAt: atHour(day, 15),
      updatedAt: atHour(day, 15),
      createdById: org.userId[by],
    });
  };

  for (const p of people.persons) {
    if (!p.exit) continue;
    const referredOn = addDays(p.exit.tookStepsOn, -random.int(1, 3));
    const from = p.agency === "exit" ? "social" : p.agency;
    add(
      p,
      from,
      "exit",
      "exit_programme",
      "in_progress",
      referredOn,
      referredOn,
      from === "police" ? "policeStaff" : from === "social" ? "socialStaff" : "probationStaff",
    );
    if (p.role === "leaver_relocated")
      add(
        p,
        "exit",
        "housing",
        "relocation",
        "completed",
        referredOn,
        p.exit.tookStepsOn,
        "exitStaff",
      );
    if (p.role === "leaver_home")
      add(
        p,
        "exit",
        "social",
        "family_support",
        "in_progress",
        referredOn,
        p.exit.tookStepsOn,
        "exitStaff",
      );
  }

  const others = people.persons.filter((p) => p.role === "other" && !p.minor);
  const routes = [
    ["police", "social", "family_support", "policeStaff"],
    ["probation", "exit", "exit_programme", "probationStaff"],
    ["social", "exit", "employment", "socialStaff"],
    ["police", "housing", "protection", "policeStaff"],
    ["social", "exit", "education", "coordinator"],
    ["probation", "social", "treatment", "probationStaff"],
  ] as const;
  for (const p of random.sample(others, 24)) {
    const [from, to, service, by] = random.pick(routes);
    const day = dayBetween(
      random,
      p.registeredOn < "2018-09-01" ? "2018-09-01" : p.registeredOn,
      "2020-05-15",
    );
    const status = random.pick(REFERRAL_STATUSES);
    const consented = status !== "declined" && status !== "withdrawn" && random.chance(0.8);
    add(p, from, to, service, status, consented ? day : null, day, by);
  }
  return rows;
}

type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** The steps that led a referral from sent to its status now, in order. */
const STEPS_TO: Record<ReferralStatus, readonly Exclude<ReferralStatus, "sent">[]> = {
  sent: [],
  accepted: ["accepted"],
  declined: ["declined"],
  in_progress: ["accepted", "in_progress"],
  completed: ["accepted", "in_progress", "completed"],
  withdrawn: ["withdrawn"],
};

/**
 * Each referral's steps after it was sent, the path to its status now: taken by the receiving
 * agency's staff (a decline with its reason), a withdrawal by the sender's; a few days apart.
 */
export function buildReferralEvents(
  org: Organisation,
  referrals: ReadonlyArray<Row<typeof referral>>,
): Row<typeof referralEvent>[] {
  const random = createRandom("referral-events");
  const nextId = idStream("referral_event");
  const keyOf = new Map(
    (Object.entries(org.agencyId) as [AgencyKey, string][]).map(([key, id]) => [id, key]),
  );
  const rows: Row<typeof referralEvent>[] = [];
  for (const r of referrals) {
    let day = (r.createdAt ?? new Date()).toISOString().slice(0, 10);
    for (const status of STEPS_TO[r.status ?? "sent"]) {
      day = addDays(day, random.int(1, 6));
      const byAgency = status === "withdrawn" ? r.fromAgencyId : r.toAgencyId;
      rows.push({
        id: nextId(),
        referralId: r.id!,
        status,
        reason:
          status === "declined"
            ? "No place in the programme this term."
            : status === "withdrawn"
              ? "The person moved out of the area."
              : null,
        changedById:
          status === "withdrawn" && r.createdById
            ? r.createdById
            : recorderOf(org, keyOf.get(byAgency)!),
        changedByAgencyId: byAgency,
        changedAt: atHour(day, 11),
      });
    }
  }
  return rows;
}

/**
 * The consent records the referrals imply, derived exactly as the migration
 * 0004_consent_from_referrals derives them from a database seeded before consent had its own
 * table: a referral with consent counts unless it was withdrawn or declined; a person gets one
 * record in force, from their latest such referral, recorded by whoever wrote that referral,
 * as the referring agency.
 */
export function buildConsents(
  referrals: ReadonlyArray<Row<typeof referral>>,
): Row<typeof consent>[] {
  const nextId = idStream("consent");
  type Source = { referral: Row<typeof referral>; decidedOn: string; recorder: string };
  const latest = new Map<string, Source>();
  for (const r of referrals) {
    const recorder = r.createdById ?? r.updatedById;
    if (!r.consent || !r.consentOn || !recorder) continue;
    if (r.status === "withdrawn" || r.status === "declined") continue;
    const before = latest.get(r.individualId);
    if (!before || laterReferral(r, before.referral))
      latest.set(r.individualId, { referral: r, decidedOn: r.consentOn, recorder });
  }
  return [...latest.values()].map(({ referral: r, decidedOn, recorder }) => ({
    id: nextId(),
    individualId: r.individualId,
    decision: "given",
    decidedOn,
    recordedById: recorder,
    recordedByAgencyId: r.fromAgencyId,
    createdAt: r.createdAt,
    updatedAt: r.createdAt,
    createdById: recorder,
    updatedById: recorder,
  }));
}

/** The migration's order: the latest day of consent, then the latest written, then the id. */
function laterReferral(a: Row<typeof referral>, b: Row<typeof referral>): boolean {
  if (a.consentOn !== b.consentOn) return (a.consentOn ?? "") > (b.consentOn ?? "");
  const written = (r: Row<typeof referral>) => r.createdAt?.getTime() ?? 0;
  if (written(a) !== written(b)) return written(a) > written(b);
  return (a.id ?? "") > (b.id ?? "");
}
