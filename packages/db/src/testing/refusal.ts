/**
 * The message a statement was refused with: the server's (Drizzle wraps it as its error's
 * cause), or the error's own. Fails when the statement was accepted.
 */
export async function refusal(query: PromiseLike<unknown>): Promise<string> {
  const error = (await Promise.resolve(query).then(
    () => null,
    (e: unknown) => e,
  )) as { cause?: { message?: string }; message?: string } | null;
  if (!error) throw new Error("the database accepted the statement");
  return error.cause?.message ?? error.message ?? "";
}
