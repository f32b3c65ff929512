import {
  AFFILIATIONS,
  AGENCY_KINDS,
  CONFLICT_STATUSES,
  CONVERSATION_CHANNELS,
  DELIVERY_RESULTS,
  ENFORCEMENT_KINDS,
  GROUP_INVOLVEMENTS,
  GROUP_STATUSES,
  INCIDENT_KINDS,
  INCIDENT_PARTY_ROLES,
  INDIVIDUAL_CATEGORIES,
  INDIVIDUAL_STATUSES,
  INTERVENTION_KINDS,
  INTERVENTION_STATUSES,
  OUTCOME_KINDS,
  PARTICIPANT_RESPONSES,
  RISK_LEVELS,
  SUPERVISIONS,
} from "@truce/db/enum-values";
import type { EvaluatorsExtractInput } from "../schemas";
import type { ExtractFile } from "./files";

/** An enum's values as a reader reads them: "a, b or c". */
const oneOf = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;

/** What each column holds, by file: the README lists every column of every file. */
const COLUMNS: Record<ExtractFile["name"], Record<string, string>> = {
  "people.csv": {
    person: "the person's pseudonym (P…)",
    birth_year: "the year of birth; blank when the date of birth is not known",
    minor_at_registration:
      "true when the person was under 18 on the day they were registered; blank without a date of birth",
    district:
      "the district the person is registered in; blank for a person whose location is protected (see below)",
    status: oneOf(INDIVIDUAL_STATUSES),
    risk_level: oneOf(RISK_LEVELS),
    supervision: oneOf(SUPERVISIONS),
    category: oneOf(INDIVIDUAL_CATEGORIES),
    registering_agency_kind: `the kind of agency that registered the person: ${oneOf(AGENCY_KINDS)}`,
    registered_month: "the month of the registration (YYYY-MM)",
  },
  "groups.csv": {
    group: "the group's pseudonym (G…)",
    status: oneOf(GROUP_STATUSES),
  },
  "group_memberships.csv": {
    person: "the person's pseudonym, as in people.csv",
    group: "the group's pseudonym, as in groups.csv",
    affiliation: oneOf(AFFILIATIONS),
    from: "the first day of the affiliation, when known",
    to: "the last day of the affiliation; blank while it lasts or when not known",
  },
  "conflicts.csv": {
    conflict: "the conflict's pseudonym (C…)",
    status: oneOf(CONFLICT_STATUSES),
    risk_level: oneOf(RISK_LEVELS),
    started: "the day it started, when known",
    resolved: "the day it was resolved, when it was",
  },
  "interventions.csv": {
    intervention: "the intervention's pseudonym (V…)",
    kind: `${oneOf(INTERVENTION_KINDS)} (custom_notification is a one-to-one conversation)`,
    enforcement_kind: `for an enforcement: ${oneOf(ENFORCEMENT_KINDS)}`,
    lead_agency_kind: "the kind of agency that led it",
    occurred: "the day it took place (or is planned for)",
    status: oneOf(INTERVENTION_STATUSES),
    channel: `for a one-to-one conversation: ${oneOf(CONVERSATION_CHANNELS)}; blank when the intervention is kept to its own agency`,
    delivery_result: `for a one-to-one conversation: ${oneOf(DELIVERY_RESULTS)}; blank when the intervention is kept to its own agency`,
    group: "the group it was about, as in groups.csv",
    conflict: "the conflict it was about, as in conflicts.csv",
    triggering_incident: "for an enforcement: the incident that triggered it, as in incidents.csv",
  },
  "participants.csv": {
    intervention: "the intervention, as in interventions.csv",
    person: "a person it concerned (for a call-in, a person invited), as in people.csv",
    response: `${oneOf(PARTICIPANT_RESPONSES)}; blank when not recorded, or when the intervention is kept to its own agency (other agencies see only that it took place)`,
  },
  "outcomes.csv": {
    person: "the person, as in people.csv",
    kind: `the milestone: ${oneOf(OUTCOME_KINDS)}`,
    occurred: "the day it happened",
    recording_agency_kind: "the kind of agency that recorded it",
  },
  "incidents.csv": {
    incident: "the incident's pseudonym (X…)",
    kind: oneOf(INCIDENT_KINDS),
    occurred: "the day it happened",
    district:
      "the district it happened in; blank when a person with a protected location is one of its parties",
    dead: "the number of people killed",
    injured: "the number of people injured",
    conflict: "the conflict it belongs to, as in conflicts.csv",
    group_involvement: `${oneOf(GROUP_INVOLVEMENTS)}, as settled at the incident review`,
  },
  "incident_parties.csv": {
    incident: "the incident, as in incidents.csv",
    person: "a person involved, as in people.csv (blank for a group)",
    group: "a group involved, as in groups.csv (blank for a person)",
    role: oneOf(INCIDENT_PARTY_ROLES),
  },
};

const LEFT_OUT = [
  "Names, aliases and national identity numbers of people; names and aliases of groups; the titles of conflicts.",
  "Every text that someone typed: the reason for a registration, notes, the summaries and results of interventions and incidents, the message of a call-in and who spoke at it, outcome notes, group descriptions, the source of a group membership, a conflict's sides and description.",
  "Full dates of birth (the year only) and the times of day of interventions and incidents (the day only).",
  "Addresses and places: where a relocated person now lives is never in the extract, and a person whose location is protected has no district, nor does an incident they were a party to. A group's area is left out too: with a group's status it can name the group to anyone who knows the city.",
  "Agencies are named by their kind, not their name; no user of the programme is named.",
  "Registrations still pending a manager's approval: such a person is in no file, nor are their memberships, participations, outcomes or incident parties.",
  "Referrals, consents, tasks, flags and the access log.",
];

/** The README of one extract: what it is, its period, every file and column, what is left out. */
export function extractReadme(
  filters: EvaluatorsExtractInput,
  madeAt: Date,
  files: readonly ExtractFile[],
  rows: ReadonlyMap<string, number>,
): string {
  const period =
    filters.from === undefined && filters.to === undefined
      ? "all of them"
      : `from ${filters.from ?? "the first"} to ${filters.to ?? "the last"} (both days included, on the programme's calendar, Europe/Stockholm)`;
  const lines = [
    "# Truce: the evaluators' extract",
    "",
    `Made on ${madeAt.toISOString()}. Interventions (and their participants), outcomes and incidents (and their parties): ${period}. People, groups, their memberships and conflicts: all of them.`,
    "",
    "Every file is CSV (RFC 4180: comma-separated, CRLF lines, UTF-8 with a byte order mark) with a header line. A cell that would start with =, +, - or @ has a ' before it, so that a spreadsheet does not run it as a formula. Days are YYYY-MM-DD. A blank cell means not known or not applicable.",
    "",
    "## Pseudonyms",
    "",
    "Each person, group, conflict, intervention and incident has a pseudonym: a letter for its kind and 16 hex digits of a keyed hash (HMAC-SHA256) of its id in the register, under a random key that was made for this extract alone and then thrown away. Within this extract the same record has the same pseudonym in every file, so the files can be joined on them. Another extract has other pseudonyms for the same records: two extracts cannot be joined, and no pseudonym leads back to the register.",
    "",
    "## Files",
    "",
  ];
  for (const file of files) {
    lines.push(`### ${file.name} (${rows.get(file.name) ?? 0} rows)`, "");
    for (const column of file.header) lines.push(`- \`${column}\`: ${COLUMNS[file.name][column]}`);
    lines.push("");
  }
  lines.push("## Left out, and why", "");
  lines.push(
    "The extract is for studying whether the programme works, not for finding anyone. So it leaves out:",
    "",
  );
  for (const line of LEFT_OUT) lines.push(`- ${line}`);
  lines.push("");
  return lines.join("\n");
}

/** Every column of every file has its line in the README (a test checks this). */
export const README_COLUMNS = COLUMNS;
