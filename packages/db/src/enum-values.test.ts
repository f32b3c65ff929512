import { isPgEnum } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import * as constants from "./enum-values";
import * as schema from "./schema";

// Which constant each database enum is built from. A new pgEnum fails the first test until
// its values are a constant here; a constant that no enum uses fails the last.
const constantOf: Record<string, readonly string[]> = {
  access_action: constants.ACCESS_ACTIONS,
  access_purpose: constants.ACCESS_PURPOSES,
  affiliation: constants.AFFILIATIONS,
  agency_kind: constants.AGENCY_KINDS,
  assignment_role: constants.ASSIGNMENT_ROLES,
  conflict_status: constants.CONFLICT_STATUSES,
  consent_decision: constants.CONSENT_DECISIONS,
  conversation_channel: constants.CONVERSATION_CHANNELS,
  delivery_result: constants.DELIVERY_RESULTS,
  enforcement_kind: constants.ENFORCEMENT_KINDS,
  flag_kind: constants.FLAG_KINDS,
  funnel_step: constants.FUNNEL_STEPS,
  group_involvement: constants.GROUP_INVOLVEMENTS,
  group_status: constants.GROUP_STATUSES,
  incident_kind: constants.INCIDENT_KINDS,
  incident_party_role: constants.INCIDENT_PARTY_ROLES,
  individual_category: constants.INDIVIDUAL_CATEGORIES,
  individual_status: constants.INDIVIDUAL_STATUSES,
  intervention_kind: constants.INTERVENTION_KINDS,
  intervention_status: constants.INTERVENTION_STATUSES,
  membership_role: constants.MEMBERSHIP_ROLES,
  note_kind: constants.NOTE_KINDS,
  outcome_kind: constants.OUTCOME_KINDS,
  participant_response: constants.PARTICIPANT_RESPONSES,
  platform_role: constants.PLATFORM_ROLES,
  referral_service: constants.REFERRAL_SERVICES,
  referral_status: constants.REFERRAL_STATUSES,
  registration_status: constants.REGISTRATION_STATUSES,
  risk_level: constants.RISK_LEVELS,
  supervision: constants.SUPERVISIONS,
  task_status: constants.TASK_STATUSES,
  visibility: constants.VISIBILITIES,
};

const pgEnums = (Object.values(schema) as unknown[]).filter(isPgEnum);

describe("the enum values", () => {
  it("give every enum in the database its values as a constant", () => {
    expect(pgEnums.map((e) => e.enumName).sort()).toEqual(Object.keys(constantOf).sort());
  });

  it.each(pgEnums.map((e) => [e.enumName, e] as const))(
    "are the values of the enum %s, in its order",
    (name, pgEnum) => {
      expect(pgEnum.enumValues).toEqual(constantOf[name]);
    },
  );

  it("are each one enum's, none left over", () => {
    const used = new Set(Object.values(constantOf));
    const unused = Object.entries(constants).filter(([, values]) => !used.has(values));
    expect(unused.map(([name]) => name)).toEqual([]);
  });
});
