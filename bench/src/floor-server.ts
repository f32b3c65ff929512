/**
 * The benchmark's data floor: a bare node:http server that runs the SQL a read ran, with the
 * same driver and pool as the app (createDb), and answers with the body the read answered.
 * Started by run.ts in a process of its own, like the app:
 *
 *   tsx src/floor-server.ts <port>     (DATABASE_URL, TRUCE_BENCH_PLAN in the environment)
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createDb } from "@truce/db";
import { replayStatements } from "@truce/db/statements";
import type { FloorPlan } from "./plan";

const plan = JSON.parse(readFileSync(process.env.TRUCE_BENCH_PLAN ?? "", "utf8")) as FloorPlan;
const db = createDb(process.env.DATABASE_URL ?? "");
const port = Number(process.argv[2]);

createServer((req, res) => {
  const read = plan.reads[new URL(req.url ?? "/", "http://floor").searchParams.get("read") ?? ""];
  if (!read) {
    res.writeHead(404).end();
    return;
  }
  replayStatements(db.$client, read.statements).then(
    () => {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(read.body);
    },
    (error: unknown) => {
      console.error("[floor]", error);
      res.writeHead(500).end();
    },
  );
}).listen(port, "127.0.0.1", () => console.log(`[floor] listening on ${port}`));
