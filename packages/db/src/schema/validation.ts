import { createInsertSchema } from "drizzle-zod";
import { agency } from "./agency";
import { conflict } from "./conflict";
import { flag } from "./flag";
import { group } from "./group";
import { incident } from "./incident";
import { individual } from "./individual";
import { intervention } from "./intervention";
import { note } from "./note";
import { outcome } from "./outcome";
import { referral } from "./referral";
import { task } from "./task";

// Insert schemas derived from the tables, so a form and the database agree on the
// shape. The server sets ids and the audit columns; callers refine further (e.g. the
// cross-field rules the check constraints also enforce).

/** Columns the server fills in; never taken from a caller. */
export const serverManagedColumns = {
  id: true,
  createdAt: true,
  updatedAt: true,
  createdById: true,
  updatedById: true,
  version: true,
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export const agencyInsertSchema = createInsertSchema(agency, {
  name: (s) => s.trim().min(1).max(200),
}).omit(serverManagedColumns);

export const individualInsertSchema = createInsertSchema(individual, {
  givenName: (s) => s.trim().min(1).max(200),
  familyName: (s) => s.trim().min(1).max(200),
  dateOfBirth: (s) => s.regex(isoDate),
  district: (s) => s.trim().min(1).max(200),
  registrationReason: (s) => s.trim().min(1, "Say why the person is registered."),
  reviewDue: (s) => s.regex(isoDate),
}).omit({
  ...serverManagedColumns,
  approvedById: true,
  approvedAt: true,
  registrationStatus: true,
});

export const groupInsertSchema = createInsertSchema(group, {
  name: (s) => s.trim().min(1).max(200),
  area: (s) => s.trim().min(1).max(200),
}).omit(serverManagedColumns);

export const conflictInsertSchema = createInsertSchema(conflict, {
  title: (s) => s.trim().min(1).max(300),
}).omit(serverManagedColumns);

export const incidentInsertSchema = createInsertSchema(incident, {
  dead: (s) => s.int().min(0),
  injured: (s) => s.int().min(0),
  district: (s) => s.trim().min(1).max(200),
}).omit(serverManagedColumns);

export const interventionInsertSchema = createInsertSchema(intervention).omit(serverManagedColumns);

export const referralInsertSchema = createInsertSchema(referral, {
  consentOn: (s) => s.regex(isoDate),
}).omit(serverManagedColumns);

export const outcomeInsertSchema = createInsertSchema(outcome, {
  occurredAt: (s) => s.regex(isoDate),
}).omit(serverManagedColumns);

export const noteInsertSchema = createInsertSchema(note, {
  body: (s) => s.trim().min(1, "A note needs some text."),
}).omit(serverManagedColumns);

export const taskInsertSchema = createInsertSchema(task, {
  title: (s) => s.trim().min(1).max(300),
  dueOn: (s) => s.regex(isoDate),
}).omit({ ...serverManagedColumns, doneAt: true });

export const flagInsertSchema = createInsertSchema(flag, {
  reason: (s) => s.trim().min(1, "Say why the flag is raised."),
}).omit({ ...serverManagedColumns, resolvedAt: true, resolvedById: true, resolution: true });
