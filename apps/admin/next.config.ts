import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ["@truce/api", "@truce/auth", "@truce/db", "@truce/ui"],
  serverExternalPackages: ["@node-rs/argon2", "postgres"],
  typedRoutes: false,
};

export default withNextIntl(config);
