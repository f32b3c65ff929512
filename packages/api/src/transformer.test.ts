import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { transformer } from "./transformer";

class Point {
  constructor(public x: number) {}
}

describe("transformer", () => {
  it("writes plain JSON as superjson would, with no meta", () => {
    const value = { nodes: [{ id: "a", n: 3, ok: true, none: null }], areas: ["x"] };
    expect(transformer.serialize(value)).toEqual(superjson.serialize(value));
    expect(transformer.serialize(value)).not.toHaveProperty("meta");
  });

  it("leaves to superjson every value JSON would change", () => {
    // An array with holes (JSON writes null for them).
    const holey: unknown[] = new Array(3);
    holey[1] = 2;
    for (const value of [
      { at: new Date("2020-05-19T00:00:00Z") },
      [new Map([["a", 1]])],
      { tags: new Set(["x"]) },
      { missing: undefined },
      undefined,
      [Number.NaN],
      { n: -0 },
      { big: 10n },
      holey,
      { point: new Point(1) },
      /x/g,
    ]) {
      expect(transformer.serialize(value), String(value)).toEqual(superjson.serialize(value));
    }
  });

  it("refuses the keys superjson refuses, even in plain JSON", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const value = JSON.parse(`{"a":[{"${key}":1}]}`);
      expect(() => transformer.serialize(value), key).toThrow(/prototype pollution/);
    }
  });

  it("reads back whatever it writes exactly as superjson's own round trip does", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true }),
        ),
        (value) => {
          // What a round trip gives, or the error it stops with (superjson refuses some keys).
          const roundTrip = (serialize: (value: unknown) => unknown) => {
            try {
              return { value: superjson.deserialize(JSON.parse(JSON.stringify(serialize(value)))) };
            } catch (error) {
              return { error: String(error) };
            }
          };
          expect(roundTrip(transformer.serialize)).toEqual(
            roundTrip((v) => superjson.serialize(v)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
