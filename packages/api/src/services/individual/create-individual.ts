import { eq, sql } from "@truce/db";
import { individual, platformSetting } from "@truce/db/schema";
import { AppError } from "../../errors";
import { recordAccess } from "../access-log/record-access";
import { inTransaction, type InTransaction, type ServiceContext } from "../context";
import { PERSON_FIELDS, type CreateIndividualInput } from "./schemas";

/** The platform setting's column default, for a database where no setting is written. */
export const DEFAULT_REVIEW_PERIOD_MONTHS = 12;

/** The fields a registration writes, as the access log names them (never their values). */
const REGISTERED_FIELDS = [...PERSON_FIELDS, "reviewDue"] as const;

/**
 * Registers a person as the actor's agency. The registration is pending until a manager of
 * that agency approves it, so until then only that agency sees the person. The review date
 * defaults to the platform setting's period from today.
 */
export async function createIndividual(ctx: ServiceContext, input: CreateIndividualInput) {
  const { actor } = ctx;
  const agencyId = actor.membership?.agencyId;
  if (!agencyId) throw new AppError("FORBIDDEN", "apiErrors.agencyRequired");
  return inTransaction(ctx, async (tx) => {
    await refuseTakenNationalId(tx, input.nationalId);
    const [created] = await tx.db
      .insert(individual)
      .values({
        givenName: input.givenName,
        familyName: input.familyName,
        aliases: input.aliases,
        dateOfBirth: input.dateOfBirth,
        nationalId: input.nationalId,
        district: input.district,
        riskLevel: input.riskLevel,
        supervision: input.supervision,
        category: input.category,
        registrationReason: input.registrationReason,
        registeringAgencyId: agencyId,
        registrationStatus: "pending",
        reviewDue: input.reviewDue ?? (await defaultReviewDue(tx)),
        createdById: actor.userId,
        updatedById: actor.userId,
      })
      .returning({ id: individual.id });
    if (!created) throw new Error("the person was not written");
    await recordAccess(tx, {
      action: "create",
      entityType: "individual",
      entityId: created.id,
      fields: REGISTERED_FIELDS.filter((field) => {
        const value = input[field];
        return value !== null && !(Array.isArray(value) && value.length === 0);
      }),
    });
    return created;
  });
}

/** Today plus the platform setting's review period (its column default where no row is written). */
async function defaultReviewDue({ db }: InTransaction): Promise<string> {
  const period = sql`(select ${platformSetting.reviewPeriodMonths} from ${platformSetting} where ${eq(platformSetting.id, 1)})`;
  const [row] = await db.execute<{ due: string }>(
    sql`select (current_date + make_interval(months => coalesce(${period}, ${DEFAULT_REVIEW_PERIOD_MONTHS})))::date::text as due`,
  );
  return row!.due;
}

/**
 * A national identity number is one person's: a second registration with it is refused
 * with a message, not left to the unique index (whose refusal would be an internal error).
 * `except` is the person being edited.
 */
export async function refuseTakenNationalId(
  { db }: InTransaction,
  nationalId: string | null,
  except?: string,
): Promise<void> {
  if (!nationalId) return;
  const [taken] = await db
    .select({ id: individual.id })
    .from(individual)
    .where(eq(individual.nationalId, nationalId))
    .limit(1);
  if (taken && taken.id !== except) {
    throw new AppError("INVALID_INPUT", "apiErrors.individual.nationalIdTaken");
  }
}
