// Test support: how many statements a read sends, for the tests that prove a read's count
// does not grow with the data (no query per row).
import { createDb, type Db } from "@truce/db";

export interface StatementCounter {
  /** Connected as the apps connect, on one connection, each statement it sends recorded. */
  db: Db;
  /**
   * The statements of one call of `read`, after a first call has warmed what is read once
   * per connection (the session, prepared types), so that two reads compare alike.
   */
  statementsOf(read: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

export function statementCounter(appUrl: string): StatementCounter {
  const statements: string[] = [];
  const db = createDb(appUrl, {
    max: 1,
    onStatement: (statement) => statements.push(statement.text),
  });
  return {
    db,
    async statementsOf(read) {
      await read();
      statements.length = 0;
      await read();
      return statements.length;
    },
    close: () => db.close(),
  };
}
