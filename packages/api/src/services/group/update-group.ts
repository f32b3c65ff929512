import { group } from "@truce/db/schema";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type ServiceContext } from "../context";
import { updateVersioned } from "../versioned-update";
import { refuseTakenName } from "./create-group";
import { findGroup } from "./find-group";
import { GROUP_FIELDS, type UpdateGroupInput } from "./schemas";

/**
 * Changes a group's record from the version the form was loaded with: a record changed
 * meanwhile is refused (STALE_VERSION), never overwritten. Returns the id and the new version;
 * the record is read again through the profile.
 */
export async function updateGroup(ctx: ServiceContext, input: UpdateGroupInput) {
  return inTransaction(ctx, async (tx) => {
    const found = await findGroup(tx, input.id);
    await refuseTakenName(tx, input.name, found.id);
    const { id, version, ...fields } = input;
    const updated = await updateVersioned(tx, group, {
      id,
      version,
      set: fields,
      returning: { id: group.id, version: group.version },
      staleKey: "apiErrors.group.stale",
    });
    await recordAccess(tx, {
      action: "update",
      entityType: "group",
      entityId: updated.id,
      fields: [...GROUP_FIELDS],
    });
    return updated;
  });
}
