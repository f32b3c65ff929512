/**
 * The input schemas are the one source of every input rule: the procedures validate with
 * them and the forms import the same objects. So each rule is proved here once: what breaks
 * it, and the message key a person then sees, which must say the same thing (the same
 * numbers) in both languages. A schema without its rules here fails the first test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { addMonths, programmeToday } from "@truce/db/programme-calendar";
import { REPORT_MAX_YEARS } from "./report/schemas";

const servicesDir = fileURLToPath(new URL(".", import.meta.url));
const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8"));

const catalogs = {
  en: readJson("../../../ui/messages/validation/en.json"),
  sv: readJson("../../../ui/messages/validation/sv.json"),
};

/** A valid input, and for each rule a field, a value that breaks it, and the message key. */
interface SchemaRules {
  valid: Record<string, unknown>;
  /** Values at the edge of a rule, still accepted. */
  accepted?: [field: string, value: unknown][];
  broken: [field: string, value: unknown, key: string][];
}

const id = "00000000-0000-4000-8000-000000000001";
const chars = (n: number) => "x".repeat(n);
const {
  agency,
  note,
  accessLog,
  individual,
  group,
  groupMembership,
  alias,
  reviewPeriod,
  search,
  count,
  page,
  pageSize,
} = FIELD_LIMITS;

/** A date this many months from today (the programme's), as a form sends it. */
const inMonths = (months: number) => addMonths(programmeToday(), months);

/** A person's record, valid, and each rule of its fields broken (registration and edit). */
const personFields = {
  givenName: "Mohammed",
  familyName: "Lind",
  district: "Rosengård",
  riskLevel: "high",
  supervision: "none",
  category: "group_member",
  registrationReason: "Seen armed with the group's core members.",
};
const personRules: SchemaRules["broken"] = [
  ["givenName", "  ", "validation.individual.givenName"],
  ["givenName", chars(individual.givenName.max + 1), "validation.individual.givenName"],
  ["familyName", undefined, "validation.individual.familyName"],
  ["aliases", "Lillen", "validation.individual.aliases"],
  [
    "aliases",
    Array.from({ length: individual.aliases.max + 1 }, (_, i) => `Alias ${i}`),
    "validation.individual.aliases",
  ],
  ["aliases", [" "], "validation.individual.alias"],
  ["aliases", [chars(alias.max + 1)], "validation.individual.alias"],
  ["dateOfBirth", "2099-01-01", "validation.individual.dateOfBirth"],
  ["dateOfBirth", "31/01/2004", "validation.individual.dateOfBirth"],
  ["nationalId", "12345", "validation.individual.nationalId"],
  ["nationalId", "1990 0101", "validation.individual.nationalId"],
  ["nationalId", chars(individual.nationalId.max + 1), "validation.individual.nationalId"],
  ["district", "", "validation.individual.district"],
  ["riskLevel", "extreme", "validation.individual.riskLevel"],
  ["supervision", "parole", "validation.individual.supervision"],
  ["category", undefined, "validation.individual.category"],
  [
    "registrationReason",
    chars(individual.registrationReason.min - 1),
    "validation.individual.registrationReason",
  ],
  [
    "registrationReason",
    chars(individual.registrationReason.max + 1),
    "validation.individual.registrationReason",
  ],
];

/** A group's record, valid, and each rule of its fields broken (recording and edit). */
const groupFields = { name: "Granängen Boys", aliases: ["GB"], area: "Granängen" };
const groupRules: SchemaRules["broken"] = [
  ["name", " ", "validation.group.name"],
  ["name", chars(group.name.max + 1), "validation.group.name"],
  ["name", "G\u0000B", "validation.common.controlCharacters"],
  ["aliases", "GB", "validation.group.aliases"],
  [
    "aliases",
    Array.from({ length: group.aliases.max + 1 }, (_, i) => `Alias ${i}`),
    "validation.group.aliases",
  ],
  ["aliases", [""], "validation.group.alias"],
  ["aliases", [chars(alias.max + 1)], "validation.group.alias"],
  ["area", undefined, "validation.group.area"],
  ["status", "gone", "validation.group.status"],
  ["description", chars(group.description.max + 1), "validation.group.description"],
];

const pageRules: SchemaRules["broken"] = [
  ["page", page.min - 1, "validation.common.page"],
  ["page", page.max + 1, "validation.common.page"],
  ["page", 1.5, "validation.common.page"],
  ["pageSize", pageSize.min - 1, "validation.common.pageSize"],
  ["pageSize", pageSize.max + 1, "validation.common.pageSize"],
  // at the default page size, the first page whose first row is past the exact count
  ["page", count.max / pageSize.default + 1, "validation.common.pageBeyondCount"],
];
const lastPage: [string, unknown] = ["page", count.max / pageSize.default];
const searchRules: SchemaRules["broken"] = [
  ["search", chars(search.max + 1), "validation.common.search"],
  ["search", "a\u0000b", "validation.common.controlCharacters"],
];
const versionedRules: SchemaRules["broken"] = [
  ["version", 0, "validation.common.version"],
  ["version", "3", "validation.common.version"],
  // beyond PostgreSQL's integer: the database would fail inside instead of refusing
  ["version", 2 ** 31, "validation.common.version"],
  ["disabled", "yes", "validation.common.disabled"],
];

/** A conflict's rules (conflict/schemas.ts): its list, its record, its parties, its status. */
const conflictLimits = FIELD_LIMITS.conflict;
const party = (n: number, side: string) => ({
  kind: "group",
  id: `00000000-0000-4000-8000-00000000000${n}`,
  side,
});
const twoParties = [party(1, "A"), party(2, "B")];
const conflictRecordRules: SchemaRules["broken"] = [
  ["title", " x ", "validation.conflict.title"],
  ["title", chars(conflictLimits.title.max + 1), "validation.conflict.title"],
  ["title", "a\u0000b", "validation.common.controlCharacters"],
  ["startedOn", "2099-01-01", "validation.conflict.startedOn"],
  ["startedOn", "spring 2019", "validation.conflict.startedOn"],
  ["description", chars(conflictLimits.description.max + 1), "validation.conflict.description"],
];
const conflictRules: Record<string, SchemaRules> = {
  listConflictsInput: {
    valid: {},
    accepted: [
      ["search", chars(search.max)],
      lastPage,
      ["status", ["active"]],
      ["status", ["latent", "active", "escalating", "mediated", "resolved"]],
      ["riskLevel", "critical"],
    ],
    broken: [
      ...pageRules,
      ...searchRules,
      ["status", "active", "validation.conflict.status"],
      ["status", [], "validation.conflict.status"],
      ["status", ["war"], "validation.conflict.status"],
      ["riskLevel", "extreme", "validation.conflict.riskLevel"],
    ],
  },
  lookupConflictsInput: {
    valid: {},
    accepted: [
      ["search", chars(search.max)],
      ["id", id],
      ["open", true],
    ],
    broken: [
      ...searchRules,
      ["id", "42", "validation.common.id"],
      ["open", "yes", "validation.conflict.open"],
    ],
  },
  getConflictInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
  conflictPartyInput: {
    valid: party(1, "A"),
    accepted: [["side", chars(FIELD_LIMITS.conflictParty.side.max)]],
    broken: [
      ["kind", "agency", "validation.conflict.partyKind"],
      ["id", "42", "validation.common.id"],
      ["side", " ", "validation.conflict.side"],
      ["side", chars(FIELD_LIMITS.conflictParty.side.max + 1), "validation.conflict.side"],
    ],
  },
  createConflictInput: {
    valid: {
      title: "Granängen Boys vs Kajen Crew",
      status: "active",
      riskLevel: "high",
      parties: twoParties,
    },
    accepted: [
      ["title", chars(conflictLimits.title.max)],
      ["startedOn", "2019-06-01"],
      ["startedOn", ""],
      ["description", ""],
      ["description", chars(conflictLimits.description.max)],
      [
        "parties",
        Array.from({ length: FIELD_LIMITS.conflictParties.max }, (_, i) => ({
          kind: i % 2 ? "individual" : "group",
          id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          side: i % 2 ? "A" : "B",
        })),
      ],
      // the same id once as a group and once as a person are two parties
      ["parties", [party(1, "A"), { ...party(1, "B"), kind: "individual" }]],
    ],
    broken: [
      ...conflictRecordRules,
      ["status", "war", "validation.conflict.status"],
      ["riskLevel", undefined, "validation.conflict.riskLevel"],
      ["parties", undefined, "validation.conflict.parties"],
      ["parties", "A and B", "validation.conflict.parties"],
      ["parties", [party(1, "A")], "validation.conflict.parties"],
      [
        "parties",
        Array.from({ length: FIELD_LIMITS.conflictParties.max + 1 }, (_, i) => ({
          kind: "group",
          id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
          side: i % 2 ? "A" : "B",
        })),
        "validation.conflict.parties",
      ],
      ["parties", [party(1, "A"), party(1, "B")], "validation.conflict.partyTwice"],
      ["parties", [party(1, "A"), party(2, " a ")], "validation.conflict.sides"],
      ["parties", [party(1, "A"), { ...party(2, "B"), side: "" }], "validation.conflict.side"],
    ],
  },
  updateConflictInput: {
    valid: { id, version: 2, title: "Harbour debts" },
    accepted: [
      ["startedOn", null],
      ["description", null],
    ],
    broken: [
      ...conflictRecordRules,
      ["id", "42", "validation.common.id"],
      ...versionedRules.filter(([field]) => field === "version"),
    ],
  },
  setConflictStatusInput: {
    valid: { id, version: 1, status: "escalating" },
    accepted: [
      ["riskLevel", "critical"],
      ["reason", ""],
      ["reason", chars(FIELD_LIMITS.conflictChange.reason.max)],
    ],
    broken: [
      ["id", undefined, "validation.common.id"],
      // neither a status nor a risk level: no change
      ["status", undefined, "validation.conflict.change"],
      ["status", "war", "validation.conflict.status"],
      ["riskLevel", "extreme", "validation.conflict.riskLevel"],
      ["reason", chars(FIELD_LIMITS.conflictChange.reason.max + 1), "validation.conflict.reason"],
      ["reason", "a\u0000b", "validation.common.controlCharacters"],
      ...versionedRules.filter(([field]) => field === "version"),
    ],
  },
};

/** An alliance's rules (alliance/schemas.ts). */
const groupA = "00000000-0000-4000-8000-00000000000a";
const allianceRules: Record<string, SchemaRules> = {
  listAlliancesInput: {
    valid: {},
    accepted: [lastPage, ["groupId", id]],
    broken: [...pageRules, ["groupId", "42", "validation.common.id"]],
  },
  createAllianceInput: {
    valid: { groupAId: groupA, groupBId: id },
    accepted: [
      ["fromOn", "2019-01-10"],
      ["fromOn", ""],
      ["note", chars(FIELD_LIMITS.alliance.note.max)],
      ["note", null],
    ],
    broken: [
      ["groupAId", "", "validation.alliance.group"],
      ["groupBId", undefined, "validation.alliance.group"],
      ["groupBId", groupA, "validation.alliance.sameGroup"],
      ["fromOn", "2099-01-01", "validation.alliance.fromOn"],
      ["fromOn", "January", "validation.alliance.fromOn"],
      ["note", chars(FIELD_LIMITS.alliance.note.max + 1), "validation.alliance.note"],
      ["note", "a\u0000b", "validation.common.controlCharacters"],
    ],
  },
  endAllianceInput: {
    valid: { id, version: 1, toOn: "2020-05-19" },
    broken: [
      ["id", "42", "validation.common.id"],
      ["toOn", undefined, "validation.alliance.toOn"],
      ["toOn", "2099-01-01", "validation.alliance.toOn"],
      ...versionedRules.filter(([field]) => field === "version"),
    ],
  },
};

const rules: Record<string, Record<string, SchemaRules>> = {
  agency: {
    createAgencyInput: {
      valid: { name: "Tallbo police", kind: "police" },
      accepted: [
        ["name", chars(agency.name.min)],
        ["name", ` ${chars(agency.name.max)} `],
      ],
      broken: [
        ["name", ` ${chars(agency.name.min - 1)} `, "validation.agency.name"],
        ["name", chars(agency.name.max + 1), "validation.agency.name"],
        ["name", undefined, "validation.agency.name"],
        ["name", "Tallbo\u0000police", "validation.common.controlCharacters"],
        ["kind", "newspaper", "validation.agency.kind"],
      ],
    },
  },
  note: {
    createNoteInput: {
      valid: { individualId: id, body: "Seen at the scene.", kind: "fact" },
      accepted: [["body", chars(note.body.max)]],
      broken: [
        ["individualId", "42", "validation.common.id"],
        // no subject, or two
        ["individualId", undefined, "validation.note.subject"],
        ["groupId", id, "validation.note.subject"],
        ["conflictId", "42", "validation.common.id"],
        ["body", "   ", "validation.note.body"],
        ["body", chars(note.body.max + 1), "validation.note.body"],
        ["body", "a\u0000b", "validation.common.controlCharacters"],
        ["kind", "rumour", "validation.note.kind"],
        ["visibility", "everyone", "validation.note.visibility"],
      ],
    },
    getNoteInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
    listNotesForIndividualInput: {
      valid: { individualId: id },
      broken: [["individualId", undefined, "validation.common.id"]],
    },
    listNotesForGroupInput: {
      valid: { groupId: id },
      broken: [["groupId", "42", "validation.common.id"]],
    },
    listNotesForConflictInput: {
      valid: { conflictId: id },
      broken: [["conflictId", undefined, "validation.common.id"]],
    },
  },
  group: {
    listGroupsInput: {
      valid: {},
      accepted: [
        ["search", chars(search.max)],
        lastPage,
        ["status", "dormant"],
        ["area", "Granängen"],
      ],
      broken: [
        ...pageRules,
        ...searchRules,
        ["status", "banned", "validation.group.status"],
        ["area", " ", "validation.group.area"],
        ["area", chars(group.area.max + 1), "validation.group.area"],
      ],
    },
    lookupGroupsInput: {
      valid: {},
      accepted: [
        ["search", chars(search.max)],
        ["id", id],
      ],
      broken: [...searchRules, ["id", "42", "validation.common.id"]],
    },
    getGroupInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
    createGroupInput: {
      valid: groupFields,
      accepted: [
        ["name", chars(group.name.max)],
        ["aliases", Array.from({ length: group.aliases.max }, (_, i) => `Alias ${i}`)],
        ["description", ""],
        ["description", null],
        ["description", chars(group.description.max)],
      ],
      broken: groupRules,
    },
    updateGroupInput: {
      valid: { ...groupFields, id, version: 2 },
      broken: [
        ...groupRules,
        ["id", "42", "validation.common.id"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
    addGroupMemberInput: {
      valid: { groupId: id, individualId: id, affiliation: "member" },
      accepted: [
        ["fromOn", "2019-03-01"],
        ["fromOn", programmeToday()],
        ["fromOn", ""],
        ["source", chars(groupMembership.source.max)],
        ["source", ""],
      ],
      broken: [
        ["groupId", "42", "validation.common.id"],
        ["individualId", undefined, "validation.common.id"],
        ["affiliation", "leader", "validation.group.affiliation"],
        ["fromOn", "2099-01-01", "validation.group.fromOn"],
        ["fromOn", "1899-12-31", "validation.group.fromOn"],
        ["fromOn", "March 2019", "validation.group.fromOn"],
        ["source", chars(groupMembership.source.max + 1), "validation.group.source"],
        ["source", "a\u0000b", "validation.common.controlCharacters"],
      ],
    },
    endGroupMembershipInput: {
      valid: { membershipId: id, version: 1 },
      accepted: [
        ["toOn", "2020-05-19"],
        ["toOn", ""],
      ],
      broken: [
        ["membershipId", "42", "validation.common.id"],
        ["toOn", "2099-01-01", "validation.group.toOn"],
        ["toOn", "yesterday", "validation.group.toOn"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
  },
  individual: {
    listIndividualsInput: {
      valid: {},
      accepted: [
        ["search", chars(search.max)],
        lastPage,
        ["status", "relocated"],
        ["groupId", id],
        ["age", "minors"],
        ["sort", "reviewDue"],
        ["direction", "desc"],
      ],
      broken: [
        ...pageRules,
        ...searchRules,
        ["status", "gone", "validation.individual.status"],
        ["riskLevel", "extreme", "validation.individual.riskLevel"],
        ["category", "suspect", "validation.individual.category"],
        ["groupId", "42", "validation.common.id"],
        ["registeringAgencyId", "42", "validation.common.id"],
        ["district", chars(individual.district.max + 1), "validation.individual.district"],
        ["age", "teen", "validation.individual.age"],
        ["sort", "risk", "validation.individual.sort"],
        ["direction", "up", "validation.individual.sort"],
      ],
    },
    getIndividualProfileInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
    likelyDuplicatesInput: {
      valid: { givenName: "Mohammed", familyName: "Lind" },
      accepted: [
        ["dateOfBirth", "2004-02-29"],
        ["dateOfBirth", ""],
      ],
      broken: [
        ["givenName", " ", "validation.individual.givenName"],
        ["familyName", chars(individual.familyName.max + 1), "validation.individual.familyName"],
        ["dateOfBirth", "2003-02-29", "validation.individual.dateOfBirth"],
      ],
    },
    individualTimelineInput: {
      valid: { individualId: id },
      accepted: [
        ["limit", FIELD_LIMITS.timeline.limit.min],
        ["limit", FIELD_LIMITS.timeline.limit.max],
        ["cursor", null],
        ["cursor", { at: "2024-03-01T12:00:00.123456Z", kind: "note", id }],
      ],
      broken: [
        ["individualId", "42", "validation.common.id"],
        ["limit", FIELD_LIMITS.timeline.limit.min - 1, "validation.timeline.limit"],
        ["limit", FIELD_LIMITS.timeline.limit.max + 1, "validation.timeline.limit"],
        ["limit", 2.5, "validation.timeline.limit"],
        ["cursor", "yesterday", "validation.timeline.cursor"],
      ],
    },
    timelineCursor: {
      valid: { at: "2024-03-01T12:00:00.123456Z", kind: "note", id },
      broken: [
        // rounded to milliseconds, as a Date would send it: items of that millisecond lost
        ["at", "2024-03-01T12:00:00.123Z", "validation.timeline.cursor"],
        // year 0, which PostgreSQL would refuse as an internal error
        ["at", "0000-01-01T00:00:00.000000Z", "validation.timeline.cursor"],
        ["kind", "task", "validation.timeline.cursor"],
        ["id", "42", "validation.timeline.cursor"],
      ],
    },
    individualConnectionsInput: {
      valid: { individualId: id },
      broken: [["individualId", undefined, "validation.common.id"]],
    },
    createIndividualInput: {
      valid: personFields,
      accepted: [
        ["givenName", chars(individual.givenName.max)],
        ["aliases", Array.from({ length: individual.aliases.max }, (_, i) => `Alias ${i}`)],
        ["aliases", [chars(alias.max)]],
        ["dateOfBirth", ""],
        ["nationalId", "19900101-1234"],
        ["nationalId", ""],
        ["reviewDue", ""],
        ["reviewDue", inMonths(reviewPeriod.max - 1)],
        ["registrationReason", chars(individual.registrationReason.min)],
      ],
      broken: [
        ...personRules,
        ["reviewDue", programmeToday(), "validation.individual.reviewDue"],
        ["reviewDue", inMonths(reviewPeriod.max + 1), "validation.individual.reviewDue"],
        ["reviewDue", "soon", "validation.individual.reviewDue"],
      ],
    },
    updateIndividualInput: {
      valid: { ...personFields, id, version: 3 },
      broken: [
        ...personRules,
        ["id", "42", "validation.common.id"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
    setIndividualStatusInput: {
      valid: { id, version: 1, status: "relocated" },
      broken: [
        ["status", "missing", "validation.individual.status"],
        ["id", undefined, "validation.common.id"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
  },
  conflict: conflictRules,
  alliance: allianceRules,
  intervention: {
    listInterventionsForIndividualInput: {
      valid: { individualId: id },
      broken: [["individualId", "42", "validation.common.id"]],
    },
    getInterventionInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
    interventionParticipantInput: {
      valid: { individualId: id, response: "attended" },
      accepted: [
        ["response", ""],
        ["response", null],
        ["response", undefined],
      ],
      broken: [
        ["individualId", "42", "validation.common.id"],
        ["response", "maybe", "validation.intervention.response"],
      ],
    },
    interventionSpeakerInput: {
      valid: { name: "Anna Berg", role: "Chief of police" },
      accepted: [
        ["agencyId", id],
        ["agencyId", ""],
        ["name", chars(FIELD_LIMITS.interventionSpeaker.name.max)],
        ["role", chars(FIELD_LIMITS.interventionSpeaker.role.max)],
      ],
      broken: [
        ["name", " ", "validation.intervention.speakerName"],
        [
          "name",
          chars(FIELD_LIMITS.interventionSpeaker.name.max + 1),
          "validation.intervention.speakerName",
        ],
        ["role", "", "validation.intervention.speakerRole"],
        [
          "role",
          chars(FIELD_LIMITS.interventionSpeaker.role.max + 1),
          "validation.intervention.speakerRole",
        ],
        ["agencyId", "42", "validation.common.id"],
      ],
    },
    createInterventionInput: {
      valid: {
        kind: "call_in",
        status: "done",
        occurredAt: "2020-03-01T18:00",
        participants: [{ individualId: id, response: "attended" }],
      },
      accepted: [
        ["status", "planned"],
        ["summary", chars(FIELD_LIMITS.intervention.summary.max)],
        ["result", chars(FIELD_LIMITS.intervention.result.max)],
        ["message", chars(FIELD_LIMITS.intervention.message.max)],
        ["visibility", "programme"],
        ["groupId", ""],
        ["conflictId", id],
        ["triggeringIncidentId", null],
        // Another kind's fields are left for the service to drop.
        ["channel", "street"],
        [
          "participants",
          Array.from({ length: FIELD_LIMITS.interventionParticipants.max }, () => ({
            individualId: id,
          })),
        ],
        ["agencyIds", Array.from({ length: FIELD_LIMITS.interventionAgencies.max }, () => id)],
        [
          "speakers",
          Array.from({ length: FIELD_LIMITS.interventionSpeakers.max }, () => ({
            name: "A",
            role: "B",
          })),
        ],
      ],
      broken: [
        ["kind", "raid", "validation.intervention.kind"],
        ["status", "maybe", "validation.intervention.status"],
        ["occurredAt", "after lunch", "validation.intervention.occurredAt"],
        ["occurredAt", "1899-12-31T00:00", "validation.intervention.occurredAt"],
        ["occurredAt", "2999-01-01T00:00", "validation.intervention.occurredAt"],
        // A done intervention took place already.
        [
          "occurredAt",
          new Date(Date.now() + 7 * 86_400_000).toISOString(),
          "validation.intervention.occurredAtDone",
        ],
        [
          "summary",
          chars(FIELD_LIMITS.intervention.summary.max + 1),
          "validation.intervention.summary",
        ],
        [
          "result",
          chars(FIELD_LIMITS.intervention.result.max + 1),
          "validation.intervention.result",
        ],
        [
          "message",
          chars(FIELD_LIMITS.intervention.message.max + 1),
          "validation.intervention.message",
        ],
        ["visibility", "everyone", "validation.intervention.visibility"],
        ["groupId", "42", "validation.common.id"],
        ["enforcementKind", "raid", "validation.intervention.enforcementKind"],
        ["channel", "letter", "validation.intervention.channel"],
        ["deliveryResult", "lost", "validation.intervention.deliveryResult"],
        ["participants", [], "validation.intervention.participantsRequired"],
        ["participants", "the usual", "validation.intervention.participants"],
        [
          "participants",
          Array.from({ length: FIELD_LIMITS.interventionParticipants.max + 1 }, () => ({
            individualId: id,
          })),
          "validation.intervention.participants",
        ],
        [
          "agencyIds",
          Array.from({ length: FIELD_LIMITS.interventionAgencies.max + 1 }, () => id),
          "validation.intervention.agencies",
        ],
        [
          "speakers",
          Array.from({ length: FIELD_LIMITS.interventionSpeakers.max + 1 }, () => ({
            name: "A",
            role: "B",
          })),
          "validation.intervention.speakers",
        ],
      ],
    },
    updateInterventionInput: {
      valid: {
        id,
        version: 1,
        status: "done",
        occurredAt: "2020-03-01T18:00",
        visibility: "agency",
        responses: [{ individualId: id, response: "no_show" }],
      },
      accepted: [
        ["responses", []],
        ["summary", chars(FIELD_LIMITS.intervention.summary.max)],
      ],
      broken: [
        ["status", "maybe", "validation.intervention.status"],
        [
          "occurredAt",
          new Date(Date.now() + 7 * 86_400_000).toISOString(),
          "validation.intervention.occurredAtDone",
        ],
        ["visibility", undefined, "validation.intervention.visibility"],
        [
          "result",
          chars(FIELD_LIMITS.intervention.result.max + 1),
          "validation.intervention.result",
        ],
        [
          "responses",
          [{ individualId: id, response: "maybe" }],
          "validation.intervention.response",
        ],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
  },
  network: {
    networkGraphInput: {
      valid: {},
      accepted: [
        ["area", chars(FIELD_LIMITS.group.area.max)],
        ["conflictStatuses", []],
        ["conflictStatuses", ["latent", "active", "escalating", "mediated", "resolved"]],
        ["includeAlliances", false],
        ["includeEndedAlliances", true],
      ],
      broken: [
        ["area", " ", "validation.network.area"],
        ["area", chars(FIELD_LIMITS.group.area.max + 1), "validation.network.area"],
        ["area", "a\u0000b", "validation.common.controlCharacters"],
        ["conflictStatuses", "active", "validation.network.conflictStatuses"],
        ["conflictStatuses", ["feud"], "validation.network.conflictStatuses"],
        ["conflictStatuses", Array(6).fill("active"), "validation.network.conflictStatuses"],
        ["includeAlliances", "yes", "validation.network.includeAlliances"],
        ["includeEndedAlliances", 1, "validation.network.includeAlliances"],
      ],
    },
  },
  report: {
    incidentReportInput: {
      valid: { from: "2017-01-01", to: "2020-05-19" },
      accepted: [
        ["from", "1990-05-20"],
        ["to", "2020-01-01"],
        ["granularity", "month"],
        ["kinds", ["shooting"]],
        ["kinds", ["shooting", "attempted_shooting", "explosion", "stabbing", "assault", "threat"]],
        ["district", chars(FIELD_LIMITS.incident.district.max)],
      ],
      broken: [
        ["from", "1969-12-31", "validation.report.from"],
        ["from", "19/05/2020", "validation.report.from"],
        ["from", undefined, "validation.report.from"],
        ["to", "2100-01-01", "validation.report.to"],
        ["to", "2016-12-31", "validation.report.order"],
        ["granularity", "week", "validation.report.granularity"],
        ["kinds", [], "validation.report.kinds"],
        ["kinds", ["riot"], "validation.report.kinds"],
        ["kinds", "shooting", "validation.report.kinds"],
        ["kinds", Array(7).fill("shooting"), "validation.report.kinds"],
        ["district", " ", "validation.report.district"],
        ["district", chars(FIELD_LIMITS.incident.district.max + 1), "validation.report.district"],
        ["district", "a\u0000b", "validation.common.controlCharacters"],
      ],
    },
    exitFunnelInput: {
      valid: { from: "2019-11-01", to: "2020-05-19" },
      accepted: [
        ["agencyId", id],
        ["district", "Rosengård"],
      ],
      broken: [
        ["agencyId", "police", "validation.common.id"],
        ["from", "2020-13-01", "validation.report.from"],
        ["to", "2019-10-31", "validation.report.order"],
        ["district", "", "validation.report.district"],
      ],
    },
    exitFunnelExportInput: {
      valid: { from: "2019-11-01", to: "2020-05-19", audience: "internal" },
      accepted: [["audience", "external"]],
      broken: [["audience", "everyone", "validation.report.audience"]],
    },
    evaluatorsExtractInput: {
      valid: {},
      accepted: [
        ["from", "1970-01-01"],
        ["to", "2099-12-31"],
        ["from", undefined],
        // A stray field is dropped, as every procedure's input drops it.
        ["district", "Rosengård"],
      ],
      broken: [
        ["from", "2020-02-30", "validation.report.from"],
        ["to", "2100-01-01", "validation.report.to"],
        ["from", "", "validation.report.from"],
      ],
    },
    incidentReportExportInput: {
      valid: { from: "1990-01-01", to: "2019-12-31", audience: "external" },
      accepted: [["audience", "internal"]],
      broken: [
        ["audience", undefined, "validation.report.audience"],
        ["audience", "public", "validation.report.audience"],
        ["to", "2020-01-01", "validation.report.tooLong"],
      ],
    },
    activityReportInput: {
      valid: { from: "2020-03-01", to: "2020-05-31" },
      accepted: [
        ["granularity", "quarter"],
        ["agencyId", id],
        ["district", "Rosengård"],
      ],
      broken: [
        ["granularity", "day", "validation.report.granularity"],
        ["agencyId", "police", "validation.common.id"],
        ["to", "2020-02-29", "validation.report.order"],
        ["from", "2020-02-30", "validation.report.from"],
      ],
    },
    activityReportExportInput: {
      valid: { from: "2020-03-01", to: "2020-05-31", audience: "external" },
      accepted: [["audience", "internal"]],
      broken: [["audience", "all", "validation.report.audience"]],
    },
    conflictsReportInput: {
      valid: { from: "2018-01-01", to: "2020-05-19" },
      accepted: [
        ["granularity", "year"],
        ["agencyId", id],
        ["district", "Granängen"],
      ],
      broken: [
        ["granularity", 3, "validation.report.granularity"],
        ["agencyId", "", "validation.common.id"],
        ["to", "1960-01-01", "validation.report.to"],
        ["district", "a\u0000b", "validation.common.controlCharacters"],
      ],
    },
    conflictsReportExportInput: {
      valid: { from: "2018-01-01", to: "2020-05-19", audience: "internal" },
      accepted: [["audience", "external"]],
      broken: [["audience", null, "validation.report.audience"]],
    },
  },
  referral: {
    listReferralsInput: {
      valid: {},
      accepted: [
        lastPage,
        ["box", "sent"],
        ["status", ["sent", "accepted", "declined", "in_progress", "completed", "withdrawn"]],
      ],
      broken: [
        ...pageRules,
        ["box", "outbox", "validation.referral.box"],
        ["status", "sent", "validation.referral.status"],
        ["status", [], "validation.referral.status"],
        ["status", ["lost"], "validation.referral.status"],
        ["status", Array(7).fill("sent"), "validation.referral.status"],
      ],
    },
    createReferralInput: {
      valid: {
        individualId: id,
        toAgencyId: id,
        service: "exit_programme",
        consent: true,
        consentOn: "2026-01-15",
      },
      accepted: [
        ["note", chars(FIELD_LIMITS.referral.note.max)],
        ["note", ""],
      ],
      broken: [
        ["individualId", "42", "validation.common.id"],
        ["toAgencyId", "", "validation.referral.toAgency"],
        ["service", "haircut", "validation.referral.service"],
        ["consent", "yes", "validation.referral.consent"],
        ["consentOn", "2099-01-01", "validation.referral.consentOn"],
        ["consentOn", "15/01/2026", "validation.referral.consentOn"],
        ["consentOn", "", "validation.referral.consentOnRequired"],
        ["note", chars(FIELD_LIMITS.referral.note.max + 1), "validation.referral.note"],
        ["note", "a\u0000b", "validation.common.controlCharacters"],
      ],
    },
    transitionReferralInput: {
      valid: { id, version: 1, status: "declined", reason: "No places this term." },
      accepted: [
        ["status", "accepted"],
        ["reason", chars(FIELD_LIMITS.referralEvent.reason.max)],
      ],
      broken: [
        ["id", "42", "validation.common.id"],
        ...versionedRules.filter(([field]) => field === "version"),
        ["status", "sent", "validation.referral.step"],
        ["reason", "", "validation.referral.declineReason"],
        ["reason", " ", "validation.referral.declineReason"],
        ["reason", chars(FIELD_LIMITS.referralEvent.reason.max + 1), "validation.referral.reason"],
      ],
    },
  },
  membership: {
    setMembershipRoleInput: {
      valid: { membershipId: id, role: "manager", version: 1 },
      broken: [
        ["membershipId", "42", "validation.common.id"],
        ["role", "owner", "validation.membership.role"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
    setMembershipDisabledInput: {
      valid: { membershipId: id, disabled: true, version: 1 },
      broken: [["membershipId", "42", "validation.common.id"], ...versionedRules],
    },
  },
  "platform-setting": {
    updatePlatformSettingInput: {
      valid: {
        mfaRequiredForAdmins: true,
        mfaRequiredForEveryone: false,
        reviewPeriodMonths: 12,
        programmeStartedOn: "2018-10-01",
        version: 0,
      },
      accepted: [
        ["reviewPeriodMonths", reviewPeriod.min],
        ["reviewPeriodMonths", reviewPeriod.max],
        // as a number input sends it
        ["reviewPeriodMonths", "24"],
        ["programmeStartedOn", "1970-01-01"],
        ["programmeStartedOn", "2099-12-31"],
        ["programmeStartedOn", ""],
        ["programmeStartedOn", null],
        ["version", 7],
        ["relaxTwoFactor", true],
      ],
      broken: [
        ["mfaRequiredForAdmins", "yes", "validation.platformSetting.twoFactor"],
        ["mfaRequiredForEveryone", undefined, "validation.platformSetting.twoFactor"],
        [
          "reviewPeriodMonths",
          reviewPeriod.min - 1,
          "validation.platformSetting.reviewPeriodMonths",
        ],
        [
          "reviewPeriodMonths",
          reviewPeriod.max + 1,
          "validation.platformSetting.reviewPeriodMonths",
        ],
        ["reviewPeriodMonths", 1.5, "validation.platformSetting.reviewPeriodMonths"],
        ["reviewPeriodMonths", "", "validation.platformSetting.reviewPeriodMonths"],
        ["reviewPeriodMonths", "a year", "validation.platformSetting.reviewPeriodMonths"],
        ["programmeStartedOn", "1969-12-31", "validation.platformSetting.programmeStartedOn"],
        ["programmeStartedOn", "2100-01-01", "validation.platformSetting.programmeStartedOn"],
        ["programmeStartedOn", "01/10/2018", "validation.platformSetting.programmeStartedOn"],
        ["version", -1, "validation.common.version"],
        ["version", 2 ** 31, "validation.common.version"],
        ["version", "1", "validation.common.version"],
        ["relaxTwoFactor", "yes", "validation.platformSetting.relaxTwoFactor"],
      ],
    },
  },
  user: {
    listUsersInput: { valid: {}, accepted: [lastPage], broken: [...pageRules, ...searchRules] },
    setUserDisabledInput: {
      valid: { userId: id, disabled: false, version: 2 },
      broken: [["userId", "42", "validation.common.id"], ...versionedRules],
    },
  },
  incident: {
    listIncidentsInput: {
      valid: { kind: "shooting", from: "2020-01-01", to: "2020-05-19" },
      accepted: [
        ["to", "2020-01-01"],
        ["conflictId", id],
        ["district", chars(FIELD_LIMITS.incident.district.max)],
      ],
      broken: [
        ...pageRules,
        ["kind", "riot", "validation.incident.kind"],
        ["from", "last spring", "validation.incident.from"],
        ["to", "2019-12-31", "validation.incident.to"],
        ["to", "1899-12-31", "validation.incident.to"],
        ["district", chars(FIELD_LIMITS.incident.district.max + 1), "validation.incident.district"],
        ["conflictId", "42", "validation.common.id"],
      ],
    },
    getIncidentInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
    incidentPartyInput: {
      valid: { individualId: id, role: "victim" },
      accepted: [["groupId", undefined]],
      broken: [
        ["role", "witness", "validation.incident.partyRole"],
        ["individualId", undefined, "validation.incident.party"],
      ],
    },
    createIncidentInput: {
      valid: {
        kind: "shooting",
        occurredAt: "2020-03-01T21:30",
        district: "Rosengård",
        dead: 0,
        injured: "2",
      },
      accepted: [
        ["conflictId", ""],
        ["conflictId", null],
        ["summary", chars(FIELD_LIMITS.incident.summary.max)],
        ["dead", FIELD_LIMITS.incidentCasualties.max],
        [
          "parties",
          Array.from({ length: FIELD_LIMITS.incidentParties.max }, () => ({
            groupId: id,
            role: "linked",
          })),
        ],
      ],
      broken: [
        ["kind", undefined, "validation.incident.kind"],
        ["occurredAt", "yesterday evening", "validation.incident.occurredAt"],
        ["occurredAt", "2999-01-01T00:00", "validation.incident.occurredAt"],
        ["occurredAt", "1899-12-31T00:00", "validation.incident.occurredAt"],
        ["district", " ", "validation.incident.district"],
        ["dead", -1, "validation.incident.dead"],
        ["dead", FIELD_LIMITS.incidentCasualties.max + 1, "validation.incident.dead"],
        ["injured", 1.5, "validation.incident.injured"],
        ["summary", chars(FIELD_LIMITS.incident.summary.max + 1), "validation.incident.summary"],
        ["conflictId", "42", "validation.common.id"],
        ["parties", "the usual", "validation.incident.parties"],
        [
          "parties",
          Array.from({ length: FIELD_LIMITS.incidentParties.max + 1 }, () => ({
            groupId: id,
            role: "linked",
          })),
          "validation.incident.parties",
        ],
        ["parties", [{ role: "victim" }], "validation.incident.party"],
      ],
    },
    reviewIncidentInput: {
      valid: { id, version: 1, groupInvolvement: "confirmed" },
      broken: [
        ["groupInvolvement", "maybe", "validation.incident.groupInvolvement"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
  },
  outcome: {
    createOutcomeInput: {
      valid: { individualId: id, version: 1, kind: "relocated", occurredAt: "2026-01-31" },
      accepted: [
        ["note", ""],
        ["note", null],
        ["note", chars(FIELD_LIMITS.outcome.note.max)],
        ["occurredAt", programmeToday()],
      ],
      broken: [
        ["individualId", "42", "validation.common.id"],
        ["kind", "moved_abroad", "validation.outcome.kind"],
        ["kind", undefined, "validation.outcome.kind"],
        ["occurredAt", "2999-01-01", "validation.outcome.occurredAt"],
        ["occurredAt", "1899-12-31", "validation.outcome.occurredAt"],
        ["occurredAt", "last week", "validation.outcome.occurredAt"],
        ["note", " ", "validation.outcome.note"],
        ["note", chars(FIELD_LIMITS.outcome.note.max + 1), "validation.outcome.note"],
        ["note", "a\u0000b", "validation.common.controlCharacters"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
  },
  "access-log": {
    listAccessLogInput: {
      valid: { action: "read", entityType: "note", from: "2026-01-01" },
      accepted: [
        ["entityType", chars(accessLog.entityType.max)],
        ["entityId", chars(accessLog.entityId.max)],
      ],
      broken: [
        ...pageRules,
        ["userId", "42", "validation.common.id"],
        ["action", "peek", "validation.accessLog.action"],
        ["entityType", chars(accessLog.entityType.max + 1), "validation.accessLog.entityType"],
        ["entityId", chars(accessLog.entityId.max + 1), "validation.accessLog.entityId"],
        ["entityId", "a\u0000b", "validation.common.controlCharacters"],
        ["from", "the first of May", "validation.accessLog.from"],
        ["to", "soon", "validation.accessLog.to"],
      ],
    },
  },
};

/** The limits a message states, so that changing a limit without its message fails. */
const statedLimits: Record<string, number[]> = {
  "validation.agency.name": [agency.name.min, agency.name.max],
  "validation.note.body": [note.body.max],
  "validation.individual.givenName": [individual.givenName.max],
  "validation.individual.familyName": [individual.familyName.max],
  "validation.individual.alias": [alias.min, alias.max],
  "validation.individual.aliases": [individual.aliases.max],
  "validation.individual.nationalId": [individual.nationalId.min, individual.nationalId.max],
  "validation.individual.district": [individual.district.max],
  "validation.individual.registrationReason": [
    individual.registrationReason.min,
    individual.registrationReason.max,
  ],
  "validation.individual.reviewDue": [reviewPeriod.max],
  "validation.group.name": [group.name.max],
  "validation.group.alias": [alias.min, alias.max],
  "validation.group.aliases": [group.aliases.max],
  "validation.group.area": [group.area.max],
  "validation.group.description": [group.description.max],
  "validation.group.source": [groupMembership.source.max],
  "validation.accessLog.entityType": [accessLog.entityType.max],
  "validation.accessLog.entityId": [accessLog.entityId.max],
  "validation.conflict.title": [FIELD_LIMITS.conflict.title.min, FIELD_LIMITS.conflict.title.max],
  "validation.conflict.description": [FIELD_LIMITS.conflict.description.max],
  "validation.conflict.parties": [
    FIELD_LIMITS.conflictParties.min,
    FIELD_LIMITS.conflictParties.max,
  ],
  "validation.conflict.side": [FIELD_LIMITS.conflictParty.side.max],
  "validation.conflict.reason": [FIELD_LIMITS.conflictChange.reason.max],
  "validation.alliance.note": [FIELD_LIMITS.alliance.note.max],
  "validation.referral.note": [FIELD_LIMITS.referral.note.max],
  "validation.referral.reason": [FIELD_LIMITS.referralEvent.reason.max],
  "validation.outcome.note": [FIELD_LIMITS.outcome.note.max],
  "validation.common.search": [search.max],
  "validation.incident.district": [FIELD_LIMITS.incident.district.max],
  "validation.incident.summary": [FIELD_LIMITS.incident.summary.max],
  "validation.incident.dead": [0, FIELD_LIMITS.incidentCasualties.max],
  "validation.incident.injured": [0, FIELD_LIMITS.incidentCasualties.max],
  "validation.incident.parties": [FIELD_LIMITS.incidentParties.max],
  "validation.intervention.summary": [FIELD_LIMITS.intervention.summary.max],
  "validation.intervention.result": [FIELD_LIMITS.intervention.result.max],
  "validation.intervention.message": [FIELD_LIMITS.intervention.message.max],
  "validation.intervention.participants": [FIELD_LIMITS.interventionParticipants.max],
  "validation.intervention.agencies": [FIELD_LIMITS.interventionAgencies.max],
  "validation.intervention.speakers": [FIELD_LIMITS.interventionSpeakers.max],
  "validation.intervention.speakerName": [FIELD_LIMITS.interventionSpeaker.name.max],
  "validation.intervention.speakerRole": [FIELD_LIMITS.interventionSpeaker.role.max],
  "validation.common.page": [page.min, page.max],
  "validation.common.pageBeyondCount": [count.max],
  "validation.common.pageSize": [pageSize.min, pageSize.max],
  "validation.timeline.limit": [FIELD_LIMITS.timeline.limit.min, FIELD_LIMITS.timeline.limit.max],
  "validation.network.area": [FIELD_LIMITS.group.area.max],
  "validation.report.district": [FIELD_LIMITS.incident.district.max],
  "validation.report.tooLong": [REPORT_MAX_YEARS],
  "validation.platformSetting.reviewPeriodMonths": [reviewPeriod.min, reviewPeriod.max],
  "validation.platformSetting.programmeStartedOn": [1970, 2099],
  "validation.report.from": [1970, 2099],
  "validation.report.to": [1970, 2099],
};

const domains = readdirSync(servicesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => readdirSync(`${servicesDir}/${name}`).includes("schemas.ts"))
  .sort();

async function schemasOf(domain: string): Promise<Record<string, z.ZodType>> {
  const module: Record<string, unknown> = await import(`./${domain}/schemas.ts`);
  return Object.fromEntries(
    Object.entries(module).filter(
      (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
    ),
  );
}

function messageAt(catalog: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      catalog,
    );
}

function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keysOf(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** The numbers a message states, leaving out the example dates; "10,000" and "10 000" alike. */
function numbersIn(text: string): number[] {
  return (text.replace(/\d{4}-\d{2}-\d{2}/g, "").match(/\d+(?:[,\s\u00a0]\d{3})*/g) ?? []).map(
    (n) => Number(n.replace(/\D/g, "")),
  );
}

/** What a schemas module may import, at any depth: the browser loads the same modules. */
const clientSafe = new Set([
  "zod",
  "@truce/db/enum-values",
  "@truce/db/field-limits",
  "@truce/db/programme-calendar",
]);

/** Every module a file imports, at any depth, as "package specifier" or the file's path. */
function importGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const { fileName: specifier } of ts.preProcessFile(source).importedFiles) {
    if (specifier.startsWith(".")) {
      importGraph(resolve(dirname(file), `${specifier}.ts`), seen);
      continue;
    }
    seen.add(specifier);
    const local = /^@truce\/([^/]+)(\/.*)?$/.exec(specifier);
    if (local) {
      const root = resolve(servicesDir, "../../..", local[1]!);
      const manifest = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as {
        exports: Record<string, string>;
      };
      const target = manifest.exports[`.${local[2] ?? ""}`];
      if (target) importGraph(resolve(root, target), seen);
    }
  }
  return seen;
}

const ruleCases = Object.entries(rules).flatMap(([domain, schemas]) =>
  Object.entries(schemas).map(([name, schemaRules]) => ({
    label: `${domain}.${name}`,
    domain,
    name,
    ...schemaRules,
  })),
);
const usedKeys = [...new Set(ruleCases.flatMap((c) => c.broken.map(([, , key]) => key)))].sort();

describe("the input schemas", () => {
  it("each have their rules proved here, one module per domain", async () => {
    expect(Object.keys(rules).sort()).toEqual(domains);
    for (const domain of domains) {
      expect(Object.keys(await schemasOf(domain)).sort(), domain).toEqual(
        Object.keys(rules[domain] ?? {}).sort(),
      );
    }
  });

  it.each(ruleCases)(
    "$label accepts a valid input and the edges of its rules",
    async ({ domain, name, valid, accepted = [] }) => {
      const schema = (await schemasOf(domain))[name]!;
      expect(schema.safeParse(valid).error?.issues).toBeUndefined();
      for (const [field, value] of accepted) {
        expect(schema.safeParse({ ...valid, [field]: value }).error?.issues, field).toBeUndefined();
      }
    },
  );

  it.each(ruleCases)(
    "$label refuses what breaks each rule with the rule's message key",
    async ({ domain, name, valid, broken }) => {
      const schema = (await schemasOf(domain))[name]!;
      for (const [field, value, key] of broken) {
        const result = schema.safeParse({ ...valid, [field]: value });
        // The field's path: an item of a list field (an alias) counts as the field.
        const issues = result.error?.issues.map((i) => ({
          path: i.path.slice(0, 1),
          message: i.message,
        }));
        expect(issues, `${field}: ${JSON.stringify(value)}`).toEqual([
          { path: [field], message: key },
        ]);
      }
    },
  );

  it.each(usedKeys)("say %s in English and Swedish", (key) => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      const text = messageAt(catalog, key);
      expect(typeof text === "string" && text.length > 0, `${language}: ${key}`).toBe(true);
    }
  });

  it("use every message of the validation catalog", () => {
    expect(keysOf(catalogs.en).sort()).toEqual(usedKeys);
  });

  it("have messages that state the very limits the schemas apply", () => {
    for (const key of usedKeys) {
      for (const [language, catalog] of Object.entries(catalogs)) {
        const stated = numbersIn(String(messageAt(catalog, key)));
        expect(stated, `${language}: ${key}`).toEqual(statedLimits[key] ?? []);
      }
    }
  });

  it.each(domains)(
    "of %s import only zod and the constants, so a form may import them",
    (domain) => {
      const graph = [...importGraph(resolve(servicesDir, domain, "schemas.ts"))];
      const packages = graph.filter((entry) => !entry.startsWith("/"));
      expect(packages.filter((specifier) => !clientSafe.has(specifier))).toEqual([]);
    },
  );

  it("are each exported to the apps as @truce/api/schemas/<domain>", () => {
    const manifest = readJson("../../package.json") as { exports: Record<string, string> };
    for (const domain of domains) {
      expect(manifest.exports[`./schemas/${domain}`], domain).toBe(
        `./src/services/${domain}/schemas.ts`,
      );
    }
  });
});
