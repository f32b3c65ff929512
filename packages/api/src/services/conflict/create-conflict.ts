import { and, inArray, sql } from "@truce/db";
import { conflict, conflictChange, conflictParty, group, individual } from "@truce/db/schema";
import { AppError } from "../../errors";
import { individualScope } from "../../policy";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type InTransaction, type ServiceContext } from "../context";
import { CONFLICT_FIELDS, type ConflictPartyInput, type CreateConflictInput } from "./schemas";

/**
 * Records a conflict with its parties, as the actor's agency, and the first row of its
 * history (its status and risk as recorded, changed from nothing), in one transaction. Every
 * party is a group, or a person in the actor's view of the register: a person the actor
 * cannot see is refused as no such person, so a pending registration elsewhere is not even
 * confirmed to exist. A conflict recorded as resolved was resolved today.
 */
export async function createConflict(ctx: ServiceContext, input: CreateConflictInput) {
  const { actor } = ctx;
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  return inTransaction(ctx, async (tx) => {
    await refuseUnknownParties(tx, input.parties);
    const [created] = await tx.db
      .insert(conflict)
      .values({
        title: input.title,
        status: input.status,
        riskLevel: input.riskLevel,
        startedOn: input.startedOn,
        resolvedOn: input.status === "resolved" ? sql`current_date` : null,
        description: input.description,
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: conflict.id, version: conflict.version });
    if (!created) throw new Error("the conflict was not written");
    await tx.db.insert(conflictParty).values(
      input.parties.map((party) => ({
        conflictId: created.id,
        groupId: party.kind === "group" ? party.id : null,
        individualId: party.kind === "individual" ? party.id : null,
        side: party.side,
        createdById: actor.userId,
        updatedById: actor.userId,
      })),
    );
    await tx.db.insert(conflictChange).values({
      conflictId: created.id,
      status: input.status,
      riskLevel: input.riskLevel,
      changedById: actor.userId,
      changedByAgencyId: agencyId,
    });
    await recordAccess(tx, {
      action: "create",
      entityType: "conflict",
      entityId: created.id,
      fields: [
        ...CONFLICT_FIELDS.filter((field) => input[field] !== null),
        "status",
        "riskLevel",
        "parties",
      ],
      detail: {
        groupIds: input.parties.filter((p) => p.kind === "group").map((p) => p.id),
        individualIds: input.parties.filter((p) => p.kind === "individual").map((p) => p.id),
      },
    });
    return created;
  });
}

/**
 * Every group of the parties exists and every person is in the actor's view of the register:
 * two statements, whatever the number of parties.
 */
async function refuseUnknownParties(tx: InTransaction, parties: ConflictPartyInput[]) {
  const idsOf = (kind: ConflictPartyInput["kind"]) =>
    parties.filter((p) => p.kind === kind).map((p) => p.id);
  const groupIds = idsOf("group");
  const individualIds = idsOf("individual");
  const [groups, people] = await Promise.all([
    groupIds.length === 0
      ? []
      : tx.db.select({ id: group.id }).from(group).where(inArray(group.id, groupIds)),
    individualIds.length === 0
      ? []
      : tx.db
          .select({ id: individual.id })
          .from(individual)
          .where(and(inArray(individual.id, individualIds), individualScope(tx.actor))),
  ]);
  if (groups.length < groupIds.length) {
    throw new AppError("NOT_FOUND", "apiErrors.conflict.groupNotFound");
  }
  if (people.length < individualIds.length) {
    throw new AppError("NOT_FOUND", "apiErrors.individual.notFound");
  }
}
