/**
 * The input schemas are the one source of every input rule: the procedures validate with
 * them and the forms import the same objects. So each rule is proved here once: what breaks
 * it, and the message key a person then sees, which must say the same thing (the same
 * numbers) in both languages. A schema without its rules here fails the first test.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { FIELD_LIMITS } from "@truce/db/field-limits";

const servicesDir = fileURLToPath(new URL(".", import.meta.url));
const readJson = (relative: string): unknown =>
  JSON.parse(readFileSync(fileURLToPath(new URL(relative, import.meta.url)), "utf8"));

const catalogs = {
  en: readJson("../../../ui/messages/validation/en.json"),
  sv: readJson("../../../ui/messages/validation/sv.json"),
};

/** A valid input, and for each rule a field, a value that breaks it, and the message key. */
interface SchemaRules {
  valid: Record<string, unknown>;
  /** Values at the edge of a rule, still accepted. */
  accepted?: [field: string, value: unknown][];
  broken: [field: string, value: unknown, key: string][];
}

const id = "00000000-0000-4000-8000-000000000001";
const chars = (n: number) => "x".repeat(n);
const { agency, note, accessLog, search, count, page, pageSize } = FIELD_LIMITS;

const pageRules: SchemaRules["broken"] = [
  ["page", page.min - 1, "validation.common.page"],
  ["page", page.max + 1, "validation.common.page"],
  ["page", 1.5, "validation.common.page"],
  ["pageSize", pageSize.min - 1, "validation.common.pageSize"],
  ["pageSize", pageSize.max + 1, "validation.common.pageSize"],
  // at the default page size, the first page whose first row is past the exact count
  ["page", count.max / pageSize.default + 1, "validation.common.pageBeyondCount"],
];
const lastPage: [string, unknown] = ["page", count.max / pageSize.default];
const searchRules: SchemaRules["broken"] = [
  ["search", chars(search.max + 1), "validation.common.search"],
  ["search", "a\u0000b", "validation.common.controlCharacters"],
];
const versionedRules: SchemaRules["broken"] = [
  ["version", 0, "validation.common.version"],
  ["version", "3", "validation.common.version"],
  // beyond PostgreSQL's integer: the database would fail inside instead of refusing
  ["version", 2 ** 31, "validation.common.version"],
  ["disabled", "yes", "validation.common.disabled"],
];

const rules: Record<string, Record<string, SchemaRules>> = {
  agency: {
    createAgencyInput: {
      valid: { name: "Tallbo police", kind: "police" },
      accepted: [
        ["name", chars(agency.name.min)],
        ["name", ` ${chars(agency.name.max)} `],
      ],
      broken: [
        ["name", ` ${chars(agency.name.min - 1)} `, "validation.agency.name"],
        ["name", chars(agency.name.max + 1), "validation.agency.name"],
        ["name", undefined, "validation.agency.name"],
        ["name", "Tallbo\u0000police", "validation.common.controlCharacters"],
        ["kind", "newspaper", "validation.agency.kind"],
      ],
    },
  },
  note: {
    createNoteInput: {
      valid: { individualId: id, body: "Seen at the scene.", kind: "fact" },
      accepted: [["body", chars(note.body.max)]],
      broken: [
        ["individualId", "42", "validation.common.id"],
        ["body", "   ", "validation.note.body"],
        ["body", chars(note.body.max + 1), "validation.note.body"],
        ["body", "a\u0000b", "validation.common.controlCharacters"],
        ["kind", "rumour", "validation.note.kind"],
        ["visibility", "everyone", "validation.note.visibility"],
      ],
    },
    getNoteInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
    listNotesForIndividualInput: {
      valid: { individualId: id },
      broken: [["individualId", undefined, "validation.common.id"]],
    },
  },
  individual: {
    listIndividualsInput: {
      valid: {},
      accepted: [["search", chars(search.max)], lastPage],
      broken: [...pageRules, ...searchRules],
    },
    getIndividualProfileInput: { valid: { id }, broken: [["id", "42", "validation.common.id"]] },
  },
  intervention: {
    listInterventionsForIndividualInput: {
      valid: { individualId: id },
      broken: [["individualId", "42", "validation.common.id"]],
    },
  },
  membership: {
    setMembershipRoleInput: {
      valid: { membershipId: id, role: "manager", version: 1 },
      broken: [
        ["membershipId", "42", "validation.common.id"],
        ["role", "owner", "validation.membership.role"],
        ...versionedRules.filter(([field]) => field === "version"),
      ],
    },
    setMembershipDisabledInput: {
      valid: { membershipId: id, disabled: true, version: 1 },
      broken: [["membershipId", "42", "validation.common.id"], ...versionedRules],
    },
  },
  user: {
    listUsersInput: { valid: {}, accepted: [lastPage], broken: [...pageRules, ...searchRules] },
    setUserDisabledInput: {
      valid: { userId: id, disabled: false, version: 2 },
      broken: [["userId", "42", "validation.common.id"], ...versionedRules],
    },
  },
  "access-log": {
    listAccessLogInput: {
      valid: { action: "read", entityType: "note", from: "2026-01-01" },
      accepted: [
        ["entityType", chars(accessLog.entityType.max)],
        ["entityId", chars(accessLog.entityId.max)],
      ],
      broken: [
        ...pageRules,
        ["userId", "42", "validation.common.id"],
        ["action", "peek", "validation.accessLog.action"],
        ["entityType", chars(accessLog.entityType.max + 1), "validation.accessLog.entityType"],
        ["entityId", chars(accessLog.entityId.max + 1), "validation.accessLog.entityId"],
        ["entityId", "a\u0000b", "validation.common.controlCharacters"],
        ["from", "the first of May", "validation.accessLog.from"],
        ["to", "soon", "validation.accessLog.to"],
      ],
    },
  },
};

/** The limits a message states, so that changing a limit without its message fails. */
const statedLimits: Record<string, number[]> = {
  "validation.agency.name": [agency.name.min, agency.name.max],
  "validation.note.body": [note.body.max],
  "validation.accessLog.entityType": [accessLog.entityType.max],
  "validation.accessLog.entityId": [accessLog.entityId.max],
  "validation.common.search": [search.max],
  "validation.common.page": [page.min, page.max],
  "validation.common.pageBeyondCount": [count.max],
  "validation.common.pageSize": [pageSize.min, pageSize.max],
};

const domains = readdirSync(servicesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => readdirSync(`${servicesDir}/${name}`).includes("schemas.ts"))
  .sort();

async function schemasOf(domain: string): Promise<Record<string, z.ZodType>> {
  const module: Record<string, unknown> = await import(`./${domain}/schemas.ts`);
  return Object.fromEntries(
    Object.entries(module).filter(
      (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
    ),
  );
}

function messageAt(catalog: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) =>
        typeof node === "object" && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      catalog,
    );
}

function keysOf(node: unknown, prefix = ""): string[] {
  if (typeof node !== "object" || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) =>
    keysOf(value, prefix ? `${prefix}.${key}` : key),
  );
}

/** The numbers a message states, leaving out the example dates; "10,000" and "10 000" alike. */
function numbersIn(text: string): number[] {
  return (text.replace(/\d{4}-\d{2}-\d{2}/g, "").match(/\d+(?:[,\s\u00a0]\d{3})*/g) ?? []).map(
    (n) => Number(n.replace(/\D/g, "")),
  );
}

/** What a schemas module may import, at any depth: the browser loads the same modules. */
const clientSafe = new Set(["zod", "@truce/db/enum-values", "@truce/db/field-limits"]);

/** Every module a file imports, at any depth, as "package specifier" or the file's path. */
function importGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const { fileName: specifier } of ts.preProcessFile(source).importedFiles) {
    if (specifier.startsWith(".")) {
      importGraph(resolve(dirname(file), `${specifier}.ts`), seen);
      continue;
    }
    seen.add(specifier);
    const local = /^@truce\/([^/]+)(\/.*)?$/.exec(specifier);
    if (local) {
      const root = resolve(servicesDir, "../../..", local[1]!);
      const manifest = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as {
        exports: Record<string, string>;
      };
      const target = manifest.exports[`.${local[2] ?? ""}`];
      if (target) importGraph(resolve(root, target), seen);
    }
  }
  return seen;
}

const ruleCases = Object.entries(rules).flatMap(([domain, schemas]) =>
  Object.entries(schemas).map(([name, schemaRules]) => ({
    label: `${domain}.${name}`,
    domain,
    name,
    ...schemaRules,
  })),
);
const usedKeys = [...new Set(ruleCases.flatMap((c) => c.broken.map(([, , key]) => key)))].sort();

describe("the input schemas", () => {
  it("each have their rules proved here, one module per domain", async () => {
    expect(Object.keys(rules).sort()).toEqual(domains);
    for (const domain of domains) {
      expect(Object.keys(await schemasOf(domain)).sort(), domain).toEqual(
        Object.keys(rules[domain] ?? {}).sort(),
      );
    }
  });

  it.each(ruleCases)(
    "$label accepts a valid input and the edges of its rules",
    async ({ domain, name, valid, accepted = [] }) => {
      const schema = (await schemasOf(domain))[name]!;
      expect(schema.safeParse(valid).error?.issues).toBeUndefined();
      for (const [field, value] of accepted) {
        expect(schema.safeParse({ ...valid, [field]: value }).error?.issues, field).toBeUndefined();
      }
    },
  );

  it.each(ruleCases)(
    "$label refuses what breaks each rule with the rule's message key",
    async ({ domain, name, valid, broken }) => {
      const schema = (await schemasOf(domain))[name]!;
      for (const [field, value, key] of broken) {
        const result = schema.safeParse({ ...valid, [field]: value });
        const issues = result.error?.issues.map((i) => ({ path: i.path, message: i.message }));
        expect(issues, `${field}: ${JSON.stringify(value)}`).toEqual([
          { path: [field], message: key },
        ]);
      }
    },
  );

  it.each(usedKeys)("say %s in English and Swedish", (key) => {
    for (const [language, catalog] of Object.entries(catalogs)) {
      const text = messageAt(catalog, key);
      expect(typeof text === "string" && text.length > 0, `${language}: ${key}`).toBe(true);
    }
  });

  it("use every message of the validation catalog", () => {
    expect(keysOf(catalogs.en).sort()).toEqual(usedKeys);
  });

  it("have messages that state the very limits the schemas apply", () => {
    for (const key of usedKeys) {
      for (const [language, catalog] of Object.entries(catalogs)) {
        const stated = numbersIn(String(messageAt(catalog, key)));
        expect(stated, `${language}: ${key}`).toEqual(statedLimits[key] ?? []);
      }
    }
  });

  it.each(domains)(
    "of %s import only zod and the constants, so a form may import them",
    (domain) => {
      const graph = [...importGraph(resolve(servicesDir, domain, "schemas.ts"))];
      const packages = graph.filter((entry) => !entry.startsWith("/"));
      expect(packages.filter((specifier) => !clientSafe.has(specifier))).toEqual([]);
    },
  );

  it("are each exported to the apps as @truce/api/schemas/<domain>", () => {
    const manifest = readJson("../../package.json") as { exports: Record<string, string> };
    for (const domain of domains) {
      expect(manifest.exports[`./schemas/${domain}`], domain).toBe(
        `./src/services/${domain}/schemas.ts`,
      );
    }
  });
});
