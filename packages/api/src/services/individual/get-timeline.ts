import { sql } from "@truce/db";
import { recordRead, type CaseContentContext } from "../../case-read";
import { inTransaction } from "../context";
import { findVisibleIndividual } from "./find-visible-individual";
import type { IndividualTimelineInput, TimelineCursor } from "./schemas";
import {
  incidentBranch,
  interventionBranch,
  noteBranch,
  outcomeBranch,
  referralBranch,
  referralEventBranch,
  type TimelineKind,
} from "./timeline-branches";

/** Every source of the timeline, one branch of its statement each. */
const BRANCHES = [
  interventionBranch,
  outcomeBranch,
  referralBranch,
  referralEventBranch,
  noteBranch,
  incidentBranch,
];
const BRANCH_OF = Object.fromEntries(BRANCHES.map((b) => [b.kind, b])) as {
  [B in (typeof BRANCHES)[number] as B["kind"]]: B;
};

/** One item of a person's timeline, as the actor may see it: a union on `kind`. */
export type TimelineItem = ReturnType<(typeof BRANCHES)[number]["decode"]>;

export interface TimelinePage {
  /** Newest first. */
  items: TimelineItem[];
  /** Where the next page starts; null on the last page. */
  nextCursor: TimelineCursor | null;
}

interface TimelineRow extends Record<string, unknown> {
  kind: TimelineKind;
  id: string;
  /** The moment the item sorts by, to the microsecond, as the cursor carries it. */
  at: string;
  fields: unknown;
}

/**
 * A page of everything that happened to or with a person, newest first, as the actor may see
 * it, and the read in the access log, in one transaction. One statement: each source's rows
 * after the cursor, in order and limited in their branch, then merged and limited once more.
 * The cursor is a keyset (the last item's moment, kind and id), so a page deep in a long
 * history reads what the first page does. A person the actor cannot see is refused as not
 * found, as their profile is.
 */
export async function getIndividualTimeline(
  ctx: CaseContentContext,
  input: IndividualTimelineInput,
): Promise<TimelinePage> {
  return inTransaction(ctx, async (tx) => {
    const subject = await findVisibleIndividual(tx, input.individualId);
    // One more than the page, to know whether there is a next one.
    const limit = input.limit + 1;
    const branches = BRANCHES.map(
      (b) =>
        sql`(${b.select({
          db: tx.db,
          actor: tx.actor,
          subjectId: subject.id,
          limit,
          cursor: input.cursor,
        })})`,
    );
    const rows = await tx.db.execute<TimelineRow>(sql`
      select timeline.kind, timeline.id,
        to_char(timeline.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
        timeline.fields
      from (${sql.join(branches, sql` union all `)}) as timeline
      order by timeline.at desc, timeline.kind collate "C", timeline.id desc
      limit ${limit}`);
    const page = rows.slice(0, input.limit);
    const items = page.map((row) => BRANCH_OF[row.kind].decode(row.id, row.fields));
    const last = page.at(-1);
    const nextCursor =
      rows.length > input.limit && last ? { at: last.at, kind: last.kind, id: last.id } : null;
    await recordRead(tx, {
      entityType: "individual",
      entityId: subject.id,
      detail: { view: "timeline", ...shownIds(items) },
    });
    return { items, nextCursor };
  });
}

/** The ids of what the page showed, per kind (`noteIds`, `referralEventIds`...). */
function shownIds(items: TimelineItem[]): Record<string, string[]> {
  const key = (kind: TimelineKind) =>
    `${kind.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}Ids`;
  const ids = Object.fromEntries(BRANCHES.map((b) => [key(b.kind), [] as string[]]));
  for (const item of items) ids[key(item.kind)]!.push(item.id);
  return ids;
}
