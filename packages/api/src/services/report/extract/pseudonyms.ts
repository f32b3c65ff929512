import { createHmac, randomBytes } from "node:crypto";

/** What each kind of record's pseudonym starts with, so a reader sees which table an id is from. */
export const PSEUDONYM_PREFIXES = {
  person: "P",
  group: "G",
  conflict: "C",
  intervention: "V",
  incident: "X",
} as const;
export type PseudonymKind = keyof typeof PSEUDONYM_PREFIXES;

/** Hex digits of the keyed hash kept: 64 bits, so two million ids collide with a chance of 1 in 10⁷. */
const DIGITS = 16;

/**
 * The pseudonyms of one extract: a record's id becomes its kind's prefix and an HMAC-SHA256 of
 * the id under a random 32-byte key made here and never stored or logged. The same record has
 * the same pseudonym in every file of the extract, without a table of ids in memory; another
 * extract has another key, so its pseudonyms cannot be joined with this one's, and without the
 * key no pseudonym can be turned back into an id.
 */
export function newPseudonyms(key: Buffer = randomBytes(32)) {
  return (kind: PseudonymKind, id: string | null): string => {
    if (id === null) return "";
    const digest = createHmac("sha256", key).update(`${kind}:${id}`).digest("hex");
    return `${PSEUDONYM_PREFIXES[kind]}${digest.slice(0, DIGITS)}`;
  };
}
export type Pseudonyms = ReturnType<typeof newPseudonyms>;
