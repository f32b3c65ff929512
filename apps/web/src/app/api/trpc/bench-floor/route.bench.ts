import { readFileSync } from "node:fs";
import { getDb } from "@truce/db";
import { replayStatements, type RecordedStatement } from "@truce/db/statements";

// The benchmark's framework floor (bench/README.md): a bare route handler, with no tRPC and no
// sign-in, that runs the SQL a read ran and answers with the body the read answered. It is a
// route only in the benchmark's own build (`TRUCE_BENCH_FLOOR=1`, next-config.ts), which
// also names the plan file it reads; no other build has it (there /api/trpc/bench-floor is
// the tRPC handler's "no such procedure"). It lives under /api/trpc/ so that, like the API,
// it is outside the proxy's matcher (src/proxy.ts): the floor is the framework alone.

// The shape of bench/src/plan.ts (the web app does not depend on the benchmark).
interface FloorPlan {
  reads: Record<string, { statements: RecordedStatement[]; body: string }>;
}

let plan: FloorPlan | null = null;

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  // A file named at run time, outside the build: nothing for the build to trace.
  const file = process.env.TRUCE_BENCH_PLAN ?? "";
  plan ??= JSON.parse(readFileSync(/* turbopackIgnore: true */ file, "utf8")) as FloorPlan;
  const read = plan.reads[new URL(request.url).searchParams.get("read") ?? ""];
  if (!read) return new Response("no such read", { status: 404 });
  await replayStatements(getDb().$client, read.statements);
  return new Response(read.body, {
    headers: { "content-type": "application/json", "cache-control": "no-store" },
  });
}
