// The one home of drizzle-orm: callers import the operators from here.
export * from "drizzle-orm/sql";
export { alias } from "drizzle-orm/pg-core";
// The types a helper generic over tables needs (the api's versioned update and scopes).
export type { PgColumn, PgTable, PgUpdateSetSource, SelectedFields } from "drizzle-orm/pg-core";
// What a helper over any selected field tells a column from an expression by.
export { Column, is, type GetColumnData } from "drizzle-orm";
export {
  createDb,
  getDb,
  equalsConstant,
  plannedForItsValues,
  subquery,
  type Db,
  type Tx,
  type DbOrTx,
} from "./client";
export { builtOnce } from "./built-once";
export * as schema from "./schema";
export * from "./schema";
