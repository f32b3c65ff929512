/**
 * Randomness for the generated data that is a pure function of (seed, stream, index): any
 * table's pass can recompute a row of another table (a person's agency, an intervention's
 * day) instead of holding millions of rows in memory, and the same seed gives the same data.
 */

/** murmur3's 32-bit finaliser: a bijection on uint32, so distinct inputs stay distinct. */
export function mix32(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A small, fast stream (mulberry32), good enough for benchmark data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One of `items` by its weight (weights need not sum to 1). */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of items) total += weight;
    let r = this.next() * total;
    for (const [item, weight] of items) {
      r -= weight;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
}

/** The stream of one row of one concept: `stream` names the concept, `index` the row. */
export function rngFor(seed: number, stream: number, index: number): Rng {
  return new Rng(mix32(mix32(seed ^ Math.imul(stream + 1, 0x9e3779b1)) + index));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));
const hex8 = (x: number) =>
  HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;

/**
 * The id of row `index` of a table: a valid version 4 UUID, unique because its first 32 bits
 * are the index (plus the table's and the seed's offset) and the table code sits in the
 * second group. The ids ascend with the index, as the rows are loaded: each COPY then adds
 * to the right edge of the primary key and the unique constraints (which stay during the
 * load) instead of a random page each, which beyond shared_buffers costs a read per row.
 */
export function uuidOf(seed: number, table: number, index: number): string {
  const offset = mix32(seed ^ Math.imul(table, 0x27d4eb2d)) >>> 4;
  const a = (offset + index) >>> 0;
  const b = mix32(a ^ 0x5bd1e995);
  const c = mix32(b + table);
  const bs = hex8(b);
  const cs = hex8(c);
  return (
    `${hex8(a)}-${hex8(0xb000 + table).slice(4)}-4${bs.slice(0, 3)}-` +
    `${"89ab"[c & 3]}${cs.slice(0, 3)}-${bs.slice(3, 7)}${hex8(mix32(c))}`
  );
}

// Calendar days as ISO strings; moments as epoch milliseconds.

export const DAY_MS = 86_400_000;

// Formatting dates is most of the generator's work: days are cached by their number since
// the epoch, and moments are printed from the cached day.
const dayTexts: string[] = [];
const dayNumbers = new Map<string, number>();
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, "0"));
const THREE = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, "0"));

/** The day `n` days after 1970-01-01, as "YYYY-MM-DD". */
export function dayText(n: number): string {
  let text = dayTexts[n];
  if (text === undefined) {
    text = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dayTexts[n] = text;
    dayNumbers.set(text, n);
  }
  return text;
}

/** Days from 1970-01-01 to `day`. */
export function dayNumber(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
    dayNumbers.set(day, n);
  }
  return n;
}

/** A moment as `Date.toISOString` prints it. */
export function isoText(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const secs = Math.floor(rest / 1000);
  return `${dayText(day)}T${TWO[hours]}:${TWO[minutes]}:${TWO[secs]}.${THREE[rest - secs * 1000]}Z`;
}

export function addDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

/**
 * A moment on `day` at a daytime hour (UTC), so no time zone near UTC moves it to another
 * day in the reports.
 */
export function momentOn(rng: Rng, day: string): number {
  return dayNumber(day) * DAY_MS + rng.int(7 * 60, 19 * 60) * 60_000;
}
