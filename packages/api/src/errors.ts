/**
 * Domain errors: services throw these, never tRPC errors, and one formatter in trpc.ts maps
 * them to tRPC codes. The message is written for the person using the app.
 */
export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "STALE_VERSION"
  | "INVALID_INPUT"
  | "PURPOSE_REQUIRED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
