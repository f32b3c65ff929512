/**
 * `npm run bench -- --scale city|national`: the benchmark (bench/README.md). Starts a
 * throwaway PostgreSQL, seeds the demo and generates the scale on top, builds and serves the
 * production web app, signs in, and measures every read of the web app with autocannon
 * against the app and its two floors, EXPLAINs each read's statements, weighs each page's
 * first-load JavaScript, prints a table and writes the results as JSON.
 *
 * Options: --scale city|national|tiny (city), --seconds N per measurement (5),
 * --connections 1,10, --seed N (1), --no-build (serve the .next-bench build already there),
 * --out FILE (bench/results/<scale>-<time>.json; latest-<scale>.json is written as well),
 * --profile (the app's server under V8's CPU profiler; where its time went is printed, and
 * the .cpuprofile is kept in bench/results/profiles).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { PURPOSE_COOKIE } from "@truce/api";
import { createDb } from "@truce/db";
import { runMigrations } from "@truce/db/migrate";
import { seedDemo } from "@truce/db/seed";
import { startPgServer } from "@truce/db/testing";
import { captureStatements } from "./src/capture";
import { sessionClaimsOf } from "./src/claims";
import { explainStatements, type StatementPlan } from "./src/explain";
import { extractLine, measureExtractOverHttp } from "./src/extract";
import { generate, SCALES, type Scale } from "./src/generate";
import { measure, type LoadResult } from "./src/load";
import { measurePageWeights, type PageWeight } from "./src/page-weight";
import type { FloorPlan } from "./src/plan";
import { newestProfile, printProfile, summarizeProfile } from "./src/profile";
import { findReadSamples, READS, type BenchRead } from "./src/reads";
import { printReport, type BenchResults, type ReadResult } from "./src/report";
import { signIn } from "./src/sign-in";
import { CALL_IN_WRITERS, measureCallInWrites } from "./src/writes";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const BENCH_USER = "police.staff@truce.example";
/** Who reads the reports (BenchRead's `as`): the same agency's manager. */
const BENCH_MANAGER = "police.manager@truce.example";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "city" },
    seconds: { type: "string", default: "5" },
    connections: { type: "string", default: "1,10" },
    seed: { type: "string", default: "1" },
    "no-build": { type: "boolean", default: false },
    out: { type: "string" },
    profile: { type: "boolean", default: false },
  },
});
if (!(values.scale in SCALES)) {
  console.error(`bench: --scale must be one of ${Object.keys(SCALES).join(", ")}`);
  process.exit(2);
}
const scale = values.scale as Scale;
const seconds = Number(values.seconds);
const connectionCounts = values.connections.split(",").map(Number);

function log(line: string) {
  console.log(`[bench] ${line}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        address && typeof address === "object"
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within 120 s`);
}

function start(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", "ignore", "inherit"] });
}

function stop(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** Stops a server and waits for it to exit (a profiled one writes its profile then). */
async function stopAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  stop(child);
  await exited;
}

async function main(): Promise<number> {
  const started = Date.now();
  const quiet: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
  };
  if (values["no-build"]) {
    log("serving the build already in apps/web/.next-bench (--no-build)");
  } else {
    log("building the web app (production, with the framework floor's route)");
    // Profiled, the build keeps its function names, so that the profile says who is who.
    const build = spawnSync(
      "npx",
      ["next", "build", ...(values.profile ? ["--no-mangling"] : [])],
      {
        cwd: join(root, "apps/web"),
        stdio: ["ignore", "inherit", "inherit"],
        env: { ...quiet, TRUCE_BENCH_FLOOR: "1" },
      },
    );
    if (build.status !== 0) return 1;
  }

  log(`starting a throwaway PostgreSQL; data at ${scale} scale (seed ${values.seed})`);
  const server = await startPgServer({
    settings: { shared_buffers: "1GB", work_mem: "16MB", max_wal_size: "4GB" },
  });
  const children: ChildProcess[] = [];
  const cleanup = () => children.forEach(stop);
  process.once("exit", cleanup);
  try {
    await runMigrations(server.url);
    const appUrl = await server.createAppLogin(server.url);
    const ownerDb = createDb(server.url, { max: 2 });
    await seedDemo(ownerDb);
    const generated = await generate(server.url, scale, {
      seed: Number(values.seed),
      onProgress: (line) => log(`  ${line}`),
    });
    log(`data generated in ${generated.seconds.toFixed(0)} s`);

    const [appPort, floorPort] = [await freePort(), await freePort()];
    const planFile = join(root, "bench/results/.floor-plan.json");
    mkdirSync(dirname(planFile), { recursive: true });
    const { DATABASE_MIGRATION_URL: _owner, ...inherited } = quiet;
    const appEnv = {
      ...inherited,
      NODE_ENV: "production" as const,
      DATABASE_URL: appUrl,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      TRUCE_BENCH_FLOOR: "1",
      TRUCE_BENCH_PLAN: planFile,
    };
    const serve = join(root, "packages/ui/src/server/serve.mjs");
    const profileDir = join(root, "bench/results/profiles");
    const profiling = values.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    const app = start(
      process.execPath,
      [...profiling, serve, "--port", String(appPort), "--hostname", "127.0.0.1"],
      join(root, "apps/web"),
      appEnv,
    );
    children.push(app);
    const base = `http://127.0.0.1:${appPort}`;
    await waitFor(`${base}/api/health`, app);

    const cookie = `${await signIn(base, BENCH_USER)}; ${PURPOSE_COOKIE}=case_work`;
    // A browser's own call: the API refuses one from another site (packages/api http.ts).
    const headers = { cookie, "sec-fetch-site": "same-origin" };
    const claims = await sessionClaimsOf(ownerDb, cookie, appEnv.AUTH_SECRET, BENCH_USER);
    const managerCookie = await signIn(base, BENCH_MANAGER);
    const manager = {
      cookie: managerCookie,
      headers: { cookie: managerCookie, "sec-fetch-site": "same-origin" },
      claims: await sessionClaimsOf(ownerDb, managerCookie, appEnv.AUTH_SECRET, BENCH_MANAGER),
    };
    const sessionOf = (read: BenchRead) =>
      read.as === "manager" ? manager : { cookie, headers, claims };

    log("recording each read's statements and answer");
    const samples = await findReadSamples(appUrl, claims, cookie, generated.samples);
    const plan: FloorPlan = { reads: {} };
    const statements = await captureStatements(appUrl, READS, sessionOf, samples);
    for (const read of READS) {
      const res = await fetch(`${base}${read.path(samples)}`, { headers: sessionOf(read).headers });
      const body = await res.text();
      if (!res.ok) throw new Error(`${read.name}: the app answered ${res.status}: ${body}`);
      plan.reads[read.name] = { statements: statements[read.name]!, body };
    }
    writeFileSync(planFile, JSON.stringify(plan));

    const floor = start(
      join(root, "node_modules/.bin/tsx"),
      [join(here, "src/floor-server.ts"), String(floorPort)],
      here,
      { ...appEnv, DATABASE_URL: appUrl },
    );
    children.push(floor);
    const floorBase = `http://127.0.0.1:${floorPort}`;
    await waitFor(`${floorBase}/?read=health`, floor);

    log("EXPLAIN ANALYZE of each statement");
    const sql = postgres(appUrl, { max: 1, onnotice: () => {} });
    const plans: Record<string, StatementPlan[]> = {};
    for (const read of READS)
      plans[read.name] = await explainStatements(sql, plan.reads[read.name]!.statements);
    await sql.end();

    log("weighing each page's first-load JavaScript");
    const someNote = firstId(plan.reads["person's notes"]?.body);
    const pages = [
      { path: "/sign-in", signedIn: false },
      { path: "/", signedIn: true },
      { path: "/individuals", signedIn: true },
      { path: "/individuals/new", signedIn: true },
      { path: "/network", signedIn: true },
      { path: `/individuals/${generated.samples.profileIndividualId}`, signedIn: true },
      { path: "/groups", signedIn: true },
      { path: `/groups/${generated.samples.profileGroupId}`, signedIn: true },
      { path: "/incidents", signedIn: true },
      { path: `/incidents/${generated.samples.profileIncidentId}`, signedIn: true },
      { path: "/conflicts", signedIn: true },
      { path: `/conflicts/${generated.samples.profileConflictId}`, signedIn: true },
      { path: `/interventions/${generated.samples.profileInterventionId}`, signedIn: true },
      { path: "/interventions/new", signedIn: true },
      { path: "/alliances", signedIn: true },
      { path: `/individuals/${generated.samples.profileIndividualId}/edit`, signedIn: true },
      ...(someNote ? [{ path: `/notes/${someNote}`, signedIn: true }] : []),
      { path: "/account/security", signedIn: true },
      { path: "/reports/incidents", signedIn: true, cookie: managerCookie },
      { path: "/reports/funnel", signedIn: true, cookie: managerCookie },
      { path: "/reports/activity", signedIn: true, cookie: managerCookie },
      { path: "/reports/conflicts", signedIn: true, cookie: managerCookie },
      { path: "/reports/extract", signedIn: true, cookie: managerCookie },
    ];
    const weights: PageWeight[] = await measurePageWeights(base, pages, cookie);

    const results: ReadResult[] = [];
    for (const read of READS) {
      const path = read.path(samples);
      const floorQuery = `?read=${encodeURIComponent(read.name)}`;
      const targets = {
        app: `${base}${path}`,
        next: `${base}/api/trpc/bench-floor${floorQuery}`,
        node: `${floorBase}/${floorQuery}`,
      };
      for (const connections of connectionCounts) {
        const load = {} as Record<keyof typeof targets, LoadResult>;
        for (const [target, url] of Object.entries(targets) as Array<
          [keyof typeof targets, string]
        >) {
          load[target] = await measure({
            url,
            headers: sessionOf(read).headers,
            connections,
            seconds,
            warmupSeconds: 1,
          });
        }
        log(
          `${read.name} ×${connections}: app p50 ${load.app.p50.toFixed(1)} ms, ` +
            `next floor ${load.next.p50.toFixed(1)} ms, node floor ${load.node.p50.toFixed(1)} ms`,
        );
        results.push({
          read: read.name,
          connections,
          app: load.app,
          nextFloor: load.next,
          nodeFloor: load.node,
          statements: plan.reads[read.name]!.statements.length,
          plans: plans[read.name]!,
        });
      }
    }

    log(`the call-in write: ${CALL_IN_WRITERS} writers for ${seconds} s, the rows counted after`);
    const writes = [await measureCallInWrites({ base, headers, db: ownerDb, seconds })];
    for (const w of writes) {
      log(
        `${w.write} ×${w.connections}: p50 ${w.app.p50.toFixed(1)} ms, p95 ${w.app.p95.toFixed(1)} ms, ` +
          `${w.app.succeeded} answered 2xx, ${w.counted.interventions} call-ins and ` +
          `${w.counted.participants} participants counted, ${w.app.errors} errors`,
      );
    }

    log("the evaluators' extract: the whole archive as the police manager, read and thrown away");
    const extract = await measureExtractOverHttp({ base, cookie: managerCookie, pid: app.pid! });
    log(extractLine(extract));

    const pgVersion = await ownerDb.$client`show server_version`;
    await ownerDb.close();
    const report: BenchResults = {
      takenAt: new Date().toISOString(),
      scale,
      scaleCounts: SCALES[scale],
      rows: generated.counts,
      generateSeconds: generated.seconds,
      seconds,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? "unknown",
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        postgres: String(pgVersion[0]?.server_version ?? "unknown"),
      },
      reads: results,
      writes,
      extract,
      pages: weights,
      totalSeconds: (Date.now() - started) / 1000,
    };
    printReport(report);
    const out =
      values.out ??
      join(root, `bench/results/${scale}-${report.takenAt.replace(/[:.]/g, "-")}.json`);
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(
      join(root, `bench/results/latest-${scale}.json`),
      `${JSON.stringify(report, null, 2)}\n`,
    );
    log(`results written to ${out} (${report.totalSeconds.toFixed(0)} s in all)`);
    if (values.profile) {
      await stopAndWait(app);
      const file = newestProfile(profileDir);
      if (file) printProfile(summarizeProfile(file));
      else log(`the app's server wrote no profile to ${profileDir}`);
    }
    return 0;
  } finally {
    cleanup();
    await server.stop();
  }
}

/** The first record id in a tRPC answer's list (superjson envelope), to open its page. */
function firstId(body: string | undefined): string | null {
  if (!body) return null;
  const parsed = JSON.parse(body) as { result?: { data?: { json?: Array<{ id?: string }> } } };
  return parsed.result?.data?.json?.[0]?.id ?? null;
}

process.exitCode = await main();
