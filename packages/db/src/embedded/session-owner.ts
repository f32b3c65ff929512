/**
 * Makes PGLiteSocketServer's multiplexer hand the one PGlite session to a single client
 * connection from that client's first message until the session is idle again.
 *
 * PGlite is one PostgreSQL backend; pglite-socket 0.2.17 shares it between connections
 * by queueing their wire-protocol messages one at a time, and keeps it for one
 * connection only while `db.isInTransaction()` (an explicit BEGIN block). Between two
 * messages of one extended-protocol exchange (Parse ... Sync) it lets other connections
 * in. postgres.js sends Parse+Describe+Flush, waits for the answer, then Bind+Execute+Sync,
 * so another connection's messages land in the middle. When the Parse fails, the backend
 * skips every message until a Sync: the other connection's query then returns an empty
 * result (a wrong answer, silently) and the failing one hangs. Without this module the
 * tests in concurrency.test.ts fail on the stock server: 200 concurrent increments end in
 * `portal "" does not exist`, and 300 queries mixed with failing ones get a wrong empty
 * result and a hang that then blocks every later query of every connection.
 *
 * The fix, without forking the package: the server gets a view of the PGlite instance
 * whose `isInTransaction()` reports "owned" from a connection's first message until the
 * backend answers with ReadyForQuery in the idle state ('I'); the queue then serves only
 * that connection, as it already does inside BEGIN ... COMMIT. This also covers COPY and
 * a message split across TCP packets. Cleanup when an owning connection disconnects
 * (the server calls `exec('ROLLBACK')`) first ends any half-sent exchange with a Sync,
 * which the backend needs before it accepts anything else.
 *
 * Relies on the queue of @electric-sql/pglite-socket 0.2.17 (pinned exactly, like
 * pglite 0.5.14): its tests in concurrency.test.ts fail if a new version behaves otherwise.
 */
import type { PGlite } from "@electric-sql/pglite";

const READY_FOR_QUERY = 0x5a; // 'Z'
const IDLE = 0x49; // 'I'
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]); // 'S', length 4

function simpleQuery(text: string): Uint8Array {
  const body = new TextEncoder().encode(`${text}\0`);
  const message = new Uint8Array(5 + body.length);
  message[0] = 0x51; // 'Q'
  new DataView(message.buffer).setInt32(1, 4 + body.length);
  message.set(body, 5);
  return message;
}

/** Follows message boundaries in the backend's output to find its last message. */
class BackendMessageTracker {
  private header = new Uint8Array(5);
  private headerLength = 0;
  private remaining = 0;
  private type = 0;
  private firstBodyByte = -1;
  completed = 0;
  lastType = 0;
  lastFirstBodyByte = -1;

  feed(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.headerLength < 5) {
        this.header[this.headerLength++] = chunk[i++]!;
        if (this.headerLength === 5) {
          this.type = this.header[0]!;
          this.remaining = new DataView(this.header.buffer).getInt32(1) - 4;
          this.firstBodyByte = -1;
          if (this.remaining <= 0) this.complete();
        }
        continue;
      }
      const n = Math.min(this.remaining, chunk.length - i);
      if (this.firstBodyByte === -1) this.firstBodyByte = chunk[i]!;
      i += n;
      this.remaining -= n;
      if (this.remaining === 0) this.complete();
    }
  }

  private complete(): void {
    this.completed++;
    this.lastType = this.type;
    this.lastFirstBodyByte = this.firstBodyByte;
    this.headerLength = 0;
  }
}

type RawStreamOptions = Parameters<PGlite["execProtocolRawStream"]>[1];

/**
 * The view of `pg` to pass to `new PGLiteSocketServer({ db })`. Everything but the three
 * methods the server's queue uses for scheduling is the instance itself.
 */
export function withSessionOwnership(pg: PGlite): PGlite {
  // Whether a connection holds the session: in an exchange, a transaction or a COPY.
  let owned = false;

  const execProtocolRawStream = async (message: Uint8Array, options: RawStreamOptions) => {
    const tracker = new BackendMessageTracker();
    try {
      await pg.execProtocolRawStream(message, {
        ...options,
        onRawData: (data) => {
          tracker.feed(data);
          options.onRawData(data);
        },
      });
    } catch (error) {
      // The stock queue stops for good when this throws (it never clears its
      // `processing` flag): answer the client with an error instead.
      const text = error instanceof Error ? error.message : String(error);
      options.onRawData(errorResponse(text));
      return;
    }
    // A message without an answer (Flush, Terminate, CopyData) leaves the state as it was.
    if (tracker.completed > 0) {
      owned = !(tracker.lastType === READY_FOR_QUERY && tracker.lastFirstBodyByte === IDLE);
    }
  };

  // Called by the server (outside its queue) when the owning connection goes away.
  const abandonSession = () =>
    pg.runExclusive(async () => {
      await pg.execProtocolRaw(SYNC);
      if (pg.isInTransaction()) await pg.execProtocolRaw(simpleQuery("ROLLBACK"));
      owned = false;
    });

  return new Proxy(pg, {
    get(target, property) {
      if (property === "isInTransaction") return () => owned || target.isInTransaction();
      if (property === "execProtocolRawStream") return execProtocolRawStream;
      if (property === "exec") {
        return (query: string) =>
          query.trim().toUpperCase() === "ROLLBACK"
            ? abandonSession().then(() => [])
            : target.exec(query);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

function errorResponse(text: string): Uint8Array {
  const fields = ["SERROR", "VERROR", "C58000", `M${text}`].map((f) =>
    new TextEncoder().encode(`${f}\0`),
  );
  const length = 4 + fields.reduce((sum, f) => sum + f.length, 0) + 1;
  const message = new Uint8Array(1 + length);
  message[0] = 0x45; // 'E'
  new DataView(message.buffer).setInt32(1, length);
  let offset = 5;
  for (const field of fields) {
    message.set(field, offset);
    offset += field.length;
  }
  return message;
}
