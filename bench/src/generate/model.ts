import type {
  AGENCY_KINDS,
  CONFLICT_STATUSES,
  ENFORCEMENT_KINDS,
  GROUP_STATUSES,
  INCIDENT_KINDS,
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  RISK_LEVELS,
  SUPERVISIONS,
} from "@truce/db/enum-values";
import { addDays, dayNumber, isoText, momentOn, rngFor, uuidOf, type Rng } from "./random";
import {
  CITIES,
  COMMON_FAMILY_NAMES,
  FAMILY_PREFIXES,
  FAMILY_SUFFIXES,
  GIVEN_NAMES,
  GROUP_WORDS,
  QUARTERS,
  REASONS,
  STREET_NAMES,
} from "./vocabulary";

export type AgencyKind = (typeof AGENCY_KINDS)[number];
type RiskLevel = (typeof RISK_LEVELS)[number];
type Category = (typeof INDIVIDUAL_CATEGORIES)[number];
type InterventionKind = (typeof INTERVENTION_KINDS)[number];

/** The streams of randomness, one per concept, and the table codes of the ids. */
export const S = {
  individual: 1,
  group: 2,
  groupMembership: 3,
  alliance: 4,
  conflict: 5,
  conflictParty: 6,
  incident: 7,
  incidentParty: 8,
  intervention: 9,
  participant: 10,
  interventionAgency: 11,
  speaker: 12,
  assignment: 13,
  consent: 14,
  referral: 15,
  outcome: 16,
  note: 17,
  task: 18,
  flag: 19,
  accessLog: 20,
  incidentReview: 21,
  conflictChange: 22,
  referralEvent: 23,
} as const;

export interface Agency {
  id: string;
  kind: AgencyKind;
}

/** An active membership of a case-working agency (staff or manager), from the demo. */
export interface Member {
  membershipId: string;
  userId: string;
  agencyId: string;
}

export interface ScaleCounts {
  people: number;
  groups: number;
  conflicts: number;
  interventions: number;
  incidents: number;
  accessLog: number;
  years: number;
}

/** What every pass shares: the scale, the calendar, and the demo's agencies and staff. */
export interface World {
  seed: number;
  scale: ScaleCounts;
  today: string;
  start: string;
  spanDays: number;
  agencies: Agency[];
  /** Agencies with active staff: they register people and lead the work. */
  caseAgencies: Agency[];
  byKind: Map<AgencyKind, Agency>;
  staffOf: Map<string, string[]>;
  managerOf: Map<string, string>;
  members: Member[];
  districts: string[];
  familyNames: string[];
  /** Indexes of the high- and critical-risk people, who get most of the work. */
  hot: Int32Array;
}

export function districtsFor(people: number): string[] {
  const cities = Math.min(CITIES.length, Math.max(1, Math.ceil(people / 10_000)));
  return CITIES.slice(0, cities).flatMap((city) => QUARTERS.map((q) => `${city} ${q}`));
}

export function familyNames(): string[] {
  return [
    ...COMMON_FAMILY_NAMES,
    ...FAMILY_PREFIXES.flatMap((p) => FAMILY_SUFFIXES.map((s) => `${p}${s}`)),
  ];
}

export const id = (w: World, table: number, index: number) => uuidOf(w.seed, table, index);
export const iso = isoText;

/** A day in the generated period, `fraction` of the way through it. */
export function dayAt(w: World, fraction: number): string {
  return addDays(w.start, Math.floor(fraction * w.spanDays));
}

/** A random day from `from` to today (or `from` itself when that is today or later). */
export function dayAfter(w: World, rng: Rng, from: string): string {
  const days = dayNumber(w.today) - dayNumber(from);
  return days <= 0 ? from : addDays(from, rng.int(0, days));
}

export function staffOf(w: World, rng: Rng, agencyId: string): string {
  return rng.pick(w.staffOf.get(agencyId) ?? [...w.staffOf.values()][0]!);
}

type Weights = ReadonlyArray<readonly [AgencyKind, number]>;
const present = new WeakMap<World, Map<Weights, Weights>>();

/** A case agency by kind, among the kinds the programme has. */
function caseAgency(w: World, rng: Rng, weights: Weights) {
  let cache = present.get(w);
  if (!cache) present.set(w, (cache = new Map()));
  let available = cache.get(weights);
  if (!available) cache.set(weights, (available = weights.filter(([k]) => w.byKind.has(k))));
  if (available.length === 0) return rng.pick(w.caseAgencies);
  return w.byKind.get(rng.weighted(available))!;
}

/** Another agency than `agencyId`, any kind. */
export function otherAgency(w: World, rng: Rng, agencyId: string): Agency {
  const k = rng.int(0, w.agencies.length - 2);
  const index = w.agencies.findIndex((a) => a.id === agencyId);
  return w.agencies[index >= 0 && k >= index ? k + 1 : k]!;
}

// People.

export interface PersonRow {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  nationalId: string | null;
  district: string;
  status: (typeof INDIVIDUAL_STATUSES)[number];
  riskLevel: RiskLevel;
  supervision: (typeof SUPERVISIONS)[number];
  agency: Agency;
  registrationReason: string;
  category: Category;
  pending: boolean;
  approvedById: string | null;
  approvedAt: string | null;
  reviewDue: string;
  protectedLocation: boolean;
  currentLocation: string | null;
  registeredOn: string;
  createdAt: string;
  createdById: string;
  aliases: string[];
}

const AGENCY_SHARE = [
  ["police", 45],
  ["social_services", 22],
  ["exit_programme", 17],
  ["probation", 16],
] as const;

/** Person `i`, the same on every call. */
export function personAt(w: World, i: number): PersonRow {
  const rng = rngFor(w.seed, S.individual, i);
  const agency = caseAgency(w, rng, AGENCY_SHARE);
  const enforcing = agency.kind === "police" || agency.kind === "probation";
  const c = rng.next();
  const category: Category = enforcing
    ? c < 0.75
      ? "group_member"
      : c < 0.88
        ? "associate"
        : c < 0.95
          ? "victim"
          : "witness"
    : c < 0.5
      ? "group_member"
      : c < 0.75
        ? "associate"
        : c < 0.9
          ? "victim"
          : "witness";
  const status = rng.weighted([
    ["active", 70],
    ["in_exit_process", 8],
    ["exited", 8],
    ["relocated", 4],
    ["incarcerated", 8],
    ["deceased", 2],
  ] as const);
  const riskLevel = rng.weighted([
    ["low", 28],
    ["medium", 42],
    ["high", 22],
    ["critical", 8],
  ] as const);
  const supervision =
    status === "incarcerated"
      ? "in_prison"
      : rng.weighted([
          ["none", 78],
          ["probation", 12],
          ["conditional_release", 6],
          ["in_custody", 4],
        ] as const);
  // Registrations grow over the years, as a programme does.
  const registeredOn = dayAt(w, Math.sqrt(rng.next()) * 0.995);
  const pending = rng.chance(0.02);
  const ageDays = rng.chance(0.05)
    ? rng.int(13 * 365, 17 * 365 + 300)
    : rng.int(18 * 365 + 5, 45 * 365);
  const dateOfBirth = rng.chance(0.88) ? addDays(w.today, -ageDays) : null;
  const common = rng.chance(0.6);
  const familyName = common
    ? w.familyNames[rng.int(0, COMMON_FAMILY_NAMES.length - 1)]!
    : w.familyNames[rng.int(COMMON_FAMILY_NAMES.length, w.familyNames.length - 1)]!;
  const relocated = status === "relocated";
  const protectedLocation = relocated ? rng.chance(0.6) : rng.chance(0.02);
  const createdById = staffOf(w, rng, agency.id);
  const approvedOn = addDays(registeredOn, rng.int(1, 12));
  const createdAt = momentOn(rng, registeredOn);
  return {
    id: id(w, S.individual, i),
    givenName: rng.pick(GIVEN_NAMES),
    familyName,
    dateOfBirth,
    // Clearly not a real identity number.
    nationalId:
      dateOfBirth && rng.chance(0.6) ? `BENCH-${dateOfBirth.replaceAll("-", "")}-${i}` : null,
    district: rng.pick(w.districts),
    status,
    riskLevel,
    supervision,
    agency,
    registrationReason: rng.pick(REASONS[category]),
    category,
    pending,
    approvedById: pending ? null : (w.managerOf.get(agency.id) ?? createdById),
    approvedAt: pending ? null : iso(momentOn(rng, approvedOn)),
    reviewDue: pending ? addDays(registeredOn, 365) : addDays(w.today, rng.int(-30, 2 * 365)),
    protectedLocation,
    currentLocation: relocated
      ? "Outside the city (relocated)"
      : protectedLocation
        ? "Temporary address (protected)"
        : null,
    registeredOn,
    createdAt: iso(createdAt),
    createdById,
    aliases: rng.chance(0.2)
      ? [...new Set([rng.pick(STREET_NAMES), ...(rng.chance(0.3) ? [rng.pick(STREET_NAMES)] : [])])]
      : [],
  };
}

/** A person for a piece of work: half the time one of the high-risk few. */
export function workedPerson(w: World, rng: Rng): number {
  return w.hot.length > 0 && rng.chance(0.5)
    ? w.hot[rng.int(0, w.hot.length - 1)]!
    : rng.int(0, w.scale.people - 1);
}

// Groups.

export interface GroupRow {
  id: string;
  name: string;
  aliases: string[];
  area: string;
  status: (typeof GROUP_STATUSES)[number];
  createdAt: string;
}

/** Group `i`: its name is unique by construction (district, word, then a number). */
export function groupAt(w: World, i: number): GroupRow {
  const rng = rngFor(w.seed, S.group, i);
  const d = w.districts.length;
  const area = w.districts[i % d]!;
  const word = GROUP_WORDS[Math.floor(i / d) % GROUP_WORDS.length]!;
  const round = Math.floor(i / (d * GROUP_WORDS.length));
  const quarter = area.slice(area.indexOf(" ") + 1);
  const name = `${area} ${word}${round > 0 ? ` ${round + 1}` : ""}`;
  const initials = `${quarter[0]}${word[0]}${round > 0 ? round + 1 : ""}`.toUpperCase();
  return {
    id: id(w, S.group, i),
    name,
    aliases: rng.chance(0.7) ? [initials] : [],
    area,
    status: rng.weighted([
      ["active", 70],
      ["dormant", 20],
      ["dissolved", 10],
    ] as const),
    createdAt: iso(momentOn(rng, dayAt(w, rng.next() * 0.5))),
  };
}

/** A group of the person's district when there is one. */
export function groupNear(w: World, rng: Rng, district: string): number {
  const d = w.districts.length;
  const index = w.districts.indexOf(district);
  const inDistrict = index < 0 ? 0 : Math.floor((w.scale.groups - 1 - index) / d) + 1;
  return inDistrict > 0 && index >= 0
    ? index + d * rng.int(0, inDistrict - 1)
    : rng.int(0, w.scale.groups - 1);
}

/** Two different groups. */
export function twoGroups(w: World, rng: Rng): [number, number] {
  const a = rng.int(0, w.scale.groups - 1);
  const b = (a + rng.int(1, w.scale.groups - 1)) % w.scale.groups;
  return [a, b];
}

// Conflicts.

export interface ConflictRow {
  id: string;
  title: string;
  status: (typeof CONFLICT_STATUSES)[number];
  riskLevel: RiskLevel;
  startedOn: string;
  resolvedOn: string | null;
  sides: [number, number];
}

export function conflictAt(w: World, i: number): ConflictRow {
  const rng = rngFor(w.seed, S.conflict, i);
  const sides = twoGroups(w, rng);
  const status = rng.weighted([
    ["latent", 15],
    ["active", 35],
    ["escalating", 15],
    ["mediated", 15],
    ["resolved", 20],
  ] as const);
  const startedOn = dayAt(w, rng.next() * 0.9);
  return {
    id: id(w, S.conflict, i),
    title: `${groupAt(w, sides[0]).name} vs ${groupAt(w, sides[1]).name}`,
    status,
    riskLevel: rng.weighted([
      ["low", 20],
      ["medium", 40],
      ["high", 30],
      ["critical", 10],
    ] as const),
    startedOn,
    resolvedOn: status === "resolved" ? dayAfter(w, rng, startedOn) : null,
    sides,
  };
}

// Incidents.

export interface IncidentRow {
  id: string;
  kind: (typeof INCIDENT_KINDS)[number];
  occurredAt: number;
  district: string;
  dead: number;
  injured: number;
  conflict: number | null;
}

export function incidentAt(w: World, i: number): IncidentRow {
  const rng = rngFor(w.seed, S.incident, i);
  const kind = rng.weighted([
    ["shooting", 18],
    ["attempted_shooting", 10],
    ["explosion", 6],
    ["stabbing", 16],
    ["assault", 30],
    ["threat", 20],
  ] as const);
  const harmful = kind === "shooting" || kind === "stabbing" || kind === "explosion";
  return {
    id: id(w, S.incident, i),
    kind,
    occurredAt: momentOn(rng, dayAt(w, rng.next())),
    district: rng.pick(w.districts),
    dead: harmful && rng.chance(0.15) ? 1 : 0,
    injured: harmful || kind === "assault" ? rng.int(0, 2) : 0,
    conflict: w.scale.conflicts > 0 && rng.chance(0.4) ? rng.int(0, w.scale.conflicts - 1) : null,
  };
}

// Interventions.

export interface InterventionRow {
  id: string;
  kind: InterventionKind;
  enforcementKind: (typeof ENFORCEMENT_KINDS)[number] | null;
  lead: Agency;
  occurredAt: number;
  status: (typeof INTERVENTION_STATUSES)[number];
  createdById: string;
  rng: Rng;
}

const LEADS: Record<InterventionKind, ReadonlyArray<readonly [AgencyKind, number]>> = {
  call_in: [["police", 1]],
  custom_notification: [
    ["police", 3],
    ["social_services", 1],
  ],
  home_visit: [
    ["social_services", 3],
    ["exit_programme", 2],
    ["probation", 2],
  ],
  support_offer: [
    ["exit_programme", 3],
    ["social_services", 2],
  ],
  mediation: [
    ["exit_programme", 1],
    ["social_services", 1],
  ],
  enforcement: [
    ["police", 5],
    ["probation", 1],
  ],
};

function kindOf(rng: Rng): InterventionKind {
  return rng.weighted([
    ["call_in", 4],
    ["custom_notification", 14],
    ["home_visit", 34],
    ["support_offer", 20],
    ["mediation", 8],
    ["enforcement", 20],
  ] as const);
}

/** Intervention `i`'s kind alone (its stream's first draw), for a pass over some kinds. */
export function interventionKindAt(w: World, i: number): InterventionKind {
  return kindOf(rngFor(w.seed, S.intervention, i));
}

/**
 * Intervention `i`'s kind, lead and moment, and its stream positioned after them (the
 * intervention pass reads the rest of the row from it; the participant pass only these).
 */
export function interventionAt(w: World, i: number): InterventionRow {
  const rng = rngFor(w.seed, S.intervention, i);
  const kind = kindOf(rng);
  const status = rng.weighted([
    ["done", 88],
    ["cancelled", 5],
    ["planned", 7],
  ] as const);
  const day = status === "planned" ? addDays(w.today, rng.int(1, 30)) : dayAt(w, rng.next());
  const lead = caseAgency(w, rng, LEADS[kind]);
  return {
    id: id(w, S.intervention, i),
    kind,
    enforcementKind:
      kind === "enforcement"
        ? rng.weighted([
            ["arrest", 40],
            ["search", 30],
            ["prosecution", 15],
            ["trial", 8],
            ["sentence", 7],
          ] as const)
        : null,
    lead,
    occurredAt: momentOn(rng, day),
    status,
    createdById: staffOf(w, rng, lead.id),
    rng,
  };
}

/** How many people an intervention of `kind` concerns. */
export function participantsOf(kind: InterventionKind, rng: Rng): number {
  switch (kind) {
    case "call_in":
      return rng.int(3, 6);
    case "mediation":
      return 2;
    case "enforcement":
      return rng.chance(0.2) ? 2 : 1;
    default:
      return 1;
  }
}

/** Notes on person `i`: the first draw of the person's note stream (0 to 4, 2 on average). */
export function noteCountOf(w: World, i: number): { rng: Rng; count: number } {
  const rng = rngFor(w.seed, S.note, i);
  return { rng, count: rng.int(0, 4) };
}
