// Type-only: the English catalog is the list of keys; no catalog text is bundled with the API.
import type catalog from "../../ui/messages/api-errors/en.json";

/** The dotted paths to the strings of a catalog part, e.g. "apiErrors.note.notFound". */
type KeysOf<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeysOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/**
 * A message the API sends for the screen, as its key in the shared catalog
 * (packages/ui/messages/api-errors): the apps translate it, so a key that is not in the
 * English catalog fails the typecheck, and messages.test.ts finds one missing in Swedish.
 */
export type ApiErrorKey = KeysOf<typeof catalog>;

/** The values a message's placeholders take, e.g. `{ reference }` for "apiErrors.internal". */
export type MessageParams = Record<string, string | number>;
