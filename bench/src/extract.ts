import { readFileSync } from "node:fs";
import { createExtractHandler } from "@truce/api";
import type { SessionClaims } from "@truce/auth/actor";
import type { Db } from "@truce/db";

/** How often memory is sampled while an extract streams. */
const SAMPLE_MS = 25;

export interface ExtractResult {
  /** Where it was measured: the production server over HTTP, or the handler in this process. */
  where: "http" | "in-process";
  status: number;
  bytes: number;
  /** Until the first byte, and until the last. */
  firstByteMs: number;
  seconds: number;
  /** Each file's rows, as the route counted them when it logged the extract. */
  rows: Record<string, number>;
  /** Resident memory of the process that made the extract: before, and the highest while it streamed. */
  rssBeforeMiB: number;
  rssPeakMiB: number;
  /** In-process only: the JavaScript heap and the buffers outside it, before and at their highest. */
  heapBeforeMiB?: number;
  heapPeakMiB?: number;
  buffersPeakMiB?: number;
}

const mib = (bytes: number) => bytes / 2 ** 20;

/** A process's resident memory now (VmRSS of /proc/<pid>/status), in bytes. */
function residentOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  return Number(kib ?? 0) * 1024;
}

/** Reads a response to the end as a browser saving it to disk would, keeping none of it. */
async function drain(res: Response, started: number) {
  let bytes = 0;
  let firstByteMs = 0;
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (bytes === 0) firstByteMs = performance.now() - started;
    bytes += value.byteLength;
  }
  return { bytes, firstByteMs };
}

/**
 * The evaluators' extract as the page asks for it, from the production server (`pid` is its
 * process), read to the end and thrown away, sampling the server's resident memory meanwhile.
 */
export async function measureExtractOverHttp(options: {
  base: string;
  cookie: string;
  pid: number;
}): Promise<ExtractResult> {
  const rssBefore = residentOf(options.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, residentOf(options.pid));
  }, SAMPLE_MS);
  const started = performance.now();
  try {
    const res = await fetch(`${options.base}/api/reports/extract`, {
      method: "POST",
      headers: {
        cookie: options.cookie,
        origin: options.base,
        "content-type": "application/json",
      },
      body: "{}",
    });
    if (!res.ok) throw new Error(`the extract answered ${res.status}: ${await res.text()}`);
    const { bytes, firstByteMs } = await drain(res, started);
    return {
      where: "http",
      status: res.status,
      bytes,
      firstByteMs,
      seconds: (performance.now() - started) / 1000,
      rows: JSON.parse(res.headers.get("x-extract-rows") ?? "{}") as Record<string, number>,
      rssBeforeMiB: mib(rssBefore),
      rssPeakMiB: mib(Math.max(rssPeak, residentOf(options.pid))),
    };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * The same extract made by the route's handler in this process (no web server around it), read
 * to the end and thrown away, sampling this process's memory meanwhile: what the extract itself
 * costs, with nothing else of a server in the figures.
 */
export async function measureExtractInProcess(options: {
  db: Db;
  claims: SessionClaims;
}): Promise<ExtractResult> {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heap: before.heapUsed, buffers: before.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heap = Math.max(peak.heap, now.heapUsed);
    peak.buffers = Math.max(peak.buffers, now.arrayBuffers);
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  const handler = createExtractHandler(async () => options.claims, { db: options.db });
  const started = performance.now();
  try {
    const res = await handler(
      new Request("http://bench.example/api/reports/extract", {
        method: "POST",
        headers: {
          host: "bench.example",
          origin: "http://bench.example",
          "content-type": "application/json",
        },
        body: "{}",
      }),
    );
    if (!res.ok) throw new Error(`the extract answered ${res.status}: ${await res.text()}`);
    const { bytes, firstByteMs } = await drain(res, started);
    sample();
    return {
      where: "in-process",
      status: res.status,
      bytes,
      firstByteMs,
      seconds: (performance.now() - started) / 1000,
      rows: JSON.parse(res.headers.get("x-extract-rows") ?? "{}") as Record<string, number>,
      rssBeforeMiB: mib(before.rss),
      rssPeakMiB: mib(peak.rss),
      heapBeforeMiB: mib(before.heapUsed),
      heapPeakMiB: mib(peak.heap),
      buffersPeakMiB: mib(peak.buffers),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** One line of figures for the log and the note. */
export function extractLine(r: ExtractResult): string {
  const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
  const heap =
    r.heapPeakMiB === undefined
      ? ""
      : `, heap ${r.heapBeforeMiB!.toFixed(0)} → peak ${r.heapPeakMiB.toFixed(0)} MiB, buffers peak ${r.buffersPeakMiB!.toFixed(0)} MiB`;
  return (
    `evaluators' extract (${r.where}): ${rows.toLocaleString("en")} rows, ` +
    `${mib(r.bytes).toFixed(1)} MiB zipped in ${r.seconds.toFixed(1)} s ` +
    `(first byte ${r.firstByteMs.toFixed(0)} ms); resident ${r.rssBeforeMiB.toFixed(0)} → ` +
    `peak ${r.rssPeakMiB.toFixed(0)} MiB${heap}`
  );
}
