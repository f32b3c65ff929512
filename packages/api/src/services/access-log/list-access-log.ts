import { and, desc, eq, gte, lt } from "@truce/db";
import { accessLog, agency, user } from "@truce/db/schema";
import type { ServiceContext } from "../context";
import { cappedCount } from "../count";
import { offsetOf, type Page } from "../pagination";
import type { ListAccessLogInput } from "./schemas";

/** The access log, newest first, for the auditor: who did what to which record, when, why. */
export async function listAccessLog({ db }: ServiceContext, input: ListAccessLogInput) {
  const where = and(
    input.userId ? eq(accessLog.userId, input.userId) : undefined,
    input.action ? eq(accessLog.action, input.action) : undefined,
    input.entityType ? eq(accessLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(accessLog.entityId, input.entityId) : undefined,
    input.from ? gte(accessLog.at, input.from) : undefined,
    input.to ? lt(accessLog.at, input.to) : undefined,
  );
  const [items, count] = await Promise.all([
    db
      .select({
        id: accessLog.id,
        at: accessLog.at,
        action: accessLog.action,
        entityType: accessLog.entityType,
        entityId: accessLog.entityId,
        purpose: accessLog.purpose,
        fields: accessLog.fields,
        userEmail: user.email,
        agencyName: agency.name,
      })
      .from(accessLog)
      .leftJoin(user, eq(user.id, accessLog.userId))
      .leftJoin(agency, eq(agency.id, accessLog.agencyId))
      .where(where)
      .orderBy(desc(accessLog.id))
      .limit(input.pageSize)
      .offset(offsetOf(input)),
    cappedCount(db, accessLog, where),
  ]);
  return {
    items,
    ...count,
    page: input.page,
    pageSize: input.pageSize,
  } satisfies Page<(typeof items)[number]>;
}
