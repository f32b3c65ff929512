import { relations } from "drizzle-orm";
import { accessLog } from "./schema/access-log";
import { agency } from "./schema/agency";
import { alliance } from "./schema/alliance";
import { assignment } from "./schema/assignment";
import { conflict, conflictParty } from "./schema/conflict";
import { flag } from "./schema/flag";
import { group, groupMembership } from "./schema/group";
import { incident, incidentParty } from "./schema/incident";
import { individual } from "./schema/individual";
import {
  intervention,
  interventionAgency,
  interventionParticipant,
  interventionSpeaker,
} from "./schema/intervention";
import { membership } from "./schema/membership";
import { note } from "./schema/note";
import { outcome } from "./schema/outcome";
import { referral } from "./schema/referral";
import { task } from "./schema/task";
import { user } from "./schema/user";

// For the relational query API (db.query.*). The audit columns (created/updated by)
// have no relations: nothing reads a record through them.

export const agencyRelations = relations(agency, ({ many }) => ({
  memberships: many(membership),
  registeredIndividuals: many(individual),
}));

export const userRelations = relations(user, ({ many }) => ({
  memberships: many(membership),
  assignments: many(assignment),
  tasks: many(task),
}));

export const membershipRelations = relations(membership, ({ one }) => ({
  user: one(user, { fields: [membership.userId], references: [user.id] }),
  agency: one(agency, { fields: [membership.agencyId], references: [agency.id] }),
}));

export const individualRelations = relations(individual, ({ one, many }) => ({
  registeringAgency: one(agency, {
    fields: [individual.registeringAgencyId],
    references: [agency.id],
  }),
  approvedBy: one(user, { fields: [individual.approvedById], references: [user.id] }),
  assignments: many(assignment),
  groupMemberships: many(groupMembership),
  conflictParties: many(conflictParty),
  incidentParties: many(incidentParty),
  interventionParticipants: many(interventionParticipant),
  referrals: many(referral),
  outcomes: many(outcome),
  notes: many(note),
  flags: many(flag),
  tasks: many(task),
}));

export const assignmentRelations = relations(assignment, ({ one }) => ({
  individual: one(individual, { fields: [assignment.individualId], references: [individual.id] }),
  agency: one(agency, { fields: [assignment.agencyId], references: [agency.id] }),
  user: one(user, { fields: [assignment.userId], references: [user.id] }),
}));

export const groupRelations = relations(group, ({ many }) => ({
  memberships: many(groupMembership),
  alliancesAsA: many(alliance, { relationName: "allianceGroupA" }),
  alliancesAsB: many(alliance, { relationName: "allianceGroupB" }),
  conflictParties: many(conflictParty),
  incidentParties: many(incidentParty),
  interventions: many(intervention),
  notes: many(note),
  flags: many(flag),
  tasks: many(task),
}));

export const groupMembershipRelations = relations(groupMembership, ({ one }) => ({
  individual: one(individual, {
    fields: [groupMembership.individualId],
    references: [individual.id],
  }),
  group: one(group, { fields: [groupMembership.groupId], references: [group.id] }),
}));

export const allianceRelations = relations(alliance, ({ one }) => ({
  groupA: one(group, {
    fields: [alliance.groupAId],
    references: [group.id],
    relationName: "allianceGroupA",
  }),
  groupB: one(group, {
    fields: [alliance.groupBId],
    references: [group.id],
    relationName: "allianceGroupB",
  }),
}));

export const conflictRelations = relations(conflict, ({ many }) => ({
  parties: many(conflictParty),
  incidents: many(incident),
  interventions: many(intervention),
  notes: many(note),
  tasks: many(task),
}));

export const conflictPartyRelations = relations(conflictParty, ({ one }) => ({
  conflict: one(conflict, { fields: [conflictParty.conflictId], references: [conflict.id] }),
  group: one(group, { fields: [conflictParty.groupId], references: [group.id] }),
  individual: one(individual, {
    fields: [conflictParty.individualId],
    references: [individual.id],
  }),
}));

export const incidentRelations = relations(incident, ({ one, many }) => ({
  conflict: one(conflict, { fields: [incident.conflictId], references: [conflict.id] }),
  parties: many(incidentParty),
  triggeredInterventions: many(intervention),
}));

export const incidentPartyRelations = relations(incidentParty, ({ one }) => ({
  incident: one(incident, { fields: [incidentParty.incidentId], references: [incident.id] }),
  group: one(group, { fields: [incidentParty.groupId], references: [group.id] }),
  individual: one(individual, {
    fields: [incidentParty.individualId],
    references: [individual.id],
  }),
}));

export const interventionRelations = relations(intervention, ({ one, many }) => ({
  leadAgency: one(agency, { fields: [intervention.leadAgencyId], references: [agency.id] }),
  group: one(group, { fields: [intervention.groupId], references: [group.id] }),
  conflict: one(conflict, { fields: [intervention.conflictId], references: [conflict.id] }),
  triggeringIncident: one(incident, {
    fields: [intervention.triggeringIncidentId],
    references: [incident.id],
  }),
  participants: many(interventionParticipant),
  agenciesPresent: many(interventionAgency),
  speakers: many(interventionSpeaker),
  tasks: many(task),
}));

export const interventionParticipantRelations = relations(interventionParticipant, ({ one }) => ({
  intervention: one(intervention, {
    fields: [interventionParticipant.interventionId],
    references: [intervention.id],
  }),
  individual: one(individual, {
    fields: [interventionParticipant.individualId],
    references: [individual.id],
  }),
}));

export const interventionAgencyRelations = relations(interventionAgency, ({ one }) => ({
  intervention: one(intervention, {
    fields: [interventionAgency.interventionId],
    references: [intervention.id],
  }),
  agency: one(agency, { fields: [interventionAgency.agencyId], references: [agency.id] }),
}));

export const interventionSpeakerRelations = relations(interventionSpeaker, ({ one }) => ({
  intervention: one(intervention, {
    fields: [interventionSpeaker.interventionId],
    references: [intervention.id],
  }),
  agency: one(agency, { fields: [interventionSpeaker.agencyId], references: [agency.id] }),
}));

export const referralRelations = relations(referral, ({ one }) => ({
  individual: one(individual, { fields: [referral.individualId], references: [individual.id] }),
  fromAgency: one(agency, { fields: [referral.fromAgencyId], references: [agency.id] }),
  toAgency: one(agency, { fields: [referral.toAgencyId], references: [agency.id] }),
}));

export const outcomeRelations = relations(outcome, ({ one }) => ({
  individual: one(individual, { fields: [outcome.individualId], references: [individual.id] }),
  recordingAgency: one(agency, {
    fields: [outcome.recordingAgencyId],
    references: [agency.id],
  }),
}));

export const noteRelations = relations(note, ({ one }) => ({
  individual: one(individual, { fields: [note.individualId], references: [individual.id] }),
  group: one(group, { fields: [note.groupId], references: [group.id] }),
  conflict: one(conflict, { fields: [note.conflictId], references: [conflict.id] }),
  authorAgency: one(agency, { fields: [note.authorAgencyId], references: [agency.id] }),
}));

export const taskRelations = relations(task, ({ one }) => ({
  agency: one(agency, { fields: [task.agencyId], references: [agency.id] }),
  assignee: one(user, { fields: [task.assigneeId], references: [user.id] }),
  individual: one(individual, { fields: [task.individualId], references: [individual.id] }),
  group: one(group, { fields: [task.groupId], references: [group.id] }),
  conflict: one(conflict, { fields: [task.conflictId], references: [conflict.id] }),
  intervention: one(intervention, {
    fields: [task.interventionId],
    references: [intervention.id],
  }),
}));

export const flagRelations = relations(flag, ({ one }) => ({
  individual: one(individual, { fields: [flag.individualId], references: [individual.id] }),
  group: one(group, { fields: [flag.groupId], references: [group.id] }),
  raisingAgency: one(agency, { fields: [flag.raisingAgencyId], references: [agency.id] }),
  resolvedBy: one(user, { fields: [flag.resolvedById], references: [user.id] }),
}));

export const accessLogRelations = relations(accessLog, ({ one }) => ({
  user: one(user, { fields: [accessLog.userId], references: [user.id] }),
  agency: one(agency, { fields: [accessLog.agencyId], references: [agency.id] }),
}));
