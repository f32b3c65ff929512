import { defaultMembership, listMemberships, type SessionClaims } from "@truce/auth/actor";
import { eq, type Db } from "@truce/db";
import { user } from "@truce/db/schema";

/**
 * The claims the app reads from the bench user's session cookie, for the in-process run that
 * records each read's statements: the user, their session version and the membership a
 * fresh web session acts as.
 */
export async function sessionClaimsOf(
  db: Db,
  _cookie: string,
  _secret: string,
  email: string,
): Promise<SessionClaims> {
  const [row] = await db
    .select({ id: user.id, sessionVersion: user.sessionVersion })
    .from(user)
    .where(eq(user.email, email));
  if (!row) throw new Error(`${email} is not in the database`);
  const membership = defaultMembership("web", await listMemberships(db, row.id));
  return {
    userId: row.id,
    sessionVersion: row.sessionVersion,
    membershipId: membership?.id ?? null,
  };
}
