import { GROUPS } from "./names";
import type { People, Person } from "./people-groups";
import { addDays, createRandom, dayBetween } from "./random";
import type { Violence } from "./incidents";
import { groupIdOf, pickDefendants, reachable, type WorkLog } from "./interventions";

/**
 * The trials (enforcement of kind trial or prosecution) started or held in spring 2020,
 * as the programme reported: exactly these, and no other trial or prosecution from
 * January 2020 on.
 */
export const SPRING_2020_TRIALS = {
  prosecution: 4,
  trial: 8,
  from: "2020-03-02",
  to: "2020-05-15",
} as const;
/** Earlier trials and prosecutions all end by this day, well clear of 2020. */
const EARLIER_TRIALS_UNTIL = "2019-12-15";

/**
 * Enforcement ledgers: after a group's shooting, arrests and searches; for some, a
 * prosecution, a trial and a sentence. Every group member sent to prison went through
 * that chain in 2018-2019.
 */
export function recordEnforcement(
  log: WorkLog,
  people: People,
  violence: Violence,
  deaths: Map<string, string>,
) {
  const random = createRandom("enforcement");
  const { add } = log;
  const membersOf = (g: number, day: string) =>
    people.persons.filter(
      (p) =>
        p.groupIndex === g && !p.exit && p.role !== "incarcerated" && reachable(p, day, deaths),
    );
  const lastShootingBefore = (g: number, day: string) =>
    (violence.shootingsOfGroup.get(g) ?? []).filter((s) => s.day < day).at(-1) ?? null;

  const step = (
    g: number,
    kind: "arrest" | "search" | "prosecution" | "trial" | "sentence",
    day: string,
    defendants: Person[],
    triggerId: string | null,
  ) => {
    if ((kind === "prosecution" || kind === "trial") && day > EARLIER_TRIALS_UNTIL) return;
    add(
      {
        kind: "enforcement",
        enforcementKind: kind,
        lead: kind === "arrest" || kind === "search" ? "police" : "prosecution",
        day,
        status: "done",
        visibility: kind === "search" ? "agency" : "programme",
        groupId: g === -1 ? null : people.groupIds[g],
        triggeringIncidentId: triggerId,
        summary: `${kind[0]?.toUpperCase()}${kind.slice(1)} following the group's shooting.`,
        result: RESULTS[kind],
      },
      kind === "search" ? [] : defendants.map((person) => ({ person })),
    );
  };

  // Ledgers for the groups that shot in 2018 and the first months of 2019.
  for (const [g, shootings] of violence.shootingsOfGroup) {
    const triggers = shootings.filter((s) => s.day >= "2018-01-01" && s.day <= "2019-04-30");
    for (const trigger of random.sample(triggers, 2)) {
      const defendants = pickDefendants(random, membersOf(g, trigger.day), random.int(1, 2));
      if (defendants.length === 0) continue;
      step(g, "arrest", addDays(trigger.day, random.int(2, 20)), defendants, trigger.id);
      step(g, "search", addDays(trigger.day, random.int(2, 20)), defendants, trigger.id);
      if (random.chance(0.5)) continue;
      step(g, "prosecution", addDays(trigger.day, random.int(60, 100)), defendants, trigger.id);
      step(g, "trial", addDays(trigger.day, random.int(150, 220)), defendants, trigger.id);
    }
  }

  // The incarcerated: arrested, prosecuted, tried and sentenced in 2018-2019.
  for (const p of people.persons.filter((x) => x.role === "incarcerated")) {
    const arrested = dayBetween(random, "2018-03-01", "2019-02-28");
    const g = p.groupIndex ?? -1;
    const trigger = g === -1 ? null : lastShootingBefore(g, arrested);
    step(g, "arrest", arrested, [p], trigger?.id ?? null);
    step(g, "prosecution", addDays(arrested, random.int(50, 80)), [p], trigger?.id ?? null);
    step(g, "trial", addDays(arrested, random.int(120, 150)), [p], trigger?.id ?? null);
    step(g, "sentence", addDays(arrested, random.int(160, 190)), [p], trigger?.id ?? null);
  }

  // Spring 2020: the groups that kept shooting after the call-ins faced trial.
  const shootersOf2020 = [...violence.shootingsOfGroup.entries()]
    .filter(([, list]) => list.some((s) => s.day >= "2019-09-24"))
    .map(([g]) => g)
    .filter((g) => membersOf(g, SPRING_2020_TRIALS.from).length >= 2);
  const kinds = [
    ...Array<"prosecution">(SPRING_2020_TRIALS.prosecution).fill("prosecution"),
    ...Array<"trial">(SPRING_2020_TRIALS.trial).fill("trial"),
  ];
  kinds.forEach((kind, i) => {
    const day = dayBetween(random, SPRING_2020_TRIALS.from, SPRING_2020_TRIALS.to);
    const g = shootersOf2020[i % shootersOf2020.length] as number;
    const trigger = lastShootingBefore(g, day);
    const defendants = pickDefendants(random, membersOf(g, day), 1 + (i % 2));
    add(
      {
        kind: "enforcement",
        enforcementKind: kind,
        lead: "prosecution",
        day,
        status: "done",
        visibility: "programme",
        groupId: defendants.length > 0 ? groupIdOf(people, defendants[0] as Person) : null,
        triggeringIncidentId: trigger?.id ?? null,
        summary: `${kind === "trial" ? "Trial held" : "Prosecution brought"} against members of ${GROUPS[g]?.name}, as promised at the call-in.`,
        result: RESULTS[kind],
      },
      defendants.map((person) => ({ person })),
    );
  });

  // Arrests and searches go on: some in spring 2020 (they are not trials).
  for (let i = 0; i < 10; i++) {
    const day = dayBetween(random, "2019-06-01", "2020-05-15");
    const g = random.pick(shootersOf2020);
    const defendants = pickDefendants(random, membersOf(g, day), 1);
    if (defendants.length === 0) continue;
    step(
      g,
      i % 3 === 0 ? "search" : "arrest",
      day,
      defendants,
      lastShootingBefore(g, day)?.id ?? null,
    );
  }
}

const RESULTS = {
  arrest: "Arrested and held for questioning; released pending investigation.",
  search: "Premises searched; a firearm and ammunition seized.",
  prosecution: "Indictment filed at the district court.",
  trial: "Trial held at the district court.",
  sentence: "Sentenced to prison.",
} as const;
