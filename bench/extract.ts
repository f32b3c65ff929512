/**
 * `npm run bench:extract -- --scale national`: the evaluators' extract alone, without building
 * the web app. Starts a throwaway PostgreSQL, seeds the demo and generates the scale on top (as
 * `npm run bench` does), then makes the whole extract with the route's own handler in this
 * process, connected as the apps' role, reads it to the end and throws it away, and prints its
 * time and this process's memory before and at its highest (bench/README.md). `npm run bench`
 * measures the same over HTTP against the production server.
 *
 * Options: --scale tiny|city|national (city), --seed N (1).
 */
import { parseArgs } from "node:util";
import { createDb } from "@truce/db";
import { runMigrations } from "@truce/db/migrate";
import { seedDemo } from "@truce/db/seed";
import { startPgServer } from "@truce/db/testing";
import { sessionClaimsOf } from "./src/claims";
import { extractLine, measureExtractInProcess } from "./src/extract";
import { generate, SCALES, type Scale } from "./src/generate";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "city" },
    seed: { type: "string", default: "1" },
  },
});
if (!(values.scale in SCALES)) {
  console.error(`bench: --scale must be one of ${Object.keys(SCALES).join(", ")}`);
  process.exit(2);
}
const scale = values.scale as Scale;
const log = (line: string) => console.log(`[bench:extract] ${line}`);

const server = await startPgServer({
  settings: { shared_buffers: "1GB", work_mem: "16MB", max_wal_size: "4GB" },
});
try {
  await runMigrations(server.url);
  const appUrl = await server.createAppLogin(server.url);
  const ownerDb = createDb(server.url, { max: 2 });
  await seedDemo(ownerDb);
  const generated = await generate(server.url, scale, {
    seed: Number(values.seed),
    onProgress: (line) => log(`  ${line}`),
  });
  log(`data at ${scale} scale generated in ${generated.seconds.toFixed(0)} s`);
  const db = createDb(appUrl);
  const claims = await sessionClaimsOf(ownerDb, "", "", "police.manager@truce.example");
  const result = await measureExtractInProcess({ db, claims });
  log(extractLine(result));
  log(`rows per file: ${JSON.stringify(result.rows)}`);
  await db.close();
  await ownerDb.close();
} finally {
  await server.stop();
}
