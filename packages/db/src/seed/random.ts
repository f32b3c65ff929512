/**
 * Deterministic randomness for the demo seed: the same data, ids included, on every
 * run. Each concept draws from its own stream (seeded by a name), so adding rows of one
 * kind does not reshuffle the others.
 */

/** A 32-bit hash of a string (FNV-1a), to seed a stream from a name. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  /** A version 4 UUID (valid for zod's strict `z.uuid()`). */
  uuid(): string;
}

/** mulberry32: small, fast and good enough for demo data. */
export function createRandom(name: string): Random {
  let state = hash(name);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[int(0, items.length - 1)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(next() * 16).toString(16)).join("");
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, count),
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[int(0, 3)]}${hex(3)}-${hex(12)}`,
  };
}

/** Ids for one table, from their own stream. */
export function idStream(table: string): () => string {
  const random = createRandom(`id:${table}`);
  return () => random.uuid();
}

// Dates. Calendar days are ISO strings ("2020-05-19"); moments are Dates placed between
// 07:00 and 19:00 UTC, so no time zone within a few hours of UTC moves them to another
// day (or year) in the reports.

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** A random day in [from, to]. */
export function dayBetween(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, daysBetween(from, to)));
}

/** A moment on `day`, at a random daytime hour (UTC). */
export function momentOn(random: Random, day: string): Date {
  const minutes = random.int(7 * 60, 19 * 60);
  return new Date(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000);
}

/** A fixed moment on `day`, at `hour`:00 UTC. */
export function atHour(day: string, hour: number): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + hour * 3_600_000);
}
