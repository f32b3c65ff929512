import postgres from "postgres";
import { GENESIS_HASH, rowHash, type ChainedRow } from "./chain";

/** A position in the chain: a row's chain_seq and hash, or the head's. */
export interface ChainLink {
  chainSeq: number;
  hash: string;
}

/** Where the chain first breaks, and what is wrong there. */
export interface BrokenLink {
  /** The first link that does not hold; null for a row that has no place in the chain. */
  chainSeq: number | null;
  /** The row at that link; null where the row is missing. */
  id: number | null;
  problem: string;
}

export type ChainReport =
  | { intact: true; rows: number; head: ChainLink }
  /** `rows`: the rows before the break, which do hold. */
  | { intact: false; rows: number; broken: BrokenLink };

export interface VerifyOptions {
  /**
   * A head printed by an earlier run and kept outside the database: the chain must still
   * pass through it. Without it, a log the owner rewrote entirely, recomputing every hash,
   * verifies as intact.
   */
  expectHead?: ChainLink;
  /** Rows read per query: the log is walked in pages, never held in memory whole. */
  pageSize?: number;
}

/** The verify could not run (no access, not migrated): not a verdict on the chain. */
export class AuditVerifyError extends Error {
  override name = "AuditVerifyError";
}

interface Previous {
  chainSeq: number;
  id: number;
  hash: string | null;
}

function range(from: number, to: number): string {
  return from === to ? `chain_seq ${from} is` : `chain_seq ${from} to ${to} are`;
}

/** What is wrong with `row` as the link after `previous` (null: the first row), if anything. */
function linkProblem(previous: Previous | null, row: ChainedRow, chainSeq: number): string | null {
  const expected = previous ? previous.chainSeq + 1 : 1;
  if (chainSeq > expected) {
    return previous
      ? `${range(expected, chainSeq - 1)} missing after chain_seq ${previous.chainSeq} (id ${previous.id}): deleted`
      : `the chain starts here: ${range(1, chainSeq - 1)} missing (deleted)`;
  }
  if (chainSeq < expected) return `a second row with chain_seq ${chainSeq}`;
  if (row.prev_hash !== (previous ? previous.hash : GENESIS_HASH)) {
    return previous
      ? `prev_hash is not the hash of the row before it (chain_seq ${previous.chainSeq}, id ${previous.id}): that row was rewritten and given a new hash, or this link was changed`
      : "prev_hash of the first row is not the genesis value";
  }
  if (row.hash !== rowHash(row)) {
    return row.hash === null
      ? "the row has no hash"
      : "the row's content does not match its hash: it was changed after it was written";
  }
  return null;
}

function refusal(error: unknown): AuditVerifyError | null {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "42501") {
    return new AuditVerifyError(
      `The verify was refused (${message}): it reads the chain's head, which only the owner of ` +
        "the tables may; run it with DATABASE_MIGRATION_URL set to the owner's connection string.",
    );
  }
  if (code === "42P01" || code === "42703") {
    return new AuditVerifyError(
      `This database has no access-log chain (${message}): apply the migrations first (npm run db:migrate).`,
    );
  }
  return null;
}

/**
 * Walks the access log in chain order and checks every link: chain_seq counts up by one from
 * 1, each prev_hash is the hash of the row before (the genesis value for the first), each
 * hash is the one this code computes from the row's content, and the head is the last row.
 * Reads one snapshot, with built-in functions only (search_path pg_catalog), as the owner:
 * the apps' role may not read the head.
 */
export async function verifyAccessLog(
  url: string,
  options: VerifyOptions = {},
): Promise<ChainReport> {
  const pageSize = options.pageSize ?? 5000;
  const expectHead = options.expectHead;
  const sql = postgres(url, {
    max: 1,
    onnotice: () => {},
    connect_timeout: 10,
    connection: { application_name: "truce-audit-verify" },
  });
  try {
    return await sql.begin("isolation level repeatable read read only", async (tx) => {
      await tx`set local search_path = pg_catalog`;
      const broken = (rows: number, link: BrokenLink): ChainReport => ({
        intact: false,
        rows,
        broken: link,
      });

      let previous: Previous | null = null;
      let rows = 0;
      for (;;) {
        const after: number | null = previous?.chainSeq ?? null;
        const page: readonly ChainedRow[] = await tx<ChainedRow[]>`
          -- qualified: the output columns of the same names are text
          select id::text as id, chain_seq::text as chain_seq, prev_hash, hash,
            to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
            user_id::text as user_id, membership_id::text as membership_id,
            agency_id::text as agency_id, action::text as action, entity_type, entity_id,
            purpose::text as purpose, array_to_json(fields)::text as fields, ip,
            detail::text as detail
          from public.access_log a
          where a.chain_seq is not null ${after === null ? tx`` : tx`and a.chain_seq > ${after}`}
          order by a.chain_seq
          limit ${pageSize}`;
        for (const row of page) {
          const chainSeq = Number(row.chain_seq);
          const id = Number(row.id);
          const problem = linkProblem(previous, row, chainSeq);
          if (problem) return broken(rows, { chainSeq, id, problem });
          if (expectHead && chainSeq === expectHead.chainSeq && row.hash !== expectHead.hash) {
            return broken(rows, {
              chainSeq,
              id,
              problem: `its hash is not the head recorded earlier (${expectHead.hash}): the chain up to here was rewritten`,
            });
          }
          rows++;
          previous = { chainSeq, id, hash: row.hash };
        }
        if (page.length < pageSize) break;
      }

      const last: Previous | null = previous;
      const lastSeq = last?.chainSeq ?? 0;
      const lastHash = last?.hash ?? GENESIS_HASH;
      const [head] = await tx<{ chain_seq: string; hash: string }[]>`
        select chain_seq::text as chain_seq, hash from public.access_log_chain_head where id = 1`;
      const lastRow = last
        ? `the last row is chain_seq ${lastSeq} (id ${last.id})`
        : "the log is empty";
      if (!head && last) {
        return broken(rows, {
          chainSeq: lastSeq,
          id: last.id,
          problem: "the chain's head (access_log_chain_head) is missing",
        });
      }
      const headSeq = head ? Number(head.chain_seq) : 0;
      const headHash = head?.hash ?? GENESIS_HASH;
      if (headSeq > lastSeq) {
        return broken(rows, {
          chainSeq: lastSeq + 1,
          id: null,
          problem: `missing: the head is at chain_seq ${headSeq}, but ${lastRow}: ${range(lastSeq + 1, headSeq)} cut off the end`,
        });
      }
      if (headSeq < lastSeq) {
        return broken(rows, {
          chainSeq: headSeq + 1,
          id: null,
          problem: `the head is at chain_seq ${headSeq}, but the chain goes on to chain_seq ${lastSeq}: the head was moved back`,
        });
      }
      if (headHash !== lastHash) {
        return broken(rows, {
          chainSeq: lastSeq,
          id: last?.id ?? null,
          problem: `the head's hash (${headHash}) is not the hash of the last row`,
        });
      }
      if (expectHead && expectHead.chainSeq > lastSeq) {
        return broken(rows, {
          chainSeq: lastSeq + 1,
          id: null,
          problem: `missing: ${lastRow}, before the head recorded earlier at chain_seq ${expectHead.chainSeq}: rows were removed`,
        });
      }

      const [outside] = await tx<{ id: string; n: number }[]>`
        select id::text as id, count(*) over ()::int as n
        from public.access_log a where a.chain_seq is null order by a.id limit 1`;
      if (outside) {
        const more = outside.n > 1 ? ` (and ${outside.n - 1} more)` : "";
        return broken(rows, {
          chainSeq: null,
          id: Number(outside.id),
          problem: `the row has no place in the chain${more}: it was inserted with the seal trigger disabled`,
        });
      }
      return { intact: true, rows, head: { chainSeq: headSeq, hash: headHash } };
    });
  } catch (error) {
    throw refusal(error) ?? error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The report as `npm run audit:verify` prints it. */
export function formatReport(report: ChainReport): string {
  if (report.intact) {
    const { chainSeq, hash } = report.head;
    return [
      `${report.rows} rows, chain intact, head ${hash}`,
      "Keep the head somewhere the database's owner cannot write; to check later that these rows are unchanged:",
      `  npm run audit:verify -- --expect-head ${chainSeq}:${hash}`,
    ].join("\n");
  }
  const { chainSeq, id, problem } = report.broken;
  const where =
    chainSeq === null
      ? `outside the chain, id ${id}`
      : `chain_seq ${chainSeq}${id === null ? "" : ` (id ${id})`}`;
  return [
    `The access log's chain is broken at ${where}: ${problem}.`,
    `${report.rows} rows before it are intact.`,
  ].join("\n");
}
