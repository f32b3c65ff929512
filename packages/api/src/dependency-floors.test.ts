/**
 * `npm audit` cannot reach its service from our machines, so the advisories that matter to
 * this stack are checked as version floors: every installed copy of each package (hoisted or
 * nested, under any workspace, also an npm alias) must be at or above the first fixed version
 * of its release line. Prereleases compare as semver says (5.0.0-beta.31 < 5.0.0-beta.32).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";

/** The first fixed version per release line; a line not listed must be above all of them. */
const FLOORS: Record<string, string[]> = {
  next: ["16.2.11"],
  react: ["19.2.1"],
  "react-dom": ["19.2.1"],
  "@trpc/server": ["11.8.0"],
  "drizzle-orm": ["0.45.2"],
  "next-auth": ["4.24.15", "5.0.0-beta.32"],
};

interface LockEntry {
  version?: string;
  name?: string;
  link?: boolean;
}
type Lockfile = { packages: Record<string, LockEntry> };

/** The floor a version must meet: its own major's, else the highest one (a line we never vetted). */
function floorFor(floors: string[], version: string): string {
  const sameLine = floors.find((f) => semver.major(f) === semver.major(version));
  return sameLine ?? floors.reduce((a, b) => (semver.gt(a, b) ? a : b));
}

interface Installed {
  name: string;
  location: string;
  version: string;
}

/** Every installed copy of the packages that have a floor. */
function installedCopies(lock: Lockfile): Installed[] {
  const found: Installed[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    if (!location.includes("node_modules/") || entry.link) continue;
    const folderName = location.slice(
      location.lastIndexOf("node_modules/") + "node_modules/".length,
    );
    const name = entry.name ?? folderName; // an alias installs package `name` under another folder
    if (name in FLOORS) found.push({ name, location, version: entry.version ?? "(none)" });
  }
  return found;
}

function belowFloor(lock: Lockfile): string[] {
  return installedCopies(lock)
    .filter(({ name, version }) => {
      const valid = semver.valid(version);
      return !valid || semver.lt(valid, floorFor(FLOORS[name]!, valid));
    })
    .map(({ name, location, version }) => `${location} (${name}@${version})`);
}

const lockfile = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../package-lock.json", import.meta.url)), "utf8"),
) as Lockfile;

describe("installed dependencies with known advisories", () => {
  it("are all at or above their fixed versions", () => {
    expect(belowFloor(lockfile)).toEqual([]);
  });

  it("are found in package-lock.json, so the check above is not vacuous", () => {
    const names = new Set(installedCopies(lockfile).map((c) => c.name));
    expect([...names].sort()).toEqual(Object.keys(FLOORS).sort());
  });
});

describe("the floor check", () => {
  const lock = (packages: Record<string, LockEntry>): Lockfile => ({
    packages: { "": { name: "truce" }, ...packages },
  });

  it.each([
    ["next just below the fix", { "node_modules/next": { version: "16.2.10" } }],
    [
      "a nested copy below while the hoisted one is fine",
      {
        "node_modules/react": { version: "19.3.1" },
        "apps/web/node_modules/react": { version: "19.2.0" },
      },
    ],
    [
      "a copy nested in another package",
      {
        "node_modules/some-lib/node_modules/@trpc/server": { version: "11.7.2" },
      },
    ],
    ["an earlier beta of next-auth 5", { "node_modules/next-auth": { version: "5.0.0-beta.31" } }],
    ["next-auth 4 below its own line's fix", { "node_modules/next-auth": { version: "4.24.14" } }],
    ["a release line older than every floor", { "node_modules/next-auth": { version: "3.29.10" } }],
    [
      "an aliased install",
      { "node_modules/drizzle-legacy": { name: "drizzle-orm", version: "0.44.7" } },
    ],
    ["an entry without a usable version", { "node_modules/react-dom": {} }],
  ])("flags %s", (_, packages) => {
    expect(belowFloor(lock(packages))).toHaveLength(1);
  });

  it.each([
    [
      "the fixed versions themselves",
      {
        "node_modules/next": { version: "16.2.11" },
        "node_modules/next-auth": { version: "5.0.0-beta.32" },
        "node_modules/drizzle-orm": { version: "0.45.2" },
      },
    ],
    [
      "later versions and the final release after a beta",
      {
        "node_modules/next": { version: "16.4.6" },
        "node_modules/next-auth": { version: "5.0.0" },
        "node_modules/react": { version: "19.3.1" },
      },
    ],
    ["next-auth 4 at its own line's fix", { "node_modules/next-auth": { version: "4.24.15" } }],
    [
      "workspace links and unrelated packages",
      {
        "node_modules/@truce/api": { link: true },
        "node_modules/next-intl": { version: "1.0.0" },
        "node_modules/react-dom-extra": { version: "0.0.1" },
      },
    ],
  ])("accepts %s", (_, packages) => {
    expect(belowFloor(lock(packages))).toEqual([]);
  });
});
