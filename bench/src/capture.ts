import type { SessionClaims } from "@truce/auth/actor";
import { createDb } from "@truce/db";
import type { RecordedStatement } from "@truce/db/statements";
import type { BenchRead, Samples } from "./reads";

/**
 * The statements each read runs, recorded in-process with the app's own code (context,
 * actor, procedure) on a pool like the app's: run once to warm up, then once recorded.
 */
export async function captureStatements(
  appUrl: string,
  reads: readonly BenchRead[],
  sessionOf: (read: BenchRead) => { claims: SessionClaims; cookie: string },
  samples: Samples,
): Promise<Record<string, RecordedStatement[]>> {
  let recording: RecordedStatement[] | null = null;
  const db = createDb(appUrl, { onStatement: (statement) => recording?.push(statement) });
  try {
    const captured: Record<string, RecordedStatement[]> = {};
    for (const read of reads) {
      const { claims, cookie } = sessionOf(read);
      await read.run(db, claims, cookie, samples);
      recording = [];
      await read.run(db, claims, cookie, samples);
      captured[read.name] = recording;
      recording = null;
    }
    return captured;
  } finally {
    await db.close();
  }
}
