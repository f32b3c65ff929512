import { and, eq, inArray } from "@truce/db";
import { conflict, group, incident, incidentParty, individual } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import type { CreateIncidentInput, ReviewIncidentInput } from "./schemas";

/**
 * Records an incident with its parties in one transaction: all of it or nothing. Every
 * person named must be in the actor's view of the register, every group and the conflict
 * must exist; a party named twice in the same role is one party.
 */
export async function createIncident(ctx: ServiceContext, input: CreateIncidentInput) {
  return inTransaction(ctx, async (tx) => {
    const { db, actor } = tx;
    const parties = [
      ...new Map(
        input.parties.map((p) => [`${p.individualId ?? p.groupId}:${p.role}`, p]),
      ).values(),
    ];
    const personIds = [
      ...new Set(parties.flatMap((p) => (p.individualId ? [p.individualId] : []))),
    ];
    const groupIds = [...new Set(parties.flatMap((p) => (p.groupId ? [p.groupId] : [])))];
    if (personIds.length > 0) {
      const visible = await db
        .select({ id: individual.id })
        .from(individual)
        .where(and(inArray(individual.id, personIds), individualScope(actor)));
      if (visible.length !== personIds.length) {
        throw new AppError("NOT_FOUND", "apiErrors.individual.notFound");
      }
    }
    if (groupIds.length > 0) {
      const found = await db
        .select({ id: group.id })
        .from(group)
        .where(inArray(group.id, groupIds));
      if (found.length !== groupIds.length) {
        throw new AppError("NOT_FOUND", "apiErrors.incident.groupNotFound");
      }
    }
    if (input.conflictId) {
      const [found] = await db
        .select({ id: conflict.id })
        .from(conflict)
        .where(eq(conflict.id, input.conflictId));
      if (!found) throw new AppError("NOT_FOUND", "apiErrors.incident.conflictNotFound");
    }
    const [created] = await db
      .insert(incident)
      .values({
        kind: input.kind,
        occurredAt: input.occurredAt,
        district: input.district,
        dead: input.dead,
        injured: input.injured,
        conflictId: input.conflictId,
        summary: input.summary || null,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: incident.id });
    if (!created) throw new Error("the incident was not written");
    if (parties.length > 0) {
      await db.insert(incidentParty).values(
        parties.map((p) => ({
          incidentId: created.id,
          individualId: p.individualId ?? null,
          groupId: p.groupId ?? null,
          role: p.role,
          createdById: actor.userId,
          updatedById: actor.userId,
        })),
      );
    }
    await recordAccess(tx, {
      action: "create",
      entityType: "incident",
      entityId: created.id,
      fields: [
        "kind",
        "occurredAt",
        "district",
        "dead",
        "injured",
        "conflictId",
        "summary",
        "parties",
      ],
      detail: { individualIds: personIds, groupIds },
    });
    return created;
  });
}

/** Sets whether group members were involved, as the incident review settled it. */
export async function reviewIncident(ctx: ServiceContext, input: ReviewIncidentInput) {
  return inTransaction(ctx, async (tx) => {
    const [found] = await tx.db
      .select({ id: incident.id })
      .from(incident)
      .where(eq(incident.id, input.id));
    if (!found) throw new AppError("NOT_FOUND", "apiErrors.incident.notFound");
    const updated = await updateVersioned(tx, incident, {
      id: input.id,
      version: input.version,
      set: { groupInvolvement: input.groupInvolvement },
      returning: {
        id: incident.id,
        groupInvolvement: incident.groupInvolvement,
        version: incident.version,
      },
      staleKey: "apiErrors.incident.stale",
    });
    await recordAccess(tx, {
      action: "review",
      entityType: "incident",
      entityId: updated.id,
      fields: ["groupInvolvement"],
    });
    return updated;
  });
}
