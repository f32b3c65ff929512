import type { Sql } from "postgres";

/** One statement as a request sent it (`CreateDbOptions.onStatement`), on which connection. */
export interface RecordedStatement {
  connection: number;
  text: string;
  params: unknown[];
}

const BEGIN = /^\s*begin\b/i;
const END = /^\s*(commit|rollback)\s*$/i;

/** Whether a statement only opens or closes a transaction (nothing to EXPLAIN). */
export function isTransactionControl(text: string): boolean {
  return BEGIN.test(text) || END.test(text);
}

/**
 * Runs recorded statements again, as the request ran them: a transaction's statements inside
 * one transaction on one connection (its savepoints replayed as they were sent), everything
 * else on the pool, one after another in the order they were sent. The benchmark's floors
 * run a request's SQL with nothing around it; where the request ran two statements at once,
 * the floor runs them in turn, so it is never faster than the request could be.
 */
export async function replayStatements(
  sql: Sql,
  statements: readonly RecordedStatement[],
): Promise<void> {
  const done = new Set<number>();
  for (let i = 0; i < statements.length; i++) {
    if (done.has(i)) continue;
    const first = statements[i]!;
    if (!BEGIN.test(first.text)) {
      await sql.unsafe(first.text, first.params as never[]);
      continue;
    }
    const body: RecordedStatement[] = [];
    for (let j = i + 1; j < statements.length; j++) {
      const next = statements[j]!;
      if (next.connection !== first.connection || done.has(j)) continue;
      done.add(j);
      if (END.test(next.text)) break;
      body.push(next);
    }
    await sql.begin(async (tx) => {
      for (const statement of body) await tx.unsafe(statement.text, statement.params as never[]);
    });
  }
}
