import { and, asc, eq, inArray, like, or, sql, type SQL } from "@truce/db";
import { conflict } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { likePattern, offsetOf, type Page } from "../pagination";
import { partiesOf, type ConflictPartyItem } from "./parties";
import type { ListConflictsInput } from "./schemas";
import { searchFolded } from "../search-fold";

export interface ConflictListItem {
  id: string;
  title: string;
  status: (typeof conflict.status.enumValues)[number];
  riskLevel: (typeof conflict.riskLevel.enumValues)[number];
  startedOn: string | null;
  resolvedOn: string | null;
  /** Its groups, and the people among its parties whom the actor may see. */
  parties: Omit<ConflictPartyItem, "conflictId">[];
}

/**
 * A title search: the text anywhere in the title, or words like it (pg_trgm's word
 * similarity), both served by the trigram index on the stored, case-folded `search_text`.
 */
export function titleSearch(search: string): SQL {
  return or(
    like(conflict.searchText, searchFolded(likePattern(search))),
    sql`${searchFolded(search)} <% ${conflict.searchText}`,
  ) as SQL;
}

function filters(input: ListConflictsInput): (SQL | undefined)[] {
  return [
    input.search ? titleSearch(input.search) : undefined,
    input.status ? inArray(conflict.status, input.status) : undefined,
    input.riskLevel ? eq(conflict.riskLevel, input.riskLevel) : undefined,
  ];
}

/**
 * The list's order, the index conflict_risk_order_idx's: the most dangerous first (the enum's
 * order, critical last, read backwards), then the latest started (no known start last), the
 * id last so that pages never overlap. `nulls last` on the risk too, as the index has it,
 * so the planner walks the index (it does not reason from the column being not null).
 */
const ORDER = [
  sql`${conflict.riskLevel} desc nulls last`,
  sql`${conflict.startedOn} desc nulls last`,
  asc(conflict.id),
];

/**
 * A page of the conflicts, filtered by status (any of several) and risk, searched by title,
 * each with its parties' names. Conflicts are the programme's shared core, so there is no
 * scope on them; the people among the parties are those in the actor's view of the register.
 * Three statements whatever the page holds: the page, its capped count, and its parties.
 */
export async function listConflicts(
  ctx: ServiceContext,
  input: ListConflictsInput,
): Promise<Page<ConflictListItem>> {
  const { db } = ctx;
  const where = and(...filters(input));
  const [rows, count] = await Promise.all([
    db
      .select({
        id: conflict.id,
        title: conflict.title,
        status: conflict.status,
        riskLevel: conflict.riskLevel,
        startedOn: conflict.startedOn,
        resolvedOn: conflict.resolvedOn,
      })
      .from(conflict)
      .where(where)
      .orderBy(...ORDER)
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, conflict, where),
  ]);
  const parties = await partiesOf(
    ctx,
    rows.map((row) => row.id),
  );
  const items = rows.map((row) => ({
    ...row,
    parties: parties
      .filter((party) => party.conflictId === row.id)
      .map(({ conflictId: _, ...party }) => party),
  }));
  return { items, ...count, page: input.page, pageSize: input.pageSize };
}
