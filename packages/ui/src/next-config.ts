import { hostname, networkInterfaces } from "node:os";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticAssetHeaders } from "./security-headers";

/**
 * The hosts a developer may open `npm run dev` by: besides localhost (which Next.js always
 * allows), 127.0.0.1, ::1, this machine's name and each of its addresses. Next.js refuses
 * its development scripts to any other origin, and a sign-in page without its scripts would
 * fall back to a plain form (see docs/security.md).
 */
export function localDevOrigins(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .flatMap((entry) =>
      entry ? [entry.family === "IPv6" ? `[${entry.address}]` : entry.address] : [],
    );
  return [...new Set(["127.0.0.1", "[::1]", hostname().toLowerCase(), ...addresses])];
}

/**
 * `npm run bench` builds the web app with `TRUCE_BENCH_FLOOR=1`: then, and only then, files
 * named `route.bench.ts` are routes (the framework's floor, a bare route handler), and the
 * build goes to `.next-bench`, so it is never the build that `npm test` or a deployment serves.
 */
const benchFloor = process.env.TRUCE_BENCH_FLOOR === "1";

/** Both apps' next.config.ts: the same settings, each app's own i18n request config. */
export function createNextConfig(): NextConfig {
  const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");
  return withNextIntl({
    distDir: benchFloor ? ".next-bench" : ".next",
    pageExtensions: benchFloor ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"],
    reactStrictMode: true,
    poweredByHeader: false,
    transpilePackages: ["@truce/api", "@truce/auth", "@truce/db", "@truce/ui"],
    serverExternalPackages: ["@node-rs/argon2", "postgres"],
    typedRoutes: false,
    allowedDevOrigins: localDevOrigins(),
    // The <title>, the icon links and the rest of the metadata in the <head> of every
    // response, for every browser: Next.js otherwise streams them after the body to all but
    // the bots it knows, and a page is then briefly a document without a title (an axe
    // violation, and a screen reader's first announcement) whose browser asks for
    // /favicon.ico. The metadata is the app's name, from the catalog: nothing to wait for.
    htmlLimitedBots: /.*/,
    // The hashed build assets; src/proxy.ts gives everything else its headers, CSP nonce included.
    headers: async () => staticAssetHeaders(),
  });
}
