import { rowHash, type ChainedRow } from "@truce/db/audit";
import { CONFLICT_STATUSES, RISK_LEVELS } from "@truce/db/enum-values";
import type { OUTCOME_KINDS, REFERRAL_SERVICES } from "@truce/db/enum-values";
import { textArray, type Cell } from "./copy";
import {
  conflictAt,
  dayAfter,
  groupAt,
  groupNear,
  id,
  incidentAt,
  interventionAt,
  interventionKindAt,
  iso,
  noteCountOf,
  otherAgency,
  participantsOf,
  personAt,
  S,
  staffOf,
  twoGroups,
  workedPerson,
  type World,
} from "./model";
import { addDays, DAY_MS, dayNumber, momentOn, rngFor, type Rng } from "./random";
import {
  CHANGE_REASONS,
  FLAG_REASONS,
  INTERVENTION_SUMMARIES,
  NOTE_ASSESSMENTS,
  NOTE_FACTS,
  RESULTS,
  SPEAKER_NAMES,
  SPEAKER_ROLES,
  TASK_TITLES,
} from "./vocabulary";

/** One COPY: the table, its columns (explicit, so later columns keep their defaults), its rows. */
export interface TableStep {
  table: string;
  columns: readonly string[];
  rows: () => Iterable<readonly Cell[]>;
}

const AUDIT = ["created_at", "updated_at", "created_by_id", "updated_by_id"] as const;
const audit = (at: string, by: string | null): Cell[] => [at, at, by, by];

/** What the passes learn that later passes and the samples need. */
export interface Tally {
  /** Interventions per person. */
  interventions: Uint32Array;
  notes: number;
}

export function groupSteps(w: World): TableStep[] {
  return [
    {
      table: "group",
      columns: ["id", "name", "aliases", "area", "status", ...AUDIT],
      *rows() {
        for (let i = 0; i < w.scale.groups; i++) {
          const g = groupAt(w, i);
          yield [g.id, g.name, textArray(g.aliases), g.area, g.status, ...audit(g.createdAt, null)];
        }
      },
    },
    {
      table: "alliance",
      columns: ["id", "group_a_id", "group_b_id", "from_on", "to_on", "note", ...AUDIT],
      *rows() {
        if (w.scale.groups < 2) return;
        // One alliance in force between two groups (alliance_open_pair_unique): a pair drawn
        // again while its alliance is in force gets one that lasted a day.
        const inForce = new Set<string>();
        for (let i = 0; i < Math.floor(w.scale.groups / 5); i++) {
          const rng = rngFor(w.seed, S.alliance, i);
          const [a, b] = twoGroups(w, rng);
          const fromOn = dayAfter(w, rng, w.start);
          const pair = a < b ? `${a}:${b}` : `${b}:${a}`;
          let toOn = rng.chance(0.4) ? dayAfter(w, rng, fromOn) : null;
          if (toOn === null && inForce.has(pair)) toOn = fromOn;
          if (toOn === null) inForce.add(pair);
          yield [
            id(w, S.alliance, i),
            id(w, S.group, a),
            id(w, S.group, b),
            fromOn,
            toOn,
            null,
            ...audit(iso(momentOn(rng, fromOn)), null),
          ];
        }
      },
    },
  ];
}

export function individualStep(w: World, onPerson: (i: number, risk: string) => void): TableStep {
  const columns = [
    "id",
    "given_name",
    "family_name",
    "date_of_birth",
    "national_id",
    "district",
    "status",
    "risk_level",
    "supervision",
    "registering_agency_id",
    "registration_reason",
    "category",
    "registration_status",
    "approved_by_id",
    "approved_at",
    "review_due",
    "protected_location",
    "current_location",
    ...AUDIT,
    "aliases",
  ];
  return {
    table: "individual",
    columns,
    *rows() {
      for (let i = 0; i < w.scale.people; i++) {
        const p = personAt(w, i);
        onPerson(i, p.riskLevel);
        const row: Cell[] = [
          p.id,
          p.givenName,
          p.familyName,
          p.dateOfBirth,
          p.nationalId,
          p.district,
          p.status,
          p.riskLevel,
          p.supervision,
          p.agency.id,
          p.registrationReason,
          p.category,
          p.pending ? "pending" : "approved",
          p.approvedById,
          p.approvedAt,
          p.reviewDue,
          p.protectedLocation,
          p.currentLocation,
          ...audit(p.createdAt, p.createdById),
          textArray(p.aliases),
        ];
        yield row;
      }
    },
  };
}

/** Group members and associates in one group, some in a second. */
export function membershipStep(w: World): TableStep {
  return {
    table: "group_membership",
    columns: [
      "id",
      "individual_id",
      "group_id",
      "affiliation",
      "from_on",
      "to_on",
      "source",
      ...AUDIT,
    ],
    *rows() {
      if (w.scale.groups === 0) return;
      let n = 0;
      for (let i = 0; i < w.scale.people; i++) {
        const p = personAt(w, i);
        if (p.category !== "group_member" && p.category !== "associate") continue;
        const rng = rngFor(w.seed, S.groupMembership, i);
        const first = groupNear(w, rng, p.district);
        const groups = [first];
        if (rng.chance(0.15) && w.scale.groups > 1) {
          groups.push((first + rng.int(1, w.scale.groups - 1)) % w.scale.groups);
        }
        for (const [k, g] of groups.entries()) {
          const fromOn = k === 0 ? p.registeredOn : dayAfter(w, rng, p.registeredOn);
          yield [
            id(w, S.groupMembership, n++),
            p.id,
            id(w, S.group, g),
            p.category === "associate"
              ? "associate"
              : rng.weighted([
                  ["core", 25],
                  ["member", 75],
                ] as const),
            fromOn,
            k === 0 && groups.length > 1 ? dayAfter(w, rng, fromOn) : null,
            rng.pick(["police intelligence", "social services", "own account"]),
            ...audit(p.createdAt, p.createdById),
          ];
        }
      }
    },
  };
}

export function conflictSteps(w: World): TableStep[] {
  return [
    {
      table: "conflict",
      columns: [
        "id",
        "title",
        "status",
        "risk_level",
        "started_on",
        "resolved_on",
        "description",
        ...AUDIT,
      ],
      *rows() {
        if (w.scale.groups < 2) return;
        for (let i = 0; i < w.scale.conflicts; i++) {
          const c = conflictAt(w, i);
          yield [
            c.id,
            c.title,
            c.status,
            c.riskLevel,
            c.startedOn,
            c.resolvedOn,
            "Dispute over territory and debts.",
            ...audit(`${c.startedOn}T12:00:00.000Z`, null),
          ];
        }
      },
    },
    {
      table: "conflict_party",
      columns: ["id", "conflict_id", "group_id", "individual_id", "side", ...AUDIT],
      *rows() {
        if (w.scale.groups < 2) return;
        let n = 0;
        for (let i = 0; i < w.scale.conflicts; i++) {
          const c = conflictAt(w, i);
          const rng = rngFor(w.seed, S.conflictParty, i);
          const at = `${c.startedOn}T12:00:00.000Z`;
          const groups: Array<[number, string]> = [
            [c.sides[0], "A"],
            [c.sides[1], "B"],
          ];
          const third = rng.int(0, w.scale.groups - 1);
          if (rng.chance(0.3) && !c.sides.includes(third)) groups.push([third, "B"]);
          for (const [g, side] of groups) {
            yield [
              id(w, S.conflictParty, n++),
              c.id,
              id(w, S.group, g),
              null,
              side,
              ...audit(at, null),
            ];
          }
          const people = new Set<number>();
          for (let k = rng.int(0, 2); k > 0; k--) people.add(rng.int(0, w.scale.people - 1));
          for (const p of people) {
            yield [
              id(w, S.conflictParty, n++),
              c.id,
              null,
              id(w, S.individual, p),
              rng.pick(["A", "B"]),
              ...audit(at, null),
            ];
          }
        }
      },
    },
  ];
}

const CHANGEABLE_STATUSES = CONFLICT_STATUSES.filter((s) => s !== "resolved");

/**
 * A conflict's history of status and risk: the state it was recorded in on the day it began,
 * up to four changes on later days (a resolved one's last on the day it was resolved), the
 * last its status and risk now; each by a member of the police.
 */
export function conflictChangeStep(w: World): TableStep {
  return {
    table: "conflict_change",
    columns: [
      "id",
      "conflict_id",
      "status",
      "risk_level",
      "previous_status",
      "previous_risk_level",
      "changed_by_id",
      "changed_by_agency_id",
      "changed_at",
      "reason",
    ],
    *rows() {
      if (w.scale.groups < 2) return;
      const police = w.byKind.get("police") ?? w.caseAgencies[0]!;
      let n = 0;
      for (let i = 0; i < w.scale.conflicts; i++) {
        const c = conflictAt(w, i);
        const rng = rngFor(w.seed, S.conflictChange, i);
        const states: Array<{ status: string; risk: string }> = [];
        for (let k = rng.int(0, 4); k > 0; k--) {
          states.push({ status: rng.pick(CHANGEABLE_STATUSES), risk: rng.pick(RISK_LEVELS) });
        }
        states.push({ status: c.status, risk: c.riskLevel });
        const end = c.resolvedOn ?? w.today;
        const span = Math.max(0, dayNumber(end) - dayNumber(c.startedOn));
        const days = states
          .map((_, k) => (k === 0 ? 0 : rng.int(0, span)))
          .sort((x, y) => x - y)
          .map((d) => addDays(c.startedOn, d));
        if (c.resolvedOn && states.length > 1) days[days.length - 1] = c.resolvedOn;
        let before = null as { status: string; risk: string } | null;
        for (const [k, state] of states.entries()) {
          // A change to what it already was is no change.
          if (before && before.status === state.status && before.risk === state.risk) continue;
          yield [
            id(w, S.conflictChange, n++),
            c.id,
            state.status,
            state.risk,
            before?.status ?? null,
            before?.risk ?? null,
            staffOf(w, rng, police.id),
            police.id,
            `${days[k]}T${String(8 + k).padStart(2, "0")}:00:00.000Z`,
            before ? rng.pick(CHANGE_REASONS) : null,
          ];
          before = state;
        }
      }
    },
  };
}

export function incidentSteps(w: World): TableStep[] {
  return [
    {
      table: "incident",
      columns: [
        "id",
        "kind",
        "occurred_at",
        "district",
        "dead",
        "injured",
        "conflict_id",
        "group_involvement",
        "summary",
        ...AUDIT,
      ],
      *rows() {
        for (let i = 0; i < w.scale.incidents; i++) {
          const x = incidentAt(w, i);
          const rng = rngFor(w.seed, S.incidentReview, i);
          yield [
            x.id,
            x.kind,
            iso(x.occurredAt),
            x.district,
            x.dead,
            x.injured,
            x.conflict === null ? null : id(w, S.conflict, x.conflict),
            rng.weighted([
              ["confirmed", 30],
              ["likely", 30],
              ["none", 15],
              ["unknown", 25],
            ] as const),
            `${x.kind.replaceAll("_", " ")} in ${x.district}`,
            ...audit(iso(x.occurredAt + 3_600_000), null),
          ];
        }
      },
    },
    {
      table: "incident_party",
      columns: ["id", "incident_id", "group_id", "individual_id", "role", ...AUDIT],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.incidents; i++) {
          const x = incidentAt(w, i);
          const rng = rngFor(w.seed, S.incidentParty, i);
          const at = iso(x.occurredAt + 3_600_000);
          const victim = rng.int(0, w.scale.people - 1);
          yield [
            id(w, S.incidentParty, n++),
            x.id,
            null,
            id(w, S.individual, victim),
            "victim",
            ...audit(at, null),
          ];
          if (rng.chance(0.5) && w.scale.people > 1) {
            const suspect = (victim + rng.int(1, w.scale.people - 1)) % w.scale.people;
            yield [
              id(w, S.incidentParty, n++),
              x.id,
              null,
              id(w, S.individual, suspect),
              "suspect",
              ...audit(at, null),
            ];
          }
          if (rng.chance(0.4) && w.scale.groups > 0) {
            const group = id(w, S.group, rng.int(0, w.scale.groups - 1));
            yield [id(w, S.incidentParty, n++), x.id, group, null, "linked", ...audit(at, null)];
          }
        }
      },
    },
  ];
}

export function interventionSteps(w: World, tally: Tally): TableStep[] {
  return [
    {
      table: "intervention",
      columns: [
        "id",
        "kind",
        "enforcement_kind",
        "lead_agency_id",
        "occurred_at",
        "status",
        "summary",
        "visibility",
        "group_id",
        "conflict_id",
        "triggering_incident_id",
        "result",
        "message",
        "channel",
        "delivery_result",
        ...AUDIT,
      ],
      *rows() {
        const { groups, conflicts, incidents } = w.scale;
        for (let i = 0; i < w.scale.interventions; i++) {
          const v = interventionAt(w, i);
          const rng = v.rng;
          const together = v.kind === "call_in" || v.kind === "mediation";
          const group = groups > 0 && (together || rng.chance(0.2)) ? rng.int(0, groups - 1) : null;
          const conflict =
            conflicts > 0 && (v.kind === "mediation" || rng.chance(0.1))
              ? rng.int(0, conflicts - 1)
              : null;
          const incident = incidents > 0 && rng.chance(0.1) ? rng.int(0, incidents - 1) : null;
          const notification = v.kind === "custom_notification";
          yield [
            v.id,
            v.kind,
            v.enforcementKind,
            v.lead.id,
            iso(v.occurredAt),
            v.status,
            INTERVENTION_SUMMARIES[v.kind],
            together || rng.chance(0.55) ? "programme" : "agency",
            group === null ? null : id(w, S.group, group),
            conflict === null ? null : id(w, S.conflict, conflict),
            incident === null ? null : id(w, S.incident, incident),
            v.status === "done" ? rng.pick(RESULTS) : null,
            v.kind === "call_in"
              ? "The violence stops now; help is there for who wants out."
              : null,
            notification ? rng.pick(["home", "street", "custody", "phone"]) : null,
            notification && v.status === "done"
              ? rng.weighted([
                  ["delivered", 80],
                  ["refused", 12],
                  ["not_found", 8],
                ] as const)
              : null,
            ...audit(recordedAt(w, v.occurredAt), v.createdById),
          ];
        }
      },
    },
    {
      table: "intervention_participant",
      columns: ["id", "intervention_id", "individual_id", "response", ...AUDIT],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.interventions; i++) {
          const v = interventionAt(w, i);
          const rng = rngFor(w.seed, S.participant, i);
          const people = new Set<number>();
          const wanted = Math.min(participantsOf(v.kind, rng), w.scale.people);
          while (people.size < wanted) people.add(workedPerson(w, rng));
          const at = recordedAt(w, v.occurredAt);
          for (const p of people) {
            tally.interventions[p]!++;
            yield [
              id(w, S.participant, n++),
              v.id,
              id(w, S.individual, p),
              v.status !== "done"
                ? null
                : v.kind === "call_in"
                  ? rng.weighted([
                      ["attended", 50],
                      ["accepted_support", 20],
                      ["declined", 15],
                      ["no_show", 15],
                    ] as const)
                  : v.kind === "support_offer"
                    ? rng.pick(["accepted_support", "refused_support"])
                    : null,
              ...audit(at, v.createdById),
            ];
          }
        }
      },
    },
    {
      table: "intervention_agency",
      columns: ["id", "intervention_id", "agency_id", ...AUDIT],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.interventions; i++) {
          const kind = interventionKindAt(w, i);
          if (kind !== "call_in" && kind !== "mediation") continue;
          const v = interventionAt(w, i);
          const rng = rngFor(w.seed, S.interventionAgency, i);
          const present = new Set([v.lead.id]);
          for (let k = v.kind === "call_in" ? rng.int(2, 4) : rng.int(1, 2); k > 0; k--) {
            present.add(rng.pick(w.agencies).id);
          }
          const at = recordedAt(w, v.occurredAt);
          for (const agencyId of present) {
            yield [id(w, S.interventionAgency, n++), v.id, agencyId, ...audit(at, v.createdById)];
          }
        }
      },
    },
    {
      table: "intervention_speaker",
      columns: ["id", "intervention_id", "name", "role", "agency_id", ...AUDIT],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.interventions; i++) {
          if (interventionKindAt(w, i) !== "call_in") continue;
          const v = interventionAt(w, i);
          const rng = rngFor(w.seed, S.speaker, i);
          const at = recordedAt(w, v.occurredAt);
          for (let k = rng.int(2, 3); k > 0; k--) {
            const [role, kind] = rng.pick(SPEAKER_ROLES);
            const agency = kind === null ? null : (w.byKind.get(kind)?.id ?? null);
            yield [
              id(w, S.speaker, n++),
              v.id,
              rng.pick(SPEAKER_NAMES),
              role,
              agency,
              ...audit(at, v.createdById),
            ];
          }
        }
      },
    },
  ];
}

/** When an intervention was written down: two days before, or today for a planned one. */
function recordedAt(w: World, occurredAt: number): string {
  return iso(Math.min(occurredAt - 2 * DAY_MS, dayNumber(w.today) * DAY_MS + 6 * 3_600_000));
}

/** A moment after `day` (from a day to two years later, never after today). */
function momentAfter(w: World, rng: Rng, day: string): string {
  return iso(momentOn(rng, dayAfter(w, rng, day)));
}

const OUTCOMES_BY_STATUS: Record<string, ReadonlyArray<(typeof OUTCOME_KINDS)[number]>> = {
  active: ["arrested", "reoffended", "victim_of_violence", "employed", "in_education"],
  in_exit_process: ["took_steps_to_leave", "changed_situation_at_home", "in_education"],
  exited: ["left_criminal_context", "employed", "took_steps_to_leave"],
  relocated: ["relocated", "took_steps_to_leave"],
  incarcerated: ["prosecuted", "convicted", "imprisoned"],
  deceased: ["deceased", "victim_of_violence"],
};

const SERVICES: ReadonlyArray<(typeof REFERRAL_SERVICES)[number]> = [
  "exit_programme",
  "relocation",
  "housing",
  "employment",
  "education",
  "treatment",
  "family_support",
  "protection",
];

type ReferralStatus = "sent" | "accepted" | "declined" | "in_progress" | "completed" | "withdrawn";

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
 * Every person's referrals (none for most, one or two for some), in the order the referral
 * table is written: one stream per person, so the referral_event step reads the same ones.
 */
function* referralsOf(w: World) {
  let n = 0;
  for (let i = 0; i < w.scale.people; i++) {
    const rng = rngFor(w.seed, S.referral, i);
    const count = rng.weighted([
      [0, 75],
      [1, 20],
      [2, 5],
    ] as const);
    if (count === 0) continue;
    const p = personAt(w, i);
    for (let k = 0; k < count; k++) {
      const to = otherAgency(w, rng, p.agency.id);
      const on = dayAfter(w, rng, p.registeredOn);
      const consent = rng.chance(0.6);
      const by = staffOf(w, rng, p.agency.id);
      const service = rng.pick(SERVICES);
      const status: ReferralStatus = rng.weighted([
        ["sent", 15],
        ["accepted", 20],
        ["declined", 10],
        ["in_progress", 25],
        ["completed", 25],
        ["withdrawn", 5],
      ] as const);
      const index = n++;
      yield {
        index,
        id: id(w, S.referral, index),
        individualId: p.id,
        fromAgencyId: p.agency.id,
        toAgencyId: to.id,
        service,
        status,
        consent,
        on,
        by,
      };
    }
  }
}

/**
 * Each referral's steps after it was sent, the path to its status now (at most three), on
 * days after it was sent: the receiving agency's staff (none for an agency without users)
 * accept, decline with a reason, start and complete it; the sender's withdraw it.
 */
function referralEventStep(w: World): TableStep {
  return {
    table: "referral_event",
    columns: [
      "id",
      "referral_id",
      "status",
      "reason",
      "changed_by_id",
      "changed_by_agency_id",
      "changed_at",
    ],
    *rows() {
      let n = 0;
      for (const r of referralsOf(w)) {
        const rng = rngFor(w.seed, S.referralEvent, r.index);
        let day = r.on;
        // Each step after the one before it, on the same day too.
        let at = Date.parse(`${r.on}T11:00:00.000Z`);
        for (const status of STEPS_TO[r.status]) {
          day = dayAfter(w, rng, day);
          at = Math.max(momentOn(rng, day), at + 60_000);
          const agencyId = status === "withdrawn" ? r.fromAgencyId : r.toAgencyId;
          const staff = w.staffOf.get(agencyId);
          yield [
            id(w, S.referralEvent, n++),
            r.id,
            status,
            status === "declined" || status === "withdrawn" ? rng.pick(CHANGE_REASONS) : null,
            staff ? rng.pick(staff) : null,
            agencyId,
            iso(at),
          ];
        }
      }
    },
  };
}

/** The case work on each person: assignments, consent, referrals, outcomes, notes, tasks, flags. */
export function caseWorkSteps(w: World, tally: Tally): TableStep[] {
  const social = w.byKind.get("social_services");
  return [
    {
      table: "assignment",
      columns: [
        "id",
        "individual_id",
        "agency_id",
        "user_id",
        "role",
        "started_on",
        "ended_on",
        ...AUDIT,
      ],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.people; i++) {
          const p = personAt(w, i);
          const rng = rngFor(w.seed, S.assignment, i);
          const owner = staffOf(w, rng, p.agency.id);
          yield [
            id(w, S.assignment, n++),
            p.id,
            p.agency.id,
            owner,
            "owner",
            p.registeredOn,
            null,
            ...audit(p.createdAt, p.createdById),
          ];
          if (rng.chance(0.3)) {
            const other = rng.pick(w.caseAgencies.filter((a) => a.id !== p.agency.id));
            if (!other) continue;
            const startedOn = dayAfter(w, rng, p.registeredOn);
            const endedOn = rng.chance(0.3) ? dayAfter(w, rng, startedOn) : null;
            const by = staffOf(w, rng, other.id);
            yield [
              id(w, S.assignment, n++),
              p.id,
              other.id,
              by,
              "other",
              startedOn,
              endedOn,
              ...audit(`${startedOn}T10:00:00.000Z`, by),
            ];
          }
        }
      },
    },
    {
      table: "consent",
      columns: [
        "id",
        "individual_id",
        "decision",
        "decided_on",
        "recorded_by_id",
        "recorded_by_agency_id",
        "withdrawn_at",
        "withdrawn_by_id",
        ...AUDIT,
      ],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.people; i++) {
          const rng = rngFor(w.seed, S.consent, i);
          if (!rng.chance(0.4)) continue;
          const p = personAt(w, i);
          const agency = social ?? p.agency;
          const by = staffOf(w, rng, agency.id);
          let decidedOn = dayAfter(w, rng, p.registeredOn);
          if (rng.chance(0.1)) {
            // An earlier decision, withdrawn when the one in force was recorded.
            const later = dayAfter(w, rng, decidedOn);
            const withdrawnAt = `${later}T09:00:00.000Z`;
            yield [
              id(w, S.consent, n++),
              p.id,
              "given",
              decidedOn,
              by,
              agency.id,
              withdrawnAt,
              by,
              `${decidedOn}T10:00:00.000Z`,
              withdrawnAt,
              by,
              by,
            ];
            decidedOn = later;
          }
          const at = `${decidedOn}T10:00:00.000Z`;
          yield [
            id(w, S.consent, n++),
            p.id,
            rng.chance(0.85) ? "given" : "refused",
            decidedOn,
            by,
            agency.id,
            null,
            null,
            ...audit(at, by),
          ];
        }
      },
    },
    {
      table: "referral",
      columns: [
        "id",
        "individual_id",
        "from_agency_id",
        "to_agency_id",
        "service",
        "status",
        "consent",
        "consent_on",
        "note",
        ...AUDIT,
      ],
      *rows() {
        for (const r of referralsOf(w)) {
          yield [
            r.id,
            r.individualId,
            r.fromAgencyId,
            r.toAgencyId,
            r.service,
            r.status,
            r.consent,
            r.consent ? r.on : null,
            null,
            ...audit(`${r.on}T11:00:00.000Z`, r.by),
          ];
        }
      },
    },
    referralEventStep(w),
    {
      table: "outcome",
      columns: [
        "id",
        "individual_id",
        "kind",
        "occurred_at",
        "recording_agency_id",
        "note",
        ...AUDIT,
      ],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.people; i++) {
          const rng = rngFor(w.seed, S.outcome, i);
          const count = rng.weighted([
            [0, 60],
            [1, 30],
            [2, 10],
          ] as const);
          if (count === 0) continue;
          const p = personAt(w, i);
          for (let k = 0; k < count; k++) {
            const agency = rng.pick(w.caseAgencies);
            const on = dayAfter(w, rng, p.registeredOn);
            const by = staffOf(w, rng, agency.id);
            yield [
              id(w, S.outcome, n++),
              p.id,
              rng.pick(OUTCOMES_BY_STATUS[p.status] ?? ["took_steps_to_leave"]),
              on,
              agency.id,
              null,
              ...audit(`${on}T15:00:00.000Z`, by),
            ];
          }
        }
      },
    },
    {
      table: "note",
      columns: [
        "id",
        "individual_id",
        "group_id",
        "conflict_id",
        "body",
        "kind",
        "visibility",
        "author_agency_id",
        ...AUDIT,
      ],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.people; i++) {
          const { rng, count } = noteCountOf(w, i);
          if (count === 0) continue;
          const p = personAt(w, i);
          for (let k = 0; k < count; k++) {
            const agency = rng.chance(0.6) ? p.agency : rng.pick(w.caseAgencies);
            const fact = rng.chance(0.6);
            const by = staffOf(w, rng, agency.id);
            yield [
              id(w, S.note, n++),
              p.id,
              null,
              null,
              rng.pick(fact ? NOTE_FACTS : NOTE_ASSESSMENTS),
              fact ? "fact" : "assessment",
              rng.chance(0.5) ? "programme" : "agency",
              agency.id,
              ...audit(momentAfter(w, rng, p.registeredOn), by),
            ];
          }
        }
        tally.notes = n;
      },
    },
    {
      table: "task",
      columns: [
        "id",
        "title",
        "description",
        "due_on",
        "agency_id",
        "assignee_id",
        "status",
        "done_at",
        "individual_id",
        ...AUDIT,
      ],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.people; i++) {
          const rng = rngFor(w.seed, S.task, i);
          if (!rng.chance(0.2)) continue;
          const p = personAt(w, i);
          const assignee = staffOf(w, rng, p.agency.id);
          const created = dayAfter(w, rng, p.registeredOn);
          const due = addDays(created, rng.int(3, 60));
          const done = due < w.today ? rng.chance(0.85) : rng.chance(0.1);
          yield [
            id(w, S.task, n++),
            rng.pick(TASK_TITLES),
            null,
            due,
            p.agency.id,
            assignee,
            done ? "done" : "open",
            done ? `${created}T16:00:00.000Z` : null,
            p.id,
            ...audit(`${created}T08:00:00.000Z`, assignee),
          ];
        }
      },
    },
    {
      table: "flag",
      columns: [
        "id",
        "individual_id",
        "kind",
        "reason",
        "raising_agency_id",
        "raised_at",
        "resolved_at",
        "resolved_by_id",
        "resolution",
        ...AUDIT,
      ],
      *rows() {
        let n = 0;
        for (let i = 0; i < w.scale.people; i++) {
          const rng = rngFor(w.seed, S.flag, i);
          if (!rng.chance(0.04)) continue;
          const p = personAt(w, i);
          const kind = rng.weighted([
            ["retaliation_risk", 60],
            ["threat_to_staff", 15],
            ["other", 25],
          ] as const);
          const raisedOn = dayAfter(w, rng, p.registeredOn);
          const raisedAt = `${raisedOn}T10:00:00.000Z`;
          const by = staffOf(w, rng, p.agency.id);
          const resolved = rng.chance(0.4);
          const resolvedAt = resolved ? `${dayAfter(w, rng, raisedOn)}T14:00:00.000Z` : null;
          yield [
            id(w, S.flag, n++),
            p.id,
            kind,
            FLAG_REASONS[kind],
            p.agency.id,
            raisedAt,
            resolvedAt,
            resolved ? by : null,
            resolved ? "No longer current after review." : null,
            raisedAt,
            resolvedAt ?? raisedAt,
            by,
            by,
          ];
        }
      },
    },
  ];
}

/** The chain's position before the generated rows: the head, and the next id. */
export interface ChainStart {
  chainSeq: number;
  hash: string;
  nextId: number;
}

/**
 * The access log's rows, hashed in order exactly as the seal trigger hashes them (the
 * project's verifier recomputes them), spread over the years with `at` never going back
 * along the chain: the trigger would stamp every row with the loading moment. Reports the
 * chain's new end through `onEnd`.
 */
export function accessLogStep(
  w: World,
  tally: Tally,
  start: ChainStart,
  onEnd: (end: { chainSeq: number; hash: string; lastId: number }) => void,
): TableStep {
  const columns = [
    "id",
    "at",
    "user_id",
    "membership_id",
    "agency_id",
    "action",
    "entity_type",
    "entity_id",
    "purpose",
    "fields",
    "ip",
    "detail",
    "chain_seq",
    "prev_hash",
    "hash",
  ] as const;
  return {
    table: "access_log",
    columns,
    *rows() {
      const n = w.scale.accessLog;
      const from = Date.parse(`${w.start}T00:00:00Z`);
      const step = (Date.parse(w.today) - DAY_MS - from) / Math.max(1, n);
      let prev = start.hash;
      let seq = start.chainSeq;
      let rowId = start.nextId - 1;
      for (let k = 0; k < n; k++) {
        const rng = rngFor(w.seed, S.accessLog, k);
        const member = rng.pick(w.members);
        // Microseconds as the verifier prints them; the moments climb with k.
        const ms = Math.floor(from + (k + rng.next()) * step);
        const atText = `${iso(ms).slice(0, 23)}000Z`;
        const action = rng.weighted([
          ["read", 80],
          ["sign_in", 8],
          ["update", 6],
          ["create", 6],
        ] as const);
        const person = id(w, S.individual, workedPerson(w, rng));
        let entityType: string | null = "individual";
        let entityId: string | null = person;
        let purpose: string | null = "case_work";
        let fields: string[] | null = null;
        // jsonb's own text form, which the chain hashes.
        let detail: string | null = `{"view": "profile"}`;
        if (action === "sign_in") {
          entityType = entityId = purpose = detail = null;
        } else if (action === "update") {
          fields = rng.pick([["riskLevel"], ["status", "riskLevel"], ["district"], ["reviewDue"]]);
          detail = null;
        } else if (action === "create" && tally.notes > 0) {
          entityType = "note";
          entityId = id(w, S.note, rng.int(0, tally.notes - 1));
          detail = `{"individualId": "${person}"}`;
        } else if (action === "create") {
          detail = null;
        }
        const ip = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
        seq++;
        rowId++;
        const chained: ChainedRow = {
          chain_seq: String(seq),
          prev_hash: prev,
          id: String(rowId),
          at: atText,
          user_id: member.userId,
          membership_id: member.membershipId,
          agency_id: member.agencyId,
          action,
          entity_type: entityType,
          entity_id: entityId,
          purpose,
          fields: fields === null ? null : JSON.stringify(fields),
          ip,
          detail,
          hash: null,
        };
        const hash = rowHash(chained);
        yield [
          rowId,
          atText,
          member.userId,
          member.membershipId,
          member.agencyId,
          action,
          entityType,
          entityId,
          purpose,
          fields === null ? null : textArray(fields),
          ip,
          detail,
          seq,
          prev,
          hash,
        ];
        prev = hash;
      }
      onEnd({ chainSeq: seq, hash: prev, lastId: rowId });
    },
  };
}
