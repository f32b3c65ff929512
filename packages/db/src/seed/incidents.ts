import type { conflict, conflictChange, conflictParty, incident, incidentParty } from "../schema";
import type { AgencyKey, Organisation } from "./agencies-users";
import type { Row } from "./insert";
import { CONFLICTS, DISTRICTS, GROUPS, type ConflictSpec } from "./names";
import type { People, Person } from "./people-groups";
import { atHour, createRandom, dayBetween, idStream, momentOn, type Random } from "./random";

/**
 * Shootings per year, as the programme reported them: 65, 47, 34, and 4 from 1 January
 * to 19 May 2020. No shooting in the seed falls outside these years or after that day.
 */
export const SHOOTINGS_PER_YEAR = { 2017: 65, 2018: 47, 2019: 34 } as const;
export const SHOOTINGS_2020 = { count: 4, from: "2020-01-02", to: "2020-05-15" } as const;

type Kind = Row<typeof incident>["kind"];

/** Other violence, per year; these never count as shootings. */
const OTHER_PER_YEAR: ReadonlyArray<[Exclude<Kind, "shooting">, number]> = [
  ["attempted_shooting", 10],
  ["explosion", 4],
  ["stabbing", 6],
  ["assault", 6],
  ["threat", 5],
];

const SUMMARIES: Record<Kind, readonly string[]> = {
  shooting: [
    "Shots fired at a group of young men outside a corner shop.",
    "Shots fired into a stairwell; cartridge cases found on the pavement.",
    "A man shot in the leg in a car park; the shooter left on a scooter.",
    "Shots fired at a parked car; the occupants fled on foot.",
  ],
  attempted_shooting: [
    "A firearm pointed at a man who ran into a shop; the weapon jammed.",
    "A loaded pistol found on a man seen hunting a rival.",
  ],
  explosion: [
    "A hand grenade exploded at an entrance door at night.",
    "An explosive charge damaged a car.",
  ],
  stabbing: ["A man stabbed in a fight between two groups at a bus stop."],
  assault: [
    "A young man beaten by several men over a debt.",
    "An assault at a party, filmed and posted online.",
  ],
  threat: [
    "Threats made against a witness and his family.",
    "A threat posted online against a rival group.",
  ],
};

export interface Violence {
  conflicts: Row<typeof conflict>[];
  conflictIds: string[];
  conflictParties: Row<typeof conflictParty>[];
  /** Each conflict's history of status and risk: its first state, then each change. */
  conflictChanges: Row<typeof conflictChange>[];
  incidents: Row<typeof incident>[];
  incidentParties: Row<typeof incidentParty>[];
  /** Shootings a group was party to, oldest first: the triggers of its enforcement ledger. */
  shootingsOfGroup: Map<number, Array<{ id: string; day: string }>>;
  /** Individuals who were victims of an incident, and when. */
  victimisations: Array<{ person: Person; day: string; fatal: boolean }>;
}

export function buildViolence(org: Organisation, people: People): Violence {
  const random = createRandom("violence");
  const nextConflictId = idStream("conflict");
  const nextConflictPartyId = idStream("conflict_party");
  const nextIncidentId = idStream("incident");
  const nextIncidentPartyId = idStream("incident_party");
  const author = org.userId.policeStaff;

  const membersOf = (g: number) =>
    people.persons.filter(
      (p) => p.groupIndex === g && p.role !== "pending" && p.role !== "deceased",
    );

  const conflictIds = CONFLICTS.map(() => nextConflictId());
  const conflicts = CONFLICTS.map((c, i) => ({
    id: conflictIds[i],
    title: c.title,
    status: c.status,
    riskLevel: c.riskLevel,
    startedOn: c.startedOn,
    resolvedOn: c.resolvedOn,
    description: `A conflict between ${c.sides.map((side) => side.map((g) => GROUPS[g]?.name).join(" and ")).join(" and ")}.`,
    createdAt: atHour(c.startedOn < "2018-01-10" ? "2018-01-10" : c.startedOn, 11),
    createdById: author,
  }));
  const nextConflictChangeId = idStream("conflict_change");
  const agencyOf: Record<ConflictSpec["history"][number]["by"], AgencyKey> = {
    policeStaff: "police",
    policeManager: "police",
    exitStaff: "exit",
  };
  const conflictChanges: Violence["conflictChanges"] = CONFLICTS.flatMap((c, i) =>
    c.history.map((step, k) => {
      const before = k > 0 ? c.history[k - 1] : undefined;
      return {
        id: nextConflictChangeId(),
        conflictId: conflictIds[i] as string,
        status: step.status,
        riskLevel: step.riskLevel,
        previousStatus: before?.status ?? null,
        previousRiskLevel: before?.riskLevel ?? null,
        changedById: org.userId[step.by],
        changedByAgencyId: org.agencyId[agencyOf[step.by]],
        changedAt: atHour(step.on, 11),
        reason: step.reason,
      };
    }),
  );
  const conflictParties: Violence["conflictParties"] = [];
  CONFLICTS.forEach((c, i) => {
    c.sides.forEach((side, s) => {
      for (const g of side) {
        conflictParties.push({
          id: nextConflictPartyId(),
          conflictId: conflictIds[i] as string,
          groupId: people.groupIds[g],
          side: s === 0 ? "A" : "B",
          createdById: author,
        });
      }
      // The personal feud at the heart of the hottest conflicts.
      if (c.status === "escalating" || c.status === "active") {
        const leader = membersOf(side[0] as number)[0];
        if (leader) {
          conflictParties.push({
            id: nextConflictPartyId(),
            conflictId: conflictIds[i] as string,
            individualId: leader.id,
            side: s === 0 ? "A" : "B",
            createdById: author,
          });
        }
      }
    });
  });

  const incidents: Violence["incidents"] = [];
  const incidentParties: Violence["incidentParties"] = [];
  const shootingsOfGroup: Violence["shootingsOfGroup"] = new Map();
  const victimisations: Violence["victimisations"] = [];

  const addIncident = (kind: Kind, day: string) => {
    const id = nextIncidentId();
    const live = CONFLICTS.map((c, i) => ({ c, i })).filter(
      ({ c }) => c.startedOn <= day && (c.resolvedOn === null || c.resolvedOn >= day),
    );
    const linked =
      live.length > 0 && random.chance(kind === "shooting" ? 0.65 : 0.4) ? random.pick(live) : null;
    const sides = linked ? random.shuffle(linked.c.sides) : null;
    const suspectGroup = sides ? random.pick(sides[0] as number[]) : null;
    const victimGroup = sides ? random.pick(sides[1] as number[]) : null;
    const fatal =
      kind === "shooting" ? random.chance(0.12) : kind === "stabbing" && random.chance(0.1);
    incidents.push({
      id,
      kind,
      occurredAt: momentOn(random, day),
      district:
        victimGroup !== null ? (GROUPS[victimGroup]?.area ?? DISTRICTS[0]) : random.pick(DISTRICTS),
      dead: fatal ? 1 : 0,
      injured: kind === "threat" ? 0 : random.pick([0, 0, 1, 1, 1, 2]),
      conflictId: linked ? conflictIds[linked.i] : null,
      groupInvolvement: linked
        ? random.pick(["confirmed", "confirmed", "likely"] as const)
        : random.pick(["likely", "none", "unknown", "unknown"] as const),
      summary: random.pick(SUMMARIES[kind]),
      createdAt: atHour(day, 20),
      createdById: author,
    });
    if (suspectGroup === null || victimGroup === null) return;
    for (const [g, role] of [
      [suspectGroup, "suspect"],
      [victimGroup, "victim"],
    ] as const) {
      incidentParties.push({
        id: nextIncidentPartyId(),
        incidentId: id,
        groupId: people.groupIds[g],
        role,
        createdById: author,
      });
      if (kind === "shooting") {
        const list = shootingsOfGroup.get(g) ?? [];
        list.push({ id, day });
        shootingsOfGroup.set(g, list);
      }
    }
    const victim = pickPerson(random, membersOf(victimGroup), 0.5);
    if (victim) {
      incidentParties.push({
        id: nextIncidentPartyId(),
        incidentId: id,
        individualId: victim.id,
        role: "victim",
        createdById: author,
      });
      victimisations.push({ person: victim, day, fatal: false });
    }
    const suspect = pickPerson(random, membersOf(suspectGroup), 0.35);
    if (suspect) {
      incidentParties.push({
        id: nextIncidentPartyId(),
        incidentId: id,
        individualId: suspect.id,
        role: "suspect",
        createdById: author,
      });
    }
  };

  for (const [year, count] of Object.entries(SHOOTINGS_PER_YEAR)) {
    for (let i = 0; i < count; i++)
      addIncident("shooting", dayBetween(random, `${year}-01-02`, `${year}-12-30`));
  }
  for (let i = 0; i < SHOOTINGS_2020.count; i++) {
    addIncident("shooting", dayBetween(random, SHOOTINGS_2020.from, SHOOTINGS_2020.to));
  }
  for (const year of [2016, 2017, 2018, 2019, 2020]) {
    const [from, to, share] =
      year === 2016
        ? ["2016-04-01", "2016-12-30", 0.4]
        : year === 2020
          ? ["2020-01-02", "2020-12-30", 0.6]
          : [`${year}-01-02`, `${year}-12-30`, 1];
    for (const [kind, perYear] of OTHER_PER_YEAR) {
      for (let i = 0; i < Math.round(perYear * share); i++)
        addIncident(kind, dayBetween(random, from, to));
    }
  }
  // Recent threats, for the current picture.
  for (let i = 0; i < 3; i++) addIncident("threat", dayBetween(random, "2026-10-01", "2026-11-20"));

  // The two people who died were shot in 2019: mark a 2019 shooting as fatal for each.
  const deceased = people.persons.filter((p) => p.role === "deceased");
  const shootings2019 = incidents.filter(
    (x) => x.kind === "shooting" && x.occurredAt.getUTCFullYear() === 2019,
  );
  deceased.forEach((person, i) => {
    const shooting = shootings2019[i * 7] as (typeof incidents)[number];
    shooting.dead = 1;
    incidentParties.push({
      id: nextIncidentPartyId(),
      incidentId: shooting.id as string,
      individualId: person.id,
      role: "victim",
      createdById: author,
    });
    victimisations.push({
      person,
      day: shooting.occurredAt.toISOString().slice(0, 10),
      fatal: true,
    });
  });

  return {
    conflicts,
    conflictIds,
    conflictParties,
    conflictChanges,
    incidents,
    incidentParties,
    shootingsOfGroup,
    victimisations,
  };
}

function pickPerson(random: Random, persons: Person[], probability: number): Person | null {
  return persons.length > 0 && random.chance(probability) ? random.pick(persons) : null;
}
