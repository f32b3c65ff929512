/**
 * `npm run audit:verify [-- --expect-head <chain_seq>:<hash>]`: checks the access log's hash
 * chain and reports the first broken link (exit 1), or the rows and the head (exit 0). Exit 2
 * when it could not check at all.
 *
 * The database: DATABASE_MIGRATION_URL (the owner; default DATABASE_URL). Neither set: the
 * embedded default, the running `npm run dev`'s on TRUCE_DB_PORT, or else its folder opened
 * here for the check.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { AuditVerifyError, formatReport, verifyAccessLog, type ChainLink } from "../src/audit";
import {
  defaultPgliteDir,
  embeddedUrl,
  isPortFree,
  startEmbeddedServer,
  type EmbeddedServer,
} from "../src/embedded";
import { dbEnv } from "../src/env";

function parseHead(text: string | undefined): ChainLink | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) {
    throw new AuditVerifyError(
      `--expect-head must be <chain_seq>:<hash> as an earlier run printed it, not "${text}"`,
    );
  }
  return { chainSeq: Number(match[1]), hash: match[2]! };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "expect-head": { type: "string" } } });
  const expectHead = parseHead(values["expect-head"]);

  let url = dbEnv.DATABASE_MIGRATION_URL;
  let opened: EmbeddedServer | undefined;
  if (!url) {
    if (!(await isPortFree(dbEnv.TRUCE_DB_PORT, "127.0.0.1"))) {
      url = embeddedUrl(dbEnv.TRUCE_DB_PORT);
      console.log(`Verifying the embedded database served on port ${dbEnv.TRUCE_DB_PORT}.`);
    } else if (existsSync(defaultPgliteDir())) {
      console.log(`Verifying the embedded database in ${defaultPgliteDir()}.`);
      opened = await startEmbeddedServer({ port: 0, handleSignals: false });
      url = opened.url;
    } else {
      throw new AuditVerifyError(
        "No database to verify: set DATABASE_MIGRATION_URL (or DATABASE_URL) to the server, " +
          `or run npm run dev once for the embedded database (none in ${defaultPgliteDir()}).`,
      );
    }
  }
  try {
    const report = await verifyAccessLog(url, { expectHead });
    console.log(formatReport(report));
    return report.intact ? 0 : 1;
  } finally {
    await opened?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
