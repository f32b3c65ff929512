// Arbitrary and hostile inputs to every procedure of both apps give a refusal (4xx) or an
// answer, never an internal error: bad input is the caller's mistake, told as such.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { AnyTRPCProcedure } from "@trpc/server";
import type { TruceApp } from "@truce/auth/actor";
import { startDemoDatabase, type DemoDatabase } from "@truce/db/testing";
import {
  APP_PROCEDURES,
  invokeProcedure,
  loadProcedureFixtures,
  PROCEDURE_INPUTS,
  type ProcedureFixtures,
} from "./procedure-inputs";
import { appRouters } from "./root";
import { appCallerFor, claimsFor, settle } from "./test-actors";

/** Who calls each app's procedures: someone the policy lets through to the input rules. */
const CALLER: Record<TruceApp, string> = {
  web: "police.staff@truce.example",
  admin: "platform.admin@truce.example",
};
/** accessLog.list is the auditor's alone; the reports are the managers'. */
const CALLER_OF: Record<string, string> = {
  "accessLog.list": "auditor@truce.example",
  "report.options": "police.manager@truce.example",
  "report.incidents": "police.manager@truce.example",
  "report.exportIncidents": "police.manager@truce.example",
  "report.funnel": "police.manager@truce.example",
  "report.exportFunnel": "police.manager@truce.example",
  "report.activity": "police.manager@truce.example",
  "report.exportActivity": "police.manager@truce.example",
  "report.conflicts": "police.manager@truce.example",
  "report.exportConflicts": "police.manager@truce.example",
};

/** tRPC codes that mean "the request was refused" (4xx): anything else but an answer fails. */
const REFUSALS = new Set([
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
]);

/** Text built from the characters that break naive code: NUL, wildcards, quotes, escapes. */
const trickyText = fc.string({
  unit: fc.constantFrom("\u0000", "a", "%", "_", "\\", "'", "é", "\u202e"),
  maxLength: 20,
});

/** Values an attacker or a broken client sends in place of a field. */
const hostileValue = fc.oneof(
  { arbitrary: trickyText, weight: 3 },
  fc.anything(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(
    "",
    "'; drop table note; --",
    "x".repeat(20_000),
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
  ),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant(null),
);

/** The keys of a procedure's input object, read from its zod schema (none for no input). */
function inputKeys(app: TruceApp, path: string): string[] {
  const procedures: Record<string, unknown> = appRouters[app]._def.procedures;
  const inputs = (procedures[path] as AnyTRPCProcedure)._def.inputs as unknown[];
  return inputs.flatMap((schema) =>
    schema instanceof z.ZodObject ? Object.keys(schema.shape) : [],
  );
}

/**
 * Inputs shaped by the schema: each of its fields either valid (from the fixtures) or
 * hostile, or left out, plus extra fields; and inputs that are not objects at all.
 */
function inputsFor(keys: string[], valid: unknown): fc.Arbitrary<unknown> {
  const validFields = (valid ?? {}) as Record<string, unknown>;
  const shaped = fc
    .record(
      Object.fromEntries(
        keys.map((key) => [
          key,
          fc.option(fc.oneof(fc.constant(validFields[key]), hostileValue), { nil: undefined }),
        ]),
      ),
      { requiredKeys: [] },
    )
    .chain((fields) =>
      fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }).map((extra) => ({
        ...extra,
        ...fields,
      })),
    );
  return fc.oneof(shaped, hostileValue);
}

let demo: DemoDatabase;
let fixtures: ProcedureFixtures;
beforeAll(async () => {
  demo = await startDemoDatabase();
  fixtures = await loadProcedureFixtures(demo.db);
});
afterAll(async () => {
  await demo?.stop();
});

describe("hostile inputs", () => {
  it.each(APP_PROCEDURES)(
    "$app: $path answers or refuses (4xx), never fails inside",
    async ({ app, path }) => {
      const claims = await claimsFor(demo.db, CALLER_OF[path] ?? CALLER[app], app);
      const caller = await appCallerFor(app, demo.db, claims);
      const valid = await PROCEDURE_INPUTS[path]!(fixtures);
      const seen: string[] = [];
      await fc.assert(
        fc.asyncProperty(inputsFor(inputKeys(app, path), valid), async (input) => {
          const result = await settle(invokeProcedure(caller, path, input));
          if (!result.ok) seen.push(result.code);
          expect(
            result.ok || REFUSALS.has(result.code),
            `refused with ${String(result.ok || result.code)}`,
          ).toBe(true);
        }),
        { numRuns: 60 },
      );
      // The property must have exercised the input rules, not only happy calls.
      if (inputKeys(app, path).length > 0) expect(seen).toContain("BAD_REQUEST");
    },
    60_000,
  );
});
