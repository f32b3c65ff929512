import type {
  intervention,
  interventionAgency,
  interventionParticipant,
  interventionSpeaker,
} from "../schema";
import {
  recorderOf,
  type AgencyKey,
  type CaseAgencyKey,
  type Organisation,
} from "./agencies-users";
import type { Row } from "./insert";
import type { People, Person } from "./people-groups";
import {
  addDays,
  atHour,
  createRandom,
  dayBetween,
  idStream,
  momentOn,
  type Random,
} from "./random";
import type { Violence } from "./incidents";

type Intervention = Row<typeof intervention>;
type Response = Row<typeof interventionParticipant>["response"];
export type EnforcementKind = NonNullable<Intervention["enforcementKind"]>;

export interface Work {
  interventions: Intervention[];
  participants: Row<typeof interventionParticipant>[];
  agenciesPresent: Row<typeof interventionAgency>[];
  speakers: Row<typeof interventionSpeaker>[];
  /** Who was arrested, prosecuted, tried or sentenced, and when (for their outcomes). */
  enforced: Array<{ person: Person; kind: EnforcementKind; day: string }>;
}

export interface InterventionFields extends Omit<
  Intervention,
  "id" | "leadAgencyId" | "occurredAt"
> {
  lead: AgencyKey;
  day: string;
}

/** Collects interventions with their participants, agencies present and speakers. */
export function createWorkLog(org: Organisation) {
  const random = createRandom("intervention-times");
  const nextId = idStream("intervention");
  const nextParticipantId = idStream("intervention_participant");
  const nextAgencyPresentId = idStream("intervention_agency");
  const nextSpeakerId = idStream("intervention_speaker");
  const work: Work = {
    interventions: [],
    participants: [],
    agenciesPresent: [],
    speakers: [],
    enforced: [],
  };

  const add = (
    { lead, day, ...fields }: InterventionFields,
    participants: ReadonlyArray<{ person: Person; response?: Response }> = [],
  ): string => {
    const id = nextId();
    const author = recorderOf(org, lead);
    work.interventions.push({
      id,
      leadAgencyId: org.agencyId[lead],
      occurredAt: momentOn(random, day),
      createdAt: atHour(day, 20),
      updatedAt: atHour(day, 20),
      createdById: author,
      updatedById: author,
      ...fields,
    });
    const seen = new Set<string>();
    for (const { person, response } of participants) {
      if (seen.has(person.id)) continue;
      seen.add(person.id);
      work.participants.push({
        id: nextParticipantId(),
        interventionId: id,
        individualId: person.id,
        response: response ?? null,
        createdById: author,
      });
    }
    if (fields.kind === "enforcement" && fields.status === "done" && fields.enforcementKind) {
      for (const { person } of participants)
        work.enforced.push({ person, kind: fields.enforcementKind, day });
    }
    return id;
  };
  const present = (interventionId: string, agencies: readonly AgencyKey[]) => {
    for (const a of agencies) {
      work.agenciesPresent.push({
        id: nextAgencyPresentId(),
        interventionId,
        agencyId: org.agencyId[a],
      });
    }
  };
  const speaker = (
    interventionId: string,
    name: string,
    role: string,
    agency: AgencyKey | null,
  ) => {
    work.speakers.push({
      id: nextSpeakerId(),
      interventionId,
      name,
      role,
      agencyId: agency ? org.agencyId[agency] : null,
    });
  };
  return { work, add, present, speaker };
}

export type WorkLog = ReturnType<typeof createWorkLog>;

/** Whether the programme could work with the person on that day. */
export function reachable(p: Person, day: string, deaths: Map<string, string>): boolean {
  if (p.role === "pending" || p.registeredOn > day) return false;
  const died = deaths.get(p.id);
  return died === undefined || died > day;
}

const CALL_IN_MESSAGE =
  "The shooting must stop. We know who you are and we care about what happens to you. " +
  "The next group that shoots will have every agency in this room on it, all of its members, " +
  "for everything they do. If you want out, we will help you today: housing, work, a new place.";

const CALL_INS = [
  { day: "2018-10-16", status: "done" },
  { day: "2019-03-12", status: "done" },
  { day: "2019-09-24", status: "done" },
  { day: "2020-02-11", status: "done" },
  { day: "2026-12-09", status: "planned" },
] as const;

const SPEAKERS: ReadonlyArray<[string, string, AgencyKey | null]> = [
  ["Göran Wikström", "Chief of police, Malmvik", "police"],
  ["Annika Roos", "Head of social services", "social"],
  ["Rasmus Lindh", "Exit coach, once a group member himself", "exit"],
  ["Hodan Ali", "Mother of a young man killed in a shooting", null],
  ["Pastor Erik Bloom", "Community voice, Granängen church", null],
];

const CHANNELS = ["home", "street", "custody", "phone"] as const;
const LEADS_OF_CONVERSATIONS: readonly CaseAgencyKey[] = [
  "police",
  "police",
  "social",
  "exit",
  "probation",
];

/** Call-ins, one-to-one conversations, support offers, home visits and mediation. */
export function recordOutreach(
  log: WorkLog,
  people: People,
  violence: Violence,
  deaths: Map<string, string>,
) {
  const random = createRandom("outreach");
  const { add, present, speaker } = log;
  const approved = people.persons.filter((p) => p.role !== "pending");

  for (const c of CALL_INS) {
    const invited = random.sample(
      approved.filter(
        (p) => p.groupIndex !== null && p.role !== "incarcerated" && reachable(p, c.day, deaths),
      ),
      12,
    );
    const id = add(
      {
        kind: "call_in",
        lead: "police",
        day: c.day,
        status: c.status,
        visibility: "programme",
        summary:
          c.status === "done"
            ? `Call-in at the town hall with ${invited.length} invited.`
            : "Next call-in: invitations being delivered.",
        message: CALL_IN_MESSAGE,
      },
      invited.map((person) => ({
        person,
        response:
          c.status === "planned"
            ? null
            : random.pick(["attended", "attended", "attended", "declined", "no_show"] as const),
      })),
    );
    present(id, ["police", "social", "exit", "probation", "prosecution"]);
    for (const [name, role, agency] of SPEAKERS) speaker(id, name, role, agency);
  }

  // Every leaver was reached by a conversation and accepted support before taking steps.
  for (const p of people.persons) {
    if (!p.exit) continue;
    const talkedOn = addDays(p.exit.tookStepsOn, -random.int(20, 90));
    conversation(p, talkedOn < p.registeredOn ? p.registeredOn : talkedOn, "delivered", "attended");
    add(
      {
        kind: "support_offer",
        lead: "exit",
        day: addDays(p.exit.tookStepsOn, -random.int(3, 15)),
        status: "done",
        visibility: "programme",
        summary: "Offered a place in the exit programme with housing support; accepted.",
        groupId: groupIdOf(people, p),
      },
      [{ person: p, response: "accepted_support" }],
    );
  }

  function conversation(
    p: Person,
    day: string,
    delivery: "delivered" | "refused" | "not_found",
    response: Response,
  ) {
    const lead = random.pick(LEADS_OF_CONVERSATIONS);
    add(
      {
        kind: "custom_notification",
        lead,
        day,
        status: "done",
        visibility: random.chance(0.4) ? "programme" : "agency",
        summary:
          delivery === "delivered"
            ? "Delivered the programme's message in person and explained the offer of help."
            : delivery === "refused"
              ? "The person refused to listen and walked away."
              : "The person could not be found at the address.",
        channel: random.pick(CHANNELS),
        deliveryResult: delivery,
        groupId: groupIdOf(people, p),
      },
      [{ person: p, response }],
    );
  }

  for (let i = 0; i < 75; i++) {
    const day = dayBetween(random, "2018-06-01", "2020-05-15");
    const candidates = approved.filter(
      (p) => reachable(p, day, deaths) && p.role !== "incarcerated",
    );
    if (candidates.length === 0) continue;
    const delivery = random.pick([
      "delivered",
      "delivered",
      "delivered",
      "refused",
      "not_found",
    ] as const);
    const response: Response =
      delivery === "refused"
        ? "declined"
        : delivery === "not_found"
          ? "no_show"
          : random.pick(["attended", "refused_support"] as const);
    conversation(random.pick(candidates), day, delivery, response);
  }
  for (let i = 0; i < 6; i++) {
    const day = dayBetween(random, "2026-10-05", "2026-11-20");
    conversation(
      random.pick(approved.filter((p) => reachable(p, day, deaths))),
      day,
      "delivered",
      "attended",
    );
  }

  for (let i = 0; i < 30; i++) {
    const day = dayBetween(random, "2018-09-01", "2020-05-15");
    const candidates = approved.filter((p) => reachable(p, day, deaths) && !p.exit);
    const lead = random.pick(["exit", "social"] as const);
    const accepted = random.chance(0.4);
    add(
      {
        kind: "support_offer",
        lead,
        day,
        status: "done",
        visibility: lead === "social" ? "agency" : "programme",
        summary: accepted
          ? "Accepted help with debts and a job-training place."
          : "Refused the offer of support for now.",
      },
      [
        {
          person: random.pick(candidates),
          response: accepted ? "accepted_support" : "refused_support",
        },
      ],
    );
  }

  for (let i = 0; i < 24; i++) {
    const planned = i >= 20;
    const cancelled = i === 19;
    const day = planned
      ? dayBetween(random, "2026-12-01", "2026-12-18")
      : dayBetween(random, "2018-05-01", "2020-05-15");
    const lead = random.pick(["social", "probation", "exit"] as const);
    const candidates = approved.filter(
      (p) => reachable(p, planned ? "2026-11-25" : day, deaths) && p.role !== "incarcerated",
    );
    add(
      {
        kind: "home_visit",
        lead,
        day,
        status: planned ? "planned" : cancelled ? "cancelled" : "done",
        visibility: "agency",
        summary: planned
          ? "Home visit with the family to follow up."
          : cancelled
            ? "Cancelled: the family asked to meet at the office instead."
            : "Visited the family at home; talked about school and the risks of the group.",
      },
      [{ person: random.pick(candidates), response: planned || cancelled ? null : "attended" }],
    );
  }

  // Mediation between the sides of the Sjöstaden split and other live conflicts.
  const mediated = [2, 2, 0, 1];
  mediated.forEach((c, i) => {
    const day = ["2019-04-09", "2019-10-15", "2019-12-03", "2020-04-21"][i] as string;
    const sides = violence.conflictParties.filter(
      (x) => x.conflictId === violence.conflictIds[c] && x.groupId,
    );
    const members = sides.flatMap((s) =>
      random.sample(
        approved.filter(
          (p) =>
            p.groupIndex !== null &&
            people.groupIds[p.groupIndex] === s.groupId &&
            reachable(p, day, deaths),
        ),
        2,
      ),
    );
    const id = add(
      {
        kind: "mediation",
        lead: i % 2 === 0 ? "exit" : "social",
        day,
        status: "done",
        visibility: "programme",
        conflictId: violence.conflictIds[c],
        summary:
          "Mediation meeting between representatives of both sides, held at a neutral venue.",
        result:
          i === 1
            ? "Both sides agreed to stay out of each other's areas."
            : "No agreement yet; a second meeting planned.",
      },
      members.map((person) => ({ person, response: "attended" as const })),
    );
    present(id, ["exit", "social"]);
  });
}

export function groupIdOf(people: People, p: Person): string | null {
  return p.groupIndex === null ? null : (people.groupIds[p.groupIndex] ?? null);
}

export function pickDefendants(random: Random, candidates: Person[], count: number): Person[] {
  return random.sample(candidates, Math.min(count, candidates.length));
}
