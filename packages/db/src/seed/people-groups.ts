import type { alliance, assignment, group, groupMembership, individual } from "../schema";
import {
  CASE_AGENCIES,
  MANAGER_OF,
  STAFF_OF,
  type CaseAgencyKey,
  type Organisation,
  type UserKey,
} from "./agencies-users";
import type { Row } from "./insert";
import { ALLIANCES, DISTRICTS, FAMILY_NAMES, GIVEN_NAMES, GROUPS } from "./names";
import { addDays, atHour, createRandom, dayBetween, idStream } from "./random";

export const INDIVIDUAL_COUNT = 160;
const PENDING_COUNT = 10;
const MINOR_COUNT = 12;

/** The part a person plays in the demo's story; it decides their status and outcomes. */
export type StoryRole =
  /** Took steps to leave in the months before 19 May 2020, then moved away. */
  | "leaver_relocated"
  /** Took steps to leave, then changed their situation at home. */
  | "leaver_home"
  /** Took steps to leave, nothing further yet. */
  | "leaver"
  | "incarcerated"
  | "deceased"
  | "pending"
  | "other";

export interface Person {
  id: string;
  agency: CaseAgencyKey;
  category: Row<typeof individual>["category"];
  role: StoryRole;
  minor: boolean;
  registeredOn: string;
  district: string;
  /** Index into GROUPS of the person's current group, if any. */
  groupIndex: number | null;
  /** The staff member who owns the person's case in the registering agency. */
  owner: UserKey;
  /** For leavers: when they took steps to leave, and when they moved or changed things at home. */
  exit: { tookStepsOn: string; followUpOn: string | null } | null;
}

export interface People {
  persons: Person[];
  individuals: Row<typeof individual>[];
  assignments: Row<typeof assignment>[];
  groups: Row<typeof group>[];
  groupIds: string[];
  groupMemberships: Row<typeof groupMembership>[];
  alliances: Row<typeof alliance>[];
}

const LEAVERS = { leaver_relocated: 12, leaver_home: 12, leaver: 6 } as const;

function registeringAgency(random: ReturnType<typeof createRandom>): CaseAgencyKey {
  const r = random.next();
  return r < 0.45 ? "police" : r < 0.67 ? "social" : r < 0.84 ? "exit" : "probation";
}

function category(
  random: ReturnType<typeof createRandom>,
  agency: CaseAgencyKey,
): Person["category"] {
  const r = random.next();
  if (agency === "police" || agency === "probation") {
    return r < 0.75 ? "group_member" : r < 0.88 ? "associate" : r < 0.95 ? "victim" : "witness";
  }
  return r < 0.5 ? "group_member" : r < 0.75 ? "associate" : r < 0.9 ? "victim" : "witness";
}

const REASONS: Record<Person["category"], readonly string[]> = {
  group_member: [
    "Identified as a member of a violent group in two independent police reports.",
    "Suspected in a shooting linked to an ongoing group conflict.",
    "Seen carrying a firearm with known group members; confirmed by intelligence review.",
    "Convicted of a weapons offence committed for a violent group.",
  ],
  associate: [
    "Repeatedly present at group meetings; supplies vehicles to group members.",
    "Close associate of a core group member; stores items for the group.",
  ],
  victim: [
    "Injured in a shooting linked to a group conflict; risk of retaliation.",
    "Threatened by a violent group after a debt dispute.",
  ],
  witness: ["Witness to a shooting linked to a group conflict; under threat."],
};

const RELOCATION_PLACES = ["Sunnvik", "Östra Bergby", "Lillå", "Norrvången", "Skogsby"] as const;

export function buildPeople(org: Organisation): People {
  const random = createRandom("people");
  const nextIndividualId = idStream("individual");
  const nextGroupId = idStream("group");
  const nextGroupMembershipId = idStream("group_membership");
  const nextAllianceId = idStream("alliance");
  const nextAssignmentId = idStream("assignment");

  const groupIds = GROUPS.map(() => nextGroupId());
  const activeGroups = GROUPS.map((g, i) => (g.status === "dissolved" ? -1 : i)).filter(
    (i) => i >= 0,
  );

  // Who is who: categories and agencies first, then the story roles among them.
  const persons: Person[] = Array.from({ length: INDIVIDUAL_COUNT }, () => {
    const agency = registeringAgency(random);
    return {
      id: nextIndividualId(),
      agency,
      category: category(random, agency),
      role: "other" as StoryRole,
      minor: false,
      registeredOn: dayBetween(random, "2018-01-15", "2020-04-30"),
      district: random.pick(DISTRICTS),
      groupIndex: null,
      owner: random.pick(STAFF_OF[agency].slice(0, 2)),
      exit: null,
    };
  });
  const order = random.shuffle(persons);
  const pending = order.slice(0, PENDING_COUNT);
  const minors = order.slice(PENDING_COUNT - 2, PENDING_COUNT - 2 + MINOR_COUNT); // two are pending
  for (const p of pending) {
    p.role = "pending";
    p.registeredOn = dayBetween(random, "2026-10-12", "2026-11-20");
  }
  for (const p of minors) p.minor = true;
  const adults = order.filter((p) => !p.minor && p.role === "other");
  const groupAdults = adults.filter((p) => p.category === "group_member");
  let next = 0;
  for (const [role, count] of Object.entries(LEAVERS) as [StoryRole, number][]) {
    for (let i = 0; i < count; i++) {
      const p = groupAdults[next++] as Person;
      p.role = role;
      // Registered well before they were reached, talked to and took steps to leave,
      // all in the months before the programme's report of 19 May 2020.
      p.registeredOn = dayBetween(random, "2018-02-01", "2019-06-28");
      const tookStepsOn = dayBetween(
        random,
        "2019-11-04",
        role === "leaver" ? "2020-05-12" : "2020-03-31",
      );
      const followUpOn = role === "leaver" ? null : addDays(tookStepsOn, random.int(14, 45));
      p.exit = { tookStepsOn, followUpOn };
    }
  }
  for (const p of groupAdults.slice(next, next + 8)) p.role = "incarcerated";
  next += 8;
  for (const p of groupAdults.slice(next, next + 2)) p.role = "deceased";

  // Groups and who belongs to them (never a pending person: the programme cannot see them).
  const groupMemberships: People["groupMemberships"] = [];
  for (const p of persons) {
    if (p.role === "pending") continue;
    const inGroup =
      p.category === "group_member" || (p.category === "associate" && random.chance(0.5));
    if (!inGroup) continue;
    const g = random.pick(activeGroups);
    p.groupIndex = g;
    p.district = random.chance(0.7) ? (GROUPS[g]?.area ?? p.district) : p.district;
    const affiliation =
      p.category === "associate" ? "associate" : random.chance(0.25) ? "core" : "member";
    const fromOn = dayBetween(random, "2015-01-01", addDays(p.registeredOn, -30));
    if (random.chance(0.15)) {
      // An earlier group, left before joining the current one.
      const earlier = random.pick(GROUPS.map((_, i) => i).filter((i) => i !== g));
      groupMemberships.push({
        id: nextGroupMembershipId(),
        individualId: p.id,
        groupId: groupIds[earlier] as string,
        affiliation: "associate",
        fromOn: addDays(fromOn, -random.int(200, 700)),
        toOn: addDays(fromOn, -random.int(10, 90)),
        source: "Police intelligence report",
      });
    }
    groupMemberships.push({
      id: nextGroupMembershipId(),
      individualId: p.id,
      groupId: groupIds[g] as string,
      affiliation,
      fromOn,
      toOn: p.exit?.followUpOn ?? null,
      source: random.pick([
        "Police intelligence report",
        "Social services case file",
        "Own statement",
      ]),
    });
  }

  const individuals: People["individuals"] = persons.map((p, i) => {
    const created = atHour(p.registeredOn, 9 + (i % 8));
    const approved = p.role !== "pending";
    const relocated = p.role === "leaver_relocated";
    const protectedLocation = relocated ? i % 3 !== 0 : p.category === "witness" && i % 2 === 0;
    const born = p.minor
      ? dayBetween(random, "2009-01-01", "2011-06-30")
      : random.chance(0.85)
        ? dayBetween(random, "1984-01-01", "2002-12-31")
        : null;
    return {
      id: p.id,
      givenName: random.pick(GIVEN_NAMES),
      familyName: random.pick(FAMILY_NAMES),
      dateOfBirth: born,
      // Clearly not a real identity number.
      nationalId:
        born && random.chance(0.7)
          ? `DEMO-${born.replaceAll("-", "")}-${String(i).padStart(4, "0")}`
          : null,
      district: p.district,
      status: statusOf(p.role),
      riskLevel: riskOf(random, p),
      supervision: supervisionOf(random, p),
      registeringAgencyId: org.agencyId[p.agency],
      registrationReason: random.pick(REASONS[p.category]),
      category: p.category,
      registrationStatus: approved ? "approved" : "pending",
      approvedById: approved ? org.userId[MANAGER_OF[p.agency]] : null,
      approvedAt: approved ? atHour(addDays(p.registeredOn, random.int(1, 12)), 14) : null,
      reviewDue: approved
        ? dayBetween(random, "2026-08-01", "2027-10-29")
        : addDays(p.registeredOn, 365),
      protectedLocation,
      currentLocation: relocated
        ? `${random.pick(RELOCATION_PLACES)} (outside Malmvik)`
        : protectedLocation
          ? "Temporary address (protected)"
          : null,
      createdAt: created,
      updatedAt: created,
      createdById: org.userId[p.owner],
      updatedById: org.userId[p.owner],
    };
  });

  return {
    persons,
    individuals,
    assignments: buildAssignments(org, persons, nextAssignmentId),
    groups: GROUPS.map((g, i) => ({
      id: groupIds[i],
      name: g.name,
      aliases: g.aliases,
      area: g.area,
      status: g.status,
      description: `A violent group based in ${g.area}.`,
      createdAt: atHour("2018-01-10", 10),
      updatedAt: atHour("2018-01-10", 10),
      createdById: org.userId.policeStaff,
    })),
    groupIds,
    groupMemberships,
    alliances: ALLIANCES.map((a) => ({
      id: nextAllianceId(),
      groupAId: groupIds[a.groups[0]] as string,
      groupBId: groupIds[a.groups[1]] as string,
      fromOn: a.fromOn,
      toOn: a.toOn,
      note: a.toOn
        ? "Alliance ended after a dispute over debts."
        : "Members seen together; joint sales.",
      createdById: org.userId.policeStaff,
    })),
  };
}

function statusOf(role: StoryRole): Row<typeof individual>["status"] {
  switch (role) {
    case "leaver_relocated":
      return "relocated";
    case "leaver_home":
    case "leaver":
      return "in_exit_process";
    case "incarcerated":
      return "incarcerated";
    case "deceased":
      return "deceased";
    default:
      return "active";
  }
}

function riskOf(
  random: ReturnType<typeof createRandom>,
  p: Person,
): Row<typeof individual>["riskLevel"] {
  if (p.role.startsWith("leaver")) return random.pick(["medium", "high"] as const);
  if (p.category === "group_member")
    return random.pick(["medium", "high", "high", "critical"] as const);
  return random.pick(["low", "low", "medium"] as const);
}

function supervisionOf(
  random: ReturnType<typeof createRandom>,
  p: Person,
): Row<typeof individual>["supervision"] {
  if (p.role === "incarcerated") return "in_prison";
  if (p.agency === "probation")
    return random.pick(["probation", "probation", "conditional_release"] as const);
  if (p.category === "group_member" && random.chance(0.1)) return "in_custody";
  return "none";
}

/**
 * Each person's owner in the registering agency; the exit programme takes on every
 * leaver; some people are followed by a second agency; and each case worker has a few
 * cases assigned in the last weeks ("recently assigned to me").
 */
function buildAssignments(
  org: Organisation,
  persons: Person[],
  nextId: () => string,
): Row<typeof assignment>[] {
  const random = createRandom("assignments");
  const rows: Row<typeof assignment>[] = [];
  const taken = new Set<string>();
  const add = (
    p: Person,
    agency: CaseAgencyKey,
    user: UserKey,
    role: "owner" | "other",
    startedOn: string,
  ) => {
    const key = `${p.id}:${agency}:${role === "owner" ? "owner" : user}`;
    if (taken.has(key)) return;
    taken.add(key);
    rows.push({
      id: nextId(),
      individualId: p.id,
      agencyId: org.agencyId[agency],
      userId: org.userId[user],
      role,
      startedOn,
      createdById: org.userId[MANAGER_OF[agency]],
    });
  };
  for (const p of persons) {
    add(p, p.agency, p.owner, "owner", p.registeredOn);
    if (p.role === "pending") continue;
    if (p.role.startsWith("leaver") && p.agency !== "exit") {
      add(p, "exit", random.pick(["exitStaff", "coordinator"] as const), "owner", "2019-10-01");
    } else if (random.chance(0.3)) {
      const other = random.pick(CASE_AGENCIES.filter((a) => a !== p.agency));
      add(
        p,
        other,
        STAFF_OF[other][0] as UserKey,
        "other",
        addDays(p.registeredOn, random.int(10, 200)),
      );
    }
  }
  const approved = persons.filter((p) => p.role !== "pending" && p.role !== "deceased");
  for (const agency of CASE_AGENCIES) {
    for (const user of STAFF_OF[agency].slice(0, 2)) {
      for (const p of random.sample(approved, 3)) {
        add(p, agency, user, "other", dayBetween(random, "2026-11-02", "2026-11-20"));
      }
    }
  }
  return rows;
}
