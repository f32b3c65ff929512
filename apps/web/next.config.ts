import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { staticAssetHeaders } from "@truce/ui/security-headers";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@truce/api", "@truce/auth", "@truce/db", "@truce/ui"],
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
  typedRoutes: false,
  // The hashed build assets; src/proxy.ts gives everything else its headers, CSP nonce included.
  headers: async () => staticAssetHeaders(),
};

export default withNextIntl(config);
