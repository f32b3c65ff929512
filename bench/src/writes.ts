import { eq, sql, type Db } from "@truce/db";
import { agency, individual } from "@truce/db/schema";
import { measure, type LoadResult } from "./load";

/** How many people a benchmarked call-in invites, and how many write at once. */
export const CALL_IN_PARTICIPANTS = 10;
export const CALL_IN_WRITERS = 20;

export interface WriteResult {
  write: string;
  connections: number;
  app: LoadResult;
  /** What the database holds afterwards, written by the measured requests alone. */
  counted: { interventions: number; participants: number; agencies: number; speakers: number };
  /**
   * The rows are all there: a call-in for every 2xx (and at most one more per writer, in
   * flight when the measurement stopped), each with all ten people, agencies and speakers;
   * no error.
   */
  complete: boolean;
}

/**
 * The call-in write (issue 9): a call-in with ten people, their responses, two agencies
 * and two speakers, posted by 20 writers at once for `seconds` through the app's own
 * `intervention.create`, as the form posts it. Every request's body carries a tag of its run
 * in the summary, so that afterwards the rows it wrote are counted, not assumed: as many
 * call-ins as answers of 2xx, ten participants (and the agencies and speakers) for each.
 */
export async function measureCallInWrites(options: {
  base: string;
  headers: Record<string, string>;
  /** The owner's connection, to pick the people and count the rows. */
  db: Db;
  seconds: number;
}): Promise<WriteResult> {
  const { db } = options;
  const people = await db
    .select({ id: individual.id })
    .from(individual)
    .where(eq(individual.registrationStatus, "approved"))
    .orderBy(individual.id)
    .limit(CALL_IN_PARTICIPANTS);
  const agencies = await db
    .select({ id: agency.id })
    .from(agency)
    .where(sql`${agency.kind} in ('social_services', 'probation')`);
  const bodyOf = (tag: string) =>
    JSON.stringify({
      json: {
        kind: "call_in",
        status: "done",
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        summary: tag,
        message: "The violence stops now; help is there for who wants out.",
        participants: people.map((p, k) => ({
          individualId: p.id,
          response: k % 3 === 0 ? "accepted_support" : "attended",
        })),
        agencyIds: agencies.map((a) => a.id),
        speakers: [
          { name: "Bench Speaker", role: "Chief of police" },
          { name: "Bench Voice", role: "Mother of a victim" },
        ],
      },
    });
  const run = `bench call-in ${Date.now().toString(36)}`;
  const url = `${options.base}/api/trpc/intervention.create`;
  const load = (tag: string, seconds: number) =>
    measure({
      url,
      headers: options.headers,
      connections: CALL_IN_WRITERS,
      seconds,
      warmupSeconds: 0,
      body: bodyOf(tag),
    });
  // A second of warm-up under a tag of its own, left out of the counts.
  await load(`${run} warm-up`, 1);
  const app = await load(run, options.seconds);
  // autocannon stops at the deadline without the answers still on their way: those requests
  // may still commit. Give them a moment, then count.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const counted = await countCallIns(db, run);
  const saved = counted.interventions;
  const agenciesEach = agencies.length + 1; // and the lead agency
  // Every 2xx is in the database; at most one request per writer was still in flight at the
  // stop; and each call-in is whole (all of its rows or none: no partial write).
  const complete =
    app.succeeded > 0 &&
    app.errors === 0 &&
    saved >= app.succeeded &&
    saved <= app.succeeded + CALL_IN_WRITERS &&
    counted.participants === saved * people.length &&
    counted.agencies === saved * agenciesEach &&
    counted.speakers === saved * 2;
  return {
    write: `call-in, ${people.length} people`,
    connections: CALL_IN_WRITERS,
    app,
    counted,
    complete,
  };
}

/** The rows of the call-ins whose summary is `tag`, counted in the database. */
async function countCallIns(db: Db, tag: string) {
  const [row] = await db.execute<{
    interventions: number;
    participants: number;
    agencies: number;
    speakers: number;
  }>(sql`
    select
      (select count(*) from intervention i where i.summary = ${tag})::int as interventions,
      (select count(*) from intervention_participant p join intervention i on i.id = p.intervention_id
        where i.summary = ${tag})::int as participants,
      (select count(*) from intervention_agency a join intervention i on i.id = a.intervention_id
        where i.summary = ${tag})::int as agencies,
      (select count(*) from intervention_speaker s join intervention i on i.id = s.intervention_id
        where i.summary = ${tag})::int as speakers`);
  return row!;
}
