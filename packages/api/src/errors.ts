import type { ApiErrorKey, MessageParams } from "./messages";

/**
 * Domain errors: services throw these, never tRPC errors, and one formatter in trpc.ts maps
 * them to tRPC codes. What the person reads is the message key and its parameters, which the
 * apps translate; the error's own message is the key, so a log line names it too.
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
    readonly key: ApiErrorKey,
    readonly params: MessageParams = {},
  ) {
    super(key);
    this.name = "AppError";
  }
}
