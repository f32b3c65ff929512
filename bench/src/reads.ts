import {
  createCallerFactory,
  createHealthHandler,
  createTRPCContext,
  webRouter,
  type WebRouterOutputs,
} from "@truce/api";
import type { SessionClaims } from "@truce/auth/actor";
import { createDb, type Db } from "@truce/db";
import { programmeToday } from "@truce/db/programme-calendar";
import { GROUP_WORDS } from "./generate/vocabulary";

/** What the generator picked for the reads to ask about (bench/src/generate). */
export interface GeneratedSamples {
  profileIndividualId: string;
  searchTerm: string;
  /** The group with the most members (its profile is the heaviest to read). */
  profileGroupId: string;
  /** The incident with the most parties. */
  profileIncidentId: string;
  /** The conflict with the most incidents. */
  profileConflictId: string;
  /** The call-in with the most people invited. */
  profileInterventionId: string;
  /** The district with the most incidents: the reports' district filter. */
  reportDistrict: string;
}

type TimelineCursor = WebRouterOutputs["individual"]["timeline"]["nextCursor"];

/** The generator's samples, and what only a read can find (`findReadSamples`). */
export interface Samples extends GeneratedSamples {
  /**
   * Where a page deep in the sample person's timeline starts, as the app hands it out; null
   * when their whole history fits on the first page (the deep read is then the first page).
   */
  timelineCursor: TimelineCursor;
}

/**
 * One read of the web app, as the benchmark measures it: by HTTP against the production
 * build, and in-process once to record the statements it runs (which the floors replay and
 * EXPLAIN). docs/patterns.md says how a new list or profile is added here.
 */
export interface BenchRead {
  name: string;
  /** Who reads, when not the benchmark's staff member: the reports are a manager's. */
  as?: "manager";
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
  as?: BenchRead["as"],
): BenchRead {
  return {
    name,
    ...(as ? { as } : {}),
    path: (samples) =>
      `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input(samples) }))}`,
    async run(db, claims, cookie, samples) {
      const ctx = await createTRPCContext({ headers: new Headers({ cookie }), claims, db });
      return call(callerOf(ctx), input(samples));
    },
  };
}

/** The ten years the generated data spans, to today on the programme's calendar. */
function tenYears() {
  const today = programmeToday();
  return { from: `${Number(today.slice(0, 4)) - 9}-01-01`, to: today };
}

/** A timeline page as the profile asks for it (the client's page size is the default). */
const TIMELINE_PAGE = 20;
/** What a picker's user types: a word of many groups' names and conflicts' titles. */
const PICKER_TERM = GROUP_WORDS[1]!;
/** How many pages into the sample person's timeline the deep read starts, at most. */
const DEEP_PAGES = 10;

/**
 * The samples a read has to find: the cursor of the deepest page of the sample person's
 * timeline within DEEP_PAGES, walked to in-process page by page as the browser would.
 */
export async function findReadSamples(
  appUrl: string,
  claims: SessionClaims,
  cookie: string,
  generated: GeneratedSamples,
): Promise<Samples> {
  const db = createDb(appUrl, { max: 1 });
  try {
    const ctx = await createTRPCContext({ headers: new Headers({ cookie }), claims, db });
    const caller = callerOf(ctx);
    let timelineCursor: TimelineCursor = null;
    for (let page = 1; page < DEEP_PAGES; page++) {
      const { nextCursor } = await caller.individual.timeline({
        individualId: generated.profileIndividualId,
        limit: TIMELINE_PAGE,
        cursor: timelineCursor,
      });
      if (!nextCursor) break;
      timelineCursor = nextCursor;
    }
    return { ...generated, timelineCursor };
  } finally {
    await db.close();
  }
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
    "people filtered",
    "individual.list",
    () => ({
      page: 1,
      pageSize: 25,
      status: "active" as const,
      riskLevel: "high" as const,
      category: "group_member" as const,
      sort: "reviewDue" as const,
    }),
    (c, i) => c.individual.list(i),
  ),
  trpcRead(
    "incident list",
    "incident.list",
    () => ({ page: 1, pageSize: 25 }),
    (c, i) => c.incident.list(i),
  ),
  trpcRead(
    "incidents, shootings of a year",
    "incident.list",
    () => ({
      page: 1,
      pageSize: 25,
      kind: "shooting" as const,
      from: "2019-01-01",
      to: "2019-12-31",
    }),
    (c, i) => c.incident.list(i),
  ),
  trpcRead(
    "incident",
    "incident.byId",
    (s) => ({ id: s.profileIncidentId }),
    (c, i) => c.incident.byId(i),
  ),
  trpcRead(
    "conflict list",
    "conflict.list",
    () => ({ page: 1, pageSize: 25 }),
    (c, i) => c.conflict.list(i),
  ),
  trpcRead(
    "conflict",
    "conflict.byId",
    (s) => ({ id: s.profileConflictId }),
    (c, i) => c.conflict.byId(i),
  ),
  trpcRead(
    "incident form's choices",
    "incident.formOptions",
    () => undefined,
    (c) => c.incident.formOptions(),
  ),
  // A picker as someone types a word that many groups' names hold (one in eight of the
  // generator's), the worst the search meets: the incident and intervention forms' group
  // and conflict, the incidents' conflict filter.
  trpcRead(
    "group picker",
    "group.lookup",
    () => ({ search: PICKER_TERM }),
    (c, i) => c.group.lookup(i),
  ),
  trpcRead(
    "conflict picker",
    "conflict.lookup",
    () => ({ search: PICKER_TERM, open: true }),
    (c, i) => c.conflict.lookup(i),
  ),
  trpcRead(
    "alliances",
    "alliance.list",
    () => ({ page: 1, pageSize: 25 }),
    (c, i) => c.alliance.list(i),
  ),
  trpcRead(
    "group's notes",
    "note.forGroup",
    (s) => ({ groupId: s.profileGroupId }),
    (c, i) => c.note.forGroup(i),
  ),
  trpcRead(
    "register's choices",
    "individual.formOptions",
    () => undefined,
    (c) => c.individual.formOptions(),
  ),
  trpcRead(
    "likely duplicates",
    "individual.likelyDuplicates",
    (s) => ({ givenName: s.searchTerm, familyName: s.searchTerm }),
    (c, i) => c.individual.likelyDuplicates(i),
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
  // The call-in with the most people: the intervention, its people, agencies and speakers,
  // and the log's row, whatever the number of people.
  trpcRead(
    "intervention",
    "intervention.byId",
    (s) => ({ id: s.profileInterventionId }),
    (c, i) => c.intervention.byId(i),
  ),
  trpcRead(
    "intervention form's choices",
    "intervention.formOptions",
    () => undefined,
    (c) => c.intervention.formOptions(),
  ),
  trpcRead(
    "person's timeline",
    "individual.timeline",
    (s) => ({ individualId: s.profileIndividualId, limit: TIMELINE_PAGE }),
    (c, i) => c.individual.timeline(i),
  ),
  trpcRead(
    "person's timeline, deep page",
    "individual.timeline",
    (s) => ({
      individualId: s.profileIndividualId,
      limit: TIMELINE_PAGE,
      cursor: s.timelineCursor,
    }),
    (c, i) => c.individual.timeline(i),
  ),
  trpcRead(
    "person's connections",
    "individual.connections",
    (s) => ({ individualId: s.profileIndividualId }),
    (c, i) => c.individual.connections(i),
  ),
  // The first page of the groups by name, each with its current members counted.
  trpcRead(
    "groups list",
    "group.list",
    () => ({ page: 1, pageSize: 25 }),
    (c, i) => c.group.list(i),
  ),
  // The profile of the group with the most members: five statements and the log's row.
  trpcRead(
    "group profile",
    "group.byId",
    (s) => ({ id: s.profileGroupId }),
    (c, i) => c.group.byId(i),
  ),
  // The whole programme's picture with the default filters (conflicts not resolved, the
  // alliances in force): at most four statements whatever the size, bounded at 200 groups
  // and 200 edges (NETWORK_BOUNDS).
  trpcRead(
    "network picture",
    "network.graph",
    () => ({}),
    (c, i) => c.network.graph(i),
  ),
  // Its area filter's choices, read once when the page opens.
  trpcRead(
    "network's areas",
    "network.areas",
    () => undefined,
    (c) => c.network.areas(),
  ),
  // The bench user's agency's inbox: its open referrals, newest first (a walk of
  // referral_to_agency_order_idx to the LIMIT), each person's name in scope; the log's row.
  trpcRead(
    "referral inbox",
    "referral.list",
    () => ({ box: "received" as const, page: 1, pageSize: 25 }),
    (c, i) => c.referral.list(i),
  ),
  // The shootings report as a manager opens it: the programme so far (ten years, every
  // incident of every kind) by year, from incident_kind_occurred_at_idx alone.
  trpcRead(
    "shootings report",
    "report.incidents",
    () => ({ ...tenYears(), granularity: "year" as const }),
    (c, i) => c.report.incidents(i),
    "manager",
  ),
  // The same ten years by month in the busiest district (incident_district_kind_occurred_at_idx).
  trpcRead(
    "shootings report, a district by month",
    "report.incidents",
    (s) => ({ ...tenYears(), granularity: "month" as const, district: s.reportDistrict }),
    (c, i) => c.report.incidents(i),
    "manager",
  ),
  // The exit funnel over the same ten years: each step's people counted once.
  trpcRead(
    "exit funnel",
    "report.funnel",
    () => tenYears(),
    (c, i) => c.report.funnel(i),
    "manager",
  ),
  // The activity report as a manager opens it: ten years by month (the whole months from
  // intervention_month, the days at the ends of its months from intervention_activity).
  trpcRead(
    "activity report",
    "report.activity",
    () => ({ ...tenYears(), granularity: "month" as const }),
    (c, i) => c.report.activity(i),
    "manager",
  ),
  // The same in the busiest district, by quarter.
  trpcRead(
    "activity report, a district by quarter",
    "report.activity",
    (s) => ({ ...tenYears(), granularity: "quarter" as const, district: s.reportDistrict }),
    (c, i) => c.report.activity(i),
    "manager",
  ),
  // Conflicts and people over the same ten years by month: the conflicts' changes by month
  // (conflict_month, the days at the ends from conflict_change_changed_at_idx) and the register
  // today (register_count, register_review).
  trpcRead(
    "conflicts and people report",
    "report.conflicts",
    () => ({ ...tenYears(), granularity: "month" as const }),
    (c, i) => c.report.conflicts(i),
    "manager",
  ),
  // The same in the busiest district.
  trpcRead(
    "conflicts and people report, a district",
    "report.conflicts",
    (s) => ({ ...tenYears(), granularity: "quarter" as const, district: s.reportDistrict }),
    (c, i) => c.report.conflicts(i),
    "manager",
  ),
  // The filters' choices the report page reads first: districts, agencies, the start date.
  trpcRead(
    "reports' options",
    "report.options",
    () => undefined,
    (c) => c.report.options(),
    "manager",
  ),
  // The start page: the latest incidents, the escalating conflicts, and the people the user
  // read or changed lately (their own latest access-log rows): three statements.
  trpcRead(
    "start page",
    "start.overview",
    () => undefined,
    (c) => c.start.overview(),
  ),
];
