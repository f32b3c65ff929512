/**
 * `--profile`: the app's server runs with V8's CPU profiler (`node --cpu-prof`) while the
 * benchmark loads it, and the profile written when it stops is summed up here: where the
 * app's time went, by package and by function (self time), so that a ratio to the floors
 * can be followed to its cause. Open the .cpuprofile itself in Chrome's DevTools
 * (Performance) for the call tree.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  name: string;
  /** Share of the sampled time, 0 to 1. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  seconds: number;
  byPackage: ProfileShare[];
  byFunction: ProfileShare[];
}

/** The newest .cpuprofile in `dir`, or null when the server wrote none. */
export function newestProfile(dir: string): string | null {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  files.sort();
  return files.length ? join(dir, files[files.length - 1]!) : null;
}

/** Who a frame belongs to: a package in node_modules, the project's own code, or V8/Node. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) {
    return ["(garbage collector)", "(idle)", "(program)"].includes(functionName)
      ? functionName
      : "(native)";
  }
  if (url.startsWith("node:")) return "node";
  const modules = url.lastIndexOf("node_modules/");
  if (modules !== -1) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  // The production build bundles the app's server code into .next-bench/server chunks; its
  // source is the project's own, and Next.js's compiled runtime lives in next/dist.
  if (url.includes("/.next")) return "(app bundle)";
  return "(project)";
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, k) => {
    const dt = profile.timeDeltas[k] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const idle = [...self].reduce(
    (sum, [id, t]) => (byId.get(id)?.callFrame.functionName === "(idle)" ? sum + t : sum),
    0,
  );
  const busy = total - idle;
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, t] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    const owner = ownerOf(url, functionName);
    packages.set(owner, (packages.get(owner) ?? 0) + t);
    const where = url ? `${url.split("/").slice(-2).join("/")}:${lineNumber + 1}` : "";
    const name = `${functionName || "(anonymous)"} ${where} [${owner}]`.trim();
    functions.set(name, (functions.get(name) ?? 0) + t);
  }
  const ranked = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, share: busy > 0 ? t / busy : 0 }));
  return {
    file,
    seconds: busy / 1e6,
    byPackage: ranked(packages),
    byFunction: ranked(functions),
  };
}

export function printProfile(summary: ProfileSummary) {
  const pct = (s: number) => `${(s * 100).toFixed(1).padStart(5)} %`;
  console.log(
    `\nWhere the app's server spent its ${summary.seconds.toFixed(1)} s of CPU (self time, idle left out; ${summary.file}):`,
  );
  console.log("  by package:");
  for (const p of summary.byPackage) console.log(`    ${pct(p.share)}  ${p.name}`);
  console.log("  by function:");
  for (const f of summary.byFunction) console.log(`    ${pct(f.share)}  ${f.name}`);
}
