import type { flag, note, task } from "../schema";
import {
  CASE_AGENCIES,
  recorderOf,
  STAFF_OF,
  type CaseAgencyKey,
  type Organisation,
  type UserKey,
} from "./agencies-users";
import type { Violence } from "./incidents";
import type { Row } from "./insert";
import type { Work } from "./interventions";
import type { People, Person } from "./people-groups";
import { addDays, atHour, createRandom, dayBetween, idStream } from "./random";

type NoteKind = Row<typeof note>["kind"];

/** Note texts by author agency and kind: facts and assessments kept apart. */
const NOTE_BODIES: Record<CaseAgencyKey, Record<NoteKind, readonly string[]>> = {
  police: {
    fact: [
      "Stopped in a car with two known members of the group; no weapon found.",
      "Seen at the scene of a shooting half an hour before the shots.",
      "Reported his moped stolen; the moped was later found burnt out.",
    ],
    assessment: [
      "Intelligence suggests he holds weapons for the group; treat as armed.",
      "Likely to retaliate for the shooting of his cousin.",
      "Rising in the group's hierarchy; recruits younger boys.",
    ],
  },
  social: {
    fact: [
      "Mother contacted the office asking for help; meeting held with the family.",
      "Has debts of about 40,000 kronor to people in the group.",
      "Younger brother attends Lärkbacken school; school reports absence.",
    ],
    assessment: [
      "The family is motivated and could support a move away from the area.",
      "Risk of the younger siblings being drawn in is high.",
    ],
  },
  exit: {
    fact: [
      "Attended three meetings with the exit coach this month.",
      "Signed the exit agreement; phone number changed.",
      "Started a job-training placement at a warehouse.",
    ],
    assessment: [
      "Serious about leaving; needs housing outside the city quickly.",
      "Ambivalent: still in contact with the group through a friend.",
    ],
  },
  probation: {
    fact: [
      "Reported on time for supervision meetings since release.",
      "Missed a supervision meeting; reached by phone the next day.",
    ],
    assessment: [
      "Compliance good; main risk is the old group contacting him.",
      "Drug use likely again.",
    ],
  },
};

/** Police intelligence stays with the police; the exit programme shares with the programme. */
function visibilityOf(
  agency: CaseAgencyKey,
  kind: NoteKind,
  consented: boolean,
): Row<typeof note>["visibility"] {
  if (agency === "police") return kind === "fact" ? "programme" : "agency";
  if (agency === "social") return consented ? "programme" : "agency";
  return agency === "exit" ? "programme" : "agency";
}

export interface CaseWork {
  notes: Row<typeof note>[];
  tasks: Row<typeof task>[];
  flags: Row<typeof flag>[];
}

export function buildCaseWork(
  org: Organisation,
  people: People,
  violence: Violence,
  work: Work,
): CaseWork {
  const random = createRandom("case-work");
  const nextNoteId = idStream("note");
  const nextTaskId = idStream("task");
  const nextFlagId = idStream("flag");
  const notes: CaseWork["notes"] = [];

  const addNote = (
    subject: Pick<Row<typeof note>, "individualId" | "groupId" | "conflictId">,
    agency: CaseAgencyKey,
    kind: NoteKind,
    day: string,
    consented = false,
  ) => {
    const author = org.userId[random.pick(STAFF_OF[agency].slice(0, 2))];
    notes.push({
      id: nextNoteId(),
      ...subject,
      body: random.pick(NOTE_BODIES[agency][kind]),
      kind,
      visibility: visibilityOf(agency, kind, consented),
      authorAgencyId: org.agencyId[agency],
      createdAt: atHour(day, 10 + random.int(0, 6)),
      updatedAt: atHour(day, 10 + random.int(0, 6)),
      createdById: author,
      updatedById: author,
    });
  };

  for (const p of people.persons) {
    if (p.role === "pending") {
      addNote({ individualId: p.id }, p.agency, "fact", p.registeredOn);
      continue;
    }
    const count = p.exit ? 3 : random.int(0, 2);
    for (let i = 0; i < count; i++) {
      const agency =
        p.exit && i > 0
          ? i === 1
            ? "exit"
            : "social"
          : random.chance(0.6)
            ? p.agency
            : random.pick(CASE_AGENCIES);
      const day = dayBetween(
        random,
        p.registeredOn,
        p.registeredOn > "2020-05-15" ? p.registeredOn : "2020-05-15",
      );
      addNote(
        { individualId: p.id },
        agency,
        random.chance(0.5) ? "fact" : "assessment",
        day,
        Boolean(p.exit),
      );
    }
    if (random.chance(0.08))
      addNote(
        { individualId: p.id },
        p.agency,
        "fact",
        dayBetween(random, "2026-10-01", "2026-11-20"),
      );
  }
  people.groupIds.forEach((groupId) => {
    addNote({ groupId }, "police", "assessment", dayBetween(random, "2018-03-01", "2020-05-15"));
    addNote({ groupId }, "police", "fact", dayBetween(random, "2018-03-01", "2020-05-15"));
  });
  violence.conflictIds.forEach((conflictId, i) => {
    addNote({ conflictId }, "police", "assessment", dayBetween(random, "2018-06-01", "2020-05-15"));
    if (i % 2 === 0)
      addNote({ conflictId }, "exit", "fact", dayBetween(random, "2019-01-01", "2020-05-15"));
  });

  return {
    notes,
    tasks: buildTasks(org, people, violence, work, nextTaskId),
    flags: buildFlags(org, people, violence, nextFlagId),
  };
}

const TASK_TITLES = [
  "Follow up after the call-in",
  "Book a meeting with the family",
  "Check housing options outside the city",
  "Confirm the registration at review",
  "Call the school about attendance",
  "Update the risk assessment",
] as const;

/** Open and done follow-ups around the demo's "now" (late 2026), some overdue. */
function buildTasks(
  org: Organisation,
  people: People,
  violence: Violence,
  work: Work,
  nextId: () => string,
): Row<typeof task>[] {
  const random = createRandom("tasks");
  const rows: Row<typeof task>[] = [];
  const approved = people.persons.filter((p) => p.role !== "pending" && p.role !== "deceased");
  const plannedCallIn = work.interventions.find(
    (x) => x.kind === "call_in" && x.status === "planned",
  );
  const add = (
    agency: CaseAgencyKey,
    assignee: UserKey,
    title: string,
    subject: Partial<Row<typeof task>>,
  ) => {
    const dueOn = dayBetween(random, "2026-11-02", "2027-01-29");
    const done = dueOn < "2026-11-20" && random.chance(0.5);
    const created = atHour(addDays(dueOn, -random.int(7, 30)), 9);
    rows.push({
      id: nextId(),
      title,
      dueOn,
      agencyId: org.agencyId[agency],
      assigneeId: org.userId[assignee],
      status: done ? "done" : "open",
      doneAt: done ? atHour(dueOn, 15) : null,
      ...subject,
      createdAt: created,
      updatedAt: created,
      createdById: org.userId[assignee],
    });
  };
  for (const agency of CASE_AGENCIES) {
    for (const assignee of STAFF_OF[agency].slice(0, 2)) {
      for (let i = 0; i < 3; i++) {
        const p: Person = random.pick(approved);
        add(agency, assignee, random.pick(TASK_TITLES), { individualId: p.id });
      }
    }
  }
  add("police", "policeStaff", "Deliver the call-in invitations", {
    interventionId: plannedCallIn?.id ?? null,
  });
  add("social", "socialManager", "Prepare the social services' part of the call-in", {
    interventionId: plannedCallIn?.id ?? null,
  });
  add("police", "policeManager", "Review the group's enforcement ledger", {
    groupId: people.groupIds[0] ?? null,
  });
  add("exit", "exitManager", "Plan a second mediation meeting", {
    conflictId: violence.conflictIds[2] ?? null,
  });
  add("probation", "probationStaff", "Prepare the monthly coordination meeting", {});
  return rows;
}

/** Warnings shown prominently: retaliation risks after shootings, threats to staff, armed groups. */
function buildFlags(
  org: Organisation,
  people: People,
  violence: Violence,
  nextId: () => string,
): Row<typeof flag>[] {
  const random = createRandom("flags");
  const rows: Row<typeof flag>[] = [];
  const add = (
    subject: Partial<Row<typeof flag>>,
    kind: Row<typeof flag>["kind"],
    reason: string,
    day: string,
    agency: CaseAgencyKey,
    resolved: boolean,
  ) => {
    const raisedAt = atHour(day, 12);
    rows.push({
      id: nextId(),
      ...subject,
      kind,
      reason,
      raisingAgencyId: org.agencyId[agency],
      raisedAt,
      resolvedAt: resolved ? atHour(addDays(day, random.int(20, 120)), 12) : null,
      resolvedById: resolved ? recorderOf(org, agency) : null,
      resolution: resolved ? "Risk reassessed after the conflict calmed down." : null,
      createdAt: raisedAt,
      createdById: recorderOf(org, agency),
    });
  };
  const victims = violence.victimisations.filter((v) => !v.fatal && v.person.role !== "deceased");
  random.sample(victims, 8).forEach((v, i) => {
    add(
      { individualId: v.person.id },
      "retaliation_risk",
      "Victim of a shooting; friends have vowed revenge.",
      v.day,
      "police",
      i < 3,
    );
  });
  const approved = people.persons.filter(
    (p) => p.role === "other" && p.category === "group_member",
  );
  random.sample(approved, 3).forEach((p, i) => {
    const day = dayBetween(random, "2019-01-01", "2020-05-15");
    const agency = i === 0 ? "social" : i === 1 ? "probation" : "police";
    add(
      { individualId: p.id },
      "threat_to_staff",
      "Threatened a case worker during a meeting; meet only in pairs.",
      day,
      agency,
      false,
    );
  });
  add(
    { groupId: people.groupIds[0] },
    "other",
    "Access to automatic weapons; officers to wear protective vests.",
    "2019-08-20",
    "police",
    false,
  );
  add(
    { groupId: people.groupIds[1] },
    "retaliation_risk",
    "Expected to retaliate after the shooting at the harbour.",
    "2020-02-03",
    "police",
    false,
  );
  return rows;
}
