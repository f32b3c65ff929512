import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

/**
 * One id per API request, sent as the `x-correlation-id` response header and as the
 * "Reference" of an internal error, and logged with that error: what a person reads out to
 * support finds the server's log line. Held in async context because the error formatter
 * also runs when the request's context could not be created.
 */
const current = new AsyncLocalStorage<string>();

export const CORRELATION_HEADER = "x-correlation-id";

/** 8 hex digits: short enough to read out, unique enough to find one log line. */
export function newCorrelationId(): string {
  return randomBytes(4).toString("hex");
}

export function withCorrelationId<T>(id: string, fn: () => T): T {
  return current.run(id, fn);
}

/** The id of the request being handled, or a fresh one outside a request (server calls). */
export function correlationId(): string {
  return current.getStore() ?? newCorrelationId();
}
