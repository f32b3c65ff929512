/**
 * The browser tests create users and people and change rows, so they run only against the
 * throwaway database run.ts starts: run.ts marks it with a random token (a comment on the
 * database) and passes the token on; Playwright's global setup refuses any database whose
 * mark is not that token.
 */
import { randomBytes } from "node:crypto";
import postgres from "postgres";

const PREFIX = "truce-e2e throwaway database ";

function connect(url: string) {
  return postgres(url, { max: 1, onnotice: () => {} });
}

/** The address without its password, to name a database in a message. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an address that does not parse)";
  }
}

/** Marks the database at `url` (as its owner) as this run's own; returns the token. */
export async function markTestDatabase(url: string): Promise<string> {
  const token = randomBytes(16).toString("hex");
  const sql = connect(url);
  try {
    const [row] = await sql<{ name: string }[]>`select current_database() as name`;
    // COMMENT takes no parameters: the name is quoted as an identifier, the token is hex.
    await sql.unsafe(
      `comment on database "${row!.name.replace(/"/g, '""')}" is '${PREFIX}${token}'`,
    );
  } finally {
    await sql.end();
  }
  return token;
}

/** Throws unless the database at `url` carries the mark `token` (run.ts's). */
export async function assertTestDatabase(
  url: string | undefined,
  token: string | undefined,
): Promise<void> {
  if (!url || !token) {
    throw new Error(
      "Refusing to run the browser tests: E2E_DATABASE_URL and E2E_DATABASE_MARK are not both set. " +
        "Run them with `npm run test:e2e`, which starts a throwaway database of their own.",
    );
  }
  const sql = connect(url);
  let mark: string | null;
  try {
    const [row] = await sql<{ mark: string | null }[]>`
      select shobj_description(oid, 'pg_database') as mark
      from pg_database where datname = current_database()`;
    mark = row?.mark ?? null;
  } finally {
    await sql.end();
  }
  if (mark !== `${PREFIX}${token}`) {
    throw new Error(
      `Refusing to run the browser tests against ${shown(url)}: it is not the throwaway ` +
        `database this run started (${mark ? "it carries another run's mark" : "it carries no mark"}). ` +
        "The tests create and change data; run them with `npm run test:e2e`.",
    );
  }
}
