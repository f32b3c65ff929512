import { sql } from "drizzle-orm";
import { check, date, index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { TASK_STATUSES } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { conflict } from "./conflict";
import { group } from "./group";
import { individual } from "./individual";
import { intervention } from "./intervention";
import { user } from "./user";

export const taskStatus = pgEnum("task_status", TASK_STATUSES);

/** A follow-up with a due date and an assignee, on at most one person, group, conflict or intervention. */
export const task = pgTable(
  "task",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text(),
    dueOn: date({ mode: "string" }).notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agency.id),
    assigneeId: uuid()
      .notNull()
      .references(() => user.id),
    status: taskStatus().notNull().default("open"),
    doneAt: timestamp({ withTimezone: true }),
    individualId: uuid().references(() => individual.id, { onDelete: "cascade" }),
    groupId: uuid().references(() => group.id, { onDelete: "cascade" }),
    conflictId: uuid().references(() => conflict.id, { onDelete: "cascade" }),
    interventionId: uuid().references(() => intervention.id, { onDelete: "cascade" }),
    ...auditColumns(),
  },
  (t) => [
    check("task_title_not_blank", sql`btrim(${t.title}) <> ''`),
    check(
      "task_at_most_one_subject",
      sql`num_nonnulls(${t.individualId}, ${t.groupId}, ${t.conflictId}, ${t.interventionId}) <= 1`,
    ),
    check("task_done_at_when_done", sql`(${t.status} = 'done') = (${t.doneAt} is not null)`),
    index("task_assignee_id_idx").on(t.assigneeId, t.status, t.dueOn),
    index("task_agency_id_idx").on(t.agencyId),
    index("task_due_on_idx").on(t.dueOn),
    index("task_individual_id_idx").on(t.individualId),
    index("task_group_id_idx").on(t.groupId),
    index("task_conflict_id_idx").on(t.conflictId),
    index("task_intervention_id_idx").on(t.interventionId),
    ...auditIndexes("task", t),
  ],
);
