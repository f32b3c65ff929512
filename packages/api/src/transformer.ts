import superjson from "superjson";

/**
 * JSON as it is: nothing but null, booleans, strings, finite numbers (not -0), arrays and
 * objects of plain prototype whose values are all of these (and none of whose keys superjson
 * refuses). What JSON.stringify and
 * JSON.parse give back exactly as it was, so superjson has nothing to record for it.
 */
function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (!(i in value) || !isPlainJson(value[i])) return false;
        }
        return true;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      for (const key in value) {
        // Keys superjson refuses as a prototype pollution risk: left to it, so it refuses them here too.
        if (key === "__proto__" || key === "constructor" || key === "prototype") return false;
        if (!isPlainJson((value as Record<string, unknown>)[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * tRPC's transformer: superjson, which carries dates, maps, sets, undefined and the like,
 * with a short way for the answers that hold none of them (most lists and pictures): those
 * go as superjson's own envelope with no `meta`, which is what superjson itself would write
 * for them, without its walk. That walk records a path for every value it visits and cost
 * the network picture's 60 kB answer 1.8 ms of the server's time on every request; checking
 * the same answer is plain costs a tenth of it. Read back by superjson as ever, so the
 * browser's links keep superjson.
 */
export const transformer = {
  serialize(value: unknown) {
    return isPlainJson(value) ? { json: value } : superjson.serialize(value);
  },
  deserialize(payload: unknown) {
    return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
  },
};
