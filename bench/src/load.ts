import autocannon from "autocannon";

export interface LoadResult {
  connections: number;
  requests: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, time-outs and answers other than 2xx. */
  errors: number;
  /** Answers with a 2xx status (a write benchmark counts its rows against these). */
  succeeded: number;
}

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  /** Seconds measured, after as long again of warm-up at the same load. */
  seconds: number;
  warmupSeconds: number;
  /** A write: POST with this JSON body (the same for every request); a read is a GET. */
  body?: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function fire(
  options: LoadOptions,
  seconds: number,
  latencies: number[] | null,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        headers: options.body
          ? { ...options.headers, "content-type": "application/json" }
          : options.headers,
        ...(options.body ? { method: "POST" as const, body: options.body } : {}),
        connections: options.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 30,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    // autocannon reports no p95: every response's own time, kept here, gives any percentile.
    if (latencies) instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

/**
 * One measurement with autocannon: `connections` clients asking for `url` back to back, as
 * fast as the server answers, for `seconds`.
 */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  if (options.warmupSeconds > 0) await fire(options, options.warmupSeconds, null);
  const latencies: number[] = [];
  const result = await fire(options, options.seconds, latencies);
  latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    requests: result.requests.total,
    rps: result.requests.total / (result.duration || options.seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    succeeded: result["2xx"],
  };
}
