import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

export interface PageWeight {
  path: string;
  scripts: number;
  /** The JavaScript the page loads before it is idle, gzip-compressed, in bytes. */
  gzipBytes: number;
  rawBytes: number;
}

/** The flags Chromium needs on these machines' closed network (docs/decisions.md). */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

function cookiesOf(header: string, url: string) {
  return header
    .split(";")
    .filter((part) => part.includes("="))
    .map((part) => {
      const at = part.indexOf("=");
      return { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim(), url };
    });
}

/**
 * Each page's first-load JavaScript, as a browser with an empty cache fetches it from the
 * production build: every script response until the network is idle, each compressed here
 * with gzip (so the figure does not depend on whether the server compresses).
 */
export async function measurePageWeights(
  baseUrl: string,
  /** Each page, and whether it is opened signed in (with `cookie`, or a cookie of its own). */
  pages: ReadonlyArray<{ path: string; signedIn: boolean; cookie?: string }>,
  cookie: string,
  executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const weights: PageWeight[] = [];
    for (const { path, signedIn, cookie: own } of pages) {
      const context = await browser.newContext();
      if (signedIn) await context.addCookies(cookiesOf(own ?? cookie, baseUrl));
      const page = await context.newPage();
      const bodies: Array<Promise<Buffer | null>> = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script") {
          bodies.push(response.body().catch(() => null));
        }
      });
      const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      if (!response?.ok()) throw new Error(`${path}: the page answered ${response?.status()}`);
      const scripts = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
      weights.push({
        path,
        scripts: scripts.length,
        gzipBytes: scripts.reduce((sum, b) => sum + gzipSync(b).byteLength, 0),
        rawBytes: scripts.reduce((sum, b) => sum + b.byteLength, 0),
      });
      await context.close();
    }
    return weights;
  } finally {
    await browser.close();
  }
}
