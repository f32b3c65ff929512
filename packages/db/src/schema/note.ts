import { sql } from "drizzle-orm";
import { check, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { NOTE_KINDS } from "../enum-values";
import { agency } from "./agency";
import { auditColumns, auditIndexes } from "./columns";
import { conflict } from "./conflict";
import { visibility } from "./enums";
import { group } from "./group";
import { individual } from "./individual";

/** Facts and assessments are kept apart, as the law on police data asks. */
export const noteKind = pgEnum("note_kind", NOTE_KINDS);

/** Free text on exactly one individual, group or conflict. */
export const note = pgTable(
  "note",
  {
    id: uuid().primaryKey().defaultRandom(),
    individualId: uuid().references(() => individual.id, { onDelete: "cascade" }),
    groupId: uuid().references(() => group.id, { onDelete: "cascade" }),
    conflictId: uuid().references(() => conflict.id, { onDelete: "cascade" }),
    body: text().notNull(),
    kind: noteKind().notNull(),
    visibility: visibility().notNull().default("agency"),
    authorAgencyId: uuid()
      .notNull()
      .references(() => agency.id),
    ...auditColumns(),
  },
  (t) => [
    check(
      "note_one_subject",
      sql`num_nonnulls(${t.individualId}, ${t.groupId}, ${t.conflictId}) = 1`,
    ),
    check("note_body_not_blank", sql`btrim(${t.body}) <> ''`),
    index("note_individual_id_idx").on(t.individualId),
    index("note_group_id_idx").on(t.groupId),
    index("note_conflict_id_idx").on(t.conflictId),
    index("note_author_agency_id_idx").on(t.authorAgencyId),
    ...auditIndexes("note", t),
  ],
);
