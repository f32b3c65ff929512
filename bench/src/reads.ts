import { createCallerFactory, createHealthHandler, createTRPCContext, webRouter } from "@truce/api";
import type { SessionClaims } from "@truce/auth/actor";
import type { Db } from "@truce/db";

/** What the generator picked for the reads to ask about (bench/src/generate). */
export interface Samples {
  profileIndividualId: string;
  searchTerm: string;
}

/**
 * One read of the web app, as the benchmark measures it: by HTTP against the production
 * build, and in-process once to record the statements it runs (which the floors replay and
 * EXPLAIN). docs/patterns.md says how a new list or profile is added here.
 */
export interface BenchRead {
  name: string;
  /** The path and query a browser asks for (a tRPC query is a GET). */
  path(samples: Samples): string;
  /** The same read, in-process, on `db`, as the signed-in user of `claims`. */
  run(db: Db, claims: SessionClaims, cookie: string, samples: Samples): Promise<unknown>;
}

const callerOf = createCallerFactory(webRouter);
type WebCaller = ReturnType<typeof callerOf>;

/**
 * A tRPC query of the web app. `call` names the same procedure as `procedure` (the URL); the
 * caller runs it with the context the route handler builds (actor, purpose from the cookie).
 */
function trpcRead<I>(
  name: string,
  procedure: string,
  input: (samples: Samples) => I,
  call: (caller: WebCaller, input: I) => Promise<unknown>,
): BenchRead {
  return {
    name,
    path: (samples) =>
      `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input(samples) }))}`,
    async run(db, claims, cookie, samples) {
      const ctx = await createTRPCContext({ headers: new Headers({ cookie }), claims, db });
      return call(callerOf(ctx), input(samples));
    },
  };
}

/** Every read the web app has; each later feature adds its own. */
export const READS: BenchRead[] = [
  {
    name: "health",
    path: () => "/api/health",
    run: (db) => createHealthHandler({ db })(),
  },
  trpcRead(
    "people list",
    "individual.list",
    () => ({ page: 1, pageSize: 25 }),
    (c, i) => c.individual.list(i),
  ),
  trpcRead(
    "people search",
    "individual.list",
    (s) => ({ page: 1, pageSize: 25, search: s.searchTerm }),
    (c, i) => c.individual.list(i),
  ),
  trpcRead(
    "profile",
    "individual.byId",
    (s) => ({ id: s.profileIndividualId }),
    (c, i) => c.individual.byId(i),
  ),
  trpcRead(
    "person's notes",
    "note.forIndividual",
    (s) => ({ individualId: s.profileIndividualId }),
    (c, i) => c.note.forIndividual(i),
  ),
  trpcRead(
    "person's interventions",
    "intervention.forIndividual",
    (s) => ({ individualId: s.profileIndividualId }),
    (c, i) => c.intervention.forIndividual(i),
  ),
];
