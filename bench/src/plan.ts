import type { RecordedStatement } from "@truce/db/statements";

/**
 * What both floors serve (written by run.ts before they start): for each read, the
 * statements it ran and the body the app answered with. The Next.js floor
 * (apps/web/src/app/api/trpc/bench-floor/route.bench.ts) reads the same shape.
 */
export interface FloorPlan {
  reads: Record<string, { statements: RecordedStatement[]; body: string }>;
}
