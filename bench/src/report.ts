import type { StatementPlan } from "./explain";
import { extractLine, type ExtractResult } from "./extract";
import type { ScaleCounts } from "./generate";
import type { LoadResult } from "./load";
import type { PageWeight } from "./page-weight";
import type { WriteResult } from "./writes";

export interface ReadResult {
  read: string;
  connections: number;
  app: LoadResult;
  /** A bare Next.js route handler: the same SQL and answer, no tRPC, no sign-in. */
  nextFloor: LoadResult;
  /** A bare node:http server: the same SQL, driver and pool, and the same answer. */
  nodeFloor: LoadResult;
  /** Statements one request runs (transaction control included). */
  statements: number;
  plans: StatementPlan[];
}

export interface BenchResults {
  takenAt: string;
  scale: string;
  scaleCounts: ScaleCounts;
  rows: Record<string, number>;
  generateSeconds: number;
  seconds: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; postgres: string };
  reads: ReadResult[];
  /** The write benchmarks (the call-in), with the rows counted afterwards. */
  writes?: WriteResult[];
  /** The evaluators' extract, whole, over HTTP: its time and the server's memory. */
  extract?: ExtractResult;
  pages: PageWeight[];
  totalSeconds: number;
}

/** The issue's targets (issue 8): the app's p50 as a multiple of each floor's, and p95. */
export const TARGETS = {
  nodeRatio: 2,
  nextRatio: 1.3,
  /** At national scale, at 10 connections, for lists, searches and profiles. */
  p95Ms: 100,
  /** First-load JavaScript of a page, gzip. */
  pageBytes: 250 * 1000,
};

export function ratio(app: LoadResult, floor: LoadResult): number {
  return app.p50 / floor.p50;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const ms = (n: number) => n.toFixed(1);

/** The table `npm run bench` prints (the JSON file holds every figure behind it). */
export function printReport(results: BenchResults) {
  const { machine } = results;
  console.log(
    `\nTruce bench, ${results.scale} scale (${Object.entries(results.rows)
      .map(([table, n]) => `${table} ${n.toLocaleString("en")}`)
      .join(", ")})`,
  );
  console.log(
    `${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `PostgreSQL ${machine.postgres}; ${results.seconds} s per measurement\n`,
  );
  console.log(
    table(
      [
        "read",
        "conns",
        "req/s",
        "p50",
        "p95",
        "p99",
        "errors",
        "node p50",
        "next p50",
        "×node",
        "×next",
        "stmts",
        "SQL ms",
      ],
      results.reads.map((r) => {
        const sqlMs = r.plans.reduce((sum, p) => sum + p.planningMs + p.executionMs, 0);
        const node = ratio(r.app, r.nodeFloor);
        const next = ratio(r.app, r.nextFloor);
        return [
          r.read,
          String(r.connections),
          r.app.rps.toFixed(0),
          ms(r.app.p50),
          ms(r.app.p95),
          ms(r.app.p99),
          String(r.app.errors + r.nodeFloor.errors + r.nextFloor.errors),
          ms(r.nodeFloor.p50),
          ms(r.nextFloor.p50),
          `${node.toFixed(2)}${node <= TARGETS.nodeRatio ? "" : " ✗"}`,
          `${next.toFixed(2)}${next <= TARGETS.nextRatio ? "" : " ✗"}`,
          String(r.statements),
          ms(sqlMs),
        ];
      }),
    ),
  );
  console.log("\nSlowest statement of each read (EXPLAIN ANALYZE):");
  for (const r of results.reads.filter((r) => r.connections === results.reads[0]?.connections)) {
    const slowest = [...r.plans].sort((a, b) => b.executionMs - a.executionMs)[0];
    if (!slowest) continue;
    console.log(
      `  ${r.read}: ${ms(slowest.executionMs)} ms (+${ms(slowest.planningMs)} planning) ` +
        `${slowest.scans.join(", ") || "no scan"}`,
    );
  }
  if (results.writes?.length) {
    console.log("\nWrites (the rows counted afterwards):");
    console.log(
      table(
        [
          "write",
          "conn",
          "req/s",
          "p50",
          "p95",
          "2xx",
          "call-ins",
          "participants",
          "errors",
          "rows",
        ],
        results.writes.map((w) => [
          w.write,
          String(w.connections),
          w.app.rps.toFixed(0),
          ms(w.app.p50),
          ms(w.app.p95),
          String(w.app.succeeded),
          String(w.counted.interventions),
          String(w.counted.participants),
          String(w.app.errors),
          w.complete ? "all" : "✗ missing or errors",
        ]),
      ),
    );
  }
  if (results.extract) console.log(`\n${extractLine(results.extract)}`);
  console.log("\nFirst-load JavaScript per page (gzip):");
  console.log(
    table(
      ["page", "scripts", "kB gzip", "kB raw"],
      results.pages.map((p) => [
        p.path,
        String(p.scripts),
        `${(p.gzipBytes / 1000).toFixed(1)}${p.gzipBytes <= TARGETS.pageBytes ? "" : " ✗"}`,
        (p.rawBytes / 1000).toFixed(1),
      ]),
    ),
  );
  console.log(
    `\n✗ marks a miss of the targets: p50 within ${TARGETS.nodeRatio}× the node:http floor and ` +
      `${TARGETS.nextRatio}× the Next.js floor; pages under ${TARGETS.pageBytes / 1000} kB.`,
  );
}
