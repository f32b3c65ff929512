import {
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  isNull,
  like,
  or,
  sql,
  subquery,
  type PgColumn,
  type SQL,
} from "@truce/db";
import { FIELD_LIMITS } from "@truce/db/field-limits";
import { groupMembership, individual } from "@truce/db/schema";
import { individualScope } from "../../policy";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { likePattern, offsetOf, type Page } from "../pagination";
import type { ListIndividualsInput } from "./schemas";
import { searchFolded } from "../search-fold";
import { idIn } from "../id-list";

export interface IndividualListItem {
  id: string;
  givenName: string;
  familyName: string;
  district: string;
  status: (typeof individual.status.enumValues)[number];
  riskLevel: (typeof individual.riskLevel.enumValues)[number];
  registrationStatus: (typeof individual.registrationStatus.enumValues)[number];
  isMinor: boolean;
  reviewDue: string;
}

/** Under 18 by the date of birth; no date known is not a minor. */
const isMinor = sql<boolean>`coalesce(${individual.dateOfBirth} > current_date - interval '18 years', false)`;

/**
 * A name search: the text anywhere in a name or alias, or a name like it (pg_trgm's word
 * similarity, `<%`, at its default threshold of 0.6, so "Mohamad" finds "Mohammed"). Both
 * are served by the trigram index on the stored, case-folded `search_text`.
 */
function nameSearch(search: string): SQL {
  return or(holdsText(search), sql`${searchFolded(search)} <% ${individual.searchText}`) as SQL;
}

/** The text anywhere in a name or alias. */
function holdsText(search: string): SQL {
  return like(individual.searchText, searchFolded(likePattern(search)));
}

/** The filters of the register, each a column an index holds (or a membership's key). */
function filters(input: ListIndividualsInput): (SQL | undefined)[] {
  return [
    input.search ? nameSearch(input.search) : undefined,
    input.status ? eq(individual.status, input.status) : undefined,
    input.riskLevel ? eq(individual.riskLevel, input.riskLevel) : undefined,
    input.category ? eq(individual.category, input.category) : undefined,
    input.district ? eq(individual.district, input.district) : undefined,
    input.registeringAgencyId
      ? eq(individual.registeringAgencyId, input.registeringAgencyId)
      : undefined,
    input.age === "minors" ? isMinor : input.age === "adults" ? sql`not ${isMinor}` : undefined,
    // Current members of the group: a membership that has not ended.
    input.groupId
      ? exists(
          subquery
            .select({ id: groupMembership.id })
            .from(groupMembership)
            .where(
              and(
                eq(groupMembership.individualId, individual.id),
                eq(groupMembership.groupId, input.groupId),
                or(isNull(groupMembership.toOn), gte(groupMembership.toOn, sql`current_date`)),
              ),
            ),
        )
      : undefined,
  ];
}

/**
 * The order of a page: by name (individual_name_order_idx) or by review date
 * (individual_review_due_idx), either way, the id last so that pages never overlap. `bare`
 * gives the same order on expressions no index holds (see the search below).
 */
function orderOf(input: ListIndividualsInput, bare: boolean): SQL[] {
  const by = input.direction === "desc" ? desc : asc;
  // A search by name shows the names that hold the text first, then the ones like it.
  const exactFirst = input.search && input.sort === "name" ? [desc(holdsText(input.search))] : [];
  const column = (c: PgColumn) => (bare ? sql`${c} || ''` : c);
  const keys =
    input.sort === "reviewDue"
      ? [bare ? sql`${individual.reviewDue} + 0` : individual.reviewDue]
      : [column(individual.familyName), column(individual.givenName)];
  return [...exactFirst, ...keys.map((key) => by(key)), by(individual.id)];
}

/**
 * A page of the register as the actor may see it, searched by name and alias, filtered and
 * sorted. Built to stay cheap at national scale: the search is the expression the trigram
 * index holds (the text is case-folded there by `search_fold`, so the pattern is too), each
 * order is an index, and the count stops at the cap (FIELD_LIMITS.count.max).
 */
export async function listIndividuals(
  { db, actor }: ServiceContext,
  input: ListIndividualsInput,
): Promise<Page<IndividualListItem>> {
  const where = and(individualScope(actor), ...filters(input));
  const fields = {
    id: individual.id,
    givenName: individual.givenName,
    familyName: individual.familyName,
    district: individual.district,
    status: individual.status,
    riskLevel: individual.riskLevel,
    registrationStatus: individual.registrationStatus,
    isMinor,
    reviewDue: individual.reviewDue,
  };
  if (!input.search) {
    // The first pages are a walk of individual_name_order_idx to the LIMIT; the count is
    // its own capped statement, run alongside.
    const [items, count] = await Promise.all([
      db
        .select(fields)
        .from(individual)
        .where(where)
        .orderBy(...orderOf(input, false))
        .limit(input.pageSize)
        .offset(offsetOf(input)),
      cappedCount(db, individual, where),
    ]);
    return { items, ...count, page: input.page, pageSize: input.pageSize };
  }
  // With a search, the matches come from the trigram index and are then sorted, and counted
  // in the same statement (the sort reads every match anyway). Ordered by the bare columns,
  // the planner may instead walk individual_name_order_idx and test every row until a page is
  // full: most of the register when the matches sort late or there are none (85 ms against
  // 10 at national scale, bench/README.md). `|| ''` is the same order on an expression that
  // no index holds, so the walk is not on offer. The sort carries only the ids (8.9 ms where
  // the rows' fields took 10.6, for 2,900 matches), and the page's rows are read by them.
  const matchingPage = (condition: SQL | undefined, order: SQL[]) =>
    db
      .select({ id: individual.id, matches: sql<number>`count(*) over ()`.mapWith(Number) })
      .from(individual)
      .where(condition)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(offsetOf(input));
  const cap = FIELD_LIMITS.count.max;
  let found: { id: string; matches: number }[] | undefined;
  if (input.sort === "name") {
    // By name, the names that hold the text come first. When they alone are more than the
    // count shows and fill the page, the page and the count ("1,000+") are theirs, and the
    // names only like the text need not be read: at national scale "hamid" is held by 2,900
    // names, and reading those alone took 5 ms where the whole search took 10.6.
    const unsearched = { ...input, search: "" };
    const holding = await matchingPage(
      and(individualScope(actor), ...filters(unsearched), holdsText(input.search)),
      orderOf(unsearched, true),
    );
    const holdingMatches = holding[0]?.matches ?? 0;
    // A full page of them is all from them (the rows are there at its offset).
    if (holdingMatches > cap && holding.length === input.pageSize) {
      found = holding;
    }
  }
  found ??= await matchingPage(where, orderOf(input, true));
  const matches = found[0]?.matches;
  const ids = found.map((row) => row.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .select(fields)
          .from(individual)
          .where(and(individualScope(actor), idIn(individual.id, ids)));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = found.flatMap((row) => byId.get(row.id) ?? []);
  // A page past the last match has no row to carry the count: it is counted on its own.
  const count =
    matches === undefined
      ? await cappedCount(db, individual, where)
      : { total: Math.min(matches, cap), totalCapped: matches > cap };
  return { items, ...count, page: input.page, pageSize: input.pageSize };
}
