import { sql } from "@truce/db";

/**
 * A LIMIT written into the statement's text, for a bound that is the same on every call (the
 * network picture's). Drizzle sends `.limit(n)` as a parameter, and a prepared statement's
 * generic plan, not knowing it, is costed as if the LIMIT let through a tenth of the rows:
 * PostgreSQL then never takes it and plans the statement again on every execution (at
 * national scale the network picture's conflict pairs spent 1 ms planning for 1.6 ms read).
 * Never a value from a request: a page's size stays a parameter.
 */
export function constantLimit(bound: number): number {
  if (!Number.isSafeInteger(bound) || bound < 0) {
    throw new Error(`a constant LIMIT is a whole number, not ${bound}`);
  }
  // Drizzle writes an SQL object given as the limit into the statement as it is (its
  // dialect takes "an object or a number"); typed as the number it stands for.
  return sql.raw(String(bound)) as unknown as number;
}
