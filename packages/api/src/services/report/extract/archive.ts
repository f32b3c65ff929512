import { Zip, ZipDeflate } from "fflate";
import Papa from "papaparse";
import type { Cell } from "./files";

/** Bytes of the archive the stream holds before it stops reading the database (about 1 MB). */
export const STREAM_HIGH_WATER = 1024 * 1024;

/** Thrown into the work when the reader went away: it stops, and its transaction rolls back. */
export class ExtractCancelled extends Error {
  constructor() {
    super("the extract's reader cancelled it");
    this.name = "ExtractCancelled";
  }
}

/**
 * A byte stream that a producer writes to, pulled by its reader: `write` resolves only once the
 * reader has taken enough that less than `STREAM_HIGH_WATER` is waiting, so however large the
 * extract, what is in memory is a page of rows and about a megabyte of archive. When the reader
 * cancels (the browser left), the next `write` throws ExtractCancelled.
 */
export function pulledStream(
  produce: (write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  let wake: (() => void) | null = null;
  let cancelled = false;
  const awake = () => {
    wake?.();
    wake = null;
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write = async (chunk: Uint8Array) => {
          if (cancelled) throw new ExtractCancelled();
          controller.enqueue(chunk);
          while (!cancelled && (controller.desiredSize ?? 0) <= 0) {
            await new Promise<void>((resolve) => (wake = resolve));
          }
          if (cancelled) throw new ExtractCancelled();
        };
        // Not awaited: the stream is handed to the response at once, and the work follows
        // the reader.
        void produce(write).then(
          () => controller.close(),
          (error: unknown) => {
            if (cancelled) return;
            onError(error);
            controller.error(error);
          },
        );
      },
      pull: awake,
      cancel() {
        cancelled = true;
        awake();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: STREAM_HIGH_WATER }),
  );
}

const CSV_OPTIONS = { newline: "\r\n", escapeFormulae: true } as const;
const encoder = new TextEncoder();

/**
 * A zip archive written file by file to `write`: each file deflated as its text arrives (fflate's
 * streaming Zip), so no file is ever whole in memory. A CSV file is UTF-8 with a byte order mark
 * (a spreadsheet then reads å, ä and ö), CRLF lines (RFC 4180), and text that a spreadsheet would
 * run as a formula written with a ' before it, as the reports' CSV files are (`@truce/ui/csv`).
 */
export function zipWriter(write: (chunk: Uint8Array) => Promise<void>) {
  const waiting: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else waiting.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    // The deflater calls back synchronously: what it produced for a push is here now.
    while (waiting.length > 0) await write(waiting.shift()!);
  };
  const now = new Date();

  return {
    /** A file whose text comes in parts; `end` closes it. */
    file(name: string) {
      const entry = new ZipDeflate(name, { level: 6 });
      entry.mtime = now;
      zip.add(entry);
      return {
        async text(part: string) {
          entry.push(encoder.encode(part));
          await flush();
        },
        async end() {
          entry.push(new Uint8Array(0), true);
          await flush();
        },
      };
    },
    /** A CSV file: its header now, its rows a page at a time. */
    csv(name: string, header: readonly string[]) {
      const entry = this.file(name);
      let started = false;
      return {
        async rows(rows: Cell[][]) {
          const text = Papa.unparse(
            started ? rows : { fields: [...header], data: rows },
            CSV_OPTIONS,
          );
          await entry.text(started ? `${text}\r\n` : `\uFEFF${text}\r\n`);
          started = true;
        },
        async end() {
          if (!started) await entry.text(`\uFEFF${Papa.unparse([[...header]], CSV_OPTIONS)}\r\n`);
          await entry.end();
        },
      };
    },
    /** Ends the archive (its central directory) once every file has ended. */
    async end() {
      zip.end();
      await flush();
    },
  };
}
