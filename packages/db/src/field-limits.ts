/**
 * How long (or how large) each field a person fills in may be: the one place for every such
 * rule. The input schemas (packages/api/src/services/<domain>/schemas.ts) are built from
 * these, and the forms use those schemas, so a limit cannot differ between the screen and the
 * server. The columns are `text`, so the database adds no length of its own to agree with.
 * This module imports nothing, so a client bundle may import it. A message that states a
 * limit (packages/ui/messages/validation) says the same numbers; a test checks it.
 */
export const FIELD_LIMITS = {
  agency: {
    name: { min: 2, max: 120 },
  },
  note: {
    body: { min: 1, max: 10_000 },
  },
  individual: {
    givenName: { min: 1, max: 100 },
    familyName: { min: 1, max: 100 },
    /** How many aliases a person may have (each is bounded by `alias`). */
    aliases: { max: 10 },
    /** Digits, letters, "-" and "+" only: a national identity number as people write it. */
    nationalId: { min: 6, max: 20 },
    district: { min: 1, max: 100 },
    registrationReason: { min: 10, max: 2_000 },
  },
  group: {
    name: { min: 1, max: 100 },
    /** How many aliases a group may have (each is bounded by `alias`). */
    aliases: { max: 10 },
    area: { min: 1, max: 100 },
    description: { min: 1, max: 2_000 },
  },
  groupMembership: {
    /** Where the knowledge of the membership comes from ("Police intelligence report"). */
    source: { min: 1, max: 200 },
  },
  conflict: {
    title: { min: 2, max: 200 },
    description: { min: 1, max: 5_000 },
  },
  conflictParty: {
    /** The label the parties on one side share ("A", "B", or a name). */
    side: { min: 1, max: 60 },
  },
  /** How many parties (groups or people) a conflict is recorded with: two sides at least. */
  conflictParties: { min: 2, max: 20 },
  conflictChange: {
    /** Why the status or risk changed. */
    reason: { min: 1, max: 1_000 },
  },
  alliance: {
    note: { min: 1, max: 2_000 },
  },
  referral: {
    /** What the sending agency tells the receiving one (only the two read it). */
    note: { min: 1, max: 2_000 },
  },
  referralEvent: {
    /** Why a referral was declined (required), or why another step was taken. */
    reason: { min: 1, max: 1_000 },
  },
  incident: {
    district: { min: 1, max: 100 },
    summary: { max: 4_000 },
  },
  outcome: {
    note: { min: 1, max: 2_000 },
  },
  /** The dead or the injured of one incident. */
  incidentCasualties: { max: 1_000 },
  /** How many people and groups one incident names. */
  incidentParties: { max: 50 },
  intervention: {
    summary: { max: 4_000 },
    /** What came of it: what the person said, whether the support was taken up. */
    result: { max: 2_000 },
    /** A call-in's message (or a conversation's), as given. */
    message: { max: 4_000 },
  },
  interventionSpeaker: {
    name: { min: 1, max: 100 },
    /** What the speaker stands for ("chief of police", "mother of a victim"). */
    role: { min: 1, max: 100 },
  },
  /** How many people one intervention concerns: a call-in's invited. */
  interventionParticipants: { max: 200 },
  /** How many agencies were present at one intervention. */
  interventionAgencies: { max: 30 },
  /** How many speakers one call-in had. */
  interventionSpeakers: { max: 30 },
  /** One of a person's or a group's aliases (street names). */
  alias: { min: 1, max: 60 },
  /**
   * How far ahead a registration's review may be, in months: the platform setting's range
   * (platform_setting_review_period_range) and the latest review date a form may set.
   */
  reviewPeriod: { min: 1, max: 36 },
  accessLog: {
    entityType: { max: 50 },
    entityId: { max: 100 },
  },
  /** Any list's search box. */
  search: { max: 100 },
  /**
   * Any list's count: exact up to `max` rows, and "1,000+" beyond, so that no count reads a
   * whole register. A page is only as deep as the count is exact: its first row's offset
   * stays under `max` (page 40 at 25 rows), and so `page.max` is `max` at one row a page.
   * A count costs what it reads: at 10,000 the register's filtered count read 22,000 rows at
   * national scale (15 ms of its 17); past a thousand rows a list is narrowed, not paged.
   */
  count: { max: 1_000 },
  /** Any paged list. */
  page: { min: 1, max: 1_000 },
  pageSize: { min: 1, max: 100, default: 25 },
  /**
   * A person's timeline, paged by a cursor (no offset, so page N costs what page 1 does): how
   * many items a page holds.
   */
  timeline: {
    limit: { min: 1, max: 50, default: 20 },
  },
} as const;
